/** The session's trend so far, on one time axis. Gaps (no data, invalid) stay gaps. */
import { CartesianGrid, Legend, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { TrendRow } from '../stores/liveStore';
import { vitalLines } from './vitalLines';
import { hhmm } from '../format';

export function TrendChart({ rows }: { rows: TrendRow[] }) {
  const { t } = useTranslation();
  if (rows.length < 2) return <div className="trend trend--empty">{t('vitals.trendEmpty')}</div>;
  return (
    <div className="trend" data-testid="trend">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#333" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={hhmm} stroke="#aaa" />
          <YAxis domain={[0, 200]} stroke="#aaa" />
          <Tooltip labelFormatter={(v) => hhmm(Number(v))} contentStyle={{ background: '#111', border: '1px solid #444' }} />
          <Legend />
          {vitalLines(t)}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
