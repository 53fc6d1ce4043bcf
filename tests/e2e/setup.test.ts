/**
 * Device setup in Chromium: a physician opens "Geräte", tests the connection of chair 2 with another protocol on
 * the built-in simulator, saves a B. Braun pump for it, and the chair screen then shows the pump's rate beside the
 * documented rate (no session: 0 ml/h) with the warning. An MFA sees no setup tab. Screenshots in test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSerialPort } from '../../drivers/link/port';
import { findProtocol } from '../../drivers/protocols';
import { createSimulatedDevice } from '../../drivers/simulator/devices';
import { SimulatedPatient } from '../../drivers/simulator/patient';
import { openPtyPair } from '../../drivers/simulator/ptyPair';
import { SimulatorRunner } from '../../drivers/simulator/runner';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { launchChromium } from './browser';

const SHOTS = 'test-results';
let app: TestApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startTestApp({ simulate: 'auto', simulatorIntervalMs: 500 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
  page.on('pageerror', (e) => errors.push(e.message));
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('device setup in Chromium', () => {
  it('tests a connection and shows what was decoded', async () => {
    await app.loginPage(page, 'physician');
    await page.getByTestId('tab-setup').click();
    await page.getByTestId('setup-screen').waitFor();
    await page.getByTestId('setup-chair-2').click();
    await page.locator('[data-testid="setup-screen"][data-chair="2"]').waitFor();
    await expect.poll(() => page.getByTestId('setup-protocol').inputValue(), { timeout: 10_000 }).toBe('datex-s5');
    await expect.poll(() => page.locator('.setup__live').innerText(), { timeout: 15_000 }).toContain('Daten kommen');
    expect(await page.getByTestId('setup-counters').innerText()).toMatch(/^Anzeigewerte kommen · Telegramme gelesen/); // the Datex phase in German
    await page.getByTestId('setup-protocol').selectOption('philips-mib');
    await page.getByTestId('setup-test').click();
    const result = page.getByTestId('setup-test-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.innerText()).toContain('Verbindung in Ordnung');
    const text = await result.innerText();
    expect(text, text).toMatch(/Meldungen des Geräts\s+Monitor hat die Anmeldung angenommen/); // the notice's code in German, not the driver's text
    expect(text, text).not.toContain('association accepted');
    expect(text, text).toMatch(/Zustand\s+Daten kommen – angemeldet(, warte auf die Gerätebeschreibung)?\n/); // the Philips phase in German
    expect(await result.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('setup-protocol').inputValue()).toBe('philips-mib'); // the choice stays for Save
    await page.setViewportSize({ width: 1600, height: 1300 }); // the whole form and the result in one picture
    await page.getByTestId('setup-screen').evaluate((e) => (e as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/e2e-setup-test.png` });
    await page.setViewportSize({ width: 1600, height: 1100 });
  }, 40_000);

  it('saves a pump for a chair; the chair screen shows its rate beside the documented one', async () => {
    await page.getByTestId('setup-protocol').selectOption('bbraun-bcc');
    await page.getByTestId('setup-save').click();
    await page.getByText('Gespeichert.').waitFor({ timeout: 15_000 });
    await page.getByRole('navigation', { name: 'chairs' }).getByRole('button', { name: 'Platz 2' }).click();
    await expect.poll(() => page.getByTestId('pump-rate-value').innerText().catch(() => ''), { timeout: 25_000 }).toContain('12,0');
    await expect.poll(() => page.getByTestId('pump-documented-value').innerText().catch(() => ''), { timeout: 15_000 }).toContain('0,0');
    await page.getByTestId('pump-rate-differs').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: `${SHOTS}/e2e-pump-rate.png` });
    expect(errors).toEqual([]);
  }, 50_000);

  it('tests the pump port typed in beside the monitor', async () => {
    const pair = await openPtyPair();
    const port = await openSerialPort(pair.devicePath, findProtocol('bbraun-bcc')!.lineSettings);
    const runner = new SimulatorRunner(port, createSimulatedDevice('bbraun-bcc', { pumpRateMlH: 4.5 }), new SimulatedPatient(Date.now(), { seed: 2 }), Date.now, 500);
    runner.start();
    try {
      await page.getByTestId('tab-setup').click();
      await page.getByTestId('setup-chair-3').click();
      await page.locator('[data-testid="setup-screen"][data-chair="3"]').waitFor();
      await page.getByTestId('setup-pump').selectOption('__typed__');
      await page.getByTestId('setup-pump-path').fill(pair.appPath);
      await page.getByTestId('setup-test-pump').click();
      const result = page.getByTestId('setup-test-result');
      await result.waitFor({ timeout: 20_000 });
      const text = await result.innerText();
      expect(text, text).toMatch(/ComDevice antwortet \(Bett ComSystem\)\s+Pumpe 1\.1: Esketamin 25 mg\/ml/); // the pump's notices in German, the drug as the pump has it
      expect(text).toContain('4,5 ml/h'); // the language's decimal separator
    } finally {
      await runner.stop();
      pair.stop();
    }
  }, 40_000);

  it('offers no setup tab to an MFA', async () => {
    const mfaPage = await browser.newPage();
    await app.loginPage(mfaPage, 'mfa');
    expect(await mfaPage.getByTestId('tab-setup').count()).toBe(0);
    await mfaPage.close();
  }, 40_000);
});
