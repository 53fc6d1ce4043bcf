/**
 * Device setup per chair (issue 4): port (listed, or a typed path), protocol and line settings, raw capture, Save
 * (restarts the chair's link), "Verbindung testen" with what was decoded, and the live link status in words.
 * Every user sees it; only physicians and administrators can change it (main checks that too).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { ChairDevice, ConnectionTestResult, LineOverrides } from '../../../core/api/methods/devices';
import { BAUD_RATES } from '../../../core/api/methods/devices';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { LinkBadge } from '../../components/LinkBadge';
import { ProblemList, problemsOf } from '../../components/ProblemList';
import { useLiveStore } from '../../stores/liveStore';
import { useNav } from '../../stores/navStore';
import { hhmmss as clock } from '../../format';
import { useMay } from '../auth/useMay';

type Protocols = MethodOutput<'devices.protocols'>;
type Ports = MethodOutput<'devices.ports'>;

const SIMULATOR = '__simulator__';
const TYPED = '__typed__';
const NONE = '__none__';
const TEST_MS = 5000;
/** The pump is asked for its values 5 s after it answered the first keep-alive. */
const PUMP_TEST_MS = 8000;

interface Draft {
  protocolId: string;
  /** SIMULATOR, TYPED or a listed path */
  portChoice: string;
  typedPath: string;
  line: LineOverrides;
  capture: boolean;
  /** The syringe pump's port: NONE, TYPED or a listed path. */
  pumpChoice: string;
  pumpTyped: string;
}

