/** The dose half of the session chart: the delivered rate in mg/kg/h as a step line, each bolus a marked line. */
import { memo } from 'react';
import { linear, plotBox, stepPath, timeTicks, valueTicks } from '../../components/chart/plotGeometry';
import { PlotAxes } from '../../components/chart/PlotAxes';
import { PlotSvg } from '../../components/chart/PlotSvg';
import { hhmm } from '../../format';
import type { RatePoint } from './doseTimeline';
import type { PlotProps } from '../../components/chart/VitalsPlot';

/** The rate axis's top: the highest rate rounded up to 0.1 mg/kg/h, at least 0.2. */
export function rateTop(steps: readonly RatePoint[]): number {
  return Math.ceil(Math.max(0.2, ...steps.map((s) => s.mgPerKgPerH)) * 10) / 10;
}

export const rateLabel = (v: number) => String(Math.round(v * 1000) / 1000).replace('.', ',');

export const DosePlot = memo(function DosePlot({ steps, boluses, from, to, width, height, stoppedAt }: PlotProps & { steps: readonly RatePoint[]; boluses: readonly number[] }) {
  const box = plotBox(width, height);
  if (box.width === 0 || box.height === 0) return null;
  const top = rateTop(steps);
  const x = linear(from, to, box.left, box.left + box.width);
  const y = linear(0, top, box.top + box.height, box.top);
  const bottom = box.top + box.height;
  const axes = <PlotAxes box={box} x={x} xTicks={timeTicks(from, to)} xLabel={hhmm} y={y} yTicks={valueTicks(top)} yLabel={rateLabel} />;
  return (
    <PlotSvg width={width} height={height} box={box} axes={axes} testId="dose-plot">
      <path d={stepPath(steps.map((s) => ({ t: s.t, v: s.mgPerKgPerH })), x, y)} data-testid="dose-rate-line" style={{ stroke: 'var(--dose)', strokeWidth: 3, fill: 'none' }} />
      {boluses.map((at, i) => (
        <g key={`${at}-${i}`} data-testid="dose-bolus">
          <path d={`M${x(at)} ${box.top}V${bottom}`} style={{ stroke: 'var(--dose)', strokeWidth: 2 }} />
          <text x={x(at) - 4} y={box.top + 14} fill="#fff" fontSize={14} textAnchor="end">
            Bolus
          </text>
        </g>
      ))}
      {stoppedAt !== null && <path d={`M${x(stoppedAt)} ${box.top}V${bottom}`} stroke="#fff" strokeDasharray="4 4" />}
    </PlotSvg>
  );
});
