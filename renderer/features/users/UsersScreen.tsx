/**
 * Administration: staff accounts with their roles. Accounts are deactivated, never deleted (their records stay signed).
 * An administrator changes a role (counts from the person's next step), deactivates and reactivates (open logins end),
 * and sets a one-time password that the person replaces at her next login (issue 12 item 8). Every change is audited.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { ROLES, type Role } from '../../../core/auth/roles';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf } from '../../components/ProblemList';
import { useAuth } from '../../stores/authStore';

const EMPTY = { username: '', displayName: '', role: 'mfa' as Role, password: '', pin: '' };
type User = MethodOutput<'users.list'>[number];

export function UsersScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const me = useAuth((s) => s.status?.user?.id);
  const [users, setUsers] = useState<MethodOutput<'users.list'>>([]);
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState('');
  const [resetting, setResetting] = useState<number | null>(null);
  const load = useCallback(() => void api.call('users.list', {}).then(setUsers).catch((e) => setProblems(problemsOf(e))), [api]);
  useEffect(() => {
    load();
    return api.on('users.changed', load);
  }, [api, load]);

  /** One administration call; the notice says what it did, a refusal stays on screen in words. */
  async function act(call: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await call();
      setProblems([]);
      setNotice(done);
      load();
      return true;
    } catch (err) {
      setNotice('');
      setProblems(problemsOf(err));
      return false;
    }
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    if (await act(() => api.call('users.create', { ...form, pin: form.pin || undefined }), '')) setForm(EMPTY);
  }

  return (
    <main className="page" data-testid="users-screen">
      <h2>{t('users.title')}</h2>
      {notice && <p className="ok-text" role="status" data-testid="users-notice">{notice}</p>}
      <ProblemList problems={problems} testId="users-problems" />
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
            <UserRow
              key={u.id}
              user={u}
              self={u.id === me}
              resetting={resetting === u.id}
              onReset={() => setResetting(resetting === u.id ? null : u.id)}
              act={act}
              onResetDone={() => setResetting(null)}
            />
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
        <button className="primary" type="submit">
          {t('users.create')}
        </button>
      </form>
    </main>
  );
}

interface RowProps {
  user: User;
  self: boolean;
  resetting: boolean;
  onReset(): void;
  onResetDone(): void;
  act(call: () => Promise<unknown>, done: string): Promise<boolean>;
}

function UserRow({ user: u, self, resetting, onReset, onResetDone, act }: RowProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [oneTime, setOneTime] = useState('');
  const reset = async (e: FormEvent) => {
    e.preventDefault();
    if (await act(() => api.call('users.resetPassword', { userId: u.id, password: oneTime }), t('userAdmin.resetDone', { name: u.displayName }))) {
      setOneTime('');
      onResetDone();
    }
  };
  return (
    <>
      <tr className={u.active ? '' : 'row--inactive'} data-testid={`user-${u.username}`}>
        <td>
          {u.displayName} {self && <span className="muted">{t('userAdmin.you')}</span>}
        </td>
        <td>{u.username}</td>
        <td>
          {self ? (
            t(`roles.${u.role}`)
          ) : (
            <select
              className="input"
              aria-label={t('userAdmin.changeRole')}
              data-testid={`user-role-${u.username}`}
              value={u.role}
              onChange={(e) => void act(() => api.call('users.setRole', { userId: u.id, role: e.target.value as Role }), t('userAdmin.roleChanged', { name: u.displayName }))}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </td>
        <td>
          {u.active ? t('users.active') : t('users.inactive')}
          {u.mustChangePassword && <div className="muted">{t('userAdmin.mustChange')}</div>}
        </td>
        <td>
          {!self && (
            <div className="actions">
              <button
                className="btn"
                data-testid={`user-active-${u.username}`}
                onClick={() => void act(() => api.call('users.setActive', { userId: u.id, active: !u.active }), t(u.active ? 'userAdmin.deactivated' : 'userAdmin.activated', { name: u.displayName }))}
              >
                {u.active ? t('users.deactivate') : t('users.activate')}
              </button>
              <button className="btn" data-testid={`user-reset-${u.username}`} onClick={onReset} aria-expanded={resetting}>
                {t('userAdmin.resetPassword')}
              </button>
            </div>
          )}
        </td>
      </tr>
      {resetting && (
        <tr>
          <td colSpan={5}>
            <form className="inline-form" onSubmit={reset} data-testid={`user-reset-form-${u.username}`}>
              <TextField label={t('userAdmin.oneTimePassword')} type="password" value={oneTime} onChange={setOneTime} hint={t('userAdmin.resetHint')} testId="user-one-time" autoFocus required />
              <button type="submit" className="btn btn--primary">
                {t('userAdmin.resetPassword')}
              </button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
