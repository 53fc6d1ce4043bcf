/** Signing a session (password asked again) and, once it is locked, signed amendments. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AmendmentTarget } from '../../../core/api/methods/sessionSchemas';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf } from '../../components/ProblemList';

type Target = (typeof AmendmentTarget.options)[number];

export function SignForm({ sessionId, onDone }: { sessionId: number; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.call('sessions.sign', { sessionId, password });
      setPassword('');
      setProblems([]);
      onDone();
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  return (
    <form className="panel form sign" onSubmit={submit} data-testid="sign-form">
      <h3>{t('review.sign')}</h3>
      <TextField label={t('review.password')} type="password" value={password} onChange={setPassword} testId="sign-password" />
      <ProblemList problems={problems} title={t('session.refused')} testId="sign-refusal" />
      <button type="submit" className="btn btn--primary btn--big" data-testid="sign-submit">
        🔒 {t('review.signDo')}
      </button>
    </form>
  );
}

export function AmendForm({ sessionId, onDone }: { sessionId: number; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [target, setTarget] = useState<Target>('session');
  const [targetId, setTargetId] = useState('');
  const [correction, setCorrection] = useState('');
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const id = Number(targetId);
      await api.call('sessions.amend', {
        sessionId,
        target,
        ...(targetId.trim() && Number.isInteger(id) && id > 0 ? { targetId: id } : {}),
        correction,
        reason,
        password,
      });
      setCorrection('');
      setReason('');
      setPassword('');
      setProblems([]);
      onDone();
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  return (
    <form className="panel form" onSubmit={submit} data-testid="amend-form">
      <h3>{t('review.amend')}</h3>
      <div className="form__grid">
        <SelectField<Target>
          label={t('review.target')}
          value={target}
          options={AmendmentTarget.options.map((o) => ({ value: o, label: t(`review.amendTarget.${o}`) }))}
          onChange={setTarget}
          testId="amend-target"
        />
        <TextField label={t('review.targetId')} inputMode="numeric" value={targetId} onChange={setTargetId} testId="amend-target-id" />
      </div>
      <TextField label={t('review.correction')} value={correction} onChange={setCorrection} testId="amend-correction" />
      <TextField label={t('review.amendReason')} value={reason} onChange={setReason} testId="amend-reason" />
      <TextField label={t('review.password')} type="password" value={password} onChange={setPassword} testId="amend-password" />
      <ProblemList problems={problems} title={t('session.refused')} testId="amend-refusal" />
      <button type="submit" className="btn btn--primary" data-testid="amend-submit">
        {t('review.amendDo')}
      </button>
    </form>
  );
}
