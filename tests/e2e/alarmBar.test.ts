/**
 * Issue 11 items 8 and 9 end to end in Debian's Chromium: four simulated chairs on socat ptys behind the browser
 * host. The alarm self-test at start (each priority's colour and tone once, the operator's answer, the result in
 * the bar); a paused infusion on chair 1 losing its probe; chair 2 without a patient staying quiet even with a fast
 * heart rate; the alarm bar of fixed height with six alarms, every one reachable (scroll, keyboard, per-chair
 * count), and nothing on the page moving when alarms come and go. Screenshots in test-results/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { datexFrame } from '../alarms/frames';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { ok, startInfusion } from '../session/runThrough';
import { launchChromium } from './browser';

const SHOTS = 'test-results';
const calm = { sensorOffEveryMs: 0, artefactRate: 0 };
let app: TestApp;
let browser: Browser;
let page: Page;
let mfa: WsTestClient;
const errors: string[] = [];
const sessions: Record<number, number> = {};

type Box = { x: number; y: number; width: number; height: number };
/** Where the things around the bar are: none of them may move when alarms come or go. */
const fixedThings = (): Record<string, Locator> => ({
  bar: page.getByTestId('alarm-bar'),
  content: page.getByTestId('overview'),
  tile4: page.getByTestId('tile-4'),
  patientsTab: page.getByTestId('tab-patients'),
  footer: page.locator('footer.intended-use'),
});
async function boxes(): Promise<Record<string, Box>> {
  const out: Record<string, Box> = {};
  for (const [name, locator] of Object.entries(fixedThings())) out[name] = (await locator.boundingBox())!;
  return out;
}

