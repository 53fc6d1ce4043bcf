/**
 * The vital-sign lines of every trend chart, in the bedside colours. A function, not a component: recharts reads
 * its <Line> children directly.
 */
import type { TFunction } from 'i18next';
import { Line } from 'recharts';
import type { VitalParameter } from '../../core/vitals';

const VITAL_LINES: { parameter: VitalParameter; color: string }[] = [
  { parameter: 'hr', color: 'var(--hr)' },
  { parameter: 'spo2', color: 'var(--spo2)' },
  { parameter: 'nibpSys', color: 'var(--nibp)' },
  { parameter: 'nibpDia', color: 'var(--nibp-dim)' },
  { parameter: 'rr', color: 'var(--rr)' },
];

export function vitalLines(t: TFunction) {
  return VITAL_LINES.map((l) => (
    <Line
      key={l.parameter}
      dataKey={l.parameter}
      name={t(`params.${l.parameter}`)}
      stroke={l.color}
      dot={false}
      strokeWidth={2}
      isAnimationActive={false}
      // Cuff values are minutes apart: join them; continuous values keep their gaps (no data stays visible).
      connectNulls={l.parameter.startsWith('nibp')}
    />
  ));
}
