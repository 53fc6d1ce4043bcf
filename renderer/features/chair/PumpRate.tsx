/**
 * Pump rate beside the documented rate (issue 4 F): the syringe pump's rate from its BCC link, the rate documented
 * in the running session (issue 5's session API), and a warning when they differ. Shown only on chairs whose link
 * delivers pump values. The alarm for the difference is the alarm service's; this is the display.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredReading } from '../../../core/api/schemas';
import { useApi } from '../../api/ApiContext';
import { comparePumpRate, type DocumentedRate } from './pumpRate';

const REFRESH_MS = 10_000;
/** The session whose rate counts when a chair has several today: the one being infused first. */
const PREFERENCE = ['running', 'paused', 'postObservation', 'checklistComplete', 'checkedIn', 'planned'];

/** The documented rate of the chair's current session, reloaded on 'session.changed' and every 10 s. */
export function useDocumentedRate(chairId: number): DocumentedRate {
  const api = useApi();
  const [state, setState] = useState<DocumentedRate>({ status: 'loading', rateMlPerH: null, running: false });
  useEffect(() => {
    let stale = false;
    const load = async () => {
      try {
        const list = (await api.call('sessions.list', { chairId })).filter((x) => x.chairId === chairId && PREFERENCE.includes(x.status));
        const current = list.sort((a, b) => PREFERENCE.indexOf(a.status) - PREFERENCE.indexOf(b.status) || a.plannedFor - b.plannedFor)[0];
        if (!current) {
          if (!stale) setState({ status: 'none', rateMlPerH: null, running: false });
          return;
        }
        const detail = await api.call('sessions.get', { sessionId: current.id });
        const dose = detail.dose;
        if (!stale) setState({ status: 'ok', rateMlPerH: dose ? dose.rateMlPerH : null, running: dose?.pumpPhase === 'running' });
      } catch {
        if (!stale) setState((s) => ({ ...s, status: 'unavailable' }));
      }
    };
    void load();
    const off = api.on('session.changed', (e) => {
      if (e.chairId === chairId || e.previousChairId === chairId) void load();
    });
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stale = true;
      off();
      clearInterval(timer);
    };
  }, [api, chairId]);
  return state;
}

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(1).replace('.', ','));

export function PumpRate({ chairId, pump, volume, now }: { chairId: number; pump: StoredReading | undefined; volume: StoredReading | undefined; now: number }) {
  const { t } = useTranslation();
  const documented = useDocumentedRate(chairId);
  if (!pump) return null; // no pump on this chair's link
  const c = comparePumpRate(pump, documented, now);
  return (
    <section className={`pump-rate${c.differs ? ' pump-rate--differs' : ''}`} data-testid="pump-rate" aria-label={t('pump.title')}>
      <div className="pump-rate__cell">
        <span className="pump-rate__label">{t('pump.pumpRate')}</span>
        <span className="pump-rate__value" data-testid="pump-rate-value">
          {fmt(c.pump)} <small>{t('pump.unit')}</small>
        </span>
        {c.stale && <span className="pump-rate__note">{t('pump.stale')}</span>}
        {volume?.value !== null && volume?.value !== undefined && <span className="pump-rate__note">{t('pump.volume', { volume: fmt(volume.value) })}</span>}
      </div>
      <div className="pump-rate__cell">
        <span className="pump-rate__label">{t('pump.documentedRate')}</span>
        {documented.status === 'ok' || documented.status === 'none' ? (
          <span className="pump-rate__value" data-testid="pump-documented-value">
            {fmt(c.documented)} <small>{t('pump.unit')}</small>
          </span>
        ) : (
          <span className="pump-rate__note">{documented.status === 'loading' ? '…' : t('pump.noDocumented')}</span>
        )}
        {documented.status === 'none' && <span className="pump-rate__note">{t('pump.noDocumented')}</span>}
      </div>
      {c.differs && (
        <div className="pump-rate__warning" role="alert" data-testid="pump-rate-differs">
          ⚠ {t('pump.differs')}
        </div>
      )}
    </section>
  );
}
