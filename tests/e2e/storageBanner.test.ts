/**
 * In Debian's Chromium: while the database refuses writes (another connection holds SQLite's write lock), an
 * acknowledged audio pause waits in memory; every screen shows the red storage banner with how many entries wait,
 * in German and in English, and the banner goes away once they are written. Screenshot in test-results/.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { launchChromium } from './browser';
import { rawClinicDb } from '../helpers/clinicFile';

let app: TestApp;
let browser: Browser;
let page: Page;
let lock: Database.Database;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  app = await startTestApp({ simulate: 'never' });
  lock = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
}, 60_000);

afterAll(async () => {
  if (lock?.inTransaction) lock.exec('ROLLBACK');
  lock?.close();
  await browser?.close();
  await app?.close();
});

describe('storage banner', () => {
  it('shows the failure with the number of entries waiting, until they are written', async () => {
    await app.loginPage(page, 'mfa');
    const mfa = await app.login('mfa');
    lock.exec('BEGIN IMMEDIATE');
    try {
      expect((await mfa.call('alarms.pauseAudio', { chairId: 1 })).ok).toBe(true);
      const queued = page.getByTestId('storage-queued-alarmLog');
      await queued.waitFor({ timeout: 20_000 });
      expect(await queued.innerText()).toBe('Im Arbeitsspeicher wartend: 1');
      expect(await page.getByTestId('storage-error').innerText()).toContain('SPEICHERFEHLER: Alarmprotokoll-Einträge');
      await page.screenshot({ path: 'test-results/storage-banner.png' });
      await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'EN' }).click();
      await expect.poll(() => queued.innerText(), { timeout: 5000 }).toBe('Waiting in memory: 1');
      expect(await page.getByTestId('storage-error').innerText()).toContain('STORAGE ERROR: Alarm log entries');
    } finally {
      lock.exec('ROLLBACK');
    }
    await page.getByTestId('storage-error').waitFor({ state: 'detached', timeout: 20_000 });
  }, 60_000);
});
