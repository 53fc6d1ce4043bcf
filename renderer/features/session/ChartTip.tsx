/** The values under the pointer: time, each parameter's bucket (lowest–highest) and the rate in force then. */
import type { TFunction } from 'i18next';
import { nearestRow } from '../../components/chart/plotGeometry';
import { bandText, VITAL_LINES } from '../../components/vitalLines';
import type { TrendRow } from '../../stores/trendRows';
import { hhmm } from '../../format';
import type { RatePoint } from './doseTimeline';
import { rateLabel } from './DosePlot';

interface Props {
  t: TFunction;
  at: number;
  /** The pointer's x in the chart, px: the box sits beside it, on the side with more room. */
  left: number;
  width: number;
  rows: readonly TrendRow[];
  steps: readonly RatePoint[];
}

export function ChartTip({ t, at, left, width, rows, steps }: Props) {
  const row = rows[nearestRow(rows, at)];
  const rate = steps.findLast((s) => s.t <= at);
  const side = left < width / 2 ? { left: left + 12 } : { right: width - left + 12 };
  return (
    <div className="chart-tip" data-testid="chart-tip" style={side}>
      <div className="chart-tip__time">{hhmm(row?.t ?? at)}</div>
      {VITAL_LINES.filter((l) => row?.[l.parameter]).map((l) => (
        <div key={l.parameter} style={{ color: l.color }}>
          {t(`params.${l.parameter}`)}: {bandText(row![l.parameter])}
        </div>
      ))}
      {rate && (
        <div style={{ color: 'var(--dose)' }}>
          {t('infusion.rateAxis')}: {rateLabel(rate.mgPerKgPerH)}
        </div>
      )}
    </div>
  );
}
