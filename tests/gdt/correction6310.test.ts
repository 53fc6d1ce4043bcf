/**
 * A corrected 6310 after an amendment of a signed session (issue 14), with a real host, real folders and poppler:
 * the amendment (free text, or a structured dose correction) sends a new 6310 marked as a correction in its first
 * findings lines (what changed, which first result it replaces), pointing at the corrected protocol PDF; the first
 * 6310 and its PDF stay as they were, in the folder and in the database; gdt.sent lists both. A partner that never
 * got the first result gets no correction.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGdt, encodeGdt, fieldValue } from '../../drivers/gdt/codec';
import { pageTexts, savePdf } from '../documents/pdfTools';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { ok, runSession } from '../session/runThrough';

let app: TestApp;
let admin: WsTestClient;
let mfa: WsTestClient;
let physician: WsTestClient;
let outbox: string;
let sessionId: number;

const PASSWORD = TEST_USERS.physician.password;
const sentOf = (): Promise<any[]> => ok(physician, 'gdt.sent', { sessionId });

/** Waits (no claim on how long) until the session has `n` results stored. */
async function results(n: number): Promise<any[]> {
  for (;;) {
    const rows = await sentOf();
    if (rows.length >= n) return rows.sort((a, b) => a.id - b.id);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const recordOf = (fileName: string) => decodeGdt(new Uint8Array(readFileSync(join(outbox, fileName)))).records[0]!;
const findings = (fileName: string) => recordOf(fileName).fields.filter((f) => f.id === '6220').map((f) => f.value);

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  const inbox = join(app.dataDir, 'gdt-in');
  outbox = join(app.dataDir, 'gdt-out');
  mkdirSync(inbox);
  mkdirSync(outbox);
  [admin, mfa, physician] = await Promise.all([app.login('admin'), app.login('mfa'), app.login('physician')]);
  await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
  await ok(admin, 'gdt.savePartner', {
    name: 'Praxis-PVS', inboxDir: inbox, outboxDir: outbox, pvsGdtId: 'PVS', ownGdtId: 'ESKINF', pvsShortId: 'PVS', ownShortId: 'ESK',
    fileNaming: 'numbered', charset: 'iso-8859-15', pollMs: 500,
  });
  const fields = [
    { id: '8315', value: 'ESKINF' }, { id: '8316', value: 'PVS' }, { id: '9206', value: '3' }, { id: '9218', value: '02.10' },
    { id: '3000', value: '4711' }, { id: '3101', value: 'Müller' }, { id: '3102', value: 'Jörg' }, { id: '3103', value: '01021970' },
  ];
  writeFileSync(join(inbox, 'ESKPVS.000'), encodeGdt({ type: '6302', fields }, 'iso-8859-15'));
  await app.services.gdt.scanNow();
  const [request] = await ok(mfa, 'gdt.requests', {});
  const course = await ok(physician, 'courses.create', { patientId: request.patientId, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'Pregabalin' }] });
  sessionId = await runSession({ mfa, physician }, course.id, 1, 7, 3);
  await ok(physician, 'sessions.sign', { sessionId, password: PASSWORD });
  await results(1);
}, 90_000);
afterAll(() => app?.close());

