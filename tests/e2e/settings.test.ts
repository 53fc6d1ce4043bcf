/**
 * Issue 10 in Chromium: a physician changes a clinic setting on the settings screen (a value outside its clinical
 * range and a missing reason are refused, both named, nothing changes; a valid change lands in the history with
 * old → new, name and reason); an MFA sees the settings read-only. A rate the physician orders from another
 * station stands out on the MFA's chair tile and session screen until she confirms she set the pump; the dose list
 * then shows both times. Screenshots in test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullChecklist, ok } from '../session/runThrough';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { launchChromium } from './browser';
import { openSession } from './tiles';

const SHOTS = 'test-results';
let app: TestApp;
let browser: Browser;
let page: Page;
let mfa: WsTestClient;
let physician: WsTestClient;
const errors: string[] = [];
const until = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startTestApp({ simulate: 'never' });
  [mfa, physician] = await Promise.all([app.login('mfa'), app.login('physician')]);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
  page.on('pageerror', (e) => errors.push(e.message));
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('clinic settings screen', () => {
  it('refuses a value outside its range and a missing reason, then saves a valid change into the history', async () => {
    await app.loginPage(page, 'physician');
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-screen').waitFor();
    const row = page.getByTestId('setting-esketamineHardLimitMgPerKgPerH');
    expect(await row.getByTestId('setting-value').innerText()).toMatch(/^1 mg\/kg\/h/);
    expect(await row.innerText()).toMatch(/0,01–1 mg\/kg\/h/);
    await row.getByTestId('setting-edit').click();
    const editor = page.getByTestId('setting-editor');
    await editor.getByTestId('setting-new-value').fill('1000');
    await editor.getByTestId('setting-save').click();
    const refusal = editor.getByTestId('setting-refusal');
    await refusal.waitFor();
    const items = refusal.locator('li');
    expect(await items.count()).toBe(2);
    expect([await items.nth(0).getAttribute('data-code'), await items.nth(1).getAttribute('data-code')]).toEqual(['setting.outOfRange', 'setting.reasonMissing']);
    expect(await refusal.innerText()).toMatch(/Esketamin: Höchstrate: 1000 liegt außerhalb des klinisch zulässigen Bereichs 0,01–1 mg\/kg\/h \(Leitlinie oder Fachinformation/);
    await page.screenshot({ path: `${SHOTS}/settings-refused.png` });
    expect(await row.getByTestId('setting-value').innerText()).toMatch(/^1 mg\/kg\/h/);

    await editor.getByTestId('setting-new-value').fill('0,8');
    await editor.getByTestId('setting-reason').fill('Praxisprotokoll 2026');
    await editor.getByTestId('setting-save').click();
    await until(() => row.getByTestId('setting-value').innerText()).toMatch(/^0,8 mg\/kg\/h/);
    const history = page.getByTestId('history-row').first();
    expect(await history.innerText()).toMatch(/Dr\. Meier.*Esketamin: Höchstrate.*1 → 0,8.*Praxisprotokoll 2026/s);
    await page.getByTestId('settings-history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-history.png` });

    // A clinic-wide alarm limit is a setting on the same screen.
    await page.getByTestId('settings-filter').fill('SpO₂ niedrig');
    expect(await page.getByTestId('settings-alarms').innerText()).toMatch(/SpO₂ niedrig – Priorität mittel\s+94 %/);
    await page.screenshot({ path: `${SHOTS}/settings-alarm-limits.png` });
    expect(errors).toEqual([]);
  }, 60_000);

  it('an MFA reads the settings but cannot change them', async () => {
    const mfaPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await app.loginPage(mfaPage, 'mfa');
    await mfaPage.getByTestId('tab-settings').click();
    await mfaPage.getByTestId('settings-screen').waitFor();
    expect(await mfaPage.getByTestId('setting-edit').count()).toBe(0);
    await mfaPage.close();
  }, 30_000);
});

describe('rate order handshake in Chromium', () => {
  it('a rate ordered from another station stands out on the tile and the session screen until the MFA confirms it', async () => {
    const patient = await ok(mfa, 'patients.create', { familyName: 'Berger', givenName: 'Lena', birthDate: '1969-03-03' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [] });
    const sessionId = (await ok(mfa, 'sessions.plan', { courseId: course.id, chairId: 1, plannedFor: Date.now() })).session.id;
    await ok(mfa, 'sessions.checkIn', { sessionId });
    await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
    await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
    await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
    await ok(mfa, 'sessions.completeChecklist', { sessionId });
    await ok(mfa, 'infusion.start', { sessionId });

    const mfaPage = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
    mfaPage.on('pageerror', (e) => errors.push(e.message));
    await app.loginPage(mfaPage, 'mfa');
    await mfaPage.getByTestId('tab-overview').click();
    await ok(physician, 'infusion.changeRate', { sessionId, mgPerKgPerH: 0.15 }); // from the physician's station
    await until(() => mfaPage.getByTestId('tile-pending-rate').count()).toBe(1);
    expect(await mfaPage.getByTestId('tile-pending-rate').innerText()).toMatch(/Neue Rate 10,8 ml\/h/);
    await mfaPage.screenshot({ path: `${SHOTS}/rate-order-tile.png` });

    await openSession(mfaPage, 1);
    const banner = mfaPage.getByTestId('pending-rate-order');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/Dr\. Meier.*10,8 ml\/h.*noch mit 7,2 ml\/h/s);
    expect(await mfaPage.getByTestId('dose-event-rateChange').count()).toBe(0);
    await mfaPage.screenshot({ path: `${SHOTS}/rate-order-pending.png` });

    await banner.getByTestId('confirm-rate').click();
    await until(() => mfaPage.getByTestId('pending-rate-order').count()).toBe(0);
    const change = mfaPage.getByTestId('dose-event-rateChange');
    expect(await change.innerText()).toMatch(/10,8 ml\/h.*angeordnet \d\d:\d\d:\d\d \(Dr\. Meier\).*bestätigt \d\d:\d\d:\d\d \(Sabine Schmidt\)/s);
    await change.scrollIntoViewIfNeeded();
    await mfaPage.screenshot({ path: `${SHOTS}/rate-order-confirmed.png` });
    await mfaPage.getByTestId('tab-overview').click();
    await until(() => mfaPage.getByTestId('tile-pending-rate').count()).toBe(0);
    expect(errors).toEqual([]);
    await mfaPage.close();
  }, 90_000);
});
