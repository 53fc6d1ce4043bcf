/**
 * The GDT link with a real host and real temp directories: a 6302 dropped in the inbox creates (or matches) the
 * patient and waits as a request to plan, its raw bytes stored; broken and unknown files go to error/ with a
 * reason and the host keeps running; a walked session, once signed, appears as a 6310 in the outbox that decodes
 * back to the session's values, written whole (temp file + rename); failures are stored and never undo the signature.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGdt, encodeGdt, fieldValue, type GdtField } from '../../drivers/gdt/codec';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { storedBytes } from './storedBytes';
import { ok, refusal, runSession } from '../session/runThrough';

let app: TestApp;
let admin: WsTestClient;
let mfa: WsTestClient;
let physician: WsTestClient;
let inbox: string;
let outbox: string;
let partnerId: number;

const PARTNER = { name: 'Praxis-PVS', pvsGdtId: 'PVS', ownGdtId: 'ESKINF', pvsShortId: 'PVS', ownShortId: 'ESK', fileNaming: 'fixed', charset: 'iso-8859-15', pollMs: 500 };

function request(type: string, pvsNumber: string, family: string, given: string, birth: string, extra: GdtField[] = []): Uint8Array {
  const fields: GdtField[] = [
    { id: '8315', value: 'ESKINF' }, { id: '8316', value: 'PVS' }, { id: '9206', value: '3' }, { id: '9218', value: '02.10' },
    { id: '3000', value: pvsNumber }, { id: '3101', value: family }, { id: '3102', value: given }, { id: '3103', value: birth },
    ...extra,
  ];
  return encodeGdt({ type, fields }, 'iso-8859-15');
}

async function drop(name: string, bytes: Uint8Array | string): Promise<void> {
  writeFileSync(join(inbox, name), bytes);
  await app.services.gdt.scanNow();
}

const files = (): Promise<any[]> => ok(admin, 'gdt.files', {});


/** Waits (without any claim about how long it takes) until the signed session's result row is stored. */
async function resultOf(sessionId: number): Promise<any> {
  for (;;) {
    const row = (await files()).find((f) => f.direction === 'out' && f.sessionId === sessionId);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  inbox = join(app.dataDir, 'gdt-in');
  outbox = join(app.dataDir, 'gdt-out');
  mkdirSync(inbox);
  mkdirSync(outbox);
  [admin, mfa, physician] = await Promise.all([app.login('admin'), app.login('mfa'), app.login('physician')]);
  await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
  const saved = await ok(admin, 'gdt.savePartner', { ...PARTNER, inboxDir: inbox, outboxDir: outbox });
  partnerId = saved.id;
}, 60_000);
afterAll(() => app?.close());

describe('partner settings', () => {
  it('only an admin changes them; equal short ids and a bad GDT id are refused in words', async () => {
    expect((await refusal(mfa, 'gdt.savePartner', { ...PARTNER, inboxDir: inbox, outboxDir: outbox })).code).toBe('FORBIDDEN');
    const same = await refusal(admin, 'gdt.savePartner', { ...PARTNER, ownShortId: 'PVS', inboxDir: inbox, outboxDir: outbox });
    expect(same.code).toBe('BAD_INPUT');
    expect(same.problems?.[0]?.code).toBe('gdt.shortIdsEqual');
    expect((await refusal(admin, 'gdt.savePartner', { ...PARTNER, pvsGdtId: 'MUCH TOO LONG', inboxDir: inbox, outboxDir: outbox })).code).toBe('BAD_INPUT');
    const [p] = await ok(mfa, 'gdt.partners', {});
    expect(p).toMatchObject({ id: partnerId, name: 'Praxis-PVS', charset: 'iso-8859-15', fileNaming: 'fixed' });
    expect(['watching', 'polling']).toContain(p.link.state);
    expect(p.link).toMatchObject({ reasonCode: null, reasonArgs: null });
  });
});

