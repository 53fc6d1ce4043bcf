/** A banner on every screen while a signed session's result has not reached the PVS, with the last reason. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { useApi } from '../../api/ApiContext';
import { useNav } from '../../stores/navStore';
import { gdtReasonText } from './reasonWords';

export function GdtBanner() {
  const { t } = useTranslation();
  const api = useApi();
  const go = useNav((s) => s.go);
  const [unsent, setUnsent] = useState<MethodOutput<'gdt.unsent'>>([]);
  useEffect(() => {
    const load = () => void api.call('gdt.unsent', {}).then(setUnsent).catch(() => null);
    load();
    return api.on('gdt.changed', load);
  }, [api]);
  if (unsent.length === 0) return null;
  return (
    <div className="banner banner--lost" role="alert" data-testid="gdt-unsent">
      {t('gdt.unsentBanner', { count: unsent.length, reason: gdtReasonText(t, unsent[unsent.length - 1]!) })}{' '}
      <button className="secondary" onClick={() => go({ name: 'gdt' })}>
        {t('gdt.show')}
      </button>
    </div>
  );
}
