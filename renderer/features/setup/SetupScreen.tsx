/**
 * Device setup per chair (issue 4): port (listed, or a typed path), protocol and line settings, raw capture, Save
 * (restarts the chair's link), "Verbindung testen" with what was decoded, and the live link status in words.
 * Every user sees it; only physicians and administrators can change it (main checks that too).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { ChairDevice, ConnectionTestResult, LineOverrides } from '../../../core/api/methods/devices';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf } from '../../components/ProblemList';
import { useLiveStore } from '../../stores/liveStore';
import { useNav } from '../../stores/navStore';
import { useMay } from '../auth/useMay';
import { draftOf, PUMP_TEST_MS, SIMULATOR, TEST_MS, TYPED, NONE, type Draft, type Ports } from './deviceDraft';
import { protocolName } from './deviceWords';
import { LineFields } from './LineFields';
import { LinkNow } from './LinkNow';
import { PumpField } from './PumpField';
import { TestResult } from './TestResult';

type Protocols = MethodOutput<'devices.protocols'>;

export function SetupScreen({ chairId }: { chairId: number | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const go = useNav((s) => s.go);
  const canEdit = useMay('devices.set');
  const chairs = useLiveStore((s) => s.chairs);
  const chairList = Object.values(chairs);
  const selected = chairId ?? chairList[0]?.id;
  const live = selected !== undefined ? chairs[selected] : undefined;

  const [protocols, setProtocols] = useState<Protocols>([]);
  const [ports, setPorts] = useState<Ports>([]);
  const [device, setDevice] = useState<ChairDevice | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (e: unknown) => setProblems(problemsOf(e));
  const loadPorts = useCallback(() => api.call('devices.ports', {}).then(setPorts).catch(fail), [api]);

  useEffect(() => {
    void api.call('devices.protocols', {}).then(setProtocols).catch(fail);
    void loadPorts();
  }, [api, loadPorts]);

  // Answers for a chair no longer selected are dropped (a quick click on another chair must not bring back old values).
  const current = useRef(selected);
  current.current = selected;
  const loadDevice = useCallback(async () => {
    if (selected === undefined) return;
    try {
      const [d, p] = await Promise.all([api.call('devices.get', { chairId: selected }), api.call('devices.ports', {})]);
      if (current.current !== selected) return;
      setDevice(d);
      setPorts(p);
      setDraft(draftOf(d, p));
    } catch (e) {
      fail(e);
    }
  }, [api, selected]);

  useEffect(() => {
    setResult(null);
    setMessage(null);
    setProblems([]);
    void loadDevice();
  }, [loadDevice]);

  // The pump's link status and the capture's size change: refresh now and then (the form's draft is left alone).
  useEffect(() => {
    if (selected === undefined) return;
    const timer = setInterval(
      () =>
        void api
          .call('devices.get', { chairId: selected })
          .then((d) => current.current === selected && setDevice(d))
          .catch(() => {}),
      3000,
    );
    return () => clearInterval(timer);
  }, [api, selected]);

  const protocol = useMemo(() => protocols.find((p) => p.id === draft?.protocolId), [protocols, draft?.protocolId]);

  if (selected === undefined || !draft || device?.chairId !== selected) {
    return (
      <main className="page setup">
        <h2>{t('setup.title')}</h2>
        <ProblemList problems={problems} />
      </main>
    );
  }

  const portPath = draft.portChoice === SIMULATOR ? null : draft.portChoice === TYPED ? draft.typedPath.trim() : draft.portChoice;
  const choice = { protocolId: draft.protocolId, portPath, line: draft.line };
  const pumpPortPath = draft.pumpChoice === NONE ? null : draft.pumpChoice === TYPED ? draft.pumpTyped.trim() : draft.pumpChoice;
  const setLine = <K extends keyof LineOverrides>(key: K, value: LineOverrides[K]) => setDraft({ ...draft, line: { ...draft.line, [key]: value } });

  async function save() {
    if (selected === undefined || !draft) return;
    setBusy(true);
    setProblems([]);
    setMessage(null);
    try {
      const d = await api.call('devices.set', { chairId: selected, ...choice, capture: draft.capture, pumpPortPath });
      setDevice(d);
      setDraft(draftOf(d, ports));
      setMessage(t('setup.saved', { chair: chairs[selected]?.name ?? String(selected) }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function test(pump = false) {
    if (selected === undefined) return;
    setTesting(true);
    setResult(null);
    setProblems([]);
    try {
      const input = pump
        ? { chairId: selected, protocolId: 'bbraun-bcc', portPath: pumpPortPath, line: { baudRate: null, dataBits: null, parity: null, stopBits: null, rtscts: null }, durationMs: PUMP_TEST_MS }
        : { chairId: selected, ...choice, durationMs: TEST_MS };
      setResult(await api.call('devices.test', input));
    } catch (e) {
      fail(e);
    } finally {
      setTesting(false);
    }
  }

  async function capture(start: boolean) {
    if (selected === undefined) return;
    setBusy(true);
    try {
      const info = start ? await api.call('devices.captureStart', { chairId: selected }) : await api.call('devices.captureStop', { chairId: selected });
      const d = await api.call('devices.get', { chairId: selected });
      setDevice(start || !info ? d : { ...d, currentCapture: info });
      setDraft({ ...draft!, capture: start });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const defaults = protocol?.lineSettings;
  const cap = device?.currentCapture ?? null;
  const link = live?.link;

  return (
    <main className="page setup" data-testid="setup-screen" data-chair={selected}>
      <h2>{t('setup.title')}</h2>
      <nav className="setup__chairs" aria-label={t('setup.title')}>
        {chairList.map((c) => (
          <button key={c.id} className={c.id === selected ? 'tab tab--active' : 'tab'} onClick={() => go({ name: 'setup', chairId: c.id })} data-testid={`setup-chair-${c.id}`}>
            {c.name}
          </button>
        ))}
      </nav>

      <LinkNow link={link} />

      {!canEdit && <p className="setup__readonly">{t('setup.readOnly')}</p>}

      <form
        className="form-card setup__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={!canEdit || busy || testing}>
          <label className="setup__field">
            <span>{t('setup.protocol')}</span>
            <select className="input" data-testid="setup-protocol" value={draft.protocolId} onChange={(e) => setDraft({ ...draft, protocolId: e.target.value })}>
              {protocols.map((p) => (
                <option key={p.id} value={p.id}>
                  {protocolName(t, p)}
                </option>
              ))}
            </select>
          </label>

          <div className="setup__field">
            <label htmlFor="setup-port">{t('setup.port')}</label>
            <div className="setup__row">
              <select id="setup-port" className="input" data-testid="setup-port" value={draft.portChoice} onChange={(e) => setDraft({ ...draft, portChoice: e.target.value })}>
                <option value={SIMULATOR}>{t('setup.portSimulator')}</option>
                {ports.map((p) => (
                  <option key={p.path} value={p.path}>
                    {p.path}
                    {p.manufacturer ? ` – ${p.manufacturer}` : ''}
                    {p.serialNumber ? ` (${p.serialNumber})` : ''}
                  </option>
                ))}
                <option value={TYPED}>{t('setup.portTyped')}</option>
              </select>
              <button type="button" className="secondary" onClick={() => void loadPorts()}>
                {t('setup.rescan')}
              </button>
            </div>
            {ports.length === 0 && <small className="setup__hint">{t('setup.noPorts')}</small>}
          </div>
          {draft.portChoice === TYPED && (
            <label className="setup__field">
              <span>{t('setup.portPath')}</span>
              <input
                className="input"
                data-testid="setup-port-path"
                value={draft.typedPath}
                placeholder="/dev/ttyUSB0"
                onChange={(e) => setDraft({ ...draft, typedPath: e.target.value })}
                required
              />
              <small className="setup__hint">{t('setup.portPathHint')}</small>
            </label>
          )}

          <LineFields line={draft.line} defaults={defaults} setLine={setLine} />

          <PumpField draft={draft} setDraft={setDraft} ports={ports} device={device} testing={testing} test={(pump) => void test(pump)} />

          <label className="setup__check">
            <input type="checkbox" checked={draft.capture} onChange={(e) => setDraft({ ...draft, capture: e.target.checked })} />
            {t('setup.captureSetting')}
          </label>

          <div className="setup__actions">
            <button className="primary" type="submit" data-testid="setup-save">
              {t('setup.save')}
            </button>
            <button type="button" className="secondary" data-testid="setup-test" onClick={() => void test()} disabled={draft.portChoice === TYPED && !draft.typedPath.trim()}>
              {testing ? t('setup.testing', { seconds: TEST_MS / 1000 }) : t('setup.test')}
            </button>
          </div>
        </fieldset>
        {message && (
          <p className="setup__saved" role="status">
            {message}
          </p>
        )}
        <ProblemList problems={problems} />
      </form>

      {result && <TestResult result={result} />}

      <section className="form-card setup__capture">
        <h3>{t('setup.capture')}</h3>
        {cap && <p data-testid="setup-capture-info">{t(cap.active ? 'setup.captureRunning' : 'setup.captureStopped', { file: cap.file, bytes: cap.bytes })}</p>}
        {canEdit && (
          <button type="button" className="secondary" disabled={busy || (!cap?.active && !link)} onClick={() => void capture(!cap?.active)} data-testid="setup-capture">
            {cap?.active ? t('setup.captureStop') : t('setup.captureStart')}
          </button>
        )}
        <small className="setup__hint">{t('setup.captureHint')}</small>
      </section>
    </main>
  );
}
