/**
 * Issue 12 item 8 through the real WebSocket API and SQLite: an administrator deactivates and reactivates users, sets
 * a one-time password (the user must choose her own at the next login) and changes roles; every change is audited in
 * its own transaction; a deactivated or reset user's open windows end; a role change counts from the next call.
 * Nobody else may do any of it.
 */
import { rawClinicDb } from '../helpers/clinicFile';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { waitFor, type WsTestClient } from '../helpers/wsClient';

let app: TestApp;
let admin: WsTestClient;
beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
  admin = await app.login('admin');
});
afterAll(() => app.close());

/** The audit entries of one user, read from the database file as `npm run verify-audit` would. */
function auditOf(userId: number): { action: string; user_id: number; detail: string }[] {
  const db = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey, { readonly: true });
  try {
    return db.prepare("SELECT action, user_id, detail FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY seq").all(userId) as never;
  } finally {
    db.close();
  }
}

async function newUser(username: string, role: 'mfa' | 'physician', password = `${username}-passwort-1`) {
  const r = await admin.call('users.create', { username, displayName: username, role, password });
  expect(r.ok).toBe(true);
  const login = async () => {
    const c = await app.anonymous();
    const answer = await c.call('auth.login', { username, password });
    return { c, answer };
  };
  return { id: r.value.id as number, password, login };
}

