/** Grid, axes and tick labels of a plot (SVG), in the look the recharts charts had. */
import type { PlotBox, Scale } from './plotGeometry';

const GRID = '#333';
const AXIS = '#aaa';
const TICK = 6;

interface Props {
  box: PlotBox;
  x: Scale;
  xTicks: readonly number[];
  xLabel: (t: number) => string;
  y: Scale;
  yTicks: readonly number[];
  yLabel: (v: number) => string;
}

export function PlotAxes({ box, x, xTicks, xLabel, y, yTicks, yLabel }: Props) {
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  let grid = '';
  let ticks = '';
  for (const t of xTicks) {
    const px = Math.round(x(t)) + 0.5;
    grid += `M${px} ${box.top}V${bottom}`;
    ticks += `M${px} ${bottom}v${TICK}`;
  }
  for (const v of yTicks) {
    const py = Math.round(y(v)) + 0.5;
    grid += `M${box.left} ${py}H${right}`;
    ticks += `M${box.left} ${py}h${-TICK}`;
  }
  return (
    <g className="plot-axes">
      <path d={grid} stroke={GRID} strokeDasharray="3 3" fill="none" />
      <path d={`M${box.left + 0.5} ${box.top}V${bottom + 0.5}H${right}${ticks}`} stroke={AXIS} fill="none" />
      <g fill={AXIS} fontSize={14} textAnchor="middle">
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={bottom + TICK + 16}>
            {xLabel(t)}
          </text>
        ))}
      </g>
      <g fill={AXIS} fontSize={14} textAnchor="end">
        {yTicks.map((v) => (
          <text key={v} x={box.left - TICK - 3} y={y(v) + 5}>
            {yLabel(v)}
          </text>
        ))}
      </g>
    </g>
  );
}
