/** The start screen: one tile per chair, so one MFA can watch four infusions from across the room. */
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useLiveStore } from '../../stores/liveStore';
import { useNav } from '../../stores/navStore';
import { useAlarmStore } from '../alarms/alarmStore';
import { ChairTile } from './ChairTile';
import { useChairSessions } from './useChairSessions';

export function OverviewScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const chairs = useLiveStore((s) => s.chairs);
  const now = useLiveStore((s) => s.now);
  const alarms = useAlarmStore((s) => s.byChair);
  const go = useNav((s) => s.go);
  const sessions = useChairSessions(api);
  const list = Object.values(chairs);
  return (
    <main className="overview" data-testid="overview" aria-label={t('overview.title')}>
      <div className={`overview__grid overview__grid--${Math.min(list.length, 6)}`}>
        {list.map((c) => (
          <ChairTile
            key={c.id}
            chair={c}
            alarms={alarms[c.id]}
            session={sessions.byChair[c.id]}
            finished={sessions.finished[c.id]}
            sessionsAvailable={sessions.available}
            now={now}
            // A chair with a session opens that session (one click less for the MFA, issue 12); its chair screen
            // with the alarm log is one click further, and a chair without one opens the chair screen.
            onOpen={() => {
              const current = sessions.byChair[c.id];
              go(current ? { name: 'session', sessionId: current.session.id } : { name: 'chair', chairId: c.id });
            }}
          />
        ))}
      </div>
    </main>
  );
}
