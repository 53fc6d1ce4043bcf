/** NRS before and after each infusion of a course, session by session. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../core/api/methods/sessionSchemas';

export function PainTrendChart({ sessions }: { sessions: SessionSummary[] }) {
  const { t } = useTranslation();
  const rows = sessions.map((s) => ({ n: s.sessionNumber, before: s.nrsBefore, after: s.nrsAfter }));
  if (rows.every((r) => r.before === null && r.after === null)) return null;
  return (
    <div className="pain-chart" data-testid="pain-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#333" strokeDasharray="3 3" />
          <XAxis dataKey="n" stroke="#aaa" allowDecimals={false} />
          <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} stroke="#aaa" />
          <Tooltip contentStyle={{ background: '#111', border: '1px solid #444' }} />
          <Legend />
          <Line dataKey="before" name={t('course.nrsBefore')} stroke="#ff9f43" strokeWidth={3} isAnimationActive={false} connectNulls />
          <Line dataKey="after" name={t('course.nrsAfter')} stroke="#39e36b" strokeWidth={3} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
