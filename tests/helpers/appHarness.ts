/**
 * The whole app for tests: services and the browser host on a temp data dir, its audit key in a key file in another
 * temp dir (as the browser host's --key-file, never inside the data folder), with three users (admin, physician,
 * MFA) created through the API as a clinic would. `login(role)` gives a logged-in WebSocket client;
 * `loginPage(page, role)` logs in through the real login screen in Chromium.
 */
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import type { Role } from '../../core/auth/roles';
import { startHost, type Host } from '../../electron/host/server';
import { fileKeyStore, resolveAuditKey } from '../../electron/services/auditKey';
import { createServices, type Services, type ServicesOptions } from '../../electron/services/createServices';
import { DB_WORKER, RENDERER_DIR, tempDir } from './tempDir';
import { WsTestClient } from './wsClient';

export const TEST_USERS: Record<Role, { username: string; displayName: string; password: string; pin: string }> = {
  admin: { username: 'admin', displayName: 'Alex Admin', password: 'admin-passwort-1', pin: '1111' },
  physician: { username: 'drmeier', displayName: 'Dr. Meier', password: 'aerztin-passwort-1', pin: '2222' },
  mfa: { username: 'schmidt', displayName: 'Sabine Schmidt', password: 'mfa-passwort-1', pin: '3333' },
};

export interface TestApp {
  services: Services;
  host: Host;
  dataDir: string;
  /** The audit key file, outside the data folder. */
  keyFile: string;
  /** The audit key (in keyFile); the database key derives from it (tests/helpers/clinicFile.ts). */
  auditKey: Buffer;
  wsUrl: string;
  /** A new WebSocket client logged in as that role. */
  login(role: Role): Promise<WsTestClient>;
  /** A new WebSocket client with no login. */
  anonymous(): Promise<WsTestClient>;
  /** Opens the app in the page and logs in through the login screen. */
  loginPage(page: Page, role: Role): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(options: Partial<ServicesOptions> = {}): Promise<TestApp> {
  const dir = tempDir();
  const keyDir = tempDir('infusion-test-key-');
  const keyFile = join(keyDir.path, 'audit.key');
  const auditKey = resolveAuditKey(dir.path, fileKeyStore(keyFile, dir.path), () => {});
  const services = await createServices({
    dataDir: dir.path,
    auditKey,
    dbWorkerFile: DB_WORKER,
    transport: 'web-host',
    version: 'test',
    simulate: 'never',
    ...options,
  });
  const host = await startHost({ services, rendererDir: RENDERER_DIR });
  const wsUrl = `ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(host.token)}`;
  const clients: WsTestClient[] = [];
  const anonymous = async () => {
    const c = await WsTestClient.connect(wsUrl);
    clients.push(c);
    return c;
  };

  const setup = await anonymous();
  const admin = TEST_USERS.admin;
  const created = await setup.call('auth.setupAdmin', { username: admin.username, displayName: admin.displayName, password: admin.password, pin: admin.pin });
  if (!created.ok) throw new Error(`setupAdmin failed: ${JSON.stringify(created.error)}`);
  for (const role of ['physician', 'mfa'] as const) {
    const u = TEST_USERS[role];
    const r = await setup.call('users.create', { username: u.username, displayName: u.displayName, role, password: u.password, pin: u.pin });
    if (!r.ok) throw new Error(`users.create failed: ${JSON.stringify(r.error)}`);
  }
  setup.close();

  return {
    services,
    host,
    dataDir: dir.path,
    keyFile,
    auditKey,
    wsUrl,
    anonymous,
    async login(role) {
      const c = await anonymous();
      const r = await c.call('auth.login', { username: TEST_USERS[role].username, password: TEST_USERS[role].password });
      if (!r.ok) throw new Error(`login as ${role} failed: ${JSON.stringify(r.error)}`);
      return c;
    },
    async loginPage(page, role) {
      await page.goto(host.url);
      await page.getByTestId('login-username').fill(TEST_USERS[role].username);
      await page.getByTestId('login-password').fill(TEST_USERS[role].password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('current-user').waitFor({ timeout: 15_000 });
    },
    async close() {
      clients.forEach((c) => c.close());
      await host.close();
      await services.close();
      dir.remove();
      keyDir.remove();
    },
  };
}
