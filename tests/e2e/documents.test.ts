/**
 * End to end in Debian's Chromium (issue 14 part 4): the Dokumente place of a signed session. The physician opens the
 * session's review, generates the infusion protocol, sees it in the list with who, when and its SHA-256, and the
 * preview frame gets the PDF from a blob URL; reopening gives the stored bytes. Course: report generated and listed.
 * Screenshots in test-results/documents-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { ok, runSession } from '../session/runThrough';
import { launchChromium } from './browser';

const SHOTS = 'test-results';
let app: TestApp;
let browser: Browser;
let page: Page;
let physician: WsTestClient;
let sessionId: number;
let courseId: number;
const errors: string[] = [];

/** The SHA-256 the page computed of the bytes it shows in the preview frame (the blob lives in the page). */
const previewHash = (p: Page) => p.getByTestId('document-preview-hash').getAttribute('data-sha256');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  const mfa = await app.login('mfa');
  physician = await app.login('physician');
  await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
  const patient = await ok(mfa, 'patients.create', { familyName: 'Dokument', givenName: 'Jörg', birthDate: '1966-06-06' });
  const course = await ok(physician, 'courses.create', {
    patientId: patient.id,
    kind: 'weekly',
    plannedInfusions: 3,
    indication: 'crps',
    icd10: 'G90.50',
    priorFailedTherapies: [{ therapy: 'Gabapentin' }],
  });
  courseId = course.id;
  sessionId = await runSession({ mfa, physician }, courseId, 1, 7, 3);
  await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await app.loginPage(page, 'physician');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Dokumente place in Chromium', () => {
  it('signed session: generate the protocol, list it with who/when/hash, preview and reopen the stored bytes', async () => {
    await page.getByTestId('tab-patients').click();
    await page.getByRole('button', { name: /Dokument, Jörg/ }).click();
    await page.getByTestId('patient-screen').getByRole('listitem').first().getByRole('button').click();
    await page.getByTestId('open-session-1').click();
    await page.getByTestId('to-review').click();
    const panel = page.getByTestId('documents-panel');
    await panel.waitFor();
    const generate = panel.getByTestId('documents-generate-protocol');
    expect(await generate.innerText()).toBe('Infusionsprotokoll erstellen');
    await generate.click();
    await page.getByTestId('document-preview-frame').waitFor();
    const rows = panel.getByTestId('documents-list').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain('Infusionsprotokoll (DE)');
    expect(row).toContain('Dr. Meier');

    const [stored] = await ok(physician, 'documents.list', { sessionId });
    expect(stored.kind).toBe('sessionProtocol');
    expect(row).toContain(stored.sha256.slice(0, 16));
    expect(await previewHash(page)).toBe(stored.sha256);
    expect(await page.getByTestId('document-preview-hash').innerText()).toContain('gespeicherte Fassung');
    expect(await page.getByTestId('document-preview-frame').getAttribute('src')).toMatch(/^blob:/);
    await page.getByTestId('documents-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/documents-session.png` });

    // Reopen: the stored bytes, identical, and no new document in the list.
    const firstUrl = await page.getByTestId('document-preview-frame').getAttribute('src');
    await panel.getByTestId(`document-reprint-${stored.id}`).click();
    await expect.poll(() => page.getByTestId('document-preview-frame').getAttribute('src')).not.toBe(firstUrl);
    expect(await previewHash(page)).toBe(stored.sha256);
    expect(await rows.count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it('course: the report is generated and listed; the justification form is the physician’s', async () => {
    await page.getByTestId('tab-patients').click();
    await page.getByRole('button', { name: /Dokument, Jörg/ }).click();
    await page.getByTestId('patient-screen').getByRole('listitem').first().getByRole('button').click();
    const panel = page.getByTestId('documents-panel');
    await panel.waitFor();
    await panel.getByTestId('justification-medicalNecessity').fill('Therapierefraktäres CRPS');
    await panel.getByTestId('justification-save').click();
    await panel.getByText(/Gespeichert von Dr\. Meier/).waitFor();
    await panel.getByTestId('documents-generate-report').click();
    await page.getByTestId('document-preview-frame').waitFor();
    const rows = panel.getByTestId('documents-list').locator('tbody tr');
    await expect.poll(async () => (await rows.allInnerTexts()).join('\n'), { timeout: 15_000 }).toContain('Verlaufsbericht (DE)');
    const listed = await ok(physician, 'documents.list', { courseId });
    expect(listed.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['courseReport', 'sessionProtocol']));
    await page.screenshot({ path: `${SHOTS}/documents-course.png` });
    expect(errors).toEqual([]);
  }, 60_000);
});
