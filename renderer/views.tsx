/** Maps the current view to its screen. Each feature adds its case here. */
import { AlarmLogScreen } from './features/alarms/AlarmLogScreen';
import { BackupScreen } from './features/backup/BackupScreen';
import { ChairScreen } from './features/chair/ChairScreen';
import { GdtScreen } from './features/gdt/GdtScreen';
import { OverviewScreen } from './features/overview/OverviewScreen';
import { SessionViews } from './features/session/SessionViews';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { UsersScreen } from './features/users/UsersScreen';
import { SetupScreen } from './features/setup/SetupScreen';
import { WorklistScreen } from './features/worklist/WorklistScreen';
import { useLiveStore } from './stores/liveStore';
import type { View } from './stores/navStore';

export function ViewOutlet({ view }: { view: View | null }) {
  const chairs = useLiveStore((s) => s.chairs);
  const now = useLiveStore((s) => s.now);
  if (!view) return null;
  switch (view.name) {
    case 'overview':
      return <OverviewScreen />;
    case 'alarmLog':
      return <AlarmLogScreen chairId={view.chairId} />;
    case 'chair': {
      const chair = chairs[view.chairId];
      return chair ? <ChairScreen chair={chair} now={now} /> : null;
    }
    case 'users':
      return <UsersScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'gdt':
      return <GdtScreen />;
    case 'worklist':
      return <WorklistScreen />;
    case 'backups':
      return <BackupScreen />;
    case 'setup':
      return <SetupScreen chairId={view.chairId} />;
    case 'patients':
    case 'patient':
    case 'course':
    case 'session':
    case 'review':
      return <SessionViews view={view} />;
  }
}
