/** The alarm log of one chair since midnight (the session record shows its own session's log with AlarmLog). */
import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../../stores/liveStore';
import { AlarmLog } from './AlarmLog';

export function AlarmLogScreen({ chairId }: { chairId: number }) {
  const { t } = useTranslation();
  const name = useLiveStore((s) => s.chairs[chairId]?.name ?? `#${chairId}`);
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  return (
    <main className="alarm-log-screen" data-testid="alarm-log-screen">
      <h2>{t('alarms.logTitle', { chair: name })}</h2>
      <AlarmLog query={{ chairId, from: midnight.getTime() }} />
    </main>
  );
}
