/** The serial line's settings; each empty choice means the protocol's own default, named in the option. */
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { BAUD_RATES, type LineOverrides } from '../../../core/api/methods/devices';

interface Props {
  line: LineOverrides;
  /** The protocol's own line settings. */
  defaults: MethodOutput<'devices.protocols'>[number]['lineSettings'] | undefined;
  setLine<K extends keyof LineOverrides>(key: K, value: LineOverrides[K]): void;
}

export function LineFields({ line, defaults, setLine }: Props) {
  const { t } = useTranslation();
  const parityLabel = (p: string) => t(`setup.parity${p[0]!.toUpperCase()}${p.slice(1)}`);
  return (
    <fieldset className="setup__line">
      <legend>{t('setup.line')}</legend>
      <label className="setup__field">
        <span>{t('setup.baudRate')}</span>
        <select className="input" data-testid="setup-baud" value={line.baudRate ?? ''} onChange={(e) => setLine('baudRate', e.target.value ? Number(e.target.value) : null)}>
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
        <select className="input" value={line.dataBits ?? ''} onChange={(e) => setLine('dataBits', e.target.value ? (Number(e.target.value) as 7 | 8) : null)}>
          <option value="">{t('setup.default', { value: defaults?.dataBits ?? '' })}</option>
          <option value="7">7</option>
          <option value="8">8</option>
        </select>
      </label>
      <label className="setup__field">
        <span>{t('setup.parity')}</span>
        <select className="input" value={line.parity ?? ''} onChange={(e) => setLine('parity', (e.target.value || null) as LineOverrides['parity'])}>
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
        <select className="input" value={line.stopBits ?? ''} onChange={(e) => setLine('stopBits', e.target.value ? (Number(e.target.value) as 1 | 2) : null)}>
          <option value="">{t('setup.default', { value: defaults?.stopBits ?? '' })}</option>
          <option value="1">1</option>
          <option value="2">2</option>
        </select>
      </label>
      <label className="setup__field">
        <span>{t('setup.rtscts')}</span>
        <select
          className="input"
          value={line.rtscts === null ? '' : line.rtscts ? 'on' : 'off'}
          onChange={(e) => setLine('rtscts', e.target.value === '' ? null : e.target.value === 'on')}
        >
          <option value="">{t('setup.default', { value: defaults ? t(defaults.rtscts ? 'setup.on' : 'setup.off') : '' })}</option>
          <option value="on">{t('setup.on')}</option>
          <option value="off">{t('setup.off')}</option>
        </select>
      </label>
    </fieldset>
  );
}
