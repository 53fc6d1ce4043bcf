/**
 * Shows the app only to a logged-in, unlocked user; otherwise the first-start, login or lock screen.
 * Main enforces the same on every call: this gate is for the people, not the security boundary.
 */
import { useCallback, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useAuth } from '../../stores/authStore';
import { LockScreen } from './LockScreen';
import { LoginScreen } from './LoginScreen';
import { SetupAdminScreen } from './SetupAdminScreen';
import { useIdleLock } from './useIdleLock';

export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const api = useApi();
  const { status, set } = useAuth();
  const refresh = useCallback(() => {
    void api.call('auth.status', {}).then(set).catch(() => null);
  }, [api, set]);

  useEffect(() => {
    refresh();
    const offLost = api.onAuthLost(refresh);
    const offConn = api.onConnection((c) => c && refresh());
    // An administrator changed a user (role, active): this window shows what the login now allows (issue 12 item 8).
    const offUsers = api.on('users.changed', (p) => p.userId === useAuth.getState().status?.user?.id && refresh());
    return () => {
      offLost();
      offConn();
      offUsers();
    };
  }, [api, refresh]);

  const lock = useCallback(() => {
    void api.call('auth.lock', {}).finally(refresh);
  }, [api, refresh]);
  useIdleLock(!!status?.user, lock);

  if (!status) return null;
  if (status.user) return <>{children}</>;
  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <div className="topbar__right">
          <LanguageSwitch />
        </div>
      </header>
      {/* Scrolls past the alarms of a locked station (fixed at the bottom): no field stays hidden under them. */}
      <div className="auth-main">
        {status.setupNeeded ? (
          <SetupAdminScreen onDone={refresh} />
        ) : status.locked && status.lockedUser ? (
          <LockScreen displayName={status.lockedUser.displayName} hasPin={status.lockedUser.hasPin} onDone={refresh} />
        ) : (
          <LoginScreen onDone={refresh} />
        )}
      </div>
      <footer className="intended-use">{t('app.intendedUse')}</footer>
    </div>
  );
}
