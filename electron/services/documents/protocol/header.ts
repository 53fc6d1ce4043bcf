/** Title block of the first page, and the frame of every page: header line, "Seite x von y", draft mark. */
import { formatDate, formatDateTime, formatIsoDate } from '../format';
import { A4, BOTTOM, CONTENT_WIDTH, FONT, MARGIN, type Doc } from '../pdfWriter';
import { say, type ProtocolContext } from './context';

export function protocolTitle(ctx: ProtocolContext): string {
  const p = ctx.review.detail.prescription;
  const substance = ctx.T.substance[p?.substance ?? 'esketamine'] ?? '';
  return `${ctx.T.protocolTitle} ${substance}`.trim();
}

export function titleBlock(ctx: ProtocolContext): void {
  const { w, T, review } = ctx;
  const d = review.detail;
  const doc = w.doc;
  doc.font(FONT.bold).fontSize(15).fillColor('#000').text(protocolTitle(ctx), MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
  doc.font(FONT.regular).fontSize(10).moveDown(0.2);
  const sessionLine = [
    say(ctx, T.sessionOf, { n: d.session.sessionNumber, of: d.course.plannedInfusions }),
    formatDate(d.session.startedAt ?? d.session.plannedFor, ctx.lang),
    `${T.chair}: ${d.session.chairName}`,
    `${T.status}: ${T.statusNames[d.session.status] ?? d.session.status}`,
  ].join('  ·  ');
  doc.text(sessionLine, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
}

/** Drawn on each page once all pages exist. Text in the margins must not push a new page: margins are lifted meanwhile. */
export function pageFrame(ctx: ProtocolContext, generatedAt: number) {
  const d = ctx.review.detail;
  const signed = d.session.signed !== null;
  const patient = `${d.patient.familyName}, ${d.patient.givenName} (* ${formatIsoDate(d.patient.birthDate, ctx.lang)})`;
  const title = `${protocolTitle(ctx)} – ${say(ctx, ctx.T.sessionOf, { n: d.session.sessionNumber, of: d.course.plannedInfusions })}`;
  return (doc: Doc, page: number, pages: number) => {
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font(FONT.condensed).fontSize(7.5).fillColor('#555');
    doc.text(title, MARGIN.left, 26, { width: CONTENT_WIDTH * 0.6, lineBreak: false, ellipsis: true });
    doc.text(patient, MARGIN.left + CONTENT_WIDTH * 0.6, 26, { width: CONTENT_WIDTH * 0.4, align: 'right', lineBreak: false, ellipsis: true });
    doc.moveTo(MARGIN.left, 38).lineTo(MARGIN.left + CONTENT_WIDTH, 38).lineWidth(0.4).strokeColor('#999').stroke();
    const footY = BOTTOM + 14;
    doc.moveTo(MARGIN.left, footY - 4).lineTo(MARGIN.left + CONTENT_WIDTH, footY - 4).lineWidth(0.4).strokeColor('#999').stroke();
    doc.text(`${ctx.T.legalFooter} · ${say(ctx, ctx.T.generated, { at: formatDateTime(generatedAt, ctx.lang) })}`, MARGIN.left, footY, {
      width: CONTENT_WIDTH * 0.7,
      lineBreak: false,
    });
    doc.font(FONT.bold).fillColor('#000');
    doc.text(say(ctx, ctx.T.page, { page, pages }), MARGIN.left + CONTENT_WIDTH * 0.7, footY, { width: CONTENT_WIDTH * 0.3, align: 'right', lineBreak: false });
    if (!signed) draftMark(doc, ctx.T.draft);
    doc.page.margins = margins;
  };
}

/** Red banner at the top and a diagonal watermark: an unsigned record is never mistaken for the final one. */
function draftMark(doc: Doc, text: string): void {
  doc.font(FONT.bold).fontSize(10).fillColor('#c00000');
  doc.text(text, MARGIN.left, 44, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
  doc.save();
  doc.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
  doc.font(FONT.bold).fontSize(54).fillColor('#c00000').fillOpacity(0.12);
  doc.text(text.split(' – ')[0]!, 0, A4.height / 2 - 30, { width: A4.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}
