/**
 * Alarms while the station is locked or nobody is logged in: the idle lock (5 min) must not hide an alarm from an
 * MFA watching from across the room. Events go only to unlocked users, so this polls the public, patient-anonymous
 * 'alarms.summary' every second, shows the alarm bar read-only (unlock to acknowledge) and keeps the sound going.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useAuth } from '../../stores/authStore';
import { useLiveStore } from '../../stores/liveStore';
import { AlarmBar } from './AlarmBar';
import { useAlarmStore } from './alarmStore';
import { useAlarmAudio } from './useAlarms';

const POLL_MS = 1000;

export function LockedAlarms() {
  const status = useAuth((s) => s.status);
  const shown = status !== null && !status.user && !status.setupNeeded;
  return shown ? <LockedAlarmBar /> : null;
}

function LockedAlarmBar() {
  const { t } = useTranslation();
  const api = useApi();
  useAlarmAudio();
  const any = useAlarmStore((s) => Object.values(s.byChair).some((c) => c.alarms.length > 0));
  useEffect(() => {
    let stopped = false;
    const poll = () =>
      api
        .call('alarms.summary', {})
        .then((list) => !stopped && useAlarmStore.getState().setAll(list))
        .catch(() => undefined);
    void poll();
    const timer = setInterval(() => {
      void poll();
      useLiveStore.getState().tick(Date.now());
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api]);
  return (
    <div className="locked-alarms" data-testid="locked-alarms">
      <AlarmBar readOnly />
      {any && <p className="locked-alarms__hint">{t('alarms.unlockToAcknowledge')}</p>}
    </div>
  );
}
