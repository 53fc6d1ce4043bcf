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
  /** The administrator set a one-time password: the user chooses her own before anything else (issue 12 item 8). */
  const [mustChange, setMustChange] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mustChange && newPassword !== repeat) {
      setProblems([{ code: 'passwordMismatch', message: t('passwordChange.mismatch') }]);
      return;
    }
    setBusy(true);
    try {
      if (mustChange) await api.call('auth.changePassword', { username, password, newPassword });
      else await api.call('auth.login', { username, password });
      setPassword('');
      onDone();
    } catch (err) {
      const found = problemsOf(err);
      if (found.some((p) => p.code === 'passwordChangeRequired')) setMustChange(true);
      setProblems(found);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="auth-card" onSubmit={submit}>
      <h2>{t(mustChange ? 'passwordChange.title' : 'auth.loginTitle')}</h2>
      {mustChange && <p className="lead">{t('passwordChange.hint')}</p>}
      <TextField label={t('auth.username')} testId="login-username" value={username} onChange={setUsername} autoFocus required />
      <TextField label={t(mustChange ? 'passwordChange.current' : 'auth.password')} testId="login-password" type="password" value={password} onChange={setPassword} required />
      {mustChange && (
        <>
          <TextField label={t('passwordChange.new')} testId="login-new-password" type="password" value={newPassword} onChange={setNewPassword} autoFocus required />
          <TextField label={t('passwordChange.repeat')} testId="login-repeat-password" type="password" value={repeat} onChange={setRepeat} required />
        </>
      )}
      <ProblemList problems={mustChange ? problems.filter((p) => p.code !== 'passwordChangeRequired') : problems} testId="errors" />
      <button className="primary" type="submit" disabled={busy} data-testid="login-submit">
        {t(mustChange ? 'passwordChange.submit' : 'auth.login')}
      </button>
    </form>
  );
}
