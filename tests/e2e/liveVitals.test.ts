/**
 * End to end in Debian's Chromium: the browser host with four simulated Datex monitors on socat ptys, the real
 * renderer, live values changing, then "no data" after chair 1's monitor stops. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { launchChromium } from './browser';

const SHOTS = 'test-results';
const calm = { sensorOffEveryMs: 0, artefactRate: 0 };
let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startTestApp({ simulate: 'always', simulatorIntervalMs: 1000, scenarios: { 1: calm, 2: calm, 3: calm, 4: calm } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function numericsText(): Promise<string> {
  return (await page.locator('.numerics').innerText()).replace(/vor \d+ s/g, '');
}

describe('live vitals in Chromium', () => {
  it('shows live values from the simulated monitor, changing over time', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('favicon') && errors.push(m.text()));
    await app.loginPage(page, 'mfa');
    await page.getByRole('navigation', { name: 'chairs' }).getByRole('button', { name: 'Platz 1' }).click();
    await expect.poll(() => page.getByTestId('link-status').innerText(), { timeout: 15_000 }).toBe('Daten kommen');
    await page.getByTestId('value-hr').waitFor({ timeout: 15_000 });
    const seen = new Set<string>();
    const started = Date.now();
    while (seen.size < 3 && Date.now() - started < 20_000) {
      seen.add(await numericsText());
      await page.waitForTimeout(500);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    const hr = Number(await page.getByTestId('value-hr').innerText());
    expect(hr).toBeGreaterThan(40);
    expect(hr).toBeLessThan(140);
    await expect.poll(() => page.getByTestId('trend').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: `${SHOTS}/e2e-live-vitals.png` });
    expect(errors).toEqual([]);
  });

  it('shows an unmistakable "no data" state once the monitor goes silent', async () => {
    app.services.simulators.get(1)!.runner.setSilent(true);
    await page.getByTestId('nodata-banner').waitFor({ timeout: 25_000 });
    await expect.poll(() => page.getByTestId('numeric-hr').innerText(), { timeout: 15_000 }).toContain('KEINE DATEN');
    expect(await page.getByTestId('link-status').innerText()).toMatch(/Stumm seit \d\d:\d\d:\d\d/);
    await page.screenshot({ path: `${SHOTS}/e2e-no-data.png` });
  });

  it('switches the whole interface to English and back', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('numeric-hr').innerText()).toContain('NO DATA');
    await page.getByRole('button', { name: 'DE', exact: true }).click();
    await expect.poll(() => page.getByTestId('numeric-hr').innerText()).toContain('KEINE DATEN');
  });
});
