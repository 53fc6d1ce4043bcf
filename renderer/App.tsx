import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from './api/client';
import { ChairScreen } from './features/chair/ChairScreen';
import { LANGUAGES, setLanguage } from './i18n';
import { useLiveStore } from './stores/liveStore';

/** Session-so-far window for the trend until sessions exist: the last three hours of the chair. */
const TREND_WINDOW_MS = 3 * 3600_000;

export function App({ api }: { api: Api }) {
  const { t, i18n } = useTranslation();
  const chairs = useLiveStore((s) => s.chairs);
  const connected = useLiveStore((s) => s.connected);
  const now = useLiveStore((s) => s.now);
  const [selected, setSelected] = useState<number | null>(null);
  const [intendedUse, setIntendedUse] = useState('');

  useEffect(() => {
    const store = useLiveStore.getState();
    const offs = [
      api.on('vitals.readings', (p) => useLiveStore.getState().addReadings(p.chairId, p.readings)),
      api.on('link.status', (p) => useLiveStore.getState().setLink(p.chairId, p.status)),
      api.onConnection((c) => useLiveStore.getState().setConnected(c)),
    ];
    const timer = setInterval(() => useLiveStore.getState().tick(Date.now()), 1000);
    void (async () => {
      const info = await api.call('app.info', {});
      setIntendedUse(info.intendedUse);
      const list = await api.call('chairs.list', {});
      store.setChairs(list);
      setSelected((s) => s ?? list[0]?.id ?? null);
      const to = Date.now();
      for (const c of list) {
        const [latest, trend] = await Promise.all([
          api.call('vitals.latest', { chairId: c.id }),
          api.call('vitals.trend', { chairId: c.id, from: to - TREND_WINDOW_MS, to }),
        ]);
        useLiveStore.getState().setLatest(c.id, latest);
        useLiveStore.getState().setTrend(c.id, trend);
      }
    })();
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, [api]);

  const chair = selected !== null ? chairs[selected] : undefined;
  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <nav className="chair-tabs" aria-label="chairs">
          {Object.values(chairs).map((c) => (
            <button key={c.id} className={c.id === selected ? 'tab tab--active' : 'tab'} onClick={() => setSelected(c.id)}>
              {c.name}
            </button>
          ))}
        </nav>
        <div className="lang" role="group" aria-label={t('app.language')}>
          {LANGUAGES.map((lng) => (
            <button key={lng} className={i18n.language === lng ? 'tab tab--active' : 'tab'} onClick={() => setLanguage(lng)}>
              {lng.toUpperCase()}
            </button>
          ))}
        </div>
      </header>
      {!connected && (
        <div className="banner banner--lost" role="alert">
          {t('app.connectionLost')}
        </div>
      )}
      {chair?.link.simulated && <div className="banner banner--sim">{t('app.simulation')}</div>}
      {chair && <ChairScreen chair={chair} now={now} />}
      <footer className="intended-use" title={intendedUse}>
        {t('app.intendedUse')}
      </footer>
    </div>
  );
}
