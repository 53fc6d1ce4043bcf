/** The chair's trend so far, on one time axis. Gaps (no data, invalid) stay gaps. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendRow } from '../stores/trendRows';
import { useBoxSize } from './chart/useBoxSize';
import { VitalsPlot } from './chart/VitalsPlot';
import { VitalLegend } from './vitalLines';

/** Memoised: the chair screen re-renders every second for its clocks; the chart only when its rows change. */
export const TrendChart = memo(function TrendChart({ rows }: { rows: TrendRow[] }) {
  const { t } = useTranslation();
  const [box, size] = useBoxSize<HTMLDivElement>();
  const drawn = rows.length >= 2;
  // The box stays mounted while there is no trend yet, so it is measured once rows arrive.
  return (
    <div className={drawn ? 'trend' : 'trend trend--empty'} data-testid={drawn ? 'trend' : undefined}>
      <div className="trend__plot" ref={box}>
        {drawn && <VitalsPlot rows={rows} from={rows[0]!.t} to={rows[rows.length - 1]!.t} width={size.width} height={size.height} stoppedAt={null} />}
      </div>
      {drawn ? <VitalLegend t={t} /> : t('vitals.trendEmpty')}
    </div>
  );
});
