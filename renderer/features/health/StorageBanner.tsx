/** A red banner on every screen while records cannot be written, with how many wait in memory: fail loud, never silently. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { useApi } from '../../api/ApiContext';

export function StorageBanner() {
  const { t } = useTranslation();
  const api = useApi();
  const [health, setHealth] = useState<MethodOutput<'app.health'> | null>(null);
  useEffect(() => {
    void api.call('app.health', {}).then(setHealth).catch(() => null);
    return api.on('app.health', setHealth);
  }, [api]);
  if (!health || health.storageErrors.length === 0) return null;
  return (
    <div className="banner banner--lost" role="alert" data-testid="storage-error">
      {health.storageErrors.map((e) => {
        const queued = health.queued.find((q) => q.source === e.source)?.count ?? 0;
        return (
          <div key={e.source}>
            {t('app.storageError', { what: t(`app.storage.${e.source}`), error: e.error })}{' '}
            <strong data-testid={`storage-queued-${e.source}`}>{t('app.storageQueued', { count: queued })}</strong>
          </div>
        );
      })}
    </div>
  );
}
