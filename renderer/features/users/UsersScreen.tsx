/** Administration: staff accounts with their roles. Accounts are deactivated, never deleted (their records stay signed). */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { ROLES, type Role } from '../../../core/auth/roles';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf } from '../../components/ProblemList';

const EMPTY = { username: '', displayName: '', role: 'mfa' as Role, password: '', pin: '' };

export function UsersScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [users, setUsers] = useState<MethodOutput<'users.list'>>([]);
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<Problem[]>([]);
  const load = useCallback(() => void api.call('users.list', {}).then(setUsers).catch((e) => setProblems(problemsOf(e))), [api]);
  useEffect(load, [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      await api.call('users.create', { ...form, pin: form.pin || undefined });
      setForm(EMPTY);
      setProblems([]);
      load();
    } catch (err) {
      setProblems(problemsOf(err));
    }
  }

  async function toggle(userId: number, active: boolean) {
    try {
      await api.call('users.setActive', { userId, active });
      load();
    } catch (err) {
      setProblems(problemsOf(err));
    }
  }

  return (
    <main className="page">
      <h2>{t('users.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('auth.displayName')}</th>
            <th>{t('auth.username')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? '' : 'row--inactive'}>
              <td>{u.displayName}</td>
              <td>{u.username}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.active ? t('users.active') : t('users.inactive')}</td>
              <td>
                <button className="secondary" onClick={() => void toggle(u.id, !u.active)}>
                  {u.active ? t('users.deactivate') : t('users.activate')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="form-card" onSubmit={create}>
        <h3>{t('users.create')}</h3>
        <TextField label={t('auth.displayName')} value={form.displayName} onChange={(v) => setForm({ ...form, displayName: v })} required />
        <TextField label={t('auth.username')} value={form.username} onChange={(v) => setForm({ ...form, username: v })} required />
        <SelectField label={t('users.role')} value={form.role} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} onChange={(role) => setForm({ ...form, role })} />
        <TextField label={t('auth.passwordNew')} type="password" value={form.password} onChange={(v) => setForm({ ...form, password: v })} required />
        <TextField label={t('auth.pinOptional')} type="password" inputMode="numeric" value={form.pin} onChange={(v) => setForm({ ...form, pin: v })} />
        <ProblemList problems={problems} />
        <button className="primary" type="submit">
          {t('users.create')}
        </button>
      </form>
    </main>
  );
}
