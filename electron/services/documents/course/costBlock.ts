/**
 * GOÄ cost proposal of the dossier (§5.4, §5.5 item 5): per session the clinic's items plus the infusion item by the
 * session's duration (271 ≤ 30 min, 272 beyond), × the clinic's factor; further planned infusions estimated like
 * a 272 session. Items and factor are printed with their sources.
 */
import { goaeLine, infusionItemFor, type GoaeLine } from '../../../../core/clinic/goae';
import { fillTemplate } from '../../../../core/text';
import { formatNumber } from '../format';
import type { CourseContext } from './courseData';

export interface Billing {
  items: readonly number[];
  factor: number;
  itemsSource: string;
  factorSource: string;
}

const MIN = 60_000;

export function sessionLines(billing: Billing, durationMin: number | null): GoaeLine[] {
  const numbers = durationMin === null ? billing.items : [...billing.items, infusionItemFor(durationMin)];
  return numbers.flatMap((n) => goaeLine(n, billing.factor) ?? []);
}

const sum = (lines: readonly GoaeLine[]) => Math.round(lines.reduce((a, l) => a + l.amountEur, 0) * 100) / 100;

/** Returns the expected total in euro. */
export function costBlock(c: CourseContext, billing: Billing): number {
  const { w, C, lang } = c;
  const money = (v: number) => formatNumber(v, lang, 2, 2);
  w.heading(C.costs);
  const rows: string[][] = [];
  let total = 0;
  const done = c.view.sessions.filter((s) => s.startedAt !== null && s.stoppedAt !== null);
  for (const s of done) {
    const lines = sessionLines(billing, (s.stoppedAt! - s.startedAt!) / MIN);
    for (const l of lines) rows.push([String(s.sessionNumber), String(l.item.number), l.item[lang], String(l.item.points), formatNumber(l.factor, lang, 2), money(l.amountEur)]);
    rows.push(['', '', C.costSession, '', '', money(sum(lines))]);
    total += sum(lines);
  }
  const cols = C.costColumns;
  w.table(cols.map((header, i) => ({ header, width: [46, 50, 220, 44, 44, 66][i]!, ...(i >= 3 ? { align: 'right' as const } : {}) })), rows, { emptyText: C.none });
  // Sessions planned but not yet given, and infusions of the course not yet planned (cancelled ones do not count).
  const active = c.view.sessions.filter((s) => s.status !== 'cancelled');
  const remaining = active.filter((s) => !done.includes(s)).length + Math.max(0, c.view.course.plannedInfusions - active.length);
  if (remaining > 0) {
    const perSession = sum(sessionLines(billing, 31));
    total += remaining * perSession;
    w.paragraph(fillTemplate(C.costPlanned, { n: remaining, amount: money(perSession) }, lang));
  }
  total = Math.round(total * 100) / 100;
  w.paragraph(fillTemplate(C.costTotal, { amount: money(total) }, lang), { bold: true });
  if (total > 2000) w.paragraph(C.vvg);
  w.paragraph(
    fillTemplate(C.costSources, { items: billing.items.join(', '), itemsSource: billing.itemsSource, factor: formatNumber(billing.factor, lang, 2), factorSource: billing.factorSource }, lang),
    { color: '#555', size: 8 },
  );
  return total;
}
