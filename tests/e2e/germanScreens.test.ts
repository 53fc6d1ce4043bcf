/**
 * Issue 12 item 7 in Chromium: the rendered text of the main screens in German (overview with a running infusion,
 * the session, the course with its documents, the signed session's review, clinic settings, device setup, a Masimo
 * oximeter's and a B. Braun pump's alarms from their connection tests) read by
 * the same rules as the catalogues (tests/helpers/germanText.ts): no English words, code names, developer
 * references, ISO dates, "RR" or "Empfang", no decimal point. Screenshots in test-results/german-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSerialPort } from '../../drivers/link/port';
import { findProtocol } from '../../drivers/protocols';
import { asciiBytes } from '../../drivers/protocols/shared/bytes';
import type { SimulatedDevice } from '../../drivers/simulator/device';
import { createBbraunBccDevice } from '../../drivers/simulator/devices/bbraun-bcc';
import { createMasimoAscii1Device } from '../../drivers/simulator/devices/masimo-ascii1';
import { SimulatedPatient } from '../../drivers/simulator/patient';
import { openPtyPair, type PtyPair } from '../../drivers/simulator/ptyPair';
import { SimulatorRunner } from '../../drivers/simulator/runner';
import { TYPED } from '../../renderer/features/setup/deviceDraft';
import type { TestApp } from '../helpers/appHarness';
import { launchChromium } from './browser';
import { germanFindings } from './germanScan';
import { ok } from '../session/runThrough';
import { startRecordedApp } from './recordedApp';
import { openSession } from './tiles';

const SHOTS = 'test-results';
let app: TestApp;
let browser: Browser;
let page: Page;
const errors: string[] = [];
/** Simulated devices on ptys, ended after the tests. */
const stops: (() => Promise<void>)[] = [];

/** The screen's German findings, with a full-page screenshot. */
async function findings(p: Page, screen: string): Promise<string[]> {
  await p.screenshot({ path: `${SHOTS}/german-${screen}.png`, fullPage: true });
  return germanFindings(p, screen);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startRecordedApp('Sprache');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
}, 120_000);

afterAll(async () => {
  for (const stop of stops) await stop();
  await browser?.close();
  await app?.close();
});

