/**
 * The backup screen in Chromium (issue 15): an administrator names the target folder with a reason, backs up now,
 * sees the file verified and the badge "Letzte Sicherung …, geprüft", and restores it into a folder (the drill);
 * a damaged file shows red with its reason. A physician sees the badge, not the screen. Screenshot in test-results/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { tempDir } from '../helpers/tempDir';
import { launchChromium } from './browser';

const SHOTS = 'test-results';
let app: TestApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const work = tempDir('infusion-backup-e2e-');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startTestApp({ simulate: 'never' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1300 } });
  page.on('pageerror', (e) => errors.push(e.message));
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  work.remove();
});

describe('the backup screen in Chromium', () => {
  it('an administrator backs up to the named folder, sees it verified, and restores it into a folder', async () => {
    const target = join(work.path, 'usb');
    await app.loginPage(page, 'admin');
    await expect.poll(() => page.getByTestId('backup-badge').innerText()).toBe('Noch keine geprüfte Sicherung');
    await page.getByTestId('tab-backups').click();
    const settings = page.getByTestId('backup-settings');
    await settings.getByTestId('backup-setting-folder').fill(target);
    await settings.getByTestId('backup-setting-reason').fill('USB-Platte im Serverschrank');
    await settings.getByRole('button').click();
    await expect.poll(() => settings.innerText()).toContain('geändert von Alex Admin: USB-Platte im Serverschrank');

    await page.getByTestId('backup-run').click();
    await expect.poll(() => page.getByTestId('backup-message').innerText(), { timeout: 20_000 }).toMatch(/^Sicherung backup-\d{8}-\d{6}-\d{3}Z\.ibak geschrieben und geprüft\.$/);
    const [fileName] = readdirSync(target);
    await expect.poll(() => page.getByTestId(`backup-file-${fileName}`).innerText()).toMatch(/geprüft/);
    await expect.poll(() => page.getByTestId('backup-badge').innerText()).toMatch(/^Letzte Sicherung \d{2}\.\d{2}\.\d{4},? \d{2}:\d{2}.*, geprüft$/);

    const drill = join(work.path, 'drill');
    await page.getByTestId(`backup-file-${fileName}`).getByTestId('backup-restore-open').click();
    await page.getByTestId('backup-restore-dir').fill(drill);
    await page.getByTestId('backup-restore').click();
    await expect.poll(() => page.getByTestId('backup-message').innerText(), { timeout: 20_000 }).toMatch(new RegExp(`^Wiederhergestellt nach ${drill} und geprüft: \\d+ Zeilen, Protokoll bis Eintrag \\d+ intakt\\.$`));
    expect(existsSync(join(drill, 'clinic.sqlite'))).toBe(true);

    const bytes = readFileSync(join(target, fileName!));
    bytes[40]! ^= 0xff;
    writeFileSync(join(target, 'backup-20260101-020000-000Z.ibak'), bytes);
    await page.getByTestId('backup-run').click();
    const damaged = page.getByTestId('backup-file-backup-20260101-020000-000Z.ibak');
    await expect.poll(() => damaged.innerText(), { timeout: 20_000 }).toMatch(/BESCHÄDIGT: the manifest does not authenticate/);
    await page.screenshot({ path: `${SHOTS}/e2e-backup.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);

  it('a physician sees the badge but not the backup screen', async () => {
    const other = await browser.newPage();
    await app.loginPage(other, 'physician');
    await expect.poll(() => other.getByTestId('backup-badge').innerText()).toMatch(/geprüft$/);
    expect(await other.getByTestId('tab-backups').count()).toBe(0);
    await other.close();
  }, 30_000);
});