const totalAlarms = () => app.services.alarms.states().reduce((n, s) => n + s.state.alarms.length, 0);
const reading = (parameter: StoredReading['parameter'], value: number, unit: string): StoredReading => ({ parameter, value, unit, state: 'valid', receivedAt: Date.now() });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startTestApp({ simulate: 'always', simulatorIntervalMs: 1000, scenarios: { 1: calm, 2: calm, 3: calm, 4: calm } });
  mfa = await app.login('mfa');
  const staff = { mfa, physician: await app.login('physician') };
  // Chairs 1, 3 and 4 have a running infusion; chair 2 has no patient.
  for (const [chairId, name] of [[1, 'Huber'], [3, 'Berg'], [4, 'Yılmaz']] as const) sessions[chairId] = await startInfusion(staff, chairId, name);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('favicon') && errors.push(m.text()));
  await app.loginPage(page, 'mfa');
  await page.getByTestId('overview').waitFor({ timeout: 15_000 });
  await page.getByTestId('tile-4').getByTestId('tile-hr').getByText(/\d/).first().waitFor({ timeout: 20_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('alarm bar and self-test in Chromium (issue 11 items 8, 9)', () => {
  it('the self-test is pending at start; each priority is shown once with its colour and tone; "yes" passes it', async () => {
    const status = page.getByTestId('self-test-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('pending');
    expect(await status.innerText()).toBe('Alarm-Selbsttest ausstehend – jetzt prüfen');
    await status.click();
    await page.getByTestId('self-test-start').click();
    const panel = page.getByTestId('self-test');
    const colours: Record<string, string> = {};
    for (const priority of ['high', 'medium', 'low']) {
      await expect.poll(() => panel.getAttribute('data-priority'), { timeout: 8000 }).toBe(priority);
      colours[priority] = (await page.evaluate(`getComputedStyle(document.querySelector('[data-testid="self-test-signal"]')).backgroundColor`)) as string;
      if (priority === 'high') await page.screenshot({ path: `${SHOTS}/e2e-alarmbar-selftest-high.png` });
    }
    // The sheet's colours: red, yellow, cyan (styles.css --alarm-high/medium/low); the high one flashes.
    expect(colours.high).toMatch(/^rgb\(255, 43, 43\)|rgba\(/);
    expect(colours.medium).toMatch(/^rgb\(255, 212, 0\)/);
    expect(colours.low).toBe('rgb(63, 208, 255)');
    await page.getByTestId('self-test-yes').waitFor({ timeout: 8000 });
    expect(await panel.innerText()).toContain('Haben Sie alle drei Töne gehört und die drei Farben gesehen?');
    await page.getByTestId('self-test-yes').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 5000 }).toBe('passed');
    expect(await status.innerText()).toMatch(/^Alarm-Selbsttest bestanden \d\d:\d\d \(Sabine Schmidt\)$/);
    expect(await page.getByTestId('self-test').count()).toBe(0);
    // Logged in main: the three priorities in order, each with its sound played, and the operator's answer.
    const state = await ok(mfa, 'alarms.selfTest', {});
    expect(state.shown.map((s: { priority: string; sound: boolean }) => `${s.priority}:${s.sound}`)).toEqual(['high:true', 'medium:true', 'low:true']);
    expect(state.result).toMatchObject({ result: 'passed', by: 'Sabine Schmidt' });
    expect(errors).toEqual([]);
  }, 60_000);

  it('chair 2 without a patient stays quiet with a fast heart rate; the bar keeps its height with few alarms', async () => {
    const before = await boxes();
    // "HF hoch 113" on a chair without a patient was noise (issue 11): the pty frame alone, from the monitor side.
    app.services.simulators.get(2)!.runner.inject(datexFrame({ hr: 113, pulseRate: 113 }));
    app.services.simulators.get(2)!.runner.inject(datexFrame({ hr: 145, pulseRate: 145 }));
    await new Promise((r) => setTimeout(r, 2500));
    const chair2 = app.services.alarms.state(2).state.alarms;
    expect(chair2.filter((a) => a.kind === 'physiological' || a.priority !== 'low')).toEqual([]);
    expect(await page.getByTestId('tile-2').getAttribute('data-priority')).toMatch(/^(none|low)$/);
    expect(await boxes()).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/e2e-alarmbar-quiet-chair.png` });
  }, 30_000);

  it('a paused infusion losing its probe alarms on chair 1 and keeps its priority; nothing on the page moves', async () => {
    const before = await boxes();
    await ok(mfa, 'infusion.pause', { sessionId: sessions[1], reason: 'toilet' });
    expect(app.services.alarms.state(1).state.infusionRunning).toBe(false);
    app.services.simulators.get(1)!.runner.setSensorOff(true);
    const row = page.getByTestId('alarm-row-1').first();
    await expect.poll(() => row.getAttribute('data-code'), { timeout: 15_000 }).toMatch(/\.(sensorOff|invalid)$/);
    // Paused is inside the watched session: the probe alarm does not drop to low (issue 11 item 1), and a probe left
    // off longer than the no-data high delay (30 s) is high: SpO₂ is unwatched as on a silent monitor.
    expect(app.services.alarms.state(1).state.alarms.map((a) => a.priority)).not.toContain('low');
    await expect.poll(() => row.getAttribute('data-priority'), { timeout: 45_000 }).toBe('high');
    const priorities = app.services.alarms.state(1).state.alarms.map((a) => a.priority);
    expect(await page.getByTestId('tile-1').getAttribute('data-priority')).toBe(app.services.alarms.state(1).state.highestPriority);
    expect(await page.getByTestId('alarm-count-1').getAttribute('data-count')).toBe(String(priorities.length));
    expect(await boxes()).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/e2e-alarmbar-paused-probe.png` });
  }, 75_000);

  it('six alarms: the bar keeps its height, lists every alarm by priority and age, counts per chair; nothing moves', async () => {
    const before = await boxes();
    // Latched high alarms on chairs 3 and 4, one reading at a time, until six alarms are active.
    const highs: Array<[number, StoredReading]> = [
      [3, reading('hr', 140, '/min')],
      [4, reading('hr', 35, '/min')],
      [3, reading('nibpSys', 200, 'mmHg')],
      [4, reading('nibpDia', 120, 'mmHg')],
      [3, reading('nibpDia', 125, 'mmHg')],
    ];
    for (const [chairId, r] of highs) {
      if (totalAlarms() >= 6) break;
      const n = totalAlarms();
      app.services.bus.emit('vitals.readings', { chairId, readings: [{ ...r, receivedAt: Date.now() }] });
      await expect.poll(totalAlarms, { timeout: 5000 }).toBeGreaterThan(n);
      // Each alarm's arrival moves nothing.
      await expect.poll(() => page.getByTestId('alarm-list').locator('.alarm-row').count(), { timeout: 5000 }).toBe(totalAlarms());
      expect(await boxes()).toEqual(before);
    }
    expect(totalAlarms()).toBe(6);
    const rows = page.getByTestId('alarm-list').locator('.alarm-row');
    expect(await rows.count()).toBe(6);
    expect(await page.getByTestId('alarm-total').innerText()).toBe('6 Alarme');
    expect(await page.getByTestId('alarm-more').count()).toBe(0);
    expect(await page.getByTestId('alarm-scroll-hint').innerText()).toBe('▼ Liste scrollen');
    // Every active alarm of the service is a row of the bar, most urgent first, then oldest first.
    const expected = app.services.alarms
      .states()
      .flatMap((s) => s.state.alarms.map((a) => ({ id: `${s.chairId}:${a.id}`, rank: { high: 3, medium: 2, low: 1 }[a.priority], raisedAt: a.raisedAt })))
      .sort((a, b) => b.rank - a.rank || a.raisedAt - b.raisedAt)
      .map((a) => a.id);
    const shown: string[] = [];
    for (const row of await rows.all()) shown.push(`${(await row.getAttribute('data-testid'))!.replace('alarm-row-', '')}:${await row.getAttribute('data-alarm-id')}`);
    expect(shown).toEqual(expected);
    // Counts per chair, in chair order, each the chair's number of alarms.
    for (const s of app.services.alarms.states()) {
      const chip = page.getByTestId(`alarm-count-${s.chairId}`);
      expect(await chip.count()).toBe(s.state.alarms.length > 0 ? 1 : 0);
      if (s.state.alarms.length > 0) expect(await chip.getAttribute('data-count')).toBe(String(s.state.alarms.length));
    }
    // The list scrolls: not every row fits, the last one is reachable.
    const list = page.getByTestId('alarm-list');
    const LIST = `document.querySelector('[data-testid="alarm-list"]')`;
    const scroll = (await page.evaluate(`({ client: ${LIST}.clientHeight, content: ${LIST}.scrollHeight })`)) as { client: number; content: number };
    expect(scroll.content).toBeGreaterThan(scroll.client);
    await page.screenshot({ path: `${SHOTS}/e2e-alarmbar-six-alarms.png` });

    // Keyboard: the list takes focus and End scrolls to its last row.
    await list.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(`${LIST}.scrollTop`), { timeout: 3000 }).toBeGreaterThan(0);
    const inView = async (row: Locator) => {
      const [r, l] = [(await row.boundingBox())!, (await list.boundingBox())!];
      return r.y >= l.y - 1 && r.y + r.height <= l.y + l.height + 1;
    };
    await expect.poll(() => inView(rows.last()), { timeout: 3000 }).toBe(true);
    // A chair's count brings its first alarm into view and focus (Tab to it, Enter).
    const lastChair = (await rows.last().getAttribute('data-testid'))!.replace('alarm-row-', '');
    await page.evaluate(`${LIST}.scrollTo(0, 0)`);
    const chip = page.getByTestId(`alarm-count-${lastChair}`);
    await chip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => inView(page.getByTestId(`alarm-row-${lastChair}`).first()), { timeout: 3000 }).toBe(true);
    await page.screenshot({ path: `${SHOTS}/e2e-alarmbar-keyboard.png` });
    expect(await boxes()).toEqual(before);

    // A 1366×768 laptop: the bar takes two rows (its height still fixed by the window), the four chairs keep the rest.
    const tall = (await page.getByTestId('alarm-bar').boundingBox())!.height;
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(async () => (await page.getByTestId('alarm-bar').boundingBox())!.height, { timeout: 3000 }).toBeLessThan(tall - 40);
    const short = (await page.getByTestId('alarm-bar').boundingBox())!.height;
    expect(short).toBeLessThanOrEqual(180);
    const fit = (await page.evaluate(`({ client: ${LIST}.clientHeight, row: ${LIST}.querySelector('.alarm-row').offsetHeight })`)) as { client: number; row: number };
    expect(Math.floor((fit.client + 4) / (fit.row + 4))).toBe(2);
    expect(await page.getByTestId('alarm-scroll-hint').count()).toBe(1);
    for (const id of [1, 2, 3, 4]) {
      const tile = (await page.getByTestId(`tile-${id}`).boundingBox())!;
      expect(tile.y + tile.height).toBeLessThanOrEqual(768);
    }
    // A text cut by the narrow window keeps its whole wording on hover.
    const texts = (await page.evaluate(`[...${LIST}.querySelectorAll('.alarm-row__text')].map((e) => [e.textContent, e.title])`)) as [string, string][];
    expect(texts.length).toBeGreaterThan(0);
    for (const [shown, whole] of texts) expect(whole).toBe(shown);
    await page.screenshot({ path: `${SHOTS}/e2e-alarmbar-1366.png` });
    await page.setViewportSize({ width: 1600, height: 1000 });
    await expect.poll(async () => (await page.getByTestId('alarm-bar').boundingBox())!.height, { timeout: 3000 }).toBe(tall);
    expect(await boxes()).toEqual(before);
    expect(errors).toEqual([]);
  }, 60_000);

  it('alarms going (acknowledged latched alarms, the probe back on) move nothing either', async () => {
    const before = await boxes();
    app.services.simulators.get(1)!.runner.setSensorOff(false);
    // Latched alarms end once acknowledged (the probe's high fault on chair 1 too, once the probe is back on).
    const acknowledgeAll = async () => {
      for (const chairId of [1, 3, 4]) {
        for (const a of app.services.alarms.state(chairId).state.alarms) if (a.acknowledgedAt === null) await ok(mfa, 'alarms.acknowledge', { chairId, alarmId: a.id });
      }
      return app.services.alarms.states().filter((s) => [1, 3, 4].includes(s.chairId)).flatMap((s) => s.state.alarms.filter((a) => a.kind === 'physiological' || a.priority === 'high')).length;
    };
    await expect.poll(acknowledgeAll, { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('alarm-list').locator('.alarm-row').count(), { timeout: 5000 }).toBe(totalAlarms());
    expect(await boxes()).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/e2e-alarmbar-after.png` });
    expect(errors).toEqual([]);
  }, 40_000);
});