describe('the German screens, as rendered (browser locale en-US on purpose)', () => {
  it('overview, session, course with documents, review, settings: German only', async () => {
    await app.loginPage(page, 'physician');
    const found: string[] = [];
    await page.getByTestId('overview').waitFor();
    await expect.poll(() => page.getByTestId('link-status').first().innerText(), { timeout: 15_000 }).toBe('Daten kommen');
    found.push(...(await findings(page, 'overview')));

    await openSession(page, 1);
    found.push(...(await findings(page, 'session')));

    await page.getByTestId('tab-patients').click();
    await page.getByRole('button', { name: /Sprache, Jörg/ }).click();
    await page.getByTestId('patient-screen').getByRole('listitem').first().getByRole('button').click();
    await page.getByTestId('course-screen').waitFor();
    await page.getByTestId('documents-panel').waitFor();
    found.push(...(await findings(page, 'course')));

    await page.getByTestId('open-session-1').click();
    await page.getByTestId('to-review').click();
    await page.getByTestId('documents-panel').waitFor();
    // The record (audit) opened: its actions in words; each entry's data as "what: value" lines (not scanned, above).
    await page.locator('details.panel summary').last().click();
    found.push(...(await findings(page, 'review-documents')));

    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-screen').waitFor();
    found.push(...(await findings(page, 'settings')));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('device setup (admin), simulated Datex and Philips: German only; phase, rejections, protocols, connection test in words', async () => {
    // Chair 2 talks Philips MIB (association, device description, polling) to its built-in simulated monitor.
    await ok(await app.login('admin'), 'devices.set', { chairId: 2, protocolId: 'philips-mib', portPath: null });
    // A frame too short for a record header on chair 1's line: the live link lists the rejection with its reason.
    app.services.simulators.get(1)!.runner.inject(Uint8Array.of(0x7e, 0x01, 0x02, 0x03, 0x7e));
    const admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await app.loginPage(admin, 'admin');
    await admin.getByTestId('tab-setup').click();
    const live = admin.locator('.setup__live');
    await expect.poll(() => live.innerText(), { timeout: 15_000 }).toContain('Anzeigewerte kommen'); // chair 1: Datex S/5
    await expect.poll(() => live.innerText(), { timeout: 15_000 }).toMatch(/Telegramm zu kurz: 1/);
    expect(await admin.getByTestId('setup-protocol').locator('option').allInnerTexts()).toContain('Nonin-Pulsoximeter, Datenformat 2 (75 Telegramme/s)');
    const found = await findings(admin, 'setup');
    await admin.getByTestId('setup-chair-2').click();
    await admin.locator('[data-testid="setup-screen"][data-chair="2"]').waitFor();
    await expect.poll(() => live.innerText(), { timeout: 20_000 }).toMatch(/Daten kommen.*angemeldet · Telegramme gelesen/s);
    found.push(...(await findings(admin, 'setup-philips')));
    // The connection test's result: state, frames, values and the monitor's notices, all in German.
    await admin.getByTestId('setup-test').click();
    const result = admin.getByTestId('setup-test-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.innerText()).toContain('Monitor hat die Anmeldung angenommen');
    found.push(...(await findings(admin, 'setup-test')));
    // A port that is not there: the test says why in German with the path, not in the OS's English.
    await admin.getByTestId('setup-port').selectOption('__typed__');
    await admin.getByTestId('setup-port-path').fill('/dev/ttyUSB9');
    await admin.getByTestId('setup-test').click();
    await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain('Fehler: Anschluss nicht gefunden (/dev/ttyUSB9)');
    found.push(...(await findings(admin, 'setup-test-missing-port')));
    expect(found).toEqual([]);
  }, 60_000);

  it('device alarms in words: a Masimo oximeter and a B. Braun pump in alarm on socat ptys, tested from the setup screen', async () => {
    // The oximeter's ALARM field 000A (SpO₂ low + pulse rate low) on otherwise real-looking ASCII 1 lines.
    const oximeter = createMasimoAscii1Device();
    const inAlarm: SimulatedDevice = { ...oximeter, tick: (snap) => oximeter.tick(snap).map((b) => asciiBytes(new TextDecoder().decode(b).replace('ALARM=0000', 'ALARM=000A'))) };
    const oximeterLine = await deviceOnPty('masimo-ascii1', inAlarm, 250);
    // A ComDevice with one pump in occlusion (INA3).
    const pumpLine = await deviceOnPty('bbraun-bcc', createBbraunBccDevice({ pumps: [{ address: '50111', drug: 'Esketamin 1 mg/ml', alarms: ['INA3'] }] }), 500);
    const admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await app.loginPage(admin, 'admin');
    await admin.getByTestId('tab-setup').click();
    await admin.getByTestId('setup-protocol').selectOption('masimo-ascii1');
    await admin.getByTestId('setup-port').selectOption(TYPED);
    await admin.getByTestId('setup-port-path').fill(oximeterLine.appPath);
    await admin.getByTestId('setup-test').click();
    const result = admin.getByTestId('setup-test-result');
    await expect.poll(() => result.innerText().catch(() => ''), { timeout: 20_000 }).toContain('Alarmzustand des Oximeters: SpO₂ zu niedrig, Pulsfrequenz zu niedrig');
    expect(await result.innerText()).not.toMatch(/0x|Code/);
    await result.scrollIntoViewIfNeeded(); // the screenshot shows the result
    const found = await findings(admin, 'setup-oximeter-alarm');

    await admin.getByTestId('setup-pump').selectOption(TYPED);
    await admin.getByTestId('setup-pump-path').fill(pumpLine.appPath);
    await admin.getByTestId('setup-test-pump').click();
    await expect.poll(() => result.innerText().catch(() => ''), { timeout: 25_000 }).toContain('Pumpe 1.1: Alarm „Verschluss (Okklusion)“');
    expect(await result.innerText()).not.toMatch(/INA|0x|Code/);
    await result.scrollIntoViewIfNeeded(); // the screenshot shows the result
    found.push(...(await findings(admin, 'setup-pump-alarm')));
    expect(found).toEqual([]);
  }, 60_000);
});

/** A simulated device on the device end of a socat pty, stopped after the tests; the app opens `appPath`. */
async function deviceOnPty(protocolId: string, device: SimulatedDevice, intervalMs: number): Promise<PtyPair> {
  const pair = await openPtyPair();
  const runner = new SimulatorRunner(await openSerialPort(pair.devicePath, findProtocol(protocolId)!.lineSettings), device, new SimulatedPatient(Date.now(), { seed: 5 }), Date.now, intervalMs);
  runner.start();
  stops.push(async () => {
    await runner.stop();
    pair.stop();
  });
  return pair;
}
