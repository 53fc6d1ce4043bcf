/**
 * Issue 14 "done": a Munich course (5 weekly sessions, German) and a Kyiv course (5 daily sessions, documents in
 * English on request) end with their signed PDF protocols, the course report, the dossier and the 6310 files.
 * The PVS sends a 6302 per patient (the patient is created from it); sessions are run and signed through the API
 * (their screens are tested in session.test.ts); the documents part goes through the UI in Chromium: generate,
 * preview, reopen the stored bytes, see what went to the PVS and when and open the PDF that went with it.
 * Every PDF is read with poppler (pdfinfo, pdftotext) and its pages rendered to test-results/records-out/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGdt, encodeGdt, fieldValue } from '../../drivers/gdt/codec';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { ok, runSession } from '../session/runThrough';
import { launchChromium } from './browser';

const OUT = join('test-results', 'records-out');
const UNC = '\\\\praxis-srv\\gdt\\pdf';
let app: TestApp;
let browser: Browser;
let page: Page;
let mfa: WsTestClient;
let physician: WsTestClient;
let pdfDir: string;
let outbox: string;
const errors: string[] = [];
/** Page counts and file names for the report (written to test-results/records-out/summary.json). */
const summary: Record<string, unknown> = {};

interface Course {
  name: string;
  pvsNumber: string;
  courseId: number;
  sessionIds: number[];
  language: 'de' | 'en';
}
const courses: Record<'munich' | 'kyiv', Course> = {
  munich: { name: 'Huber, Anna', pvsNumber: '1001', courseId: 0, sessionIds: [], language: 'de' },
  kyiv: { name: 'Kovalenko, Oleh', pvsNumber: '1002', courseId: 0, sessionIds: [], language: 'en' },
};

const pdf = {
  save(name: string, bytes: Uint8Array): string {
    const file = join(OUT, `${name}.pdf`);
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(OUT, name)]);
    return file;
  },
  pages: (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]),
  text: (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
};
const bytesOf = (r: { pdfBase64: string }) => new Uint8Array(Buffer.from(r.pdfBase64, 'base64'));

function request6302(pvsNumber: string, family: string, given: string, birth: string): Uint8Array {
  return encodeGdt(
    {
      type: '6302',
      fields: [
        { id: '8315', value: 'ESKINF' }, { id: '8316', value: 'PVS' }, { id: '9206', value: '3' }, { id: '9218', value: '02.10' },
        { id: '3000', value: pvsNumber }, { id: '3101', value: family }, { id: '3102', value: given }, { id: '3103', value: birth },
      ],
    },
    'iso-8859-15',
  );
}

