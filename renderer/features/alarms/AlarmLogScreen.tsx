/** A chair's alarms: the log since midnight and the limits in force (the session record shows its session's log). */
import { useTranslation } from 'react-i18next';
import { useLiveStore } from '../../stores/liveStore';
import { AlarmLimitsPanel } from './AlarmLimitsPanel';
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
      <AlarmLimitsPanel chairId={chairId} />
    </main>
  );
}
