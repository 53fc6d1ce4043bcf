/**
 * The vital-sign bands of every trend chart, in the bedside colours: per time bucket the lowest and highest value
 * (a line where they are equal). A function, not a component: recharts reads its <Area> children directly.
 */
import type { TFunction } from 'i18next';
import { Area } from 'recharts';
import type { VitalParameter } from '../../core/vitals';
import type { Band } from '../stores/trendRows';

/** EtCO2 and RR share the monitor's yellow: EtCO2 is dashed so the two stay apart. */
const VITAL_LINES: { parameter: VitalParameter; color: string; dash?: string }[] = [
  { parameter: 'hr', color: 'var(--hr)' },
  { parameter: 'spo2', color: 'var(--spo2)' },
  { parameter: 'nibpSys', color: 'var(--nibp)' },
  { parameter: 'nibpDia', color: 'var(--nibp-dim)' },
  { parameter: 'rr', color: 'var(--rr)' },
  { parameter: 'etco2', color: 'var(--etco2)', dash: '6 3' },
];

export function vitalLines(t: TFunction) {
  return VITAL_LINES.map((l) => {
    // Cuff values are minutes apart: joined, each measurement a dot; continuous values keep their gaps.
    const cuff = l.parameter.startsWith('nibp');
    return (
      <Area
        key={l.parameter}
        dataKey={l.parameter}
        name={t(`params.${l.parameter}`)}
        stroke={l.color}
        strokeDasharray={l.dash}
        fill={l.color}
        fillOpacity={0.35}
        dot={cuff ? { r: 2.5, fill: l.color } : false}
        activeDot={false}
        strokeWidth={cuff ? 2 : 1.5}
        isAnimationActive={false}
        connectNulls={cuff}
      />
    );
  });
}

/** Tooltip text of a band: one value, or lowest–highest within the bucket. */
export function bandText(value: unknown): string {
  if (!Array.isArray(value)) return String(value ?? '–');
  const [lo, hi] = (value as unknown as Band).map((v) => String(Math.round(v * 10) / 10).replace('.', ','));
  return lo === hi ? lo! : `${lo}–${hi}`;
}
