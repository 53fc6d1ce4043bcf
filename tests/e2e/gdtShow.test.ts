/**
 * The PVS asks to show an infusion record (GDT 6311) in Chromium: after the usual flow (6302 in, session walked and
 * signed, 6310 out) the PVS drops a 6311 into the inbox of the running app, and the app's own watcher takes it. Every
 * logged-in station shows the notice; the physician's "Öffnen" opens the session's review at its documents (the
 * signed protocol) and ends the notice there only; the MFA dismisses hers. The GDT screen lists the 6311 as
 * "Anzeige angefordert", not as a problem. A 6311 for a day without a session opens the patient's screen and says
 * so; the same request twice shows one notice. Screenshots in test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGdt, type GdtField } from '../../drivers/gdt/codec';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { germanTextFindings } from '../helpers/germanText';
import type { WsTestClient } from '../helpers/wsClient';
import { ok, runSession } from '../session/runThrough';
import { launchChromium } from './browser';

const SHOTS = 'test-results';
let app: TestApp;
let browser: Browser;
let doc: Page;
let nurse: Page;
let admin: WsTestClient;
let inbox: string;
let sessionId: number;
const errors: string[] = [];

const two = (n: number) => String(n).padStart(2, '0');
const gdtDay = (d: Date) => `${two(d.getDate())}${two(d.getMonth() + 1)}${d.getFullYear()}`;
const fromPvs = (type: string, fields: GdtField[]) =>
  encodeGdt({ type, fields: [{ id: '8315', value: 'ESKINF' }, { id: '8316', value: 'PVS' }, { id: '9206', value: '3' }, { id: '9218', value: '02.10' }, ...fields] }, 'iso-8859-15');
const notices = (p: Page) => p.locator('[data-testid^="gdt-show-"][role="status"]');

async function openPage(role: 'physician' | 'mfa'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  p.on('pageerror', (e) => errors.push(e.message));
  await app.loginPage(p, role);
  return p;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  inbox = join(app.dataDir, 'in');
  mkdirSync(inbox);
  mkdirSync(join(app.dataDir, 'out'));
  admin = await app.login('admin');
  const [mfa, physician] = await Promise.all([app.login('mfa'), app.login('physician')]);
  await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
  await ok(admin, 'gdt.savePartner', {
    name: 'Praxis-PVS', inboxDir: inbox, outboxDir: join(app.dataDir, 'out'), pvsGdtId: 'PVS', ownGdtId: 'ESKINF',
    pvsShortId: 'PVS', ownShortId: 'ESK', fileNaming: 'numbered', charset: 'iso-8859-15', pollMs: 500,
  });
  writeFileSync(join(inbox, 'ESKPVS.000'), fromPvs('6302', [{ id: '3000', value: '4711' }, { id: '3101', value: 'Müller' }, { id: '3102', value: 'Jörg' }, { id: '3103', value: '01021970' }]));
  await app.services.gdt.scanNow();
  const [patient] = await ok(mfa, 'patients.list', { search: 'Müller' });
  const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'Pregabalin' }] });
  sessionId = await runSession({ mfa, physician }, course.id, 1, 7, 3);
  await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
  browser = await launchChromium();
  [doc, nurse] = await Promise.all([openPage('physician'), openPage('mfa')]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a 6311 from the PVS in Chromium', () => {
  it('every station shows the notice; the physician opens the session’s documents; the MFA dismisses hers; the GDT screen lists it as taken', async () => {
    // The PVS writes it; the running app's watcher (or its poll) takes it: no scan is asked for here.
    writeFileSync(join(inbox, 'ESKPVS.001'), fromPvs('6311', [{ id: '3000', value: '4711' }, { id: '6200', value: gdtDay(new Date()) }, { id: '8402', value: 'ALLG00' }]));
    for (const p of [doc, nurse]) await expect.poll(() => notices(p).count(), { timeout: 15_000 }).toBe(1);
    const text = await notices(doc).innerText();
    expect(text).toMatch(/PVS: Infusionsprotokoll von Müller, Jörg anzeigen/);
    expect(germanTextFindings(text)).toEqual([]);
    await doc.screenshot({ path: `${SHOTS}/e2e-gdt-show-notice.png` });

    await notices(doc).getByTestId('gdt-show-open').click();
    const review = doc.getByTestId('review-screen');
    await review.waitFor({ timeout: 10_000 });
    const panel = doc.getByTestId('documents-panel');
    // The signed protocol (written for the 6310) is listed, and the panel is scrolled into view.
    await expect.poll(() => panel.getByTestId('documents-list').innerText(), { timeout: 10_000 }).toMatch(/Dr\. Meier/);
    // boundingBox is relative to the viewport (900 px high).
    await expect.poll(async () => ((y) => y !== undefined && y >= 0 && y < 900)((await panel.boundingBox())?.y), { timeout: 10_000 }).toBe(true);
    expect(await doc.getByTestId('signed-banner').count()).toBe(1);
    expect(await notices(doc).count()).toBe(0);
    await doc.screenshot({ path: `${SHOTS}/e2e-gdt-show-documents.png` });

    // Opening on one station ends the notice there only; the MFA dismisses hers.
    expect(await notices(nurse).count()).toBe(1);
    await notices(nurse).getByTestId('gdt-show-dismiss').click();
    expect(await notices(nurse).count()).toBe(0);

    await doc.getByTestId('tab-gdt').click();
    const row = doc.getByTestId('gdt-files').locator('tr', { hasText: '6311' });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/vom PVS\s+ESKPVS\.001\s+6311\s+Anzeige angefordert/);
    expect(await row.getAttribute('class')).not.toContain('row--bad');
    expect(await doc.getByTestId('gdt-file-rejected').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('a day without a session, asked twice: one notice that says so and opens the patient’s screen', async () => {
    const gone = new Date();
    gone.setDate(gone.getDate() - 9);
    // Asked twice (two clicks in the PVS): one notice, the newer.
    for (const name of ['ESKPVS.002', 'ESKPVS.003']) writeFileSync(join(inbox, name), fromPvs('6311', [{ id: '3000', value: '4711' }, { id: '6200', value: gdtDay(gone) }]));
    await app.services.gdt.scanNow();
    // The app's own watcher may be reading one of them while scanNow returns, and may read them in either order:
    // wait until both are taken; the notice left is the one read last.
    const taken = async () => (await ok(admin, 'gdt.files', { limit: 2 })).filter((f: { id: number; fileName: string; outcome: string }) => f.outcome === 'accepted' && /^ESKPVS\.00[23]$/.test(f.fileName));
    await expect.poll(async () => (await taken()).length, { timeout: 15_000 }).toBe(2);
    const [newer] = await taken();
    await doc.getByTestId(`gdt-show-${newer!.id}`).waitFor({ timeout: 15_000 });
    expect(await notices(doc).count()).toBe(1);
    const day = `${two(gone.getDate())}.${two(gone.getMonth() + 1)}.${gone.getFullYear()}`;
    expect(await notices(doc).innerText()).toContain(`Keine Sitzung am ${day} gefunden`);
    await notices(doc).getByTestId('gdt-show-open').click();
    const patient = doc.getByTestId('patient-screen');
    await patient.waitFor({ timeout: 10_000 });
    expect(await patient.innerText()).toContain('Müller');
    await doc.getByTestId('tab-gdt').click();
    const row = doc.getByTestId('gdt-files').locator('tr', { hasText: newer!.fileName === 'ESKPVS.003' ? 'ESKPVS.002' : 'ESKPVS.003' });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(new RegExp(`Anzeige angefordert\\s+keine Sitzung am ${day.replace(/\./g, '\\.')}`));
    expect(errors).toEqual([]);
  }, 60_000);
});
