/**
 * Backups for administrators (issue 15): the state (last verified backup, last run with its failure, next due),
 * "Jetzt sichern", every backup in the target folder with its state from the authenticated manifest, the restore
 * drill (restore into an empty folder, checked), and the settings with their sources and a reason for each change.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { sourceText } from '../../../core/clinic/sourceText';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { dateTime } from '../../format';

type Status = MethodOutput<'backups.status'>;
type BackupFile = MethodOutput<'backups.list'>[number];
type SettingRow = MethodOutput<'backups.settings'>[number];

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function BackupScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [status, setStatus] = useState<Status | null>(null);
  const [files, setFiles] = useState<BackupFile[]>([]);
  const [settings, setSettings] = useState<SettingRow[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [toDir, setToDir] = useState('');

  const load = useCallback(() => {
    // The files load on their own: an unreachable target folder must not hide the state and the settings.
    void Promise.all([api.call('backups.status', {}), api.call('backups.settings', {})])
      .then(([s, rows]) => {
        setStatus(s);
        setSettings(rows);
      })
      .catch((e) => setProblems(problemsOf(e)));
    void api.call('backups.list', {}).then(setFiles).catch((e) => setProblems(problemsOf(e)));
  }, [api]);
  useEffect(() => {
    load();
    return api.on('backups.changed', () => load());
  }, [api, load]);

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setProblems([]);
    setMessage(null);
    try {
      setMessage(await work());
      load();
    } catch (e) {
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
    }
  }

  const runNow = () =>
    act(async () => {
      const run = await api.call('backups.runNow', {});
      return run.outcome === 'verified' ? t('backup.written', { file: run.fileName }) : t('backup.failed', { problem: run.problem });
    });
  const restore = (fileName: string) =>
    act(async () => {
      const r = await api.call('backups.restore', { fileName, toDir });
      setRestoring(null);
      return t('backup.restored', { dir: r.toDir, rows: r.rows, entries: r.auditEntries });
    });

  const last = status?.lastVerified;
  const lastRun = status?.lastRun;
  return (
    <main className="page" data-testid="backup-screen">
      <h2>{t('backup.title')}</h2>
      <ProblemList problems={problems} />
      {message && (
        <p role="status" data-testid="backup-message">
          {message}
        </p>
      )}

      <section className="form-card">
        <h3>{t('backup.stateTitle')}</h3>
        {status && (
          <dl className="setup__facts" data-testid="backup-state">
            <dt>{t('backup.lastVerified')}</dt>
            <dd className={status.warning ? 'backup-badge backup-badge--old' : undefined}>{last ? `${dateTime(last.finishedAt, lang)} – ${last.fileName}` : t('backup.never')}</dd>
            <dt>{t('backup.lastRun')}</dt>
            <dd>
              {lastRun ? `${dateTime(lastRun.finishedAt, lang)} – ${lastRun.outcome === 'verified' ? t('backup.states.verified') : t('backup.failed', { problem: lastRun.problem })}` : t('backup.never')}
            </dd>
            <dt>{t('backup.nextDue')}</dt>
            <dd>{dateTime(status.nextDueAt, lang)}</dd>
          </dl>
        )}
        <button className="primary" disabled={busy || status?.running} onClick={() => void runNow()} data-testid="backup-run">
          {busy || status?.running ? t('backup.running') : t('backup.runNow')}
        </button>
        <small className="setup__hint">{t('backup.keyHint')}</small>
      </section>

      <h3>{t('backup.filesTitle')}</h3>
      {files.length === 0 ? (
        <p>{t('backup.noFiles')}</p>
      ) : (
        <table className="table backup-files" data-testid="backup-files">
          <thead>
            <tr>
              <th>{t('backup.file')}</th>
              <th>{t('backup.created')}</th>
              <th>{t('backup.size')}</th>
              <th>{t('backup.contents')}</th>
              <th>{t('backup.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.fileName} data-testid={`backup-file-${f.fileName}`}>
                <td>{f.fileName}</td>
                <td>{f.createdAt !== null ? dateTime(f.createdAt, lang) : '–'}</td>
                <td>{mb(f.sizeBytes)}</td>
                <td>{f.rows !== null ? t('backup.contentsValue', { rows: f.rows, entries: f.auditEntries, schema: f.schemaVersion }) : '–'}</td>
                <td className={f.state === 'damaged' ? 'backup-files--damaged' : undefined}>
                  {t(`backup.states.${f.state}`)}
                  {f.problem && `: ${f.problem}`}
                </td>
                <td>
                  {f.state !== 'damaged' && restoring !== f.fileName && (
                    <button className="secondary" onClick={() => setRestoring(f.fileName)} data-testid="backup-restore-open">
                      {t('backup.restoreTo')}
                    </button>
                  )}
                  {restoring === f.fileName && (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        void restore(f.fileName);
                      }}
                    >
                      <input className="input" aria-label={t('backup.restoreDir')} placeholder={t('backup.restoreDir')} value={toDir} onChange={(e) => setToDir(e.target.value)} required data-testid="backup-restore-dir" />
                      <button className="primary" type="submit" disabled={busy} data-testid="backup-restore">
                        {t('backup.restore')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <BackupSettingsForm rows={settings} onSaved={(rows) => (setSettings(rows), setMessage(t('backup.saved')), load())} onProblems={setProblems} />
    </main>
  );
}

function BackupSettingsForm({ rows, onSaved, onProblems }: { rows: SettingRow[]; onSaved: (rows: SettingRow[]) => void; onProblems: (p: Problem[]) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const value = (r: SettingRow) => draft[r.key] ?? String(r.value);

  async function save() {
    const changed = rows.filter((r) => draft[r.key] !== undefined && draft[r.key] !== String(r.value));
    const input = Object.fromEntries(changed.map((r) => [r.key, r.key === 'folder' ? draft[r.key]! : Number(draft[r.key])]));
    try {
      onSaved(await api.call('backups.configure', { ...input, reason }));
      setDraft({});
      setReason('');
    } catch (e) {
      onProblems(problemsOf(e));
    }
  }

  return (
    <form
      className="form-card"
      data-testid="backup-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('backup.settingsTitle')}</h3>
      {rows.map((r) => (
        <label key={r.key} className="setup__field">
          <span>{t(`backup.${r.key}`)}</span>
          <input
            className="input"
            data-testid={`backup-setting-${r.key}`}
            type={r.key === 'folder' ? 'text' : 'number'}
            min={r.range?.min}
            max={r.range?.max}
            value={value(r)}
            onChange={(e) => setDraft({ ...draft, [r.key]: e.target.value })}
          />
          <small className="setup__hint">{sourceText(r.source, lang)}</small>
        </label>
      ))}
      <label className="setup__field">
        <span>{t('backup.reason')}</span>
        <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} required data-testid="backup-setting-reason" />
      </label>
      <button className="primary" type="submit">
        {t('backup.save')}
      </button>
    </form>
  );
}
