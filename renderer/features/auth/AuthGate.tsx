/**
 * Shows the app only to a logged-in, unlocked user; otherwise the first-start, login or lock screen.
 * Main enforces the same on every call: this gate is for the people, not the security boundary.
 */
import { useCallback, useEffect, type ReactNode } from 'react';
import { useApi } from '../../api/ApiContext';
import { useAuth } from '../../stores/authStore';
import { LockScreen } from './LockScreen';
import { LoginScreen } from './LoginScreen';
import { SetupAdminScreen } from './SetupAdminScreen';
import { useIdleLock } from './useIdleLock';

export function AuthGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const { status, set } = useAuth();
  const refresh = useCallback(() => {
    void api.call('auth.status', {}).then(set).catch(() => null);
  }, [api, set]);

  useEffect(() => {
    refresh();
    const offLost = api.onAuthLost(refresh);
    const offConn = api.onConnection((c) => c && refresh());
    return () => {
      offLost();
      offConn();
    };
  }, [api, refresh]);

  const lock = useCallback(() => {
    void api.call('auth.lock', {}).finally(refresh);
  }, [api, refresh]);
  useIdleLock(!!status?.user, lock);

  if (!status) return null;
  if (status.setupNeeded) return <SetupAdminScreen onDone={refresh} />;
  if (status.locked && status.lockedUser) return <LockScreen displayName={status.lockedUser.displayName} hasPin={status.lockedUser.hasPin} onDone={refresh} />;
  if (!status.user) return <LoginScreen onDone={refresh} />;
  return <>{children}</>;
}
