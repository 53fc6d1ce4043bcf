/** First start: nobody exists yet, so the first account is an administrator who then creates the staff accounts. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { ProblemList, problemsOf } from '../../components/ProblemList';

export function SetupAdminScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', pin: '' });
  const [problems, setProblems] = useState<Problem[]>([]);
  const set = (k: keyof typeof form) => (value: string) => setForm({ ...form, [k]: value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.call('auth.setupAdmin', { ...form, pin: form.pin || undefined });
      onDone();
    } catch (err) {
      setProblems(problemsOf(err));
    }
  }

  return (
    <form className="auth-card" onSubmit={submit}>
      <h2>{t('auth.setupTitle')}</h2>
      <p className="muted">{t('auth.setupHint')}</p>
      <TextField label={t('auth.displayName')} value={form.displayName} onChange={set('displayName')} required autoFocus testId="setup-name" />
      <TextField label={t('auth.username')} value={form.username} onChange={set('username')} required testId="setup-username" />
      <TextField label={t('auth.passwordNew')} type="password" value={form.password} onChange={set('password')} required testId="setup-password" />
      <TextField label={t('auth.pinOptional')} type="password" inputMode="numeric" value={form.pin} onChange={set('pin')} testId="setup-pin" />
      <ProblemList problems={problems} />
      <button className="primary" type="submit" data-testid="setup-submit">
        {t('auth.createAdmin')}
      </button>
    </form>
  );
}
