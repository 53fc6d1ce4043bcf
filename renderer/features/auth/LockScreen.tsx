/** The station is locked: the same user unlocks with the PIN, anyone else logs in with a password. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { ProblemList, problemsOf } from '../../components/ProblemList';

export function LockScreen({ displayName, hasPin, onDone }: { displayName: string; hasPin: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);

  async function unlock(e: FormEvent) {
    e.preventDefault();
    try {
      await api.call('auth.unlock', { pin });
      onDone();
    } catch (err) {
      setPin('');
      setProblems(problemsOf(err));
      onDone(); // too many wrong PINs log the user out: show the login then
    }
  }

  async function switchUser() {
    await api.call('auth.logout', {}).catch(() => null);
    onDone();
  }

  return (
    <form className="auth-card" onSubmit={unlock}>
      <h2>{t('auth.lockedTitle')}</h2>
      <p>{t('auth.lockedBy', { name: displayName })}</p>
      {hasPin && (
        <>
          <TextField label={t('auth.pin')} testId="unlock-pin" type="password" inputMode="numeric" value={pin} onChange={setPin} autoFocus />
          <button className="primary" type="submit" data-testid="unlock-submit">
            {t('auth.unlock')}
          </button>
        </>
      )}
      <ProblemList problems={problems} />
      <button type="button" className="secondary" onClick={switchUser}>
        {t('auth.switchUser')}
      </button>
    </form>
  );
}
