/**
 * A 6311 from the PVS ("Daten einer Untersuchung zeigen", records-out.md §1.2) with a real host, real inbox files and
 * the real database: for a patient the PVS sent before it is taken (raw bytes kept, the file deleted, not moved to
 * error/), points at the patient's session of its 6200 day (the signed one first) and tells every logged-in station
 * ('gdt.showRequested'); an unknown patient, another receiver or sender are refused with the reason and go to error/;
 * a 6311 never creates a patient nor plans a session. A random batch is held against a reference list.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGdt, type GdtField } from '../../drivers/gdt/codec';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { waitFor, type WsTestClient } from '../helpers/wsClient';
import { storedBytes } from './storedBytes';
import { ok, runSession } from '../session/runThrough';

let app: TestApp;
let admin: WsTestClient;
let mfa: WsTestClient;
let physician: WsTestClient;
let nobody: WsTestClient;
let inbox: string;
let dropped = 0;

const two = (n: number) => String(n).padStart(2, '0');
const gdtDay = (d: Date) => `${two(d.getDate())}${two(d.getMonth() + 1)}${d.getFullYear()}`;
const isoDay = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
const daysFromNow = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return d;
};

/** The PVS's record as it writes it: 8315 receiver, 8316 sender, ISO-8859-15 with 8100 counted in bytes. */
function record(type: string, fields: GdtField[], ids = { receiver: 'ESKINF', sender: 'PVS' }): Uint8Array {
  const head: GdtField[] = [{ id: '8315', value: ids.receiver }, { id: '8316', value: ids.sender }, { id: '9206', value: '3' }, { id: '9218', value: '02.10' }];
  return encodeGdt({ type, fields: [...head, ...fields] }, 'iso-8859-15');
}
const show = (pvsNumber: string, day?: Date, ids?: { receiver: string; sender: string }) =>
  record('6311', [{ id: '3000', value: pvsNumber }, ...(day ? [{ id: '6200', value: gdtDay(day) }] : []), { id: '8402', value: 'ALLG00' }], ids);

const nextName = () => `ESKPVS.${String(dropped++).padStart(3, '0')}`;
/** Drops one file and reads the inbox; returns its stored row and its name. */
async function drop(bytes: Uint8Array): Promise<{ row: any; name: string }> {
  const name = nextName();
  writeFileSync(join(inbox, name), bytes);
  await app.services.gdt.scanNow();
  const [row] = await ok(admin, 'gdt.files', { limit: 1 });
  expect(row.fileName).toBe(name);
  return { row, name };
}


const refusedAside = (name: string) => readdirSync(join(inbox, 'error')).filter((f) => f.endsWith(`-${name}`));
const shownTo = (client: WsTestClient, fileId: number) => client.events.find((e) => e.event === 'gdt.showRequested' && e.payload.fileId === fileId)?.payload;
const patientCount = async () => (await ok(mfa, 'patients.list', {})).length;
const sessionsOf = async (courseId: number) => (await ok(mfa, 'courses.view', { courseId })).sessions;

let patientId: number;
let courseId: number;
let signedId: number;

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  inbox = join(app.dataDir, 'gdt-in');
  mkdirSync(inbox);
  mkdirSync(join(app.dataDir, 'gdt-out'));
  [admin, mfa, physician, nobody] = await Promise.all([app.login('admin'), app.login('mfa'), app.login('physician'), app.anonymous()]);
  await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
  await ok(admin, 'gdt.savePartner', {
    name: 'Praxis-PVS', inboxDir: inbox, outboxDir: join(app.dataDir, 'gdt-out'), pvsGdtId: 'PVS', ownGdtId: 'ESKINF',
    pvsShortId: 'PVS', ownShortId: 'ESK', fileNaming: 'numbered', charset: 'iso-8859-15', pollMs: 500,
  });
  // The typical flow: the PVS asks for an examination (6302), the session is walked and signed (the 6310 goes out).
  const { row } = await drop(record('6302', [{ id: '3000', value: '4711' }, { id: '3101', value: 'Müller' }, { id: '3102', value: 'Jörg' }, { id: '3103', value: '01021970' }]));
  patientId = row.patientId;
  courseId = (await ok(physician, 'courses.create', { patientId, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'pregabalin' }] })).id;
  signedId = await runSession({ mfa, physician }, courseId, 1, 7, 3);
  await ok(physician, 'sessions.sign', { sessionId: signedId, password: TEST_USERS.physician.password });
  // The 6310 is written after signing: wait for its row so the inbox's rows come next (no claim about how long).
  while (!(await ok(admin, 'gdt.files', {})).some((f: any) => f.direction === 'out' && f.sessionId === signedId)) await new Promise((r) => setTimeout(r, 50));
  // A second session the same day (planned later): the signed one is what the PVS got and asks to show.
  await ok(mfa, 'sessions.plan', { courseId, chairId: 2, plannedFor: Date.now() });
}, 120_000);
afterAll(() => app?.close());