describe('inbound', () => {
  it('a 6302 creates the patient under its PVS number, keeps the raw file, and waits as a request to plan', async () => {
    const bytes = request('6302', '4711', 'Müller', 'Jörg', '01021970', [{ id: '3110', value: '1' }, { id: '8402', value: 'ALLG00' }]);
    await drop('ESKPVS.gdt', bytes);
    expect(existsSync(join(inbox, 'ESKPVS.gdt'))).toBe(false); // the receiver deletes what it took
    const [row] = await files();
    expect(row).toMatchObject({ direction: 'in', fileName: 'ESKPVS.gdt', outcome: 'accepted', recordType: '6302', reason: null, byteLength: bytes.length });
    expect(new Uint8Array(storedBytes(app, row.id))).toEqual(bytes);
    expect(row.parse.charset).toBe('iso-8859-15');
    const patients = await ok(mfa, 'patients.list', { search: 'Müller' });
    expect(patients).toHaveLength(1);
    expect(patients[0]).toMatchObject({ familyName: 'Müller', givenName: 'Jörg', birthDate: '1970-02-01', created: null });
    expect(row.patientId).toBe(patients[0].id);
    expect(await ok(mfa, 'gdt.requests', {})).toEqual([expect.objectContaining({ fileId: row.id, patientId: patients[0].id, patientName: 'Müller, Jörg', pvsNumber: '4711' })]);
  });

  it('the same PVS number again is the same patient; a patient registered in the app before is matched by name and birth date', async () => {
    await drop('ESKPVS.gdt', request('6301', '4711', 'Müller', 'Jörg', '01021970'));
    expect(await ok(mfa, 'patients.list', { search: 'Müller' })).toHaveLength(1);
    const earlier = await ok(mfa, 'patients.create', { familyName: 'Öztürk', givenName: 'Ayşe', birthDate: '1980-03-04' });
    // UTF-8 without 9206 (tomedo's default): read as UTF-8.
    const utf8 = encodeGdt({ type: '6302', fields: [{ id: '3000', value: '815' }, { id: '3101', value: 'Öztürk' }, { id: '3102', value: 'Ayşe' }, { id: '3103', value: '04031980' }] }, 'utf-8');
    await drop('ESKPVS.000', utf8);
    const [row] = await files();
    expect(row).toMatchObject({ outcome: 'accepted', fileName: 'ESKPVS.000', patientId: earlier.id });
    expect(row.parse.charset).toBe('utf-8');
    expect(await ok(mfa, 'patients.list', { search: 'Öztürk' })).toHaveLength(1);
  });

  it.each([
    ['garbage', 'ESKPVS.gdt', new TextEncoder().encode('%PDF-1.7 not a GDT file\n'), /not a GDT file: line 1: no 3-digit length/, { code: 'lineWithoutField', args: { line: 1 } }],
    ['a 6300 (asks this app for master data)', 'ESKPVS.gdt', request('6300', '4711', 'Müller', 'Jörg', '01021970'), /6300 \(Stammdaten anfordern\) is not handled here; this app takes 6301, 6302 and 6311/, { code: 'recordTypeNotHandled', args: { recordType: '6300' } }],
    ['a 6302 without birth date', 'ESKPVS.001', request('6302', '99', 'Ohne', 'Datum', '31022001'), /lacks 3103 \(birth date TTMMJJJJ, found "31022001"\)/, { code: 'fieldsMissing', args: { recordType: '6302', fields: '3103', found3103: '31022001' } }],
    ['a 6302 for another device', 'ESKPVS.002', encodeGdt({ type: '6302', fields: [{ id: '8315', value: 'EKG1' }, { id: '3000', value: '1' }] }, 'cp437'), /addressed to GDT id "EKG1" \(8315\)/, { code: 'wrongReceiver', args: { receiver: 'EKG1', ownGdtId: 'ESKINF' } }],
    ['two records in one file', 'ESKPVS.003', new Uint8Array([...request('6301', '1', 'A', 'B', '01011990'), ...request('6301', '2', 'C', 'D', '01011990')]), /carries one record; this one has 2/, { code: 'recordCount', args: { count: 2 } }],
  ])('%s: moved to error/ with the reason beside it, stored and listed with its code; the host runs on', async (_what, name, bytes, reason, why) => {
    const before = (await files()).length;
    await drop(name, bytes);
    expect(existsSync(join(inbox, name))).toBe(false);
    const [row] = await files();
    expect((await files()).length).toBe(before + 1);
    expect(row).toMatchObject({ direction: 'in', fileName: name, outcome: 'rejected', patientId: null });
    expect(row.reason).toMatch(reason);
    expect({ code: row.reasonCode, args: row.reasonArgs }).toEqual(why);
    const aside = readdirSync(join(inbox, 'error')).filter((f) => f.endsWith(`-${name}`));
    const moved = aside.map((f) => readFileSync(join(inbox, 'error', f))).find((b) => Buffer.from(bytes).equals(b));
    expect(moved).toBeDefined();
    const reasons = aside.map((f) => join(inbox, 'error', `${f}.reason.txt`)).filter(existsSync).map((f) => readFileSync(f, 'utf8'));
    expect(reasons.some((r) => reason.test(r))).toBe(true);
    expect(new Uint8Array(storedBytes(app, row.id))).toEqual(new Uint8Array(bytes));
    expect((await ok(mfa, 'app.info', {})).version).toBe('test');
  });

  it('files for other devices in a shared folder are left alone', async () => {
    writeFileSync(join(inbox, 'EKGPVS.gdt'), request('6302', '1', 'A', 'B', '01011990'));
    const before = (await files()).length;
    await app.services.gdt.scanNow();
    expect(existsSync(join(inbox, 'EKGPVS.gdt'))).toBe(true);
    expect((await files()).length).toBe(before);
  });
});

