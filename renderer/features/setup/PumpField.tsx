/** The syringe pump's port for the chair (or none), its connection test and its link now. */
import { useTranslation } from 'react-i18next';
import type { ChairDevice } from '../../../core/api/methods/devices';
import { LinkBadge } from '../../components/LinkBadge';
import { NONE, PUMP_TEST_MS, TYPED, type Draft, type Ports } from './deviceDraft';

interface Props {
  draft: Draft;
  setDraft(draft: Draft): void;
  ports: Ports;
  device: ChairDevice | null;
  testing: boolean;
  test(pump: boolean): void;
}

export function PumpField({ draft, setDraft, ports, device, testing, test }: Props) {
  const { t } = useTranslation();
  return (
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
        <button type="button" className="secondary" data-testid="setup-test-pump" onClick={() => test(true)} disabled={draft.pumpChoice === TYPED && !draft.pumpTyped.trim()}>
          {testing ? t('setup.testing', { seconds: PUMP_TEST_MS / 1000 }) : t('setup.testPump')}
        </button>
      )}
      {device?.pumpLink && (
        <span className="setup__pump-link" data-testid="setup-pump-link">
          <LinkBadge link={device.pumpLink} /> {t('setup.framesRead')}: {device.pumpLink.framesRead} · {t('setup.framesRejected')}: {device.pumpLink.framesRejected}
        </span>
      )}
    </div>
  );
}
