/**
 * The alarm limits in force on a chair (clinic defaults or the patient's, each with its source) and, for a
 * physician, a per-patient change with a reason (alarms.setOverrides; audited; a contradictory set is refused).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { PHYSIOLOGICAL_CODES } from '../../../core/alarms/codes';
import { conditionLabel } from '../../../core/alarms/messages';
import { sourceText } from '../../../core/clinic/sourceText';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { num, parseDecimal } from '../../format';
import { useAuth } from '../../stores/authStore';

type Limits = MethodOutput<'alarms.thresholds'>;

export function AlarmLimitsPanel({ chairId }: { chairId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLang();
  const role = useAuth((s) => s.status?.user?.role);
  const [limits, setLimits] = useState<Limits | null>(null);
  const [code, setCode] = useState<string>('spo2.low');
  const [medium, setMedium] = useState('');
  const [high, setHigh] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  const load = () => void api.call('alarms.thresholds', { chairId }).then(setLimits).catch((e: unknown) => setProblems(problemsOf(e)));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [api, chairId]);

  const save = async () => {
    setMessage(null);
    setProblems([]);
    const entry: { medium?: number; high?: number } = {};
    if (medium.trim() !== '') entry.medium = parseDecimal(medium, lang) ?? NaN;
    if (high.trim() !== '') entry.high = parseDecimal(high, lang) ?? NaN;
    try {
      await api.call('alarms.setOverrides', { chairId, reason, limits: { [code]: entry } });
      setMessage(t('alarms.limitsSaved'));
      load();
    } catch (e) {
      setProblems(problemsOf(e));
    }
  };

  return (
    <section className="alarm-limits" data-testid="alarm-limits">
      <h3>
        {t('alarms.limitsTitle')} {limits?.overriddenBy ? `– ${t('alarms.limitsBy', { name: limits.overriddenBy })}` : `– ${t('alarms.limitsClinic')}`}
      </h3>
      <table className="alarm-log">
        <tbody>
          {(limits?.limits ?? []).map((l) => (
            <tr key={`${l.code}/${l.priority}`} className={`alarm-log__row--${l.priority}`}>
              <td title={l.code}>{conditionLabel(l.code, lang)}</td>
              <td>{t(`alarms.priority.${l.priority}`)}</td>
              <td>
                {l.op} {num(l.limit, lang, 2)} {l.unit ?? ''}
                {l.delayMs > 0 ? ` · ${num(l.delayMs / 1000, lang)} s` : ''}
              </td>
              <td className="muted">{sourceText(l.source, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {role === 'physician' && (
        <div className="alarm-limits__form">
          <select value={code} onChange={(e) => setCode(e.target.value)} aria-label={t('alarms.limitsCode')}>
            {PHYSIOLOGICAL_CODES.map((c) => (
              <option key={c} value={c}>{conditionLabel(c, lang)}</option>
            ))}
          </select>
          <input inputMode="decimal" placeholder={t('alarms.priority.medium')} value={medium} onChange={(e) => setMedium(e.target.value)} aria-label={t('alarms.priority.medium')} />
          <input inputMode="decimal" placeholder={t('alarms.priority.high')} value={high} onChange={(e) => setHigh(e.target.value)} aria-label={t('alarms.priority.high')} />
          <input placeholder={t('alarms.limitsReason')} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('alarms.limitsReason')} />
          <button className="primary" onClick={() => void save()} disabled={reason.trim().length < 3}>
            {t('alarms.limitsSave')}
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <ProblemList problems={problems} />
    </section>
  );
}