describe('a 6311 for a patient the PVS sent before', () => {
  it('with today in 6200: taken (bytes kept, file deleted), points at the signed session, and every logged-in station is told', async () => {
    const bytes = show('4711', new Date());
    const { row, name } = await drop(bytes);
    expect(row).toMatchObject({ direction: 'in', recordType: '6311', outcome: 'accepted', reason: null, patientId, sessionId: signedId, requestedFor: isoDay(new Date()) });
    expect(existsSync(join(inbox, name))).toBe(false);
    expect(existsSync(join(inbox, 'error')) && refusedAside(name).length > 0).toBe(false);
    expect(new Uint8Array(storedBytes(app, row.id))).toEqual(bytes);
    const expected = { fileId: row.id, patientId, patientName: 'Müller, Jörg', sessionId: signedId, sessionNumber: 1, examinedOn: isoDay(new Date()) };
    for (const station of [physician, mfa, admin]) expect(await waitFor(() => shownTo(station, row.id), 10_000, 'the notice event')).toEqual(expected);
    // Not a request to plan: the open requests list does not show it.
    expect((await ok(mfa, 'gdt.requests', {})).some((r: any) => r.fileId === row.id)).toBe(false);
    // The station that is not logged in learns nothing of it (the event rides after the others' in order).
    await ok(mfa, 'app.info', {});
    expect(nobody.events.some((e) => e.event === 'gdt.showRequested')).toBe(false);
  });

  it('a day without a session, or no 6200: still taken, points at the patient only', async () => {
    const { row: gone } = await drop(show('4711', daysFromNow(-5)));
    expect(gone).toMatchObject({ outcome: 'accepted', patientId, sessionId: null, requestedFor: isoDay(daysFromNow(-5)) });
    expect(await waitFor(() => shownTo(physician, gone.id), 10_000, 'the notice event')).toMatchObject({ sessionId: null, sessionNumber: null, examinedOn: isoDay(daysFromNow(-5)) });
    const { row: undated } = await drop(show('4711'));
    expect(undated).toMatchObject({ outcome: 'accepted', patientId, sessionId: null, requestedFor: null });
    expect(await waitFor(() => shownTo(physician, undated.id), 10_000, 'the notice event')).toMatchObject({ sessionId: null, examinedOn: null });
  });

  it('a future day with infusions left in the course plans nothing (a 6311 only shows)', async () => {
    const before = await sessionsOf(courseId);
    const { row } = await drop(show('4711', daysFromNow(3)));
    expect(row).toMatchObject({ outcome: 'accepted', sessionId: null });
    expect(await sessionsOf(courseId)).toEqual(before);
  });
});

