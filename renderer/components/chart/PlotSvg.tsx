/** The SVG of one plot: its axes, then what is drawn inside the plot area, clipped to it. */
import { useId, type ReactNode } from 'react';
import type { PlotBox } from './plotGeometry';

interface Props {
  width: number;
  height: number;
  box: PlotBox;
  axes: ReactNode;
  testId: string;
  children: ReactNode;
}

export function PlotSvg({ width, height, box, axes, testId, children }: Props) {
  // React's ids hold characters a CSS url(#…) does not take.
  const clip = `clip${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <svg width={width} height={height} className="plot" data-testid={testId}>
      <defs>
        <clipPath id={clip}>
          <rect x={box.left} y={box.top - 4} width={box.width} height={box.height + 8} />
        </clipPath>
      </defs>
      {axes}
      <g clipPath={`url(#${clip})`}>{children}</g>
    </svg>
  );
}
