/** The chair's trend so far, on one time axis. Gaps (no data, invalid) stay gaps. */
import { memo, useMemo } from 'react';
import { AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { TrendRow } from '../stores/trendRows';
import { bandText, cuffRows, vitalLines } from './vitalLines';
import { hhmm } from '../format';

/** Memoised: the chair screen re-renders every second for its clocks; the chart only when its rows change. */
export const TrendChart = memo(function TrendChart({ rows }: { rows: TrendRow[] }) {
  const { t } = useTranslation();
  const cuff = useMemo(() => cuffRows(rows), [rows]);
  if (rows.length < 2) return <div className="trend trend--empty">{t('vitals.trendEmpty')}</div>;
  return (
    <div className="trend" data-testid="trend">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#333" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={hhmm} stroke="#aaa" />
          <YAxis domain={[0, 200]} stroke="#aaa" />
          <Tooltip labelFormatter={(v) => hhmm(Number(v))} formatter={bandText} contentStyle={{ background: '#111', border: '1px solid #444' }} />
          <Legend />
          {vitalLines(t, cuff)}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
});