/** Waits (no claim on how long) until the PVS result of every session is stored. */
async function resultsOf(sessionIds: number[]): Promise<any[]> {
  for (;;) {
    const files = await ok(physician, 'gdt.files', { limit: 500 });
    const rows = sessionIds.map((id) => files.find((f: any) => f.direction === 'out' && f.sessionId === id));
    if (rows.every(Boolean)) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openCourse(p: Page, name: string): Promise<void> {
  await p.getByTestId('tab-patients').click();
  await p.getByRole('button', { name: new RegExp(name) }).click();
  await p.getByTestId('patient-screen').getByRole('listitem').first().getByRole('button').click();
  await p.getByTestId('documents-panel').waitFor();
}

/** The SHA-256 the page computed over the bytes in its preview frame. */
const previewHash = (p: Page) => p.getByTestId('document-preview-hash').getAttribute('data-sha256');

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  const admin = await app.login('admin');
  [mfa, physician] = await Promise.all([app.login('mfa'), app.login('physician')]);
  await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
  const inbox = join(app.dataDir, 'gdt-in');
  outbox = join(app.dataDir, 'gdt-out');
  pdfDir = join(app.dataDir, 'praxis-srv-pdf');
  for (const d of [inbox, outbox, pdfDir]) mkdirSync(d);
  await ok(admin, 'gdt.savePartner', {
    name: 'Praxis-PVS', inboxDir: inbox, outboxDir: outbox, pdfDir, pvsPdfDir: UNC, pvsGdtId: 'PVS', ownGdtId: 'ESKINF',
    pvsShortId: 'PVS', ownShortId: 'ESK', fileNaming: 'numbered', charset: 'iso-8859-15', pollMs: 500,
  });
  // The PVS asks for the examinations: the patients come from its 6302s.
  writeFileSync(join(inbox, 'ESKPVS.000'), request6302('1001', 'Huber', 'Anna', '02051968'));
  writeFileSync(join(inbox, 'ESKPVS.001'), request6302('1002', 'Kovalenko', 'Oleh', '20111985'));
  await app.services.gdt.scanNow();
  const requests = await ok(mfa, 'gdt.requests', {});
  expect(requests.map((r: any) => [r.patientName, r.pvsNumber])).toEqual([['Huber, Anna', '1001'], ['Kovalenko, Oleh', '1002']]);
  const staff = { mfa, physician };
  const plans = {
    munich: { kind: 'weekly', indication: 'crps', icd10: 'G90.5', prior: [{ therapy: 'Pregabalin', outcome: 'keine Wirkung' }, { therapy: 'Physiotherapie' }], pains: [[8, 5], [7, 4], [7, 3], [6, 3], [5, 2]], chair: 1 },
    kyiv: { kind: 'daily', indication: 'phantomLimbPain', icd10: 'G54.6', prior: [{ therapy: 'Amitriptyline' }], pains: [[8, 6], [7, 5], [7, 4], [6, 3], [5, 2]], chair: 2 },
  } as const;
  for (const [key, plan] of Object.entries(plans) as [keyof typeof plans, (typeof plans)[keyof typeof plans]][]) {
    const c = courses[key];
    const patientId = requests.find((r: any) => r.pvsNumber === c.pvsNumber).patientId;
    // Both are privately insured: the cost-coverage application is theirs (a 6302 does not say).
    await ok(mfa, 'patients.setInsurance', { patientId, insurance: 'private' });
    const course = await ok(physician, 'courses.create', {
      patientId, kind: plan.kind, plannedInfusions: 5, indication: plan.indication, icd10: plan.icd10, priorFailedTherapies: plan.prior,
    });
    c.courseId = course.id;
    // The PVS's request waited for the course: the new course planned its first session.
    const [planned] = (await ok(mfa, 'courses.view', { courseId: course.id })).sessions;
    expect(planned).toMatchObject({ status: 'planned', sessionNumber: 1 });
    expect((await ok(mfa, 'gdt.requests', {})).find((r: any) => r.pvsNumber === c.pvsNumber)).toMatchObject({ sessionId: planned.id });
    for (const [before, after] of plan.pains) {
      const sessionId = await runSession(staff, course.id, plan.chair, before, after, { bolusMg: 4 });
      await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
      c.sessionIds.push(sessionId);
    }
  }
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1500, height: 1100 }, locale: 'de-DE' })).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await app.loginPage(page, 'physician');
}, 240_000);

