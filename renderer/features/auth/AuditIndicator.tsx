/** A small light in the top bar: the audit chain checked at login and every 10 minutes. Red if anything was edited or removed. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';

const CHECK_EVERY_MS = 10 * 60_000;

export function AuditIndicator() {
  const { t } = useTranslation();
  const api = useApi();
  const [result, setResult] = useState<{ ok: boolean; entries: number; problem: string | null } | null>(null);
  useEffect(() => {
    const check = () => void api.call('audit.verify', {}).then(setResult).catch(() => setResult({ ok: false, entries: 0, problem: 'check failed' }));
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [api]);
  if (!result) return null;
  return (
    <span
      className={`audit ${result.ok ? 'audit--ok' : 'audit--broken'}`}
      data-testid="audit-indicator"
      title={result.ok ? t('auth.auditOkTitle', { count: result.entries }) : (result.problem ?? '')}
    >
      {result.ok ? t('auth.auditOk') : t('auth.auditBroken', { problem: result.problem ?? '' })}
    </span>
  );
}
