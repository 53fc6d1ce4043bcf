/** Prescriptions and the dose timeline: every rate change, pause and bolus with the cumulative mg and mg/kg at it. */
import { applyDoseAmendments } from '../../../../core/dose/amendments';
import { cumulativeDose, type DoseEvent } from '../../../../core/dose/timeline';
import { recordedDoseEvents } from '../../session/doseRecordView';
import { formatDateTime, formatDuration, formatNumber, formatTime } from '../format';
import { say, type Detail, type ProtocolContext } from './context';

/** The review's dose rows as core's timeline with every signed correction applied (core/dose/amendments). */
export function correctedTimeline(d: Detail): DoseEvent[] {
  const amendments = d.doseEvents.flatMap((e) => e.corrections.map((c) => ({ ...c, doseEventId: e.id })));
  return applyDoseAmendments(recordedDoseEvents(d.doseEvents), amendments).map(({ id: _id, ...e }) => e as DoseEvent);
}

/** Cumulative dose at each (corrected) event, from the exact integral of the timeline up to it (core/dose/timeline). */
export function cumulativeAtEvents(d: Detail): ({ mg: number; mgPerKg: number } | null)[] {
  const p = d.prescription;
  if (!p) return d.doseEvents.map(() => null);
  const events = correctedTimeline(d);
  const timeline = { concentrationMgPerMl: p.concentrationMgPerMl, weightKg: p.weightKg, events };
  return events.map((e) => {
    try {
      const dose = cumulativeDose(timeline, e.at);
      return { mg: dose.totalMg, mgPerKg: dose.mgPerKg };
    } catch {
      return null; // a stored timeline that is not valid: the event is printed without a total
    }
  });
}

export function prescriptionSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const d = ctx.review.detail;
  w.heading(T.prescription);
  const cols = T.prescriptionColumns;
  w.table(
    [
      { header: cols[0]!, width: 80 },
      { header: cols[1]!, width: 62 },
      { header: cols[2]!, width: 64, align: 'right' },
      { header: cols[3]!, width: 40, align: 'right' },
      { header: cols[4]!, width: 60, align: 'right' },
      { header: cols[5]!, width: 38, align: 'right' },
      { header: cols[6]!, width: 44, align: 'right' },
      { header: cols[7]!, width: 108 },
    ],
    d.prescriptions.map((p) => [
      `${formatDateTime(p.prescribed.at, lang)}\n${p.prescribed.userName}`,
      T.substance[p.substance] ?? p.substance,
      `${formatNumber(p.concentrationMgPerMl, lang)} mg/ml`,
      `${formatNumber(p.weightKg, lang, 1)} kg`,
      `${formatNumber(p.targetMgPerKgPerH, lang, 3)} mg/kg/h`,
      formatNumber(p.mgPerH, lang, 2),
      `${formatNumber(p.pumpRateMlPerH, lang, 1)} ml/h`,
      p.softLimitReason ?? '',
    ]),
  );
}

export function doseSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  const d = ctx.review.detail;
  const totals = cumulativeAtEvents(d);
  w.heading(T.doseTimeline);
  const cols = T.doseColumns;
  w.table(
    [
      { header: cols[0]!, width: 40 },
      { header: cols[1]!, width: 62 },
      { header: cols[2]!, width: 36, align: 'right' },
      { header: cols[3]!, width: 44, align: 'right' },
      { header: cols[4]!, width: 44, align: 'right' },
      { header: cols[5]!, width: 96 },
      { header: cols[6]!, width: 44, align: 'right' },
      { header: cols[7]!, width: 48, align: 'right' },
      { header: cols[8]!, width: 70 },
    ],
    d.doseEvents.map((e, i) => [
      formatTime(e.at, lang),
      T.doseEvents[e.kind] ?? e.kind,
      e.rateMlPerH !== null ? formatNumber(e.rateMlPerH, lang, 1) : '',
      e.rateMgPerKgPerH !== null ? formatNumber(e.rateMgPerKgPerH, lang, 3) : '',
      e.amount !== null ? `${formatNumber(e.amount, lang, 2)} ${e.unit ?? ''}` : '',
      // A confirmed order is said in the document's language (rows from before stored it in English).
      e.order ? say(ctx, T.orderConfirmed[e.order.via], { n: e.order.id }) : (e.reason ?? ''),
      formatNumber(totals[i]?.mg, lang, 2),
      formatNumber(totals[i]?.mgPerKg, lang, 3),
      e.by.userName,
    ]),
  );
  const dose = d.dose;
  const s = d.session;
  if (dose) {
    const duration = s.startedAt !== null ? formatDuration((s.stoppedAt ?? dose.at) - s.startedAt) : '—';
    w.paragraph(
      say(ctx, T.doseTotal, {
        mg: formatNumber(dose.totalMg, lang, 2),
        mgPerKg: formatNumber(dose.mgPerKg, lang, 3),
        volume: formatNumber(dose.totalMl, lang, 1),
        duration,
      }),
      { bold: true },
    );
  }
}