describe('a 6311 refused', () => {
  it.each([
    ['an unknown patient (with name and birth date: still no patient is made)', () => record('6311', [{ id: '3000', value: '9999' }, { id: '3101', value: 'Neu' }, { id: '3102', value: 'Nina' }, { id: '3103', value: '01011990' }]), /^patient with PVS number 9999 is not known here/, { code: 'unknownPatient', args: { pvsNumber: '9999' } }],
    ['another receiver', () => show('4711', new Date(), { receiver: 'EKG1', sender: 'PVS' }), /addressed to GDT id "EKG1" \(8315\), this app is "ESKINF"/, { code: 'wrongReceiver', args: { receiver: 'EKG1', ownGdtId: 'ESKINF' } }],
    ['another sender', () => show('4711', new Date(), { receiver: 'ESKINF', sender: 'LABOR' }), /sent by GDT id "LABOR" \(8316\), the partner is "PVS"/, { code: 'wrongSender', args: { sender: 'LABOR', pvsGdtId: 'PVS' } }],
    ['no patient number', () => record('6311', [{ id: '6200', value: gdtDay(new Date()) }]), /the 6311 lacks 3000 \(patient number\)/, { code: 'fieldsMissing', args: { recordType: '6311', fields: '3000' } }],
  ])('%s: moved to error/ with the reason and its code, stored raw, no notice, no patient', async (_what, make, reason, why) => {
    const patients = await patientCount();
    const bytes = make();
    const { row, name } = await drop(bytes);
    expect(row).toMatchObject({ direction: 'in', recordType: '6311', outcome: 'rejected', patientId: null, sessionId: null, requestedFor: null });
    expect(row.reason).toMatch(reason);
    expect({ code: row.reasonCode, args: row.reasonArgs }).toEqual(why);
    expect(existsSync(join(inbox, name))).toBe(false);
    const [aside] = refusedAside(name);
    expect(readFileSync(join(inbox, 'error', aside!))).toEqual(Buffer.from(bytes));
    expect(readFileSync(join(inbox, 'error', `${aside}.reason.txt`), 'utf8')).toMatch(reason);
    expect(new Uint8Array(storedBytes(app, row.id))).toEqual(bytes);
    await ok(physician, 'app.info', {});
    expect(shownTo(physician, row.id)).toBeUndefined();
    expect(await patientCount()).toBe(patients);
  });
});

describe('a random batch', () => {
  it('known and unknown numbers, days with and without a session, wrong ids: each file as a reference list says', async () => {
    let seed = 6311;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const patients = await patientCount();
    const sessions = await sessionsOf(courseId);
    type Expect = { name: string; outcome: 'accepted' | 'rejected'; sessionId: number | null; reason?: RegExp; code?: string };
    const expected: Expect[] = [];
    for (let i = 0; i < 24; i++) {
      const name = nextName();
      const kind = random(5);
      const day = [new Date(), daysFromNow(-1 - random(20)), undefined][random(3)];
      const withSession = day !== undefined && isoDay(day) === isoDay(new Date());
      if (kind === 0) {
        writeFileSync(join(inbox, name), show(String(5000 + i), day));
        expected.push({ name, outcome: 'rejected', sessionId: null, reason: new RegExp(`PVS number ${5000 + i} is not known here`), code: 'unknownPatient' });
      } else if (kind === 1) {
        writeFileSync(join(inbox, name), show('4711', day, { receiver: 'ESKINF2', sender: 'PVS' }));
        expected.push({ name, outcome: 'rejected', sessionId: null, reason: /addressed to GDT id "ESKINF2"/, code: 'wrongReceiver' });
      } else {
        writeFileSync(join(inbox, name), show('4711', day));
        expected.push({ name, outcome: 'accepted', sessionId: withSession ? signedId : null });
      }
    }
    await app.services.gdt.scanNow();
    const rows = (await ok(admin, 'gdt.files', { limit: expected.length })).reverse();
    expect(rows.map((r: any) => r.fileName)).toEqual(expected.map((e) => e.name));
    for (const [i, e] of expected.entries()) {
      expect(rows[i], e.name).toMatchObject({ outcome: e.outcome, sessionId: e.sessionId, patientId: e.outcome === 'accepted' ? patientId : null });
      if (e.reason) expect(rows[i].reason).toMatch(e.reason);
      expect(rows[i].reasonCode, e.name).toBe(e.code ?? null);
      expect(existsSync(join(inbox, e.name))).toBe(false);
      expect(refusedAside(e.name)).toHaveLength(e.outcome === 'rejected' ? 1 : 0);
    }
    const accepted = rows.filter((r: any) => r.outcome === 'accepted');
    for (const r of accepted) expect(await waitFor(() => shownTo(mfa, r.id), 10_000, 'the notice event')).toMatchObject({ sessionId: r.sessionId });
    expect(await patientCount()).toBe(patients);
    expect(await sessionsOf(courseId)).toEqual(sessions);
  });
});
