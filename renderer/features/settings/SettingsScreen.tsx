/**
 * Clinic settings (issue 10 point 6): every value in force with its unit, clinical range and source; a physician
 * changes one with a required reason (refusals name every reason); the change history shows who, when, old → new
 * and why. Clinic-wide alarm limits are listed here too; the alarm engine takes a change at once.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { choiceLabel, settingLabel } from '../../../core/clinic/settingLabels';
import { sourceText } from '../../../core/clinic/sourceText';
import type { Lang } from '../../../core/messages';
import { dateTime, num } from '../../format';
import { SettingEditor } from './SettingEditor';
import { useMay } from '../auth/useMay';

type Row = MethodOutput<'clinicSettings.list'>[number];
type Change = MethodOutput<'clinicSettings.history'>[number];

/** A setting's value in the screen's language (decimal comma in German); lists joined with '; '. */
export function show(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '–';
  const one = (v: unknown) => (typeof v === 'number' ? num(v, lang, 6) : choiceLabel(String(v), lang));
  return Array.isArray(value) ? value.map(one).join('; ') : one(value);
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const mayEdit = useMay('clinicSettings.set');
  const [rows, setRows] = useState<Row[]>([]);
  const [history, setHistory] = useState<Change[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, changes] = await Promise.all([api.call('clinicSettings.list', {}), api.call('clinicSettings.history', {})]);
      setRows(list);
      setHistory(changes);
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }, [api]);
  useEffect(() => {
    void load();
    return api.on('clinicSettings.changed', () => void load());
  }, [api, load]);

  // Found by its name in words, or by its key (what support and the docs use).
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return rows.filter((r) => r.key.toLowerCase().includes(f) || settingLabel(r.key, lang).toLowerCase().includes(f));
  }, [rows, filter, lang]);
  const table = (title: string, list: Row[], testId: string) => (
    <section className="panel" data-testid={testId}>
      <h3>{title}</h3>
      <table className="table table--compact settings-table">
        <thead>
          <tr>
            <th>{t('settings.key')}</th>
            <th>{t('settings.value')}</th>
            <th>{t('settings.range')}</th>
            <th>{t('settings.source')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <SettingLine key={r.key} row={r} canEdit={mayEdit} open={editing === r.key} onOpen={() => setEditing(editing === r.key ? null : r.key)} onSaved={() => { setEditing(null); void load(); }} />
          ))}
        </tbody>
      </table>
    </section>
  );
  return (
    <main className="page settings" data-testid="settings-screen">
      <h2>{t('settings.title')}</h2>
      <p className="lead">{t('settings.intro')}</p>
      {!mayEdit && <p className="muted">{t('settings.readOnly')}</p>}
      <ProblemList problems={problems} />
      <div className="settings__filter">
        <TextField label={t('settings.filter')} value={filter} onChange={setFilter} testId="settings-filter" />
      </div>
      {table(t('settings.clinic'), shown.filter((r) => !r.key.startsWith('alarm.')), 'settings-clinic')}
      {table(t('settings.alarms'), shown.filter((r) => r.key.startsWith('alarm.')), 'settings-alarms')}
      <section className="panel" data-testid="settings-history">
        <h3>{t('settings.history')}</h3>
        {history.length === 0 ? (
          <p className="muted">{t('settings.noHistory')}</p>
        ) : (
          <table className="table table--compact">
            <thead>
              <tr>
                <th>{t('settings.when')}</th>
                <th>{t('settings.who')}</th>
                <th>{t('settings.key')}</th>
                <th>{t('settings.change')}</th>
                <th>{t('settings.why')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((c, i) => (
                <tr key={i} data-testid="history-row">
                  <td className="num">{dateTime(c.by.at, lang)}</td>
                  <td>{c.by.userName}</td>
                  <td title={c.key}>{settingLabel(c.key, lang)}</td>
                  <td className="num">{show(c.previousValue, lang)} → <strong>{show(c.value, lang)}</strong></td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function SettingLine({ row, canEdit, open, onOpen, onSaved }: { row: Row; canEdit: boolean; open: boolean; onOpen(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const unit = row.unit ?? '';
  return (
    <>
      <tr data-testid={`setting-${row.key}`} className={row.changed ? 'settings-row--changed' : undefined}>
        <td title={row.key}>{settingLabel(row.key, lang)}</td>
        <td className="num" data-testid="setting-value">
          <strong>{show(row.value, lang)}</strong> {unit}
          {row.changed && <div className="muted">{t('settings.default', { value: show(row.defaultValue, lang) })}</div>}
        </td>
        {row.range ? (
          <td className="num">{`${num(row.range.min, lang, 6)}–${num(row.range.max, lang, 6)} ${unit}`}</td>
        ) : (
          <td>
            {/* One choice a line: a row of long scale names on one line widened the table past the window. */}
            <ul className="settings__choices">
              {(row.choices ?? []).map((c) => (
                <li key={String(c)}>{choiceLabel(c, lang)}</li>
              ))}
            </ul>
          </td>
        )}
        <td className="muted settings__source">
          {sourceText(row.source, lang)}
          {row.range && <div>{sourceText(row.range.source, lang)}</div>}
        </td>
        <td>
          {canEdit && (
            <button className="btn" data-testid="setting-edit" onClick={onOpen}>
              {t('settings.edit')}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5}>
            <SettingEditor row={row} onSaved={onSaved} onCancel={onOpen} />
          </td>
        </tr>
      )}
    </>
  );
}
