/** The physician's signature with its content hash, and every amendment beside the original entry it corrects. */
import { formatProblem } from '../../../../core/messages';
import { formatDateTime, formatNumber, formatTime } from '../format';
import { stamp, type Detail, type ProtocolContext } from './context';
import { escortText, scoreText } from './dischargeSection';
import { observationValue } from './observationSection';

export function signatureSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const signed = ctx.review.detail.session.signed;
  w.heading(T.signature);
  if (!signed) {
    w.paragraph(T.unsigned, { bold: true, color: '#c00000' });
    return;
  }
  w.keyValues([
    [T.signedBy, signed.userName],
    [T.signedAt, formatDateTime(signed.at, lang)],
  ]);
  // Condensed so the 64 hex digits stay on one line and can be compared at a glance.
  w.keyValues([[T.contentHash, ctx.contentHash ?? '—']], { condensedValues: true });
  const integrity = ctx.review.integrity;
  if (integrity.status === 'changed') {
    w.paragraph([T.contentChanged, ...integrity.problems.map((p) => formatProblem(p, lang))].join('\n'), { bold: true, color: '#c00000' });
  }
}

/** The corrected entry as it was recorded: §630f keeps the original recognisable beside its correction. */
export function originalOf(ctx: ProtocolContext, a: Detail['amendments'][number]): string {
  const d = ctx.review.detail;
  const { T, lang } = ctx;
  switch (a.target) {
    case 'doseEvent': {
      const e = d.doseEvents.find((x) => x.id === a.targetId);
      if (!e) break;
      const value = e.rateMlPerH !== null ? `${formatNumber(e.rateMlPerH, lang, 1)} ml/h` : e.amount !== null ? `${formatNumber(e.amount, lang, 2)} ${e.unit ?? ''}` : '';
      return `${formatTime(e.at, lang)} ${T.doseEvents[e.kind] ?? e.kind} ${value} (${e.by.userName})`.trim();
    }
    case 'observation': {
      const o = d.observations.find((x) => x.id === a.targetId);
      if (!o) break;
      return `${formatTime(o.observation.at, lang)} ${T.observationKinds[o.observation.kind] ?? o.observation.kind}: ${observationValue(o.observation, ctx)} (${o.recorded.userName})`;
    }
    case 'prescription': {
      const p = d.prescriptions.find((x) => x.id === a.targetId);
      if (!p) break;
      return `${formatNumber(p.targetMgPerKgPerH, lang, 3)} mg/kg/h, ${formatNumber(p.weightKg, lang, 1)} kg, ${formatNumber(p.concentrationMgPerMl, lang)} mg/ml (${stamp(ctx, p.prescribed)})`;
    }
    case 'dischargeScore':
      if (d.discharge.score) return scoreText(ctx, d.discharge.score);
      break;
    case 'escort':
      if (d.discharge.escort) return escortText(ctx, d.discharge.escort);
      break;
    case 'checklist':
      return `${T.checklist} (${stamp(ctx, d.checklist.saved)})`;
    case 'discharge':
      return `${T.dischargedAt}: ${formatDateTime(d.session.dischargedAt, lang)}`;
    case 'session':
      return `${T.statusNames[d.session.status] ?? d.session.status}, ${formatDateTime(d.session.startedAt, lang)} – ${formatDateTime(d.session.stoppedAt, lang)}`;
  }
  return a.targetId !== null ? `#${a.targetId}` : '—';
}

export function amendmentSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const amendments = ctx.review.detail.amendments;
  w.heading(T.amendments);
  const cols = T.amendmentColumns;
  w.table(
    [
      { header: cols[0]!, width: 62 },
      { header: cols[1]!, width: 58 },
      { header: cols[2]!, width: 130 },
      { header: cols[3]!, width: 110 },
      { header: cols[4]!, width: 90 },
      { header: cols[5]!, width: 60 },
    ],
    amendments.map((a) => [
      formatDateTime(a.signed.at, lang),
      T.amendmentTargets[a.target] ?? a.target,
      originalOf(ctx, a),
      a.correction,
      a.reason,
      a.signed.userName,
    ]),
    { emptyText: T.noAmendments },
  );
}
