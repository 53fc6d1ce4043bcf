/**
 * The PVS (GDT) screen in Chromium: an admin sets up the partner with the form, the link shows as watched; a
 * broken file dropped in the inbox appears at once as a red row with its reason in German (so do a 6300 and a file
 * for another receiver; the file table passes the German text scan), and a 6302 of a patient without a
 * course as "Anforderung ohne Zyklus". The physician sees it on the patient's screen, enters the insurance there;
 * the new course plans the session; the course's Dokumente offers the cost-coverage application only to a private
 * patient. A result not written shows in the banner with its reason in German. An MFA sees the PVS screen read-only. Screenshots in test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGdt } from '../../drivers/gdt/codec';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { germanTextFindings } from '../helpers/germanText';
import { ok } from '../session/runThrough';
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
    // The link's state in words with its folder, not the main process's English ("watched, and read every …").
    const linkLine = await page.getByTestId('gdt-link-1').innerText();
    expect(linkLine).toContain(`(${inbox})`);
    expect(germanTextFindings(linkLine)).toEqual([]);

    writeFileSync(join(inbox, 'ESKPVS.gdt'), 'Dies ist keine GDT-Datei\r\n');
    await app.services.gdt.scanNow();
    const refused = page.getByTestId('gdt-file-rejected');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.innerText()).toMatch(/abgelehnt \(Ordner error\/\).*keine GDT-Datei \(Zeile 1: am Zeilenanfang keine Länge mit Feldkennung\)/s);

    // A 6300 and a file for another receiver: refused, said in German with the file's data; no English on the table.
    const person = [{ id: '3000', value: '4711' }, { id: '3101', value: 'Müller' }, { id: '3102', value: 'Jörg' }, { id: '3103', value: '01021970' }];
    writeFileSync(join(inbox, 'ESKPVS.002'), encodeGdt({ type: '6300', fields: person }, 'iso-8859-15'));
    writeFileSync(join(inbox, 'ESKPVS.003'), encodeGdt({ type: '6302', fields: [{ id: '8315', value: 'EKG1' }, ...person] }, 'iso-8859-15'));
    await app.services.gdt.scanNow();
    await expect.poll(() => refused.count(), { timeout: 10_000 }).toBe(3);
    const table = page.getByTestId('gdt-files');
    expect(await table.innerText()).toContain('Satzart 6300 wird hier nicht verarbeitet (angenommen werden 6301, 6302 und 6311)');
    expect(await table.innerText()).toContain('an GDT-ID „EKG1“ adressiert (8315), diese Anwendung ist „ESKINF“');
    const lines = (await table.innerText()).split('\n');
    expect(lines.flatMap((line) => germanTextFindings(line).map((f) => `${f} in „${line}“`))).toEqual([]);

    const request = encodeGdt({ type: '6302', fields: [{ id: '3000', value: '4711' }, { id: '3101', value: 'Müller' }, { id: '3102', value: 'Jörg' }, { id: '3103', value: '01021970' }] }, 'iso-8859-15');
    writeFileSync(join(inbox, 'ESKPVS.001'), request);
    await app.services.gdt.scanNow();
    await expect.poll(() => page.getByTestId('gdt-requests').innerText(), { timeout: 10_000 }).toContain('Müller, Jörg');
    expect(await page.getByTestId('gdt-requests').innerText()).toMatch(/6302.*Anforderung ohne Zyklus: wird geplant, sobald der Arzt den Zyklus anlegt/s);
    await page.screenshot({ path: `${SHOTS}/e2e-gdt.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('the physician: the waiting request and the insurance on the patient screen; the new course plans it; the dossier only for a private patient', async () => {
    const doc = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    doc.on('pageerror', (e) => errors.push(e.message));
    await app.loginPage(doc, 'physician');
    // The worklist names the request that waits for her; one click opens the patient.
    await doc.getByTestId('tab-worklist').click();
    const waiting = doc.getByTestId('worklist-pvs-requests');
    await expect.poll(() => waiting.innerText(), { timeout: 10_000 }).toMatch(/Müller, Jörg.*PVS 4711, 6302 vom .*Anforderung ohne Zyklus/s);
    await waiting.getByRole('button').first().click();
    const requests = doc.getByTestId('patient-pvs-requests');
    await expect.poll(() => requests.innerText(), { timeout: 10_000 }).toMatch(/Anforderung ohne Zyklus vom PVS \(6302/);
    const insurance = doc.getByTestId('patient-insurance');
    expect(await insurance.inputValue()).toBe('unknown');
    await insurance.selectOption('statutory');
    const physician = await app.login('physician');
    const [patient] = await ok(physician, 'patients.list', { search: 'Müller' });
    await expect.poll(async () => (await ok(physician, 'patients.list', { search: 'Müller' }))[0].insurance, { timeout: 10_000 }).toBe('statutory');

    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'Pregabalin' }] });
    await expect.poll(() => requests.innerText(), { timeout: 10_000 }).toMatch(/Anforderung vom PVS \(6302, .*\): Sitzung 1 geplant/);
    await doc.getByTestId('tab-worklist').click();
    await doc.getByTestId('worklist-screen').waitFor();
    await expect.poll(() => doc.getByTestId('worklist-pvs-requests').count(), { timeout: 10_000 }).toBe(0);
    await doc.getByTestId('tab-patients').click();
    await doc.getByRole('button', { name: /Müller, Jörg/ }).click();
    await doc.screenshot({ path: `${SHOTS}/e2e-gdt-patient.png`, fullPage: true });
    await doc.getByTestId(`course-${course.id}`).click();
    const panel = doc.getByTestId('documents-panel');
    await expect.poll(() => panel.getByTestId('documents-no-dossier').innerText(), { timeout: 10_000 }).toContain('Gesetzlich versichert');
    expect(await panel.getByTestId('documents-generate-dossier').count()).toBe(0);
    expect(await doc.getByTestId('open-session-1').count()).toBe(1);

    await doc.getByTestId('tab-patients').click();
    await doc.getByRole('button', { name: /Müller, Jörg/ }).click();
    await doc.getByTestId('patient-insurance').selectOption('private');
    await expect.poll(async () => (await ok(physician, 'patients.list', { search: 'Müller' }))[0].insurance, { timeout: 10_000 }).toBe('private');
    await doc.getByTestId(`course-${course.id}`).click();
    await doc.getByTestId('documents-generate-dossier').waitFor({ timeout: 10_000 });
    expect(await doc.getByTestId('documents-no-dossier').count()).toBe(0);
    expect(errors).toEqual([]);
    await doc.close();
  }, 60_000);

  it('a result not written: the banner on every screen and the file table say why in German', async () => {
    const physician = await app.login('physician');
    const [patient] = await ok(physician, 'patients.list', { search: 'Müller' });
    const [course] = await ok(physician, 'courses.list', { patientId: patient.id });
    const planned = (await ok(physician, 'courses.view', { courseId: course.id })).sessions.find((s: { status: string }) => s.status === 'planned');
    // The screens refuse to send an unsigned session; the link itself still stores why, coded, and the banner shows it.
    const [failed] = await app.services.gdt.writeResult6310(planned.id);
    expect(failed).toMatchObject({ outcome: 'failed', reasonCode: 'sessionNotSigned' });
    const banner = page.getByTestId('gdt-unsent');
    await expect.poll(() => banner.innerText(), { timeout: 10_000 }).toContain(`Zuletzt: Sitzung ${planned.id} ist nicht unterschrieben: nur unterschriebene Ergebnisse gehen an das PVS`);
    expect(germanTextFindings(await banner.innerText())).toEqual([]);
    await page.getByTestId('tab-gdt').click();
    const row = page.getByTestId('gdt-file-failed');
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain(`Sitzung ${planned.id} ist nicht unterschrieben`);
    expect(germanTextFindings(await row.innerText())).toEqual([]);
    expect(errors).toEqual([]);
  }, 30_000);

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