describe('outbound 6310 after signing', () => {
  it('a walked, signed session appears whole as a 6310 with its values, and answers the request', async () => {
    const [patient] = await ok(mfa, 'patients.list', { search: 'Müller' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'pregabalin' }] });
    const sessionId = await runSession({ mfa, physician }, course.id, 1, 7, 3);
    // Anyone looking at the outbox while the result is written sees it whole or not at all.
    const seen: number[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        for (const name of readdirSync(outbox).filter((n) => n.endsWith('.gdt'))) {
          const bytes = readFileSync(join(outbox, name));
          seen.push(bytes.length);
          expect(decodeGdt(new Uint8Array(bytes)).problems).toEqual([]);
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    const signed = await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
    const row = await resultOf(sessionId);
    watching = false;
    await watcher;
    expect(row).toMatchObject({ direction: 'out', outcome: 'written', fileName: 'PVSESK.gdt', recordType: '6310', reason: null, patientId: patient.id });
    // The signed protocol went with it, written before the GDT file that points at it; no temp file left.
    const [protocol] = await ok(physician, 'documents.list', { sessionId });
    expect(protocol).toMatchObject({ kind: 'sessionProtocol', language: 'de', created: { userName: 'Dr. Meier' } });
    expect(row.documentId).toBe(protocol.id);
    const start = new Date(signed.session.startedAt);
    const ymd = `${start.getFullYear()}${String(start.getMonth() + 1).padStart(2, '0')}${String(start.getDate()).padStart(2, '0')}`;
    const pdfName = `ESK-${ymd}-${String(protocol.id).padStart(4, '0')}.pdf`;
    expect(readdirSync(outbox).sort()).toEqual([pdfName, 'PVSESK.gdt']);
    const bytes = new Uint8Array(readFileSync(join(outbox, 'PVSESK.gdt')));
    expect(seen.every((n) => n === bytes.length)).toBe(true);
    expect(new Uint8Array(storedBytes(app, row.id))).toEqual(bytes);

    const d = decodeGdt(bytes, 'utf-8');
    expect(d.problems).toEqual([]);
    expect(d).toMatchObject({ charset: 'iso-8859-15', charsetFrom: '9206' });
    const r = d.records[0]!;
    expect(r.type).toBe('6310');
    const s = signed.session;
    const two = (n: number) => String(n).padStart(2, '0');
    expect([fieldValue(r, '8315'), fieldValue(r, '8316'), fieldValue(r, '9218'), fieldValue(r, '3000'), fieldValue(r, '3101'), fieldValue(r, '3102'), fieldValue(r, '3103')]).toEqual([
      'PVS', 'ESKINF', '02.10', '4711', 'Müller', 'Jörg', '01021970',
    ]);
    expect(fieldValue(r, '6200')).toBe(`${two(start.getDate())}${two(start.getMonth() + 1)}${start.getFullYear()}`);
    expect(fieldValue(r, '8402')).toBe('ALLG00');
    const tests = groups(r.fields);
    expect(tests.DOSE_MG).toEqual({ name: 'Esketamin kumulativ', value: String(Number(s.totalMg.toFixed(2))), unit: 'mg' });
    expect(tests.DOSE_MGKG).toMatchObject({ value: String(Number(s.mgPerKg.toFixed(3))), unit: 'mg/kg' });
    expect(tests.NRS_PRE).toMatchObject({ value: '7', unit: '/10' });
    expect(tests.NRS_POST).toMatchObject({ value: '3', unit: '/10' });
    expect(tests.AE).toMatchObject({ value: '0' });
    expect(tests.DURATION!.unit).toBe('min');
    const findings = r.fields.filter((f) => f.id === '6220').map((f) => f.value);
    expect(findings[0]).toMatch(/^Esketamin i\.v\. Sitzung 1\/4, 0,1 mg\/kg\/h, \d+ min$/);
    expect(findings).toContain('NRS vor 7, nach 3');
    expect(findings).toContain('Keine unerwünschten Ereignisse');
    expect(r.fields.every((f) => !['6220', '6227', '8411', '8480'].includes(f.id) || f.value.length <= 60)).toBe(true);
    expect(fieldValue(r, '6227')).toMatch(/^Entlassung \d\d:\d\d, unterschrieben von Dr\. Meier$/);
    // The file group closes the record; 6305 opens the stored protocol, byte for byte.
    expect(r.fields.slice(-4).map((f) => [f.id, f.value])).toEqual([
      ['6302', pdfName.slice(0, -4)], ['6303', 'PDF'], ['6304', `Infusionsprotokoll Esketamin ${two(start.getDate())}.${two(start.getMonth() + 1)}.${start.getFullYear()}`],
      ['6305', join(outbox, pdfName)],
    ]);
    const stored = await ok(physician, 'documents.get', { documentId: protocol.id });
    expect(readFileSync(fieldValue(r, '6305')!).equals(Buffer.from(stored.pdfBase64, 'base64'))).toBe(true);
    // The PVS's request is answered.
    expect(await ok(mfa, 'gdt.requests', {})).toEqual([expect.objectContaining({ patientName: 'Öztürk, Ayşe' })]);
  }, 60_000);

  it('when the PVS has not collected the last result, the next one fails loud, is stored, and the signature stands; resent with a PDF it goes out', async () => {
    const [patient] = await ok(mfa, 'patients.list', { search: 'Müller' });
    const [course] = await ok(mfa, 'courses.list', { patientId: patient.id });
    const sessionId = await runSession({ mfa, physician }, course.id, 2, 6, 2);
    const signed = await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
    const failed = await resultOf(sessionId);
    // Stored with the bytes it would have had, for the audit.
    expect(failed).toMatchObject({ outcome: 'failed', sessionId, fileName: 'PVSESK.gdt' });
    expect(decodeGdt(new Uint8Array(storedBytes(app, failed.id))).records[0]!.type).toBe('6310');
    expect(failed.reason).toMatch(/PVSESK\.gdt from before is still in .*: the PVS has not collected it yet/);
    expect(failed).toMatchObject({ reasonCode: 'resultNotCollected', reasonArgs: { file: 'PVSESK.gdt', folder: outbox } });
    expect((await ok(mfa, 'sessions.get', { sessionId })).session.signed).toEqual(signed.session.signed);
    expect((await ok(mfa, 'gdt.unsent', {})).map((f: any) => f.id)).toEqual([failed.id]);
    // The PVS collects the file; the result is sent again, now with the protocol PDF.
    const first = readFileSync(join(outbox, 'PVSESK.gdt'));
    rmSync(join(outbox, 'PVSESK.gdt'));
    expect((await refusal(mfa, 'gdt.sendResult', { sessionId })).code).toBe('FORBIDDEN');
    const pdf = { pdfPath: '\\\\praxis-srv\\gdt\\pdf\\ESK-2.pdf', description: 'Infusionsprotokoll Esketamin' };
    const [sent] = await ok(physician, 'gdt.sendResult', { sessionId, pdf });
    expect(sent).toMatchObject({ partnerId, outcome: 'written', fileName: 'PVSESK.gdt', reason: null });
    const r = decodeGdt(new Uint8Array(readFileSync(join(outbox, 'PVSESK.gdt')))).records[0]!;
    const group = r.fields.slice(r.fields.findIndex((f) => f.id === '6302'));
    expect(group.map((f) => [f.id, f.value])).toEqual([
      ['6302', expect.stringMatching(/^ESK-\d{8}-2$/)], ['6303', 'PDF'], ['6304', 'Infusionsprotokoll Esketamin'], ['6305', pdf.pdfPath],
    ]);
    expect(Buffer.from(first).equals(readFileSync(join(outbox, 'PVSESK.gdt')))).toBe(false);
    expect(await ok(mfa, 'gdt.unsent', {})).toEqual([]); // delivered now: no longer shown
  }, 60_000);

  it('a PDF folder that cannot be written: no GDT file points at a missing PDF, the failure is stored and shown; resent, both go out', async () => {
    rmSync(join(outbox, 'PVSESK.gdt'), { force: true }); // collected by the PVS
    const missing = join(app.dataDir, 'pdf-share-offline');
    await ok(admin, 'gdt.savePartner', { ...PARTNER, id: partnerId, inboxDir: inbox, outboxDir: outbox, pdfDir: missing, pvsPdfDir: 'P:\\ESK' });
    const [patient] = await ok(mfa, 'patients.list', { search: 'Müller' });
    const [course] = await ok(mfa, 'courses.list', { patientId: patient.id });
    const sessionId = await runSession({ mfa, physician }, course.id, 2, 5, 2);
    const signed = await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
    const failed = await resultOf(sessionId);
    expect(failed).toMatchObject({ outcome: 'failed', byteLength: 0 });
    expect(failed.reason).toMatch(/^the PDF could not be written to \S*pdf-share-offline: ENOENT/);
    expect(failed).toMatchObject({ reasonCode: 'folderProblem', reasonArgs: { errno: 'ENOENT', folder: missing } });
    expect(existsSync(join(outbox, 'PVSESK.gdt'))).toBe(false);
    expect((await ok(mfa, 'gdt.unsent', {})).map((f: any) => f.sessionId)).toEqual([sessionId]);
    expect((await ok(mfa, 'sessions.get', { sessionId })).session.signed).toEqual(signed.session.signed);
    // The share is back: sent again, the stored protocol goes with it (the same document, not a new one).
    mkdirSync(missing);
    const [protocol] = await ok(physician, 'documents.list', { sessionId });
    const [sent] = await ok(physician, 'gdt.sendResult', { sessionId });
    expect(sent).toMatchObject({ outcome: 'written', fileName: 'PVSESK.gdt' });
    expect(await ok(physician, 'documents.list', { sessionId })).toEqual([protocol]);
    const r = decodeGdt(new Uint8Array(readFileSync(join(outbox, 'PVSESK.gdt')))).records[0]!;
    const name = fieldValue(r, '6305')!.slice('P:\\ESK\\'.length);
    expect(fieldValue(r, '6305')).toBe(`P:\\ESK\\${name}`);
    expect(readdirSync(missing)).toEqual([name]);
    expect(await ok(mfa, 'gdt.unsent', {})).toEqual([]);
    const rows = await ok(physician, 'gdt.sent', { sessionId });
    expect(rows.map((f: any) => [f.outcome, f.documentId, f.sessionNumber])).toEqual([['written', protocol.id, 3], ['failed', null, 3]]);
    await ok(admin, 'gdt.savePartner', { ...PARTNER, id: partnerId, inboxDir: inbox, outboxDir: outbox });
    rmSync(join(outbox, 'PVSESK.gdt'));
  }, 60_000);

  it('a patient the PVS never sent has no number: the result fails with that reason instead of inventing one', async () => {
    const patient = await ok(mfa, 'patients.create', { familyName: 'Ohne', givenName: 'Nummer', birthDate: '1990-01-01' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [{ therapy: 'pregabalin' }] });
    const sessionId = await runSession({ mfa, physician }, course.id, 3, 5, 2);
    await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
    const row = await resultOf(sessionId);
    expect(row).toMatchObject({ outcome: 'failed', byteLength: 0 });
    expect((await ok(mfa, 'gdt.unsent', {})).map((f: any) => f.sessionId)).toEqual([sessionId]);
    expect(row.reason).toBe('Ohne, Nummer has no patient number from Praxis-PVS: the PVS never sent a 6301/6302 for this patient');
    expect(row).toMatchObject({ reasonCode: 'noPvsNumber', reasonArgs: { familyName: 'Ohne', givenName: 'Nummer', partner: 'Praxis-PVS' } });
  }, 60_000);
});

