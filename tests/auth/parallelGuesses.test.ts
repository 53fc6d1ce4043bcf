/**
 * Guesses sent all at once through the real WebSocket API: each attempt counts before its password is hashed, so
 * the lockout holds against parallel guesses (issue 9: 40 wrong + the right one were all checked and the right one
 * logged in), and each connection has its own login rate limit.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_BURST, MAX_FAILURES } from '../../electron/services/auth/loginAttempts';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { rawClinicDb } from '../helpers/clinicFile';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
});
afterAll(() => app.close());

async function newUser(username: string, password: string): Promise<void> {
  const admin = await app.login('admin');
  const r = await admin.call('users.create', { username, displayName: username, role: 'mfa', password, pin: '4711' });
  expect(r).toMatchObject({ ok: true });
  admin.close();
}

const problemCode = (r: { ok: boolean; error?: { problems?: { code: string }[] } }) => (r.ok ? 'ok' : r.error?.problems?.[0]?.code);
const count = (codes: (string | undefined)[]) => codes.reduce<Record<string, number>>((n, c) => ({ ...n, [c ?? '?']: (n[c ?? '?'] ?? 0) + 1 }), {});

/** Audit entries of one action, read from the clinic database itself (read-only beside the running host). */
function audited(action: string, which: (detail: any, userId: number | null) => boolean): number {
  const db = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey, { readonly: true });
  try {
    const rows = db.prepare('SELECT user_id, detail FROM audit_log WHERE action = ?').all(action) as { user_id: number | null; detail: string }[];
    return rows.filter((r) => which(JSON.parse(r.detail), r.user_id)).length;
  } finally {
    db.close();
  }
}

describe('parallel password guesses', () => {
  it('40 wrong and the right one at once, from 41 connections: the right one is refused and the account waits', async () => {
    const password = 'parallel-passwort-1';
    await newUser('parallel', password);
    const clients = await Promise.all(Array.from({ length: 41 }, () => app.anonymous()));
    const answers = await Promise.all(
      clients.map((c, i) => c.call('auth.login', { username: 'parallel', password: i === 40 ? password : `wrong-${i}-password` })),
    );
    expect(problemCode(answers[40])).toBe('loginLockedOut');
    // Exactly the first MAX_FAILURES were checked; every later one was refused unchecked, none logged in.
    expect(count(answers.map(problemCode))).toEqual({ loginFailed: MAX_FAILURES, loginLockedOut: 41 - MAX_FAILURES });
    const later = await app.anonymous();
    expect(problemCode(await later.call('auth.login', { username: 'parallel', password }))).toBe('loginLockedOut');
    // Audited as before: each checked wrong password once, no login.
    expect(audited('login.refused', (d) => d.username === 'parallel')).toBe(MAX_FAILURES);
    const users = (await (await app.login('admin')).call('users.list', {})).value as { id: number; username: string }[];
    const userId = users.find((u) => u.username === 'parallel')!.id;
    expect(audited('login', (_d, user) => user === userId)).toBe(0);
  });

  it('40 wrong and the right one at once on one connection: refused by the connection limit and the lockout', async () => {
    const password = 'einzeln-passwort-1';
    await newUser('einzeln', password);
    const c = await app.anonymous();
    const answers = await Promise.all(
      Array.from({ length: 41 }, (_, i) => c.call('auth.login', { username: 'einzeln', password: i === 40 ? password : `wrong-${i}-password` })),
    );
    expect(problemCode(answers[40])).toBe('loginRateLimited');
    expect(count(answers.map(problemCode))).toEqual({ loginFailed: MAX_FAILURES, loginLockedOut: LOGIN_BURST - MAX_FAILURES, loginRateLimited: 41 - LOGIN_BURST });
    expect(audited('login.refused', (d) => d.username === 'einzeln')).toBe(MAX_FAILURES);
  });

  it('limits login attempts per connection across user names, and only that connection', async () => {
    const c = await app.anonymous();
    const answers = await Promise.all(Array.from({ length: LOGIN_BURST + 3 }, (_, i) => c.call('auth.login', { username: `niemand-${i}`, password: 'wrong-password-x' })));
    expect(count(answers.map(problemCode))).toEqual({ loginFailed: LOGIN_BURST, loginRateLimited: 3 });
    const limited = answers.find((a) => problemCode(a) === 'loginRateLimited');
    expect(limited.error).toMatchObject({ code: 'REFUSED', problems: [{ params: { seconds: expect.any(Number) } }] });
    expect(limited.error.message).toMatch(/too many login attempts from this connection/);
    // The attempts refused by the rate limit were not checked: only the checked ones are audited.
    expect(audited('login.refused', (d) => String(d.username).startsWith('niemand-'))).toBe(LOGIN_BURST);
    const other = await app.anonymous();
    expect(await other.call('auth.login', { username: TEST_USERS.mfa.username, password: TEST_USERS.mfa.password })).toMatchObject({ ok: true });
  });
});

describe('parallel PIN guesses', () => {
  it('10 wrong PINs and the right one at once: the right one is refused and the user is logged out', async () => {
    const c = await app.login('physician');
    await c.call('auth.lock', {});
    const answers = await Promise.all(Array.from({ length: 11 }, (_, i) => c.call('auth.unlock', { pin: i === 10 ? TEST_USERS.physician.pin : '9999' })));
    expect(problemCode(answers[10])).toBe('pinTooManyAttempts');
    expect(count(answers.map(problemCode))).toEqual({ pinWrong: MAX_FAILURES - 1, pinLockedOut: 1, pinTooManyAttempts: 11 - MAX_FAILURES });
    expect((await c.call('auth.status', {})).value).toMatchObject({ locked: false, user: null });
  });
});
