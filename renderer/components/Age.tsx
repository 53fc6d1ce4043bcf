import { useTranslation } from 'react-i18next';

/** "5 s ago" / "3 min ago": the age of a value, so an old number is never mistaken for a current one. */
export function Age({ since, now }: { since: number; now: number }) {
  const { t } = useTranslation();
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  return <span>{seconds < 120 ? t('vitals.ageSeconds', { count: seconds }) : t('vitals.ageMinutes', { count: Math.floor(seconds / 60) })}</span>;
}