describe('corrected 6310 after an amendment', () => {
  it('a free-text amendment sends a correction with the corrected protocol; the first result stays as it was', async () => {
    const [first] = await results(1);
    const firstBytes = readFileSync(join(outbox, first.fileName));
    const firstPdf = fieldValue(recordOf(first.fileName), '6305')!;
    const firstPdfBytes = readFileSync(firstPdf);
    // A second PVS linked after the first result went out: it never got one, so it gets no correction.
    await ok(admin, 'gdt.savePartner', {
      name: 'Zweit-PVS', inboxDir: join(app.dataDir, 'gdt-in'), outboxDir: outbox, pvsGdtId: 'PVS2', ownGdtId: 'ESKINF', pvsShortId: 'PV2',
      ownShortId: 'ES2', fileNaming: 'numbered', charset: 'utf-8', pollMs: 500,
    });

    const amended = await ok(physician, 'sessions.amend', {
      sessionId, target: 'session', correction: 'Übelkeit Grad 1 um 10:40, ohne Therapie abgeklungen', reason: 'beim Unterschreiben übersehen', password: PASSWORD,
    });
    const amendment = amended.amendments.at(-1);
    const [, second] = await results(2);
    expect(second).toMatchObject({ outcome: 'written', recordType: '6310', amendmentId: amendment.id, correctsFileId: first.id, fileName: 'PVSESK.001' });
    const lines = findings(second.fileName);
    const archive = fieldValue(recordOf(first.fileName), '6302');
    expect(lines[0]).toMatch(/^KORREKTUR des Befunds vom \d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    expect(lines[1]).toBe(`ersetzt PVSESK.000 (Archiv ${archive})`);
    expect(lines.slice(2).join(' ')).toContain(`Nachtrag Nr. ${amendment.id} vom`);
    expect(lines.join(' ')).toContain('Übelkeit Grad 1 um 10:40, ohne Therapie abgeklungen');
    expect(lines.join(' ')).toContain('Grund: beim Unterschreiben übersehen');
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(findings(first.fileName)[0]).toMatch(/^Esketamin i\.v\. Sitzung 1\/4/);
    expect(fieldValue(recordOf(second.fileName), '6304')).toMatch(/\(korrigiert\)$/);

    // The corrected protocol is a new stored document, its PDF a new file; the first ones are untouched.
    expect(second.documentId).not.toBe(first.documentId);
    const secondPdf = fieldValue(recordOf(second.fileName), '6305')!;
    expect(secondPdf).not.toBe(firstPdf);
    const stored = await ok(physician, 'documents.get', { documentId: second.documentId });
    expect(readFileSync(secondPdf).equals(Buffer.from(stored.pdfBase64, 'base64'))).toBe(true);
    const text = pageTexts(savePdf('corrected-protocol', new Uint8Array(readFileSync(secondPdf)))).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Nachträge und Korrekturen');
    expect(text).toContain('Übelkeit Grad 1 um 10:40');
    expect(pageTexts(savePdf('first-protocol', new Uint8Array(firstPdfBytes))).join(' ')).not.toContain('Übelkeit Grad 1 um 10:40');
    expect(readFileSync(join(outbox, first.fileName)).equals(firstBytes)).toBe(true);
    expect(readFileSync(firstPdf).equals(firstPdfBytes)).toBe(true);
    // gdt.sent lists both, for the session and for its course; the second partner got nothing.
    expect((await sentOf()).map((f) => f.id).sort()).toEqual([first.id, second.id]);
    expect((await ok(admin, 'gdt.files', {})).filter((f: any) => f.direction === 'out' && f.partnerId !== first.partnerId)).toEqual([]);
  }, 60_000);

  it('a structured dose correction sends one more correction, again against the first result', async () => {
    const detail = await ok(mfa, 'sessions.get', { sessionId });
    const rateChange = detail.doseEvents.find((e: any) => e.kind === 'rateChange');
    await ok(physician, 'sessions.amendDoseEvent', { sessionId, doseEventId: rateChange.id, field: 'rateMlPerH', newValue: 10, reason: 'Pumpe zeigte 10 ml/h', password: PASSWORD });
    const rows = await results(3);
    const third = rows[2];
    expect(third).toMatchObject({ outcome: 'written', correctsFileId: rows[0].id });
    const lines = findings(third.fileName).join(' ');
    expect(lines).toContain(`#${rateChange.id} rateMlPerH`);
    expect(lines).toContain('-> 10 ml/h');
    expect(lines).toContain('Grund: Pumpe zeigte 10 ml/h');
  }, 60_000);

  it('a correction that cannot be written is stored and shown; sent again, it goes out as the correction of the first result', async () => {
    const partners = await ok(admin, 'gdt.partners', {});
    const settings = (p: any) => (({ link: _l, updatedAt: _u, ...rest }) => rest)(p);
    const [main, second] = partners;
    await ok(admin, 'gdt.savePartner', { ...settings(second), active: false });
    const offline = join(app.dataDir, 'pdf-share-offline');
    await ok(admin, 'gdt.savePartner', { ...settings(main), pdfDir: offline, pvsPdfDir: 'P:\\ESK' });
    const before = (await sentOf()).length;
    const amended = await ok(physician, 'sessions.amend', { sessionId, target: 'session', correction: 'Begleitperson: Ehemann', reason: 'Name ergänzt', password: PASSWORD });
    const amendmentId = amended.amendments.at(-1).id;
    const failed = (await results(before + 1)).at(-1);
    expect(failed).toMatchObject({ outcome: 'failed', amendmentId, correctsFileId: (await results(1))[0].id });
    expect(failed.reason).toMatch(/the PDF could not be written/);
    expect((await ok(mfa, 'gdt.unsent', {})).map((f: any) => f.id)).toEqual([failed.id]);

    mkdirSync(offline);
    const [resent] = await ok(physician, 'gdt.sendResult', { sessionId });
    expect(resent.outcome).toBe('written');
    const row = (await sentOf()).find((f) => f.id === resent.fileId);
    expect(row).toMatchObject({ amendmentId, correctsFileId: failed.correctsFileId });
    expect(findings(resent.fileName).join(' ')).toContain('Begleitperson: Ehemann');
    expect(await ok(mfa, 'gdt.unsent', {})).toEqual([]);
  }, 60_000);
});
