/**
 * Observation-due timers from the clinic's schedule: the next due counting down, overdue ones flagged, and where the
 * last blood pressure came from (the monitor's cuff counts as the measurement: nobody types it again).
 */
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { duration, hhmm } from '../../format';

export function ObservationSchedule({ detail, now }: { detail: SessionDetail; now: number }) {
  const { t } = useTranslation();
  const schedule = detail.schedule;
  if (!schedule) return null;
  const lastBp = schedule.lastBloodPressure;
  const source = lastBp ? (
    <p className="muted" data-testid="last-bp-source">
      {t(`obs.lastBloodPressure.${lastBp.from}`, { time: hhmm(lastBp.at) })}
    </p>
  ) : null;
  if (schedule.due.length === 0) {
    return (
      <>
        <p className="muted">{t('obs.noneDue')}</p>
        {source}
      </>
    );
  }
  return (
    <>
      <ul className="due" data-testid="obs-due">
        {schedule.due.map((d) => {
          const late = now - d.dueAt;
          const kind = t(`obs.kind.${d.kind}`);
          return (
            <li key={d.kind} className={late > 0 ? 'due__item due__item--overdue' : 'due__item'} data-testid={`due-${d.kind}`} role={late > 0 ? 'alert' : undefined}>
              {late > 0 ? t('obs.overdue', { kind, time: duration(late) }) : t('obs.dueIn', { kind, time: duration(-late) })}
            </li>
          );
        })}
      </ul>
      {source}
    </>
  );
}
