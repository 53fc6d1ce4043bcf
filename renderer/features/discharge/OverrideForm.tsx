/**
 * The physician's override of single discharge criteria (issue 10): each criterion ticked by name, a written reason and
 * the password again. The escort is not in the list: without a pickup person or taxi the answer is a transfer.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERRIDABLE_CRITERIA, type OverridableCriterion } from '../../../core/session/dischargeGate';
import type { Problem } from '../../../core/settings';
import { TextField } from '../../components/Field';
import { ProblemList } from '../../components/ProblemList';
import type { SessionHandle } from '../session/useSession';

export function OverrideForm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const [criteria, setCriteria] = useState<OverridableCriterion[]>([]);
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const toggle = (c: OverridableCriterion) => setCriteria((now) => (now.includes(c) ? now.filter((x) => x !== c) : [...now, c]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const answer = await handle.run('discharge.override', { sessionId: handle.detail!.session.id, criteria, reason, password });
    setPassword('');
    setProblems(answer);
  };
  return (
    <form className="subform override" onSubmit={submit} data-testid="override-form">
      <h4>{t('discharge.override')}</h4>
      <p className="muted">{t('discharge.overrideHint')}</p>
      <fieldset className="override__criteria">
        <legend>{t('discharge.overrideCriteria')}</legend>
        {OVERRIDABLE_CRITERIA.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={criteria.includes(c)} onChange={() => toggle(c)} data-testid={`override-criterion-${c}`} />
            {t(`discharge.criteria.${c}`)}
          </label>
        ))}
      </fieldset>
      <TextField label={t('discharge.overrideReason')} value={reason} onChange={setReason} testId="override-reason" />
      <TextField label={t('discharge.overridePassword')} type="password" value={password} onChange={setPassword} testId="override-password" />
      {/* Shown where the physician acts: every reason, e.g. the escort that no override covers. */}
      <ProblemList problems={problems} title={t('discharge.refused')} testId="override-refusal" />
      <button type="submit" className="btn btn--danger" data-testid="override-do">
        {t('discharge.overrideDo')}
      </button>
    </form>
  );
}
