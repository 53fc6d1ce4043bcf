/**
 * The PVS (GDT) screen in Chromium: an admin sets up the partner with the form, the link shows as watched; a
 * broken file dropped in the inbox appears at once as a red row with its reason, and a 6302 as a request to plan.
 * An MFA sees the same screen read-only. Screenshots in test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGdt } from '../../drivers/gdt/codec';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { launchChromium } from './browser';

const SHOTS = 'test-results';
let app: TestApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startTestApp({ simulate: 'auto', simulatorIntervalMs: 1000 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1400 } });
  page.on('pageerror', (e) => errors.push(e.message));
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the PVS (GDT) screen in Chromium', () => {
  it('an admin sets up the partner; a refused file and a request show up with their reason and patient', async () => {
    const inbox = join(app.dataDir, 'in');
    const outbox = join(app.dataDir, 'out');
    mkdirSync(inbox);
    mkdirSync(outbox);
    await app.loginPage(page, 'admin');
    await page.getByTestId('tab-gdt').click();
    const form = page.getByTestId('gdt-partner-form');
    await form.waitFor();
    await form.getByTestId('gdt-inbox').fill(inbox);
    await form.getByTestId('gdt-outbox').fill(outbox);
    await form.getByTestId('gdt-save').click();
    await expect.poll(() => page.getByTestId('gdt-link-1').innerText(), { timeout: 10_000 }).toMatch(/Zustand: (überwacht|wird regelmäßig geprüft)/);

    writeFileSync(join(inbox, 'ESKPVS.gdt'), 'Dies ist keine GDT-Datei\r\n');
    await app.services.gdt.scanNow();
    const refused = page.getByTestId('gdt-file-rejected');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.innerText()).toMatch(/abgelehnt \(Ordner error\/\).*not a GDT file: line 1/s);

    const request = encodeGdt({ type: '6302', fields: [{ id: '3000', value: '4711' }, { id: '3101', value: 'Müller' }, { id: '3102', value: 'Jörg' }, { id: '3103', value: '01021970' }] }, 'iso-8859-15');
    writeFileSync(join(inbox, 'ESKPVS.001'), request);
    await app.services.gdt.scanNow();
    await expect.poll(() => page.getByTestId('gdt-requests').innerText(), { timeout: 10_000 }).toContain('Müller, Jörg');
    await page.screenshot({ path: `${SHOTS}/e2e-gdt.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('read-only for an MFA', async () => {
    const mfaPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await app.loginPage(mfaPage, 'mfa');
    await mfaPage.getByTestId('tab-gdt').click();
    await mfaPage.getByTestId('gdt-screen').waitFor();
    expect(await mfaPage.getByTestId('gdt-save').count()).toBe(0);
    expect(await mfaPage.getByTestId('gdt-inbox').isDisabled()).toBe(true);
    await mfaPage.close();
  }, 30_000);
});
