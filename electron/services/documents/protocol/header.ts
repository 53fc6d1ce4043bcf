/** Title block of the protocol's first page, and its page frame (draft mark while the session is unsigned). */
import { formatDate, formatIsoDate } from '../format';
import { pageFrame, titleLines } from '../frame';
import { say, type ProtocolContext } from './context';

export function protocolTitle(ctx: ProtocolContext): string {
  const p = ctx.review.detail.prescription;
  const substance = ctx.T.substance[p?.substance ?? 'esketamine'] ?? '';
  return `${ctx.T.protocolTitle} ${substance}`.trim();
}

export function titleBlock(ctx: ProtocolContext): void {
  const { T, review } = ctx;
  const d = review.detail;
  const sessionLine = [
    say(ctx, T.sessionOf, { n: d.session.sessionNumber, of: d.course.plannedInfusions }),
    formatDate(d.session.startedAt ?? d.session.plannedFor, ctx.lang),
    `${T.chair}: ${d.session.chairName}`,
    `${T.status}: ${T.statusNames[d.session.status] ?? d.session.status}`,
  ].join('  ·  ');
  titleLines(ctx.w.doc, protocolTitle(ctx), sessionLine);
}

export function protocolFrame(ctx: ProtocolContext, generatedAt: number) {
  const d = ctx.review.detail;
  return pageFrame({
    title: `${protocolTitle(ctx)} – ${say(ctx, ctx.T.sessionOf, { n: d.session.sessionNumber, of: d.course.plannedInfusions })}`,
    patientLine: `${d.patient.familyName}, ${d.patient.givenName} (* ${formatIsoDate(d.patient.birthDate, ctx.lang)})`,
    ...(d.session.signed ? {} : { draft: ctx.T.draft }),
    T: ctx.T,
    lang: ctx.lang,
    generatedAt,
  });
}
