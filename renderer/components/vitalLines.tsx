/**
 * The vital-sign bands of every trend chart, in the bedside colours (drawn by chart/VitalsPlot.tsx: per time bucket
 * the lowest and highest value, a line where they are equal), their legend and their readout text.
 */
import type { TFunction } from 'i18next';
import type { VitalParameter } from '../../core/vitals';
import type { Band } from '../stores/trendRows';

/** EtCO2 and RR share the monitor's yellow: EtCO2 is dashed so the two stay apart. */
export const VITAL_LINES: { parameter: VitalParameter; color: string; dash?: string }[] = [
  { parameter: 'hr', color: 'var(--hr)' },
  { parameter: 'spo2', color: 'var(--spo2)' },
  { parameter: 'nibpSys', color: 'var(--nibp)' },
  { parameter: 'nibpDia', color: 'var(--nibp-dim)' },
  { parameter: 'respRate', color: 'var(--respRate)' },
  { parameter: 'etco2', color: 'var(--etco2)', dash: '6 3' },
];

/** The legend as plain HTML under the chart. */
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
