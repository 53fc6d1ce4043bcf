/** What "Verbindung testen" found: port, phase, bytes, frames read and rejected, the decoded values, notices. */
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult } from '../../../core/api/methods/devices';
import { linkErrorText } from '../../components/LinkBadge';
import { useLang } from '../../components/ProblemList';
import { num } from '../../format';
import { noticeText, rejectReasonList } from './deviceWords';

export function TestResult({ result }: { result: ConnectionTestResult }) {
  const { t } = useTranslation();
  const lang = useLang();
  const reasons = rejectReasonList(t, result.rejectReasons);
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
            ? linkErrorText(t, lang, result)
            : result.state === 'silent'
              ? t('link.silent', { time: '–' })
              : `${t(`link.${result.state}`)}${result.phase && result.phase !== result.state ? ` – ${t(`link.phase.${result.phase}`)}` : ''}`}
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
          {reasons.length > 0 && ` – ${reasons.join('; ')}`}
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
                  {num(r.value, lang, 1)} {r.unit}
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
              <li key={i}>{noticeText(t, n)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
