/**
 * The vital-sign bands of every trend chart, in the bedside colours: per time bucket the lowest and highest value
 * (a line where they are equal). A function, not a component: recharts reads its <Area> children directly.
 */
import type { TFunction } from 'i18next';
import { Area } from 'recharts';
import type { VitalParameter } from '../../core/vitals';
import type { Band, TrendRow } from '../stores/trendRows';

/** EtCO2 and RR share the monitor's yellow: EtCO2 is dashed so the two stay apart. */
export const VITAL_LINES: { parameter: VitalParameter; color: string; dash?: string }[] = [
  { parameter: 'hr', color: 'var(--hr)' },
  { parameter: 'spo2', color: 'var(--spo2)' },
  { parameter: 'nibpSys', color: 'var(--nibp)' },
  { parameter: 'nibpDia', color: 'var(--nibp-dim)' },
  { parameter: 'respRate', color: 'var(--respRate)' },
  { parameter: 'etco2', color: 'var(--etco2)', dash: '6 3' },
];

/**
 * Cuff values are minutes apart: joined, each measurement a dot, drawn from their own rows only. On the chart's rows
 * (one per bucket) recharts would make a dot element and a label entry for every empty bucket (issue 13).
 */
export function cuffRows(rows: readonly TrendRow[]): Map<VitalParameter, TrendRow[]> {
  const cuff = VITAL_LINES.map((l) => l.parameter).filter((p) => p.startsWith('nibp'));
  return new Map(cuff.map((p) => [p, rows.filter((r) => r[p] !== undefined)]));
}

/** `cuff`: cuffRows() of the chart's rows, made once per rows (memoised by the caller). */
export function vitalLines(t: TFunction, cuff: ReadonlyMap<VitalParameter, TrendRow[]>) {
  return VITAL_LINES.map((l) => {
    const own = cuff.get(l.parameter);
    return (
      <Area
        key={l.parameter}
        {...(own ? { data: own } : {})}
        dataKey={l.parameter}
        name={t(`params.${l.parameter}`)}
        stroke={l.color}
        strokeDasharray={l.dash}
        fill={l.color}
        fillOpacity={0.35}
        dot={own ? { r: 2.5, fill: l.color } : false}
        activeDot={false}
        strokeWidth={own ? 2 : 1.5}
        isAnimationActive={false}
      />
    );
  });
}

/**
 * The legend as plain HTML under the chart. recharts' <Legend> measures itself after the first render and lays the
 * whole chart out a second time: half of a review chart's render (issue 13, measured alternating in Chromium).
 */
export function VitalLegend({ t }: { t: TFunction }) {
  return (
    <ul className="chart-legend" data-testid="chart-legend">
      {VITAL_LINES.map((l) => (
        <li key={l.parameter} style={{ color: l.color }}>
          <span className="chart-legend__mark" style={{ background: l.color }} />
          {t(`params.${l.parameter}`)}
        </li>
      ))}
    </ul>
  );
}

/** Tooltip text of a band: one value, or lowest–highest within the bucket. */
export function bandText(value: unknown): string {
  if (!Array.isArray(value)) return String(value ?? '–');
  const [lo, hi] = (value as unknown as Band).map((v) => String(Math.round(v * 10) / 10).replace('.', ','));
  return lo === hi ? lo! : `${lo}–${hi}`;
}