function draftOf(d: ChairDevice, ports: Ports): Draft {
  const listed = d.portPath !== null && ports.some((p) => p.path === d.portPath);
  return {
    protocolId: d.protocolId,
    portChoice: d.portPath === null ? SIMULATOR : listed ? d.portPath : TYPED,
    typedPath: d.portPath !== null && !listed ? d.portPath : '',
    line: d.line,
    capture: d.capture,
    pumpChoice: d.pumpPortPath === null ? NONE : ports.some((p) => p.path === d.pumpPortPath) ? d.pumpPortPath : TYPED,
    pumpTyped: d.pumpPortPath !== null && !ports.some((p) => p.path === d.pumpPortPath) ? d.pumpPortPath : '',
  };
}

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
  const parityLabel = (p: string) => t(`setup.parity${p[0]!.toUpperCase()}${p.slice(1)}`);
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

      <section className="setup__live" aria-live="polite">
        <strong>{t('setup.linkNow')}:</strong>
        {link ? <LinkBadge link={link} /> : <span>{t('setup.noLink')}</span>}
        {link && (
          <span className="setup__counters" data-testid="setup-counters">
            {link.detail && (link.state === 'associating' || link.state === 'receiving' || link.state === 'silent') && <>{link.detail} · </>}
            {t('setup.framesRead')}: {link.framesRead} · {t('setup.framesRejected')}: {link.framesRejected}
            {link.lastDataAt !== null && <> · {t('setup.lastData', { time: clock(link.lastDataAt) })}</>}
            {link.simulated && <> · {t('setup.simulated')}</>}
          </span>
        )}
        {link && Object.keys(link.rejectReasons).length > 0 && (
          <ul className="setup__reasons">
            {Object.entries(link.rejectReasons).map(([reason, n]) => (
              <li key={reason}>
                {reason}: {n}
              </li>
            ))}
          </ul>
        )}
      </section>

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
                  {p.label}
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

          <fieldset className="setup__line">
            <legend>{t('setup.line')}</legend>
            <label className="setup__field">
              <span>{t('setup.baudRate')}</span>
              <select className="input" data-testid="setup-baud" value={draft.line.baudRate ?? ''} onChange={(e) => setLine('baudRate', e.target.value ? Number(e.target.value) : null)}>
                <option value="">{t('setup.default', { value: defaults?.baudRate ?? '' })}</option>
                {BAUD_RATES.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
            <label className="setup__field">
              <span>{t('setup.dataBits')}</span>
              <select className="input" value={draft.line.dataBits ?? ''} onChange={(e) => setLine('dataBits', e.target.value ? (Number(e.target.value) as 7 | 8) : null)}>
                <option value="">{t('setup.default', { value: defaults?.dataBits ?? '' })}</option>
                <option value="7">7</option>
                <option value="8">8</option>
              </select>
            </label>
            <label className="setup__field">
              <span>{t('setup.parity')}</span>
              <select className="input" value={draft.line.parity ?? ''} onChange={(e) => setLine('parity', (e.target.value || null) as LineOverrides['parity'])}>
                <option value="">{t('setup.default', { value: defaults ? parityLabel(defaults.parity) : '' })}</option>
                {(['none', 'even', 'odd'] as const).map((p) => (
                  <option key={p} value={p}>
                    {parityLabel(p)}
                  </option>
                ))}
              </select>
            </label>
            <label className="setup__field">
              <span>{t('setup.stopBits')}</span>
              <select className="input" value={draft.line.stopBits ?? ''} onChange={(e) => setLine('stopBits', e.target.value ? (Number(e.target.value) as 1 | 2) : null)}>
                <option value="">{t('setup.default', { value: defaults?.stopBits ?? '' })}</option>
                <option value="1">1</option>
                <option value="2">2</option>
              </select>
            </label>
            <label className="setup__field">
              <span>{t('setup.rtscts')}</span>
              <select
                className="input"
                value={draft.line.rtscts === null ? '' : draft.line.rtscts ? 'on' : 'off'}
                onChange={(e) => setLine('rtscts', e.target.value === '' ? null : e.target.value === 'on')}
              >
                <option value="">{t('setup.default', { value: defaults ? t(defaults.rtscts ? 'setup.on' : 'setup.off') : '' })}</option>
                <option value="on">{t('setup.on')}</option>
                <option value="off">{t('setup.off')}</option>
              </select>
            </label>
          </fieldset>

          <div className="setup__field setup__pump">
            <label htmlFor="setup-pump">{t('setup.pump')}</label>
            <select id="setup-pump" className="input" data-testid="setup-pump" value={draft.pumpChoice} onChange={(e) => setDraft({ ...draft, pumpChoice: e.target.value })}>
              <option value={NONE}>{t('setup.pumpNone')}</option>
              {ports.map((p) => (
                <option key={p.path} value={p.path}>
                  {p.path}
                  {p.manufacturer ? ` – ${p.manufacturer}` : ''}
                </option>
              ))}
              <option value={TYPED}>{t('setup.portTyped')}</option>
            </select>
            {draft.pumpChoice === TYPED && (
              <input
                className="input"
                data-testid="setup-pump-path"
                aria-label={t('setup.portPath')}
                value={draft.pumpTyped}
                placeholder="/dev/ttyUSB1"
                onChange={(e) => setDraft({ ...draft, pumpTyped: e.target.value })}
                required
              />
            )}
            <small className="setup__hint">{t('setup.pumpHint')}</small>
            {draft.pumpChoice !== NONE && (
              <button type="button" className="secondary" data-testid="setup-test-pump" onClick={() => void test(true)} disabled={draft.pumpChoice === TYPED && !draft.pumpTyped.trim()}>
                {testing ? t('setup.testing', { seconds: PUMP_TEST_MS / 1000 }) : t('setup.testPump')}
              </button>
            )}
            {device?.pumpLink && (
              <span className="setup__pump-link" data-testid="setup-pump-link">
                <LinkBadge link={device.pumpLink} /> {t('setup.framesRead')}: {device.pumpLink.framesRead} · {t('setup.framesRejected')}: {device.pumpLink.framesRejected}
              </span>
            )}
          </div>

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

function TestResult({ result }: { result: ConnectionTestResult }) {
  const { t } = useTranslation();
  const reasons = Object.entries(result.rejectReasons);
  return (
    <section className={`form-card setup__result ${result.ok ? 'setup__result--ok' : 'setup__result--failed'}`} data-testid="setup-test-result" role="status">
      <h3>{result.ok ? t('setup.testOk', { frames: result.framesRead }) : t('setup.testFailed')}</h3>
      <dl className="setup__facts">
        <dt>{t('setup.port')}</dt>
        <dd>
          {result.portPath}
          {result.simulated && ` (${t('setup.simulated')})`}
        </dd>
        <dt>{t('setup.testPhase')}</dt>
        <dd>
          {result.state === 'error'
            ? t('link.error', { reason: result.detail })
            : result.state === 'silent'
              ? t('link.silent', { time: '–' })
              : `${t(`link.${result.state}`)} – ${result.phase || result.detail}`}
        </dd>
        <dt>{t('setup.testBytes')}</dt>
        <dd>
          {result.bytesReceived} / {result.bytesSent}
        </dd>
        <dt>{t('setup.framesRead')}</dt>
        <dd data-testid="setup-test-frames">{result.framesRead}</dd>
        <dt>{t('setup.framesRejected')}</dt>
        <dd>
          {result.framesRejected}
          {reasons.length > 0 && ` – ${reasons.map(([r, n]) => `${r}: ${n}`).join('; ')}`}
        </dd>
      </dl>
      {result.readings.length === 0 ? (
        <p>{t('setup.noReadings')}</p>
      ) : (
        <table className="table setup__readings">
          <thead>
            <tr>
              <th>{t('setup.parameter')}</th>
              <th>{t('setup.value')}</th>
              <th>{t('setup.state')}</th>
              <th>{t('setup.count')}</th>
            </tr>
          </thead>
          <tbody>
            {result.readings.map((r) => (
              <tr key={r.parameter}>
                <td>{t(`params.${r.parameter}`)}</td>
                <td>
                  {r.value === null ? '–' : Math.round(r.value * 10) / 10} {r.unit}
                </td>
                <td>{r.state === 'valid' ? '✓' : t(`vitals.${r.state}`)}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.notices.length > 0 && (
        <>
          <h4>{t('setup.notices')}</h4>
          <ul>
            {result.notices.map((n, i) => (
              <li key={i}>{n.text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
