/** The frame of every page of every document: header line, footer with "Seite x von y", and a draft mark if asked. */
import { fillTemplate, type Lang } from '../../../core/text';
import { formatDateTime } from './format';
import { A4, BOTTOM, CONTENT_WIDTH, FONT, MARGIN, type Doc } from './pdfWriter';
import type { DocumentTexts } from './texts';

export interface FrameText {
  title: string;
  patientLine: string;
  /** Printed on every page when set (an unsigned record, a draft application). */
  draft?: string;
  T: DocumentTexts;
  lang: Lang;
  generatedAt: number;
}

/** Drawn on each page once all pages exist. Text in the margins must not push a new page: margins are lifted meanwhile. */
export function pageFrame(f: FrameText) {
  return (doc: Doc, page: number, pages: number) => {
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font(FONT.condensed).fontSize(7.5).fillColor('#555');
    doc.text(f.title, MARGIN.left, 26, { width: CONTENT_WIDTH * 0.6, lineBreak: false, ellipsis: true });
    doc.text(f.patientLine, MARGIN.left + CONTENT_WIDTH * 0.6, 26, { width: CONTENT_WIDTH * 0.4, align: 'right', lineBreak: false, ellipsis: true });
    doc.moveTo(MARGIN.left, 38).lineTo(MARGIN.left + CONTENT_WIDTH, 38).lineWidth(0.4).strokeColor('#999').stroke();
    const footY = BOTTOM + 14;
    doc.moveTo(MARGIN.left, footY - 4).lineTo(MARGIN.left + CONTENT_WIDTH, footY - 4).lineWidth(0.4).strokeColor('#999').stroke();
    const generated = fillTemplate(f.T.generated, { at: formatDateTime(f.generatedAt, f.lang) }, f.lang);
    doc.text(`${f.T.legalFooter} · ${generated}`, MARGIN.left, footY, { width: CONTENT_WIDTH * 0.7, lineBreak: false });
    doc.font(FONT.bold).fillColor('#000');
    doc.text(fillTemplate(f.T.page, { page, pages }, f.lang), MARGIN.left + CONTENT_WIDTH * 0.7, footY, { width: CONTENT_WIDTH * 0.3, align: 'right', lineBreak: false });
    if (f.draft) draftMark(doc, f.draft);
    doc.page.margins = margins;
  };
}

/** Red banner at the top and a diagonal watermark: a draft is never mistaken for the final document. */
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

/** Big title and a subtitle line at the top of the first page. */
export function titleLines(doc: Doc, title: string, subtitle: string): void {
  doc.font(FONT.bold).fontSize(15).fillColor('#000').text(title, MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
  doc.font(FONT.regular).fontSize(10).moveDown(0.2);
  doc.text(subtitle, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
}