afterAll(async () => {
  writeFileSync(join(OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  await browser?.close();
  await app?.close();
});

describe('records out: Munich and Kyiv courses', () => {
  it('every signed session went to the PVS as a 6310 pointing at its signed protocol, written before it', async () => {
    const all = [...courses.munich.sessionIds, ...courses.kyiv.sessionIds];
    const rows = await resultsOf(all);
    expect(rows.map((r) => r.outcome)).toEqual(all.map(() => 'written'));
    expect(readdirSync(outbox).sort()).toEqual(all.map((_, i) => `PVSESK.${String(i).padStart(3, '0')}`));
    const protocolPages: Record<string, number> = {};
    for (const [key, c] of Object.entries(courses)) {
      for (const [i, sessionId] of c.sessionIds.entries()) {
        const row = rows[all.indexOf(sessionId)];
        const r = decodeGdt(new Uint8Array(readFileSync(join(outbox, row.fileName)))).records[0]!;
        expect(fieldValue(r, '3000')).toBe(c.pvsNumber);
        expect(fieldValue(r, '6220')).toMatch(new RegExp(`^Esketamin i\\.v\\. Sitzung ${i + 1}/5`));
        expect(Number(r.fields[r.fields.findIndex((f) => f.id === '8410' && f.value === 'DOSE_MG') + 2]!.value)).toBeGreaterThanOrEqual(4);
        const path6305 = fieldValue(r, '6305')!;
        expect(path6305.startsWith(`${UNC}\\ESK-`)).toBe(true);
        expect(path6305.length).toBeLessThanOrEqual(60);
        // The share's folder is pdfDir here: the file behind 6305 is the stored signed protocol, byte for byte.
        const onShare = readFileSync(join(pdfDir, path6305.slice(UNC.length + 1)));
        const stored = await ok(physician, 'documents.get', { documentId: row.documentId });
        expect(stored.document).toMatchObject({ kind: 'sessionProtocol', sessionId, language: 'de' });
        expect(onShare.equals(Buffer.from(bytesOf(stored)))).toBe(true);
        const file = pdf.save(`${key}-protocol-${i + 1}`, bytesOf(stored));
        const text = pdf.text(file);
        expect(text).toContain(c.name.split(',')[0]);
        expect(text).not.toContain('ENTWURF');
        expect(text).toMatch(new RegExp(`Nummer im PVS \\(GDT 3000\\)\\s+${c.pvsNumber} \\(Praxis-PVS\\)`));
        expect(text).toMatch(/Seite 1 von \d/);
        protocolPages[`${key} ${i + 1}`] = pdf.pages(file);
      }
    }
    expect(readdirSync(pdfDir)).toHaveLength(all.length);
    summary.protocolPages = protocolPages;
    summary.sixThreeTenFiles = rows.map((r) => ({ file: r.fileName, bytes: r.byteLength, sessionId: r.sessionId, documentId: r.documentId }));
  }, 120_000);

  for (const key of ['munich', 'kyiv'] as const) {
    it(`${key}: course report and dossier generated, previewed and reopened in the UI; what went to the PVS is listed with its PDF`, async () => {
      const c = courses[key];
      await openCourse(page, c.name);
      const panel = page.getByTestId('documents-panel');
      await panel.getByTestId('documents-language').selectOption(c.language);
      // What went to the PVS: five results, each with its PDF as the PVS sees it.
      const sent = panel.getByTestId('pvs-sent-list').locator('tbody tr');
      await expect.poll(() => sent.count(), { timeout: 15_000 }).toBe(5);
      const sentText = await panel.getByTestId('pvs-sent-list').innerText();
      expect(sentText.match(/geschrieben/g)).toHaveLength(5);
      expect(sentText).toContain(`${UNC}\\ESK-`);

      const generated: Record<string, { pages: number; file: string }> = {};
      for (const [button, kind] of [['documents-generate-report', 'courseReport'], ['documents-generate-dossier', 'coverageDossier']] as const) {
        await panel.getByTestId(button).click();
        await expect.poll(async () => (await ok(physician, 'documents.list', { courseId: c.courseId })).filter((d: any) => d.kind === kind).length, { timeout: 30_000 }).toBe(1);
        const [doc] = (await ok(physician, 'documents.list', { courseId: c.courseId })).filter((d: any) => d.kind === kind);
        expect(doc.language).toBe(c.language);
        await expect.poll(() => previewHash(page), { timeout: 15_000 }).toBe(doc.sha256);
        const file = pdf.save(`${key}-${kind}`, bytesOf(await ok(physician, 'documents.get', { documentId: doc.id })));
        generated[kind] = { pages: pdf.pages(file), file };
      }
      const listed = await panel.getByTestId('documents-list').innerText();
      for (let n = 1; n <= 5; n++) expect(listed).toContain(`Infusionsprotokoll (DE) · Sitzung ${n}`);
      await panel.screenshot({ path: join(OUT, `${key}-course-documents.png`) });

      // Reopen the first session's protocol from the PVS list: the preview shows the very bytes that went out.
      const firstSent = (await ok(physician, 'gdt.sent', { sessionId: c.sessionIds[0] }))[0];
      await panel.getByTestId(`pvs-sent-open-${firstSent.id}`).click();
      const sentDoc = await ok(physician, 'documents.get', { documentId: firstSent.documentId });
      await expect.poll(() => previewHash(page), { timeout: 15_000 }).toBe(sentDoc.document.sha256);

      const report = pdf.text(generated.courseReport!.file);
      const dossier = pdf.text(generated.coverageDossier!.file);
      if (c.language === 'de') {
        expect(report).toContain('Verlaufsbericht Infusionszyklus');
        expect(report).toContain('G90.5');
        expect(report).toMatch(/Nummer im PVS \(GDT 3000\)\s+1001 \(Praxis-PVS\)/);
        expect(report).toContain('5 von 5 Infusionen');
        expect(report).toMatch(/Mittlere NRS vor der Infusion 6,6, danach 3,4 \(5 Sitzungen\)/);
        expect(dossier).toContain('ENTWURF – ärztlich zu prüfen und zu unterschreiben');
        expect(dossier).toContain('GOÄ');
      } else {
        expect(report).toContain('Treatment course report');
        expect(report).toContain('G54.6');
        expect(report).toMatch(/Practice system no\. \(GDT 3000\)\s+1002 \(Praxis-PVS\)/);
        expect(report).toContain('5 of 5 infusions');
        expect(report).toMatch(/Mean NRS before the infusion 6\.6, after 4 \(5 sessions\)/);
        expect(dossier).toContain('DRAFT – to be checked and signed by the physician');
      }
      summary[`${key}Course`] = { reportPages: generated.courseReport!.pages, dossierPages: generated.coverageDossier!.pages };
      expect(errors).toEqual([]);
    }, 90_000);
  }

  it('a session’s Dokumente place: the protocol that went to the PVS is listed; an English copy on request; reprint is the stored file', async () => {
    const c = courses.kyiv;
    await openCourse(page, c.name);
    await page.getByTestId('open-session-5').click();
    await page.getByTestId('to-review').click();
    const panel = page.getByTestId('documents-panel');
    await panel.waitFor();
    const rows = panel.getByTestId('documents-list').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain('Infusionsprotokoll (DE)');
    const sent = panel.getByTestId('pvs-sent-list');
    expect(await sent.innerText()).toMatch(/PVSESK\.009.*geschrieben/s);

    await panel.getByTestId('documents-language').selectOption('en');
    await panel.getByTestId('documents-generate-protocol').click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const [english] = await ok(physician, 'documents.list', { sessionId: c.sessionIds[4] });
    expect(english).toMatchObject({ kind: 'sessionProtocol', language: 'en' });
    await expect.poll(() => previewHash(page), { timeout: 15_000 }).toBe(english.sha256);
    const file = pdf.save('kyiv-protocol-5-en', bytesOf(await ok(physician, 'documents.get', { documentId: english.id })));
    const text = pdf.text(file);
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).not.toContain('Seite 1');
    summary.englishProtocolPages = pdf.pages(file);
    await panel.getByTestId(`document-reprint-${english.id}`).click();
    await expect.poll(() => previewHash(page)).toBe(english.sha256);
    expect(await rows.count()).toBe(2); // a reprint is no new document
    // The English copy did not go to the PVS: only the German signed protocol did, once.
    expect((await ok(physician, 'gdt.sent', { sessionId: c.sessionIds[4] })).map((f: any) => f.documentId)).not.toContain(english.id);
    await panel.screenshot({ path: join(OUT, 'kyiv-session-5-documents.png') });
    expect(errors).toEqual([]);
  }, 90_000);

  it('an amendment of a signed session sends a corrected 6310; the Dokumente place lists both, the correction naming the first', async () => {
    const c = courses.kyiv;
    const sessionId = c.sessionIds[4]!;
    await ok(physician, 'sessions.amend', {
      sessionId, target: 'session', correction: 'Leichter Schwindel nach der Infusion, abgeklungen', reason: 'Nachtrag der Pflege', password: TEST_USERS.physician.password,
    });
    let sent: any[] = [];
    while ((sent = await ok(physician, 'gdt.sent', { sessionId })).length < 2) await new Promise((r) => setTimeout(r, 100));
    const [correction, first] = sent;
    expect(correction).toMatchObject({ outcome: 'written', correctsFileId: first.id, fileName: 'PVSESK.010' });
    const r = decodeGdt(new Uint8Array(readFileSync(join(outbox, correction.fileName)))).records[0]!;
    expect(fieldValue(r, '6220')).toMatch(/^KORREKTUR des Befunds vom /);
    const file = pdf.save('kyiv-protocol-5-corrected', bytesOf(await ok(physician, 'documents.get', { documentId: correction.documentId })));
    const corrected = pdf.text(file).replace(/\s+/g, ' ');
    expect(corrected).toContain('Nachträge und Korrekturen');
    expect(corrected).not.toContain('Keine Nachträge');
    expect(corrected).toMatch(/Leichter Schwindel/);
    summary.correctedProtocolPages = pdf.pages(file);
    summary.correction6310Bytes = correction.byteLength;

    await openCourse(page, c.name);
    await page.getByTestId('open-session-5').click();
    await page.getByTestId('to-review').click();
    const list = page.getByTestId('documents-panel').getByTestId('pvs-sent-list');
    await expect.poll(() => list.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId(`pvs-sent-correction-${correction.id}`).innerText()).toContain(`Korrektur (Nachtrag Nr. ${correction.amendmentId}) zu PVSESK.009`);
    await page.getByTestId('documents-panel').screenshot({ path: join(OUT, 'kyiv-session-5-corrected.png') });
    expect(errors).toEqual([]);
  }, 90_000);
});
