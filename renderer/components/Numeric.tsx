/** One large numeric as on a bedside monitor: label, value, unit, and how old the value is. */
import { useTranslation } from 'react-i18next';
import type { StoredReading } from '../../core/api/schemas';
import { isStale } from '../../core/freshness';
import type { VitalParameter } from '../../core/vitals';
import { Age } from './Age';

interface Props {
  parameter: VitalParameter;
  label: string;
  /** Readings shown together, e.g. NIBP sys/dia (mean); the first one decides age and state. */
  readings: (StoredReading | undefined)[];
  now: number;
  /** The link is not receiving: a value that is not yet stale (a cuff measurement) is shown dimmed. */
  linkSilent?: boolean;
  format?: (values: (number | null)[]) => string;
}

const defaultFormat = (values: (number | null)[]) => values.map((v) => (v === null ? '–' : String(Math.round(v)))).join('/');

export function Numeric({ parameter, label, readings, now, linkSilent = false, format = defaultFormat }: Props) {
  const { t } = useTranslation();
  const main = readings[0];
  const unit = main?.unit ?? '';
  const noData = !main || isStale(parameter, main.receivedAt, now);
  const invalid = !noData && main.state !== 'valid';
  return (
    <section
      className={`numeric numeric--${parameter}${noData ? ' numeric--nodata' : ''}${linkSilent && !noData ? ' numeric--dimmed' : ''}`} aria-label={label} data-testid={`numeric-${parameter}`}>
      <header className="numeric__label">
        <span>{label}</span>
        <span className="numeric__unit">{unit}</span>
      </header>
      {noData ? (
        <div className="numeric__value numeric__value--nodata" role="status">
          {t('vitals.noData')}
        </div>
      ) : invalid ? (
        <div className="numeric__value numeric__value--invalid">{t(`vitals.${main.state}`)}</div>
      ) : (
        <div className="numeric__value" data-testid={`value-${parameter}`}>
          {format(readings.map((r) => r?.value ?? null))}
        </div>
      )}
      <footer className="numeric__age">{main ? <Age since={main.receivedAt} now={now} /> : t('vitals.noDataYet')}</footer>
    </section>
  );
}