/** The 8410 test groups by ident: name (8411), value (8420), unit (8421). */
function groups(fields: GdtField[]): Record<string, { name?: string; value?: string; unit?: string }> {
  const out: Record<string, { name?: string; value?: string; unit?: string }> = {};
  let current: { name?: string; value?: string; unit?: string } | null = null;
  for (const f of fields) {
    if (f.id === '8410') out[f.value] = current = {};
    else if (current && f.id === '8411') current.name = f.value;
    else if (current && f.id === '8420') current.value = f.value;
    else if (current && f.id === '8421') current.unit = f.value;
  }
  return out;
}

describe('the inbox when things go wrong', () => {
  it('a file shorter than its 8100 waits (the PVS may still write it); once old, it is refused as cut short', async () => {
    const full = request('6302', '4712', 'Kurz', 'Datei', '01011990');
    const path = join(inbox, 'ESKPVS.004');
    const before = (await files()).length;
    await drop('ESKPVS.004', full.subarray(0, full.length - 20));
    expect(existsSync(path)).toBe(true);
    expect((await files()).length).toBe(before);
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    await app.services.gdt.scanNow();
    expect(existsSync(path)).toBe(false);
    const [row] = await files();
    expect(row).toMatchObject({ fileName: 'ESKPVS.004', outcome: 'rejected' });
    expect(row.reason).toMatch(/^cut short: 8100 says \d+ bytes, the file has \d+/);
    // The codec's byte count of what is there (the cut line with its line end), as the English text says it.
    const actual = Number(/the file has (\d+)/.exec(row.reason)![1]);
    expect(row).toMatchObject({ reasonCode: 'cutShort', reasonArgs: { declared: full.length, actual, seconds: 10 } });
    expect(actual).toBeLessThan(full.length);
  });

  it('an inbox that cannot be read shows as the link\'s error, and the host runs on', async () => {
    const missing = join(app.dataDir, 'no-such-share');
    const other = await ok(admin, 'gdt.savePartner', { ...PARTNER, name: 'Zweit-PVS', pvsShortId: 'ZW', inboxDir: missing, outboxDir: outbox });
    expect(other.link.state).toBe('error');
    expect(other.link.detail).toMatch(/cannot read the inbox .*no-such-share: ENOENT/);
    // The screen says it from the code: the folder and what its errno means ("Ordner … nicht gefunden").
    expect(other.link).toMatchObject({ reasonCode: 'folderProblem', reasonArgs: { errno: 'ENOENT', folder: missing } });
    const off = await ok(admin, 'gdt.savePartner', { ...PARTNER, id: other.id, name: 'Zweit-PVS', pvsShortId: 'ZW', inboxDir: missing, outboxDir: outbox, active: false });
    expect(off.link.state).toBe('off');
    expect((await ok(mfa, 'app.info', {})).version).toBe('test');
  });
});
