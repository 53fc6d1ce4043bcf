/** Discharge: observation time, score with its items, escort, instructions, release or override, transfer, leaving time. */
import { DISCHARGE_SCALES } from '../../../../core/session/scales';
import { formatDateTime } from '../format';
import { say, stamp, type Detail, type ProtocolContext } from './context';

export function scoreText(ctx: ProtocolContext, score: NonNullable<Detail['discharge']['score']>): string {
  const scale = DISCHARGE_SCALES[score.scale];
  const head = say(ctx, ctx.T.scoreValue, {
    scale: scale[ctx.lang],
    total: score.total,
    max: score.maxPoints,
    threshold: score.threshold,
    at: formatDateTime(score.recorded.at, ctx.lang),
    by: score.recorded.userName,
  });
  const items = scale.items.map((i) => `${i[ctx.lang]}: ${score.answers[i.id] ?? '—'}`).join('; ');
  return `${head}\n${items}`;
}

export function escortText(ctx: ProtocolContext, escort: NonNullable<Detail['discharge']['escort']>): string {
  const e = escort.escort;
  const by = stamp(ctx, escort.confirmed);
  const arrival = formatDateTime(e.arrivalAt, ctx.lang);
  return e.kind === 'person'
    ? say(ctx, ctx.T.escortPerson, { name: e.name ?? '—', relation: e.relation ?? '—', phone: e.phone ?? '—', arrival, by })
    : say(ctx, ctx.T.escortTaxi, { company: e.company ?? '—', booking: e.bookingReference ?? '—', arrival, by });
}

export function dischargeSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const d = ctx.review.detail;
  const dis = d.discharge;
  const s = d.session;
  w.ensureSpace(140); // the discharge block starts on the page it mostly fits on
  w.heading(T.discharge);
  const rows: [string, string][] = [
    [T.infusionStart, formatDateTime(s.startedAt, lang)],
    [T.infusionStop, formatDateTime(s.stoppedAt, lang)],
    [T.observationEnds, formatDateTime(dis.observationEndsAt, lang)],
    [T.dischargeScore, dis.score ? scoreText(ctx, dis.score) : '—'],
    [T.escort, dis.escort ? escortText(ctx, dis.escort) : '—'],
    [T.instructions, stamp(ctx, dis.instructionsAcknowledged)],
    [T.release, stamp(ctx, dis.physicianRelease)],
  ];
  if (dis.override) {
    rows.push([
      T.override,
      say(ctx, T.overrideValue, {
        by: dis.override.by.userName,
        at: formatDateTime(dis.override.by.at, lang),
        criteria: dis.override.criteria.map((c) => T.overrideCriteria[c] ?? c).join(', '),
        reason: dis.override.reason,
      }),
    ]);
  }
  if (d.transfer) {
    rows.push([
      T.transfer,
      say(ctx, T.transferValue, { to: d.transfer.handedOverTo, destination: d.transfer.destination, reason: d.transfer.reason, by: d.transfer.by.userName, at: formatDateTime(d.transfer.by.at, lang) }),
    ]);
  }
  rows.push([T.dischargedAt, formatDateTime(s.dischargedAt, lang)]);
  if (d.cancelReason) rows.push([T.cancelled, d.cancelReason]);
  w.keyValues(rows);
}
