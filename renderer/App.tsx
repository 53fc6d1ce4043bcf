/** The shell: top bar with navigation and language, app-wide banners, the current screen, the intended-use line. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProvider } from './api/ApiContext';
import type { Api } from './api/client';
import { AuditIndicator } from './features/auth/AuditIndicator';
import { AuthGate } from './features/auth/AuthGate';
import { UserMenu } from './features/auth/UserMenu';
import { useMay } from './features/auth/useMay';
import { AlarmBar } from './features/alarms/AlarmBar';
import { LockedAlarms } from './features/alarms/LockedAlarms';
import { useAlarmAudio, useAlarmData } from './features/alarms/useAlarms';
import { GdtBanner } from './features/gdt/GdtBanner';
import { GdtShowNotice } from './features/gdt/GdtShowNotice';
import { BackupBadge } from './features/backup/BackupBadge';
import { StorageBanner } from './features/health/StorageBanner';
import { useLiveData } from './features/live/useLiveData';
import { WorklistTab } from './features/worklist/WorklistTab';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useAuth } from './stores/authStore';
import { useLiveStore } from './stores/liveStore';
import { useNav } from './stores/navStore';
import { ViewOutlet } from './views';

export function App({ api }: { api: Api }) {
  return (
    <ApiProvider value={api}>
      {/* Issue 6: a locked or logged-out station still shows and sounds the alarms (read-only). */}
      <LockedAlarms />
      <AuthGate>
        <Shell api={api} />
      </AuthGate>
    </ApiProvider>
  );
}

/** Rendered only for a logged-in, unlocked user (AuthGate). */
function Shell({ api }: { api: Api }) {
  const { t } = useTranslation();
  const chairs = useLiveStore((s) => s.chairs);
  const connected = useLiveStore((s) => s.connected);
  const user = useAuth((s) => s.status?.user);
  const { view, go } = useNav();
  // Tabs follow the API's access rules (issue 12 item 4): a role sees what it may use.
  const mayWorklist = useMay('worklist.physician');
  const mayAdminister = useMay('users.list');
  const maySetUpDevices = useMay('devices.set');
  useLiveData(api, true);
  useAlarmData(api);
  useAlarmAudio();

  useEffect(() => {
    const off = api.onConnection((c) => useLiveStore.getState().setConnected(c));
    const timer = setInterval(() => useLiveStore.getState().tick(Date.now()), 1000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [api]);

  useEffect(() => {
    const first = Object.values(chairs)[0];
    if (!view && first) go({ name: 'overview' }); // issue 6: the overview is the start screen
  }, [chairs, view, go]);

  const simulated = Object.values(chairs).some((c) => c.link.simulated);
  return (
    <div className="app">
        <header className="topbar">
          <h1>{t('app.title')}</h1>
          <nav className="chair-tabs" aria-label="chairs">
            <button className={view?.name === 'overview' ? 'tab tab--active' : 'tab'} data-testid="tab-overview" onClick={() => go({ name: 'overview' })}>
              {t('overview.tab')}
            </button>
            {Object.values(chairs).map((c) => (
              <button
                key={c.id}
                className={view?.name === 'chair' && view.chairId === c.id ? 'tab tab--active' : 'tab'}
                onClick={() => go({ name: 'chair', chairId: c.id })}
              >
                {c.name}
              </button>
            ))}
          </nav>
          <button
            className={['patients', 'patient', 'course', 'session', 'review'].includes(view?.name ?? '') ? 'tab tab--active' : 'tab'}
            data-testid="tab-patients"
            onClick={() => go({ name: 'patients' })}
          >
            {t('patient.nav')}
          </button>
          {mayWorklist && <WorklistTab active={view?.name === 'worklist'} onOpen={() => go({ name: 'worklist' })} />}
          {mayAdminister && (
            <button className={view?.name === 'users' ? 'tab tab--active' : 'tab'} data-testid="tab-users" onClick={() => go({ name: 'users' })}>
              {t('users.title')}
            </button>
          )}
          {user?.role !== 'admin' && (
            <button className={view?.name === 'settings' ? 'tab tab--active' : 'tab'} data-testid="tab-settings" onClick={() => go({ name: 'settings' })}>
              {t('settings.nav')}
            </button>
          )}
          {maySetUpDevices && (
            <button className={view?.name === 'setup' ? 'tab tab--active' : 'tab'} data-testid="tab-setup" onClick={() => go({ name: 'setup' })}>
              {t('setup.nav')}
            </button>
          )}
          <button className={view?.name === 'gdt' ? 'tab tab--active' : 'tab'} data-testid="tab-gdt" onClick={() => go({ name: 'gdt' })}>
            {t('gdt.nav')}
          </button>
          {user?.role === 'admin' && (
            <button className={view?.name === 'backups' ? 'tab tab--active' : 'tab'} data-testid="tab-backups" onClick={() => go({ name: 'backups' })}>
              {t('backup.nav')}
            </button>
          )}
          <div className="topbar__right">
            {(user?.role === 'admin' || user?.role === 'physician') && <BackupBadge />}
            <AuditIndicator />
            <UserMenu />
            <LanguageSwitch />
          </div>
        </header>
        {!connected && (
          <div className="banner banner--lost" role="alert">
            {t('app.connectionLost')}
          </div>
        )}
        <StorageBanner />
        <GdtBanner />
        <GdtShowNotice />
        {simulated && <div className="banner banner--sim">{t('app.simulation')}</div>}
        <AlarmBar />
        <ViewOutlet view={view} />
        <footer className="intended-use">{t('app.intendedUse')}</footer>
    </div>
  );
}
