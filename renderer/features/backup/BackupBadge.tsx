/** The backup state in the top bar for administrators and physicians: "Letzte Sicherung 02:00, geprüft", red when too old. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { useApi } from '../../api/ApiContext';
import { dateTime } from '../../format';
import { useLang } from '../../components/ProblemList';

export function BackupBadge() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [status, setStatus] = useState<MethodOutput<'backups.status'> | null>(null);
  const load = useCallback(() => void api.call('backups.status', {}).then(setStatus).catch(() => setStatus(null)), [api]);
  useEffect(() => {
    load();
    const timer = setInterval(load, 60_000);
    const off = api.on('backups.changed', () => load());
    return () => {
      clearInterval(timer);
      off();
    };
  }, [api, load]);
  if (!status) return null;
  const last = status.lastVerified;
  const text = status.running
    ? t('backup.badgeRunning')
    : !last
      ? t('backup.badgeNone')
      : t(status.warning ? 'backup.badgeOld' : 'backup.badgeOk', { time: dateTime(last.finishedAt, lang) });
  return (
    <span className={status.warning ? 'backup-badge backup-badge--old' : 'backup-badge'} data-testid="backup-badge" data-warning={status.warning} role={status.warning ? 'alert' : undefined}>
      {text}
    </span>
  );
}
