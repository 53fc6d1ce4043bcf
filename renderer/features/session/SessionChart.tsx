/**
 * Vitals and the dose on one time axis (§5.3 timeline grid): the vitals trend above, the delivered rate in mg/kg/h
 * as a step line below, both with the same X domain and margins so a rate change lines up with the vitals it caused.
 * Drawn as a few SVG paths of our own (issue 13): recharts 3 took 124–256 ms from data to painted for a 3-hour
 * review (p50, a loaded 2-core machine; one long task each, mostly its own store and render passes, not the SVG),
 * this chart 22–32 ms, about two frames. `npm run bench` times both in one page.
 */
import { memo, useMemo, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { plotBox } from '../../components/chart/plotGeometry';
import { useBoxSize } from '../../components/chart/useBoxSize';
import { VitalsPlot } from '../../components/chart/VitalsPlot';
import { VitalLegend } from '../../components/vitalLines';
import type { TrendRow } from '../../stores/trendRows';
import { ChartTip } from './ChartTip';
import { rateSteps } from './doseTimeline';
import { DosePlot } from './DosePlot';

export interface SessionChartProps {
  detail: SessionDetail;
  rows: TrendRow[];
  from: number;
  to: number;
  height?: 'compact' | 'full';
}

/** The rows from `from` on; later rows than `to` are clipped by the plot, so a moving `to` costs no new array. */
export function rowsFrom(rows: TrendRow[], from: number): TrendRow[] {
  const i = rows.findIndex((r) => r.t >= from);
  return i <= 0 ? (i === 0 ? rows : []) : rows.slice(i);
}

/** Memoised: the session screen re-renders every second for its clocks; the plots redraw only when their data moves. */
export const SessionChart = memo(function SessionChart({ detail, rows, from, to, height = 'compact' }: SessionChartProps) {
  const { t } = useTranslation();
  const [vitalsRef, vitals] = useBoxSize<HTMLDivElement>();
  const [doseRef, dose] = useBoxSize<HTMLDivElement>();
  const [pointer, setPointer] = useState<{ x: number; at: number } | null>(null);
  const data = useMemo(() => rowsFrom(rows, from), [rows, from]);
  const steps = useMemo(() => rateSteps(detail, to), [detail, to]);
  const boluses = useMemo(() => detail.doseEvents.filter((e) => e.kind === 'bolus').map((e) => e.at), [detail.doseEvents]);
  const stoppedAt = detail.session.stoppedAt;
  const box = plotBox(vitals.width, vitals.height);
  const doseBox = plotBox(dose.width, dose.height);

  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left - e.currentTarget.clientLeft;
    const inside = box.width > 0 && x >= box.left && x <= box.left + box.width;
    setPointer(inside ? { x, at: from + ((x - box.left) / box.width) * (to - from) } : null);
  };
  const cursor = (top: number, h: number) => pointer && <div className="chart-cursor" style={{ left: pointer.x, top, height: h }} />;

  return (
    <div className={`session-chart session-chart--${height}`} data-testid="session-chart" onPointerMove={onMove} onPointerLeave={() => setPointer(null)}>
      <div className="session-chart__vitals" ref={vitalsRef}>
        <VitalsPlot rows={data} from={from} to={to} width={vitals.width} height={vitals.height} stoppedAt={stoppedAt} />
        {cursor(box.top, box.height)}
        {pointer && <ChartTip t={t} at={pointer.at} left={pointer.x} width={vitals.width} rows={data} steps={steps} />}
      </div>
      <VitalLegend t={t} />
      <div className="session-chart__dose" data-testid="dose-chart" ref={doseRef}>
        <DosePlot steps={steps} boluses={boluses} from={from} to={to} width={dose.width} height={dose.height} stoppedAt={stoppedAt} />
        {cursor(doseBox.top, doseBox.height)}
      </div>
      <ul className="chart-legend">
        <li style={{ color: 'var(--dose)' }}>
          <span className="chart-legend__mark chart-legend__mark--line" style={{ background: 'var(--dose)' }} />
          {t('infusion.rateAxis')}
        </li>
      </ul>
    </div>
  );
});
