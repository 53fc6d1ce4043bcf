/** Login, roles, locking and the audit of it all, through the real WebSocket API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { waitFor } from '../helpers/wsClient';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
});
afterAll(() => app.close());

describe('first start', () => {
  it('creates the first administrator only once', async () => {
    const c = await app.anonymous();
    const again = await c.call('auth.setupAdmin', { username: 'mallory', displayName: 'M', password: 'another-password' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await c.call('auth.status', {})).value.setupNeeded).toBe(false);
  });
});

describe('login', () => {
  it('refuses every guarded call before login, and patient events are not pushed', async () => {
    const c = await app.anonymous();
    expect(await c.call('chairs.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await c.call('users.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    app.services.bus.emit('vitals.readings', { chairId: 1, readings: [] });
    await new Promise((r) => setTimeout(r, 100));
    expect(c.events).toEqual([]);
  });

  it('refuses a wrong password without saying whether the name exists', async () => {
    const c = await app.anonymous();
    const wrong = await c.call('auth.login', { username: TEST_USERS.mfa.username, password: 'not-the-password' });
    const unknown = await c.call('auth.login', { username: 'nobody', password: 'not-the-password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'REFUSED', problems: [{ code: 'loginFailed' }] } });
    expect(unknown.error).toEqual(wrong.error);
  });

  it('makes a user wait after five wrong passwords', async () => {
    const admin = await app.login('admin');
    await admin.call('users.create', { username: 'vertretung', displayName: 'Ver Tretung', role: 'physician', password: 'vertretung-passwort' });
    const c = await app.anonymous();
    for (let i = 0; i < 5; i++) await c.call('auth.login', { username: 'vertretung', password: `wrong-${i}-password` });
    const blocked = await c.call('auth.login', { username: 'vertretung', password: 'vertretung-passwort' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'REFUSED', problems: [{ code: 'loginLockedOut' }] } });
  });

  it('logs in, then receives events and may call guarded methods', async () => {
    const c = await app.login('mfa');
    expect((await c.call('auth.status', {})).value.user).toMatchObject({ username: TEST_USERS.mfa.username, role: 'mfa' });
    expect(await c.call('chairs.list', {})).toMatchObject({ ok: true });
    app.services.bus.emit('vitals.readings', { chairId: 1, readings: [] });
    await waitFor(() => c.events.length > 0, 2000, 'an event');
  });
});

describe('roles', () => {
  it('refuses admin calls to an MFA and a physician, naming the missing right', async () => {
    for (const role of ['mfa', 'physician'] as const) {
      const c = await app.login(role);
      const r = await c.call('users.list', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', problems: [{ code: 'missingRole', params: { needed: 'admin', role } }] } });
      expect(r.error.message).toMatch(/administrator/);
    }
  });

  it('lets the admin create and deactivate users; a deactivated user cannot log in', async () => {
    const admin = await app.login('admin');
    const created = await admin.call('users.create', { username: 'aushilfe', displayName: 'Aus Hilfe', role: 'mfa', password: 'aushilfe-passwort' });
    expect(created).toMatchObject({ ok: true, value: { username: 'aushilfe', active: true } });
    const duplicate = await admin.call('users.create', { username: 'AUSHILFE', displayName: 'X', role: 'mfa', password: 'aushilfe-passwort' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const weak = await admin.call('users.create', { username: 'kurz', displayName: 'K', role: 'mfa', password: 'short' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(weak.error.problems)).toMatch(/password/);

    const helper = await app.anonymous();
    expect(await helper.call('auth.login', { username: 'aushilfe', password: 'aushilfe-passwort' })).toMatchObject({ ok: true });
    expect(await admin.call('users.setActive', { userId: created.value.id, active: false })).toMatchObject({ ok: true });
    expect(await helper.call('chairs.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await app.anonymous();
    expect(await again.call('auth.login', { username: 'aushilfe', password: 'aushilfe-passwort' })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });
});

describe('lock and PIN', () => {
  it('locks the station, refuses calls while locked, and unlocks with the PIN', async () => {
    const c = await app.login('mfa');
    await c.call('auth.lock', {});
    expect(await c.call('chairs.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const status = (await c.call('auth.status', {})).value;
    expect(status).toMatchObject({ locked: true, user: null, lockedUser: { displayName: TEST_USERS.mfa.displayName, hasPin: true } });
    expect(await c.call('auth.unlock', { pin: '0000' })).toMatchObject({ ok: false, error: { problems: [{ code: 'pinWrong', params: { left: 4 } }] } });
    expect(await c.call('auth.unlock', { pin: TEST_USERS.mfa.pin })).toMatchObject({ ok: true });
    expect(await c.call('chairs.list', {})).toMatchObject({ ok: true });
  });

  it('logs the user out after five wrong PINs', async () => {
    const c = await app.login('mfa');
    await c.call('auth.lock', {});
    for (let i = 0; i < 4; i++) await c.call('auth.unlock', { pin: '9999' });
    expect(await c.call('auth.unlock', { pin: '9999' })).toMatchObject({ ok: false, error: { problems: [{ code: 'pinLockedOut' }] } });
    expect((await c.call('auth.status', {})).value).toMatchObject({ locked: false, user: null });
    expect(await c.call('auth.unlock', { pin: TEST_USERS.mfa.pin })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('audit', () => {
  it('records logins, refusals and user changes in an intact chain', async () => {
    const c = await app.login('physician');
    const verified = await c.call('audit.verify', {});
    expect(verified).toMatchObject({ ok: true, value: { ok: true, problem: null } });
    expect(verified.value.entries).toBeGreaterThan(5);
  });
});
