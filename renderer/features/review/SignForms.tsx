/** Signing a session (password asked again) and, once it is locked, signed amendments. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AmendmentTarget } from '../../../core/api/methods/sessionSchemas';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import type { Lang } from '../../../core/messages';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { hhmm, hhmmss, num } from '../../format';
import { observationText } from '../session/ObservationList';

type Target = (typeof AmendmentTarget.options)[number];

export function SignForm({ sessionId, onDone, autoFocus = false }: { sessionId: number; onDone(): void; autoFocus?: boolean }) {
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
      <TextField label={t('review.password')} type="password" value={password} onChange={setPassword} testId="sign-password" autoFocus={autoFocus} />
      <ProblemList problems={problems} title={t('session.refused')} testId="sign-refusal" />
      <button type="submit" className="btn btn--primary btn--big" data-testid="sign-submit">
        {t('review.signDo')}
      </button>
    </form>
  );
}

/** The rows an amendment can point at, per target, in words (time, kind, value), so nobody types row numbers. */
export function entriesOf(detail: SessionDetail, target: Target, t: (k: string) => string, lang: Lang): { id: number; label: string }[] {
  switch (target) {
    case 'observation':
      return detail.observations.map((o) => ({ id: o.id, label: `${hhmm(o.observation.at)} ${t(`obs.kind.${o.observation.kind}`)}: ${observationText(o.observation, lang)}` }));
    case 'doseEvent':
      return detail.doseEvents.map((e) => ({ id: e.id, label: `${hhmmss(e.at)} ${t(`infusion.event.${e.kind}`)} ${e.rateMlPerH === null && e.amount === null ? '' : num(e.rateMlPerH ?? e.amount, lang, 3)}` }));
    case 'prescription':
      return detail.prescriptions.map((p) => ({ id: p.id, label: `${hhmm(p.prescribed.at)} ${p.targetMgPerKgPerH} mg/kg/h` }));
    case 'dischargeScore':
      return detail.discharge.score ? [{ id: detail.discharge.score.id, label: `${detail.discharge.score.total}/${detail.discharge.score.maxPoints}` }] : [];
    default:
      return [];
  }
}

export function AmendForm({ sessionId, detail, onDone }: { sessionId: number; detail: SessionDetail; onDone(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [target, setTarget] = useState<Target>('session');
  const [targetId, setTargetId] = useState('');
  const [correction, setCorrection] = useState('');
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const entries = entriesOf(detail, target, t, lang);
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
          onChange={(v) => {
            setTarget(v);
            setTargetId('');
          }}
          testId="amend-target"
        />
        {entries.length > 0 && (
          <SelectField
            label={t('review.targetId')}
            value={targetId}
            options={[{ value: '', label: '–' }, ...entries.map((e) => ({ value: String(e.id), label: e.label }))]}
            onChange={setTargetId}
            testId="amend-target-id"
          />
        )}
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
