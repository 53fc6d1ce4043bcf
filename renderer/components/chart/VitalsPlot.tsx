/**
 * The vitals of a trend chart (the session chart's upper half, the chair screen's trend): per parameter one filled
 * band (lowest to highest per bucket) and its outline, gaps where data is missing; cuff values joined from one
 * measurement to the next, each a dot.
 */
import { memo } from 'react';
import { bandPaths, dotsPath, linear, plotBox, timeTicks, type Scale } from './plotGeometry';
import { PlotAxes } from './PlotAxes';
import { PlotSvg } from './PlotSvg';
import { VITAL_LINES } from '../vitalLines';
import type { TrendRow } from '../../stores/trendRows';
import type { VitalParameter } from '../../../core/vitals';
import { hhmm } from '../../format';

const TOP = 200;
const Y_TICKS = [0, 50, 100, 150, 200];

export interface PlotProps {
  from: number;
  to: number;
  width: number;
  height: number;
  stoppedAt: number | null;
}

function Band({ rows, parameter, color, dash, x, y }: { rows: readonly TrendRow[]; parameter: VitalParameter; color: string; dash?: string; x: Scale; y: Scale }) {
  const cuff = parameter.startsWith('nibp');
  const band = bandPaths(rows, parameter, x, y, cuff);
  return (
    <g>
      <path d={band.fill} style={{ fill: color, fillOpacity: 0.35 }} />
      <path
        d={band.stroke}
        data-band={parameter}
        data-runs={band.runs}
        style={{ stroke: color, strokeWidth: cuff ? 2 : 1.5, strokeDasharray: dash, fill: 'none', strokeLinecap: 'round', strokeLinejoin: 'round' }}
      />
      {cuff && <path d={dotsPath(rows, parameter, x, y)} style={{ stroke: color, strokeWidth: 6, strokeLinecap: 'round', fill: 'none' }} />}
    </g>
  );
}

export const VitalsPlot = memo(function VitalsPlot({ rows, from, to, width, height, stoppedAt }: PlotProps & { rows: readonly TrendRow[] }) {
  const box = plotBox(width, height);
  if (box.width === 0 || box.height === 0) return null;
  const x = linear(from, to, box.left, box.left + box.width);
  const y = linear(0, TOP, box.top + box.height, box.top);
  const axes = <PlotAxes box={box} x={x} xTicks={timeTicks(from, to)} xLabel={hhmm} y={y} yTicks={Y_TICKS} yLabel={String} />;
  return (
    <PlotSvg width={width} height={height} box={box} axes={axes} testId="vitals-plot">
      {VITAL_LINES.map((l) => (
        <Band key={l.parameter} rows={rows} parameter={l.parameter} color={l.color} dash={l.dash} x={x} y={y} />
      ))}
      {stoppedAt !== null && <path d={`M${x(stoppedAt)} ${box.top}V${box.top + box.height}`} stroke="#fff" strokeDasharray="4 4" />}
    </PlotSvg>
  );
});
