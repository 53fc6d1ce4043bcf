import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { ProblemList, problemsOf } from '../../components/ProblemList';

export function LoginScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.call('auth.login', { username, password });
      setPassword('');
      onDone();
    } catch (err) {
      setProblems(problemsOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="auth-card" onSubmit={submit}>
      <h2>{t('auth.loginTitle')}</h2>
      <TextField label={t('auth.username')} testId="login-username" value={username} onChange={setUsername} autoFocus required />
      <TextField label={t('auth.password')} testId="login-password" type="password" value={password} onChange={setPassword} required />
      <ProblemList problems={problems} testId="errors" />
      <button className="primary" type="submit" disabled={busy} data-testid="login-submit">
        {t('auth.login')}
      </button>
    </form>
  );
}
