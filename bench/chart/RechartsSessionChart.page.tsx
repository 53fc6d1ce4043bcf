/**
 * The review chart as it was drawn with recharts (memoised, no animation, HTML legend), kept here as the bench's
 * reference: bench/chart.ts times it against the app's own SVG chart (renderer/features/session/SessionChart.tsx)
 * in the same run (issue 13). Named .page.tsx: browser code, compiled with the renderer's tsconfig.
 */
import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../core/api/methods/sessionSchemas';
import type { TFunction } from 'i18next';
import type { VitalParameter } from '../../core/vitals';
import { bandText, VITAL_LINES, VitalLegend } from '../../renderer/components/vitalLines';
import type { TrendRow } from '../../renderer/stores/trendRows';
import { rateSteps } from '../../renderer/features/session/doseTimeline';
import { hhmm } from '../../renderer/format';
import { timeTicks } from '../../renderer/components/chart/plotGeometry';
import { rowsFrom, type SessionChartProps } from '../../renderer/features/session/SessionChart';

/**
 * Cuff values are minutes apart: joined, each measurement a dot, drawn from their own rows only. On the chart's rows
 * (one per bucket) recharts would make a dot element and a label entry for every empty bucket (issue 13).
 */
function cuffRows(rows: readonly TrendRow[]): Map<VitalParameter, TrendRow[]> {
  const cuff = VITAL_LINES.map((l) => l.parameter).filter((p) => p.startsWith('nibp'));
  return new Map(cuff.map((p) => [p, rows.filter((r) => r[p] !== undefined)]));
}

/** `cuff`: cuffRows() of the chart's rows, made once per rows (memoised by the caller). */
function vitalLines(t: TFunction, cuff: ReadonlyMap<VitalParameter, TrendRow[]>) {
  return VITAL_LINES.map((l) => {
    const own = cuff.get(l.parameter);
    return (
      <Area
        key={l.parameter}
        {...(own ? { data: own } : {})}
        dataKey={l.parameter}
        name={t(`params.${l.parameter}`)}
        stroke={l.color}
        strokeDasharray={l.dash}
        fill={l.color}
        fillOpacity={0.35}
        dot={own ? { r: 2.5, fill: l.color } : false}
        activeDot={false}
        strokeWidth={own ? 2 : 1.5}
        isAnimationActive={false}
      />
    );
  });
}

const MARGIN = { top: 8, right: 24, bottom: 4, left: 8 };
const Y_WIDTH = 56;
const tooltipStyle = { background: '#111', border: '1px solid #444' };

/** Memoised: the session screen re-renders every second for its clocks. */
export const RechartsSessionChart = memo(function RechartsSessionChart({ detail, rows, from, to, height = 'compact' }: SessionChartProps) {
  const { t } = useTranslation();
  const data = useMemo(() => rowsFrom(rows, from), [rows, from]);
  const cuff = useMemo(() => cuffRows(data), [data]);
  const steps = useMemo(() => rateSteps(detail, to), [detail, to]);
  const boluses = detail.doseEvents.filter((e) => e.kind === 'bolus');
  const maxRate = Math.max(0.2, ...steps.map((s) => s.mgPerKgPerH));
  const x = {
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain: [from, to],
    ticks: timeTicks(from, to),
    tickFormatter: hhmm,
    stroke: '#aaa',
    allowDataOverflow: true,
  };
  return (
    <div className={`session-chart session-chart--${height}`} data-testid="session-chart">
      <div className="session-chart__vitals">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={MARGIN} syncId="session" syncMethod="value">
            <CartesianGrid stroke="#333" strokeDasharray="3 3" />
            <XAxis {...x} />
            <YAxis domain={[0, 200]} stroke="#aaa" width={Y_WIDTH} />
            <Tooltip labelFormatter={(v) => hhmm(Number(v))} formatter={bandText} contentStyle={tooltipStyle} />
            {vitalLines(t, cuff)}
            {detail.session.stoppedAt && <ReferenceLine x={detail.session.stoppedAt} stroke="#fff" strokeDasharray="4 4" />}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <VitalLegend t={t} />
      <div className="session-chart__dose" data-testid="dose-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={steps} margin={MARGIN} syncId="session" syncMethod="value">
            <CartesianGrid stroke="#333" strokeDasharray="3 3" />
            <XAxis {...x} />
            <YAxis domain={[0, Math.ceil(maxRate * 10) / 10]} stroke="#aaa" width={Y_WIDTH} tickFormatter={(v: number) => String(v).replace('.', ',')} />
            <Tooltip labelFormatter={(v) => hhmm(Number(v))} contentStyle={tooltipStyle} />
            <Legend />
            <Line
              type="stepAfter"
              dataKey="mgPerKgPerH"
              name={t('infusion.rateAxis')}
              stroke="var(--dose)"
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
            />
            {boluses.map((b) => (
              <ReferenceLine key={b.id} x={b.at} stroke="var(--dose)" strokeWidth={2} label={{ value: 'Bolus', fill: '#fff', position: 'insideTopRight' }} />
            ))}
            {detail.session.stoppedAt && <ReferenceLine x={detail.session.stoppedAt} stroke="#fff" strokeDasharray="4 4" />}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
});
