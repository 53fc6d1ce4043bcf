/**
 * What the browser benches start from: the app with four calm simulated chairs (no probe-off, no artefacts) and the
 * MFA's overview open in Chromium, every tile showing a heart rate. The caller closes both.
 */
import { launchChromium } from '../tests/e2e/browser';
import { startTestApp } from '../tests/helpers/appHarness';
import type { WsTestClient } from '../tests/helpers/wsClient';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const calm = { sensorOffEveryMs: 0, artefactRate: 0 };

export async function call(client: WsTestClient, method: string, input: unknown): Promise<any> {
  const r = await client.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A patient checked in on the chair: the watched period in which vital alarms are raised (issue 11). */
export async function checkIn(mfa: WsTestClient, physician: WsTestClient, chairId: number): Promise<void> {
  const patient = await call(mfa, 'patients.create', { familyName: `Bench${chairId}`, givenName: 'Eva', birthDate: '1970-03-04' });
  const course = await call(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'pregabalin' }] });
  const { session } = await call(mfa, 'sessions.plan', { courseId: course.id, chairId, plannedFor: Date.now() });
  await call(mfa, 'sessions.checkIn', { sessionId: session.id });
}

/** `checkedIn`: a patient on every chair, so vital alarms are raised (a chair without a session raises none). */
export async function overviewWithFourCalmChairs(options: { checkedIn?: boolean } = {}) {
  const app = await startTestApp({ simulate: 'always', simulatorIntervalMs: 1000, scenarios: { 1: calm, 2: calm, 3: calm, 4: calm } });
  if (options.checkedIn) {
    const [mfa, physician] = [await app.login('mfa'), await app.login('physician')];
    for (const chairId of [1, 2, 3, 4]) await checkIn(mfa, physician, chairId);
  }
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await app.loginPage(page, 'mfa');
  await page.getByTestId('overview').waitFor({ timeout: 15_000 });
  for (const id of [1, 2, 3, 4]) {
    const value = page.getByTestId(`tile-${id}`).getByTestId('tile-hr').locator('.tile-vital__value');
    const deadline = Date.now() + 20_000;
    while (!/\d/.test(await value.innerText()) && Date.now() < deadline) await sleep(200);
  }
  return { app, browser, page };
}
