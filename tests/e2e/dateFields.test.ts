/**
 * Issue 12 item 7 in Chromium with the browser set to en-US on purpose: the app's own date fields take and show
 * 21.09.1975 in German and 21/09/1975 in English, name a day that does not exist next to the field, store the day
 * that was typed, and a planned time typed as 24-hour "dd.mm.yyyy hh:mm" is stored as that local minute.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { ok } from '../session/runThrough';
import { launchChromium } from './browser';

let app: TestApp;
let browser: Browser;
let page: Page;
let mfa: WsTestClient;
const errors: string[] = [];
const until = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

beforeAll(async () => {
  app = await startTestApp({ simulate: 'always' });
  mfa = await app.login('mfa');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await app.loginPage(page, 'mfa');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the app’s own date fields', () => {
  it('German: a day that does not exist is named and nothing is created; the typed day is stored', async () => {
    await page.getByTestId('tab-patients').click();
    await page.getByTestId('patient-family').fill('Datum');
    await page.getByTestId('patient-given').fill('Dora');
    const birth = page.getByTestId('patient-birth');
    expect(await birth.getAttribute('placeholder')).toBe('TT.MM.JJJJ');
    await birth.fill('31.02.1975');
    await until(() => page.getByTestId('new-patient').innerText()).toContain('Den 31.02.1975 gibt es nicht');
    expect(await birth.getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('patient-create').click();
    await birth.fill('09/21/1975'); // the browser's (American) form is not guessed
    await until(() => page.getByTestId('new-patient').innerText()).toContain('„09/21/1975“ ist kein Datum – bitte als TT.MM.JJJJ eingeben');
    expect(await ok<unknown[]>(mfa, 'patients.list', { search: 'Datum' })).toEqual([]);
    await birth.fill('21.9.1975');
    await birth.blur();
    expect(await birth.inputValue()).toBe('21.09.1975'); // shown as understood
    await page.getByTestId('patient-create').click();
    await page.getByTestId('patient-screen').waitFor();
    const [stored] = await ok<{ birthDate: string }[]>(mfa, 'patients.list', { search: 'Datum' });
    expect(stored?.birthDate).toBe('1975-09-21');
  });

  it('English: the same day written 21/09/1975; a 24-hour planned time is stored as that local minute', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const physician = await app.login('physician');
    const [patient] = await ok<{ id: number }[]>(mfa, 'patients.list', { search: 'Datum' });
    await ok(physician, 'courses.create', { patientId: patient!.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [] });
    await page.getByTestId('tab-patients').click();
    const birth = page.getByTestId('patient-birth');
    expect(await birth.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await birth.fill('21/9/1975');
    await birth.blur();
    expect(await birth.inputValue()).toBe('21/09/1975');
    expect(await birth.getAttribute('aria-invalid')).toBe('false');
    await page.getByTestId(`patient-${patient!.id}`).click();
    await page.getByTestId('patient-screen').getByRole('listitem').first().getByRole('button').click();
    const at = page.getByTestId('plan-at');
    await at.waitFor();
    expect(await at.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/); // now, the English way
    await at.fill('15/01/2027 25:00');
    await until(() => page.getByTestId('plan-session').innerText()).toContain('15/01/2027 25:00 does not exist');
    await at.fill('15/01/2027 14:30');
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('session-screen').waitFor();
    const [planned] = await ok<{ plannedFor: number }[]>(mfa, 'sessions.list', { statuses: ['planned'] });
    // The browser's zone is Berlin: 14:30 there is 13:30 UTC in January.
    expect(new Date(planned!.plannedFor).toISOString()).toBe('2027-01-15T13:30:00.000Z');
    expect(errors).toEqual([]);
  });
});