describe('role change', () => {
  it('takes effect on the next call of an open window, is audited with old and new role, and is pushed to her window', async () => {
    const u = await newUser('springerin', 'mfa');
    const { c } = await u.login();
    const course = { patientId: 1, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [] };
    expect(await c.call('courses.create', course)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await admin.call('users.setRole', { userId: u.id, role: 'physician' })).toMatchObject({ ok: true });
    await waitFor(() => c.events.find((e) => e.event === 'users.changed' && e.payload.userId === u.id), 5000, 'users.changed');
    expect((await c.call('auth.status', {})).value.user).toMatchObject({ id: u.id, role: 'physician' });
    // Now past the access rule (the patient does not exist: NOT_FOUND, not FORBIDDEN).
    expect(await c.call('courses.create', course)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await admin.call('users.setRole', { userId: u.id, role: 'mfa' })).toMatchObject({ ok: true });
    expect(await c.call('courses.create', course)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(auditOf(u.id).filter((e) => e.action === 'user.roleChanged').map((e) => JSON.parse(e.detail))).toEqual([
      { from: 'mfa', role: 'physician' },
      { from: 'physician', role: 'mfa' },
    ]);
    expect((await admin.call('users.list', {})).value.find((x: { id: number }) => x.id === u.id)).toMatchObject({ role: 'mfa', active: true });
  });

  it('refuses the administrator her own role (the clinic would be left without one) and a user that does not exist', async () => {
    const me = (await admin.call('auth.status', {})).value.user;
    expect(await admin.call('users.setRole', { userId: me.id, role: 'mfa' })).toMatchObject({ ok: false, error: { code: 'REFUSED', problems: [{ code: 'ownRoleChange' }] } });
    expect(await admin.call('users.setRole', { userId: 9999, role: 'mfa' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await admin.call('users.setRole', { userId: 2, role: 'nurse' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await admin.call('auth.status', {})).value.user.role).toBe('admin');
  });
});

describe('deactivation', () => {
  it('ends the open windows (locked ones too), refuses the login, and reactivation lets her in again; both audited', async () => {
    const u = await newUser('aushilfe2', 'physician');
    const { c: open } = await u.login();
    const { c: locked } = await u.login();
    await locked.call('auth.lock', {});
    expect(await admin.call('users.setActive', { userId: u.id, active: false })).toMatchObject({ ok: true });
    expect(await open.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await locked.call('auth.unlock', { pin: '1234' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await u.login()).answer).toMatchObject({ ok: false, error: { code: 'REFUSED', problems: [{ code: 'loginFailed' }] } });

    // Patient data is no longer pushed to her window.
    const before = open.events.length;
    app.services.bus.emit('patients.changed', { patientId: 1 });
    await admin.call('users.list', {});
    expect(open.events.length).toBe(before);

    expect(await admin.call('users.setActive', { userId: u.id, active: true })).toMatchObject({ ok: true });
    expect((await u.login()).answer).toMatchObject({ ok: true, value: { role: 'physician' } });
    expect(auditOf(u.id).map((e) => e.action)).toEqual(expect.arrayContaining(['user.created', 'user.deactivated', 'user.activated']));
  });
});

describe('password reset', () => {
  it('sets a one-time password: her windows end, the login asks for her own, which then works and the one-time one not', async () => {
    const u = await newUser('vergesslich', 'mfa');
    const { c: open } = await u.login();
    expect(await admin.call('users.resetPassword', { userId: u.id, password: 'einmal-passwort-7' })).toMatchObject({ ok: true });
    expect(await open.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await u.login()).answer).toMatchObject({ ok: false, error: { code: 'REFUSED', problems: [{ code: 'loginFailed' }] } });
    expect((await admin.call('users.list', {})).value.find((x: { id: number }) => x.id === u.id)).toMatchObject({ mustChangePassword: true });

    const c = await app.anonymous();
    const oneTime = await c.call('auth.login', { username: 'vergesslich', password: 'einmal-passwort-7' });
    expect(oneTime).toMatchObject({ ok: false, error: { code: 'REFUSED', problems: [{ code: 'passwordChangeRequired' }] } });
    expect(await c.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // Her new password must be new, long enough, and she must know the one-time one.
    const change = (password: string, newPassword: string) => c.call('auth.changePassword', { username: 'vergesslich', password, newPassword });
    expect(await change('einmal-passwort-7', 'einmal-passwort-7')).toMatchObject({ ok: false, error: { problems: [{ code: 'passwordNotNew' }] } });
    expect(await change('einmal-passwort-7', 'kurz')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await change('falsch-geraten-1', 'mein-eigenes-passwort')).toMatchObject({ ok: false, error: { problems: [{ code: 'loginFailed' }] } });
    expect(await c.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await change('einmal-passwort-7', 'mein-eigenes-passwort')).toMatchObject({ ok: true, value: { username: 'vergesslich', role: 'mfa' } });
    expect(await c.call('patients.list', {})).toMatchObject({ ok: true });

    const again = await app.anonymous();
    expect(await again.call('auth.login', { username: 'vergesslich', password: 'einmal-passwort-7' })).toMatchObject({ ok: false, error: { problems: [{ code: 'loginFailed' }] } });
    expect(await again.call('auth.login', { username: 'vergesslich', password: 'mein-eigenes-passwort' })).toMatchObject({ ok: true });

    const entries = auditOf(u.id);
    const adminId = (await admin.call('auth.status', {})).value.user.id;
    expect(entries.filter((e) => e.action.startsWith('user.password')).map((e) => [e.action, e.user_id])).toEqual([
      ['user.passwordReset', adminId],
      ['user.passwordChanged', u.id],
    ]);
    // Neither the password nor its hash is in the log.
    expect(JSON.stringify(entries)).not.toMatch(/einmal-passwort|mein-eigenes|scrypt/);
  });

  it('the administrator changes her own password at login, not by a reset', async () => {
    const me = (await admin.call('auth.status', {})).value.user;
    expect(await admin.call('users.resetPassword', { userId: me.id, password: 'neues-admin-pw-1' })).toMatchObject({ ok: false, error: { problems: [{ code: 'ownPasswordReset' }] } });
  });
});

describe('only an administrator', () => {
  it('refuses every administration call to the MFA and the physician, and changes nothing', async () => {
    for (const role of ['mfa', 'physician'] as const) {
      const c = await app.login(role);
      const other = role === 'mfa' ? 2 : 3;
      for (const [method, input] of [
        ['users.setRole', { userId: other, role: 'admin' }],
        ['users.setActive', { userId: other, active: false }],
        ['users.resetPassword', { userId: other, password: 'uebernommen-123' }],
        ['users.create', { username: `neu-${role}`, displayName: 'X', role: 'admin', password: 'uebernommen-123' }],
      ] as const) {
        const r = await c.call(method, input);
        expect(r, `${role} ${method}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', problems: [{ code: 'missingRole', params: { needed: 'admin', role } }] } });
      }
    }
    const users = (await admin.call('users.list', {})).value as { username: string; role: string; active: boolean; mustChangePassword: boolean }[];
    expect(users.find((u) => u.username === TEST_USERS.physician.username)).toMatchObject({ role: 'physician', active: true, mustChangePassword: false });
    expect(users.find((u) => u.username === TEST_USERS.mfa.username)).toMatchObject({ role: 'mfa', active: true, mustChangePassword: false });
    expect(users.some((u) => u.username.startsWith('neu-'))).toBe(false);
  });

  it('leaves an intact audit chain', async () => {
    expect(await admin.call('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true, problem: null } });
  });
});
