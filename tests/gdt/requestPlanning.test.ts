/**
 * A request from the PVS plans the session by itself (issue 14): with a real host, real inbox files and the real
 * database. A 6301/6302 for a patient with an open course plans a session of that course for the requested day on
 * the quietest chair, in the system's name and audited; the same file read twice plans once; sent again after its
 * session was cancelled, it plans a new one; without a course the request waits ("Anforderung ohne Zyklus") and is
 * planned when the physician creates the course. The insurance the PVS names (3108) fills a blank and never
 * overwrites the staff's entry; the dossier is refused for a statutory patient.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGdt, type GdtField } from '../../drivers/gdt/codec';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { rawClinicDb } from '../helpers/clinicFile';
import type { WsTestClient } from '../helpers/wsClient';
import { ok, refusal } from '../session/runThrough';

let app: TestApp;
let admin: WsTestClient;
let mfa: WsTestClient;
let physician: WsTestClient;
let inbox: string;
let dropped = 0;

const two = (n: number) => String(n).padStart(2, '0');
const gdtDay = (d: Date) => `${two(d.getDate())}${two(d.getMonth() + 1)}${d.getFullYear()}`;
const isoDay = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;

function request(type: string, pvsNumber: string, family: string, birth: string, extra: GdtField[] = []): Uint8Array {
  const fields: GdtField[] = [
    { id: '8315', value: 'ESKINF' }, { id: '8316', value: 'PVS' }, { id: '9206', value: '3' }, { id: '9218', value: '02.10' },
    { id: '3000', value: pvsNumber }, { id: '3101', value: family }, { id: '3102', value: 'Eva' }, { id: '3103', value: birth },
    ...extra,
  ];
  return encodeGdt({ type, fields }, 'iso-8859-15');
}

/** Drops a file under a fresh numbered name and reads the inbox; returns the stored file's request row. */
async function drop(bytes: Uint8Array): Promise<any> {
  writeFileSync(join(inbox, `ESKPVS.${String(dropped++).padStart(3, '0')}`), bytes);
  await app.services.gdt.scanNow();
  const [file] = await ok(admin, 'gdt.files', { limit: 1 });
  expect(file.outcome).toBe('accepted');
  return (await ok(mfa, 'gdt.requests', {})).find((r: any) => r.fileId === file.id);
}

function auditOf(action: string): { userId: number | null; entityId: number; detail: any }[] {
  const db = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey, { readonly: true });
  try {
    return (db.prepare('SELECT user_id AS userId, entity_id AS entityId, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as any[]).map((r) => ({
      ...r,
      detail: JSON.parse(r.detail),
    }));
  } finally {
    db.close();
  }
}

const sessionsOf = async (courseId: number) => (await ok(mfa, 'courses.view', { courseId })).sessions;
const newCourse = (patientId: number, plannedInfusions = 3) =>
  ok(physician, 'courses.create', { patientId, kind: 'weekly', plannedInfusions, indication: 'crps', priorFailedTherapies: [{ therapy: 'Pregabalin' }] });

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
  inbox = join(app.dataDir, 'gdt-in');
  mkdirSync(inbox);
  mkdirSync(join(app.dataDir, 'gdt-out'));
  [admin, mfa, physician] = await Promise.all([app.login('admin'), app.login('mfa'), app.login('physician')]);
  await ok(admin, 'gdt.savePartner', {
    name: 'Praxis-PVS', inboxDir: inbox, outboxDir: join(app.dataDir, 'gdt-out'), pvsGdtId: 'PVS', ownGdtId: 'ESKINF',
    pvsShortId: 'PVS', ownShortId: 'ESK', fileNaming: 'numbered', charset: 'iso-8859-15', pollMs: 500,
  });
}, 60_000);
afterAll(() => app?.close());

describe('a PVS request plans the session', () => {
  it('with an open course: a planned session of that course today, on the quietest chair, in the system’s name; the same file again plans once', async () => {
    // An app patient with a course and one session on chair 1 today: the request goes to chair 2.
    const patient = await ok(mfa, 'patients.create', { familyName: 'Aigner', givenName: 'Eva', birthDate: '1960-01-02' });
    const course = await newCourse(patient.id);
    const other = await ok(mfa, 'patients.create', { familyName: 'Brandl', givenName: 'Eva', birthDate: '1961-01-02' });
    await ok(mfa, 'sessions.plan', { courseId: (await newCourse(other.id)).id, chairId: 1, plannedFor: Date.now() });

    const bytes = request('6302', '501', 'Aigner', '02011960');
    const first = await drop(bytes);
    const [session] = await sessionsOf(course.id);
    expect(first).toMatchObject({ recordType: '6302', patientId: patient.id, sessionId: session.id, sessionNumber: 1, requestedFor: isoDay(new Date()) });
    expect(session).toMatchObject({ status: 'planned', chairId: 2 });
    expect(isoDay(new Date(session.plannedFor))).toBe(isoDay(new Date()));
    const planned = auditOf('session.planned').find((e) => e.entityId === session.id)!;
    expect(planned.userId).toBeNull();
    expect(auditOf('gdt.requestPlanned').at(-1)).toMatchObject({ userId: null, entityId: first.fileId, detail: { sessionId: session.id, how: 'planned' } });

    // The PVS writes the same request again (and a 6301 for the same visit): still one session.
    const again = await drop(bytes);
    const master = await drop(request('6301', '501', 'Aigner', '02011960'));
    expect(await sessionsOf(course.id)).toHaveLength(1);
    expect([again.sessionId, master.sessionId]).toEqual([session.id, session.id]);
    expect(auditOf('gdt.requestPlanned').slice(-2).map((e) => e.detail.how)).toEqual(['alreadyPlanned', 'alreadyPlanned']);
  });

  it('a later day from 6200 is planned for that day’s morning; a day gone by for today', async () => {
    const patient = await ok(mfa, 'patients.create', { familyName: 'Claus', givenName: 'Eva', birthDate: '1962-01-02' });
    const course = await newCourse(patient.id);
    const later = new Date();
    later.setDate(later.getDate() + 3);
    const ahead = await drop(request('6302', '502', 'Claus', '02011962', [{ id: '6200', value: gdtDay(later) }]));
    expect(ahead.requestedFor).toBe(isoDay(later));
    expect(new Date(ahead.plannedFor)).toEqual(new Date(later.getFullYear(), later.getMonth(), later.getDate(), 8));
    const gone = new Date();
    gone.setDate(gone.getDate() - 2);
    const past = await drop(request('6302', '502', 'Claus', '02011962', [{ id: '6200', value: gdtDay(gone) }]));
    expect(isoDay(new Date(past.plannedFor))).toBe(isoDay(new Date()));
    expect((await sessionsOf(course.id)).map((s: any) => s.sessionNumber).sort()).toEqual([1, 2]);
    // A request is open while its session is: cancelled, it leaves the list; the other stays.
    await ok(mfa, 'sessions.cancel', { sessionId: ahead.sessionId, reason: 'Patientin verhindert' });
    const open = (await ok(mfa, 'gdt.requests', {})).map((r: any) => r.fileId);
    expect(open).not.toContain(ahead.fileId);
    expect(open).toContain(past.fileId);
  });

  it('without a course the request waits; the physician’s new course plans it; a full course leaves the next one waiting', async () => {
    const waiting = await drop(request('6302', '503', 'Dorn', '03011963'));
    expect(waiting).toMatchObject({ sessionId: null, sessionNumber: null, plannedFor: null });
    expect(auditOf('gdt.requestPlanned').some((e) => e.entityId === waiting.fileId)).toBe(false);
    const course = await newCourse(waiting.patientId, 3);
    const [session] = await sessionsOf(course.id);
    expect(session).toMatchObject({ status: 'planned', sessionNumber: 1 });
    expect((await ok(mfa, 'gdt.requests', {})).find((r: any) => r.fileId === waiting.fileId)).toMatchObject({ sessionId: session.id });
    expect(auditOf('gdt.requestPlanned').find((e) => e.entityId === waiting.fileId)).toMatchObject({ userId: null, detail: { how: 'planned' } });
    // Two more days fill the course's three infusions; a request for a fourth day waits for the next course.
    for (const ahead of [1, 2, 7]) {
      const later = new Date();
      later.setDate(later.getDate() + ahead);
      const next = await drop(request('6302', '503', 'Dorn', '03011963', [{ id: '6200', value: gdtDay(later) }]));
      expect(next.sessionId === null).toBe(ahead === 7);
    }
    expect(await sessionsOf(course.id)).toHaveLength(3);
  });

  it('a request whose session was cancelled: the PVS sends it again (a new file) and a new session is planned, the request open again', async () => {
    const patient = await ok(mfa, 'patients.create', { familyName: 'Kern', givenName: 'Eva', birthDate: '1967-01-02' });
    const course = await newCourse(patient.id);
    const bytes = request('6302', '504', 'Kern', '02011967');
    const first = await drop(bytes);
    await ok(mfa, 'sessions.cancel', { sessionId: first.sessionId, reason: 'Patientin krank' });
    expect((await ok(mfa, 'gdt.requests', {})).some((r: any) => r.fileId === first.fileId)).toBe(false);
    const again = await drop(bytes);
    expect(again).toMatchObject({ patientId: patient.id, sessionNumber: 2 });
    expect(again.sessionId).not.toBe(first.sessionId);
    expect((await sessionsOf(course.id)).map((s: any) => [s.id, s.status])).toEqual([[first.sessionId, 'cancelled'], [again.sessionId, 'planned']]);
    expect(auditOf('gdt.requestPlanned').at(-1)).toMatchObject({ userId: null, entityId: again.fileId, detail: { sessionId: again.sessionId, how: 'planned' } });
  });

  it('random requests (repeats, other days, patients with and without courses) plan exactly what a reference list says', async () => {
    let seed = 20261203;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const people: { name: string; birth: string; pvs: string; patientId: number; courseId: number | null; waiting: string[] }[] = [];
    for (const [i, name] of ['Ernst', 'Fink', 'Gruber'].entries()) {
      const birth = `0${i + 1}0219${70 + i}`;
      const first = await drop(request('6301', `60${i}`, name, birth)); // registers and links the number
      // The days its waiting requests ask for (a 6301 without 6200: the day it was read).
      people.push({ name, birth, pvs: `60${i}`, patientId: first.patientId, courseId: null, waiting: [isoDay(new Date())] });
    }
    // Reference: per patient, the set of days with a session; a course takes at most 4.
    const days = new Map<number, Set<string>>();
    for (let step = 0; step < 24; step++) {
      const p = people[random(people.length)]!;
      if (p.courseId === null && random(4) === 0) {
        p.courseId = (await newCourse(p.patientId, 4)).id;
        const set = days.get(p.patientId) ?? new Set<string>();
        for (const day of p.waiting) if (set.has(day) || set.size < 4) set.add(day); // oldest first
        days.set(p.patientId, set);
        p.waiting = [];
        continue;
      }
      const when = new Date();
      when.setDate(when.getDate() + random(3));
      const row = await drop(request(random(2) === 0 ? '6301' : '6302', p.pvs, p.name, p.birth, [{ id: '6200', value: gdtDay(when) }]));
      const set = days.get(p.patientId) ?? new Set<string>();
      if (p.courseId === null) {
        expect(row.sessionId).toBeNull();
        p.waiting.push(isoDay(when));
      } else if (set.has(isoDay(when)) || set.size < 4) {
        set.add(isoDay(when));
        expect(row.sessionId, `step ${step}: ${p.name} ${isoDay(when)} ${[...set]}`).not.toBeNull();
      } else {
        expect(row.sessionId).toBeNull();
      }
      days.set(p.patientId, set);
    }
    for (const p of people.filter((x) => x.courseId !== null)) {
      const sessions = await sessionsOf(p.courseId!);
      expect(new Set(sessions.map((s: any) => isoDay(new Date(s.plannedFor))))).toEqual(days.get(p.patientId));
      expect(sessions).toHaveLength(days.get(p.patientId)!.size);
    }
  });
});

describe('insurance', () => {
  it('the PVS’s 3108 makes a new patient statutory; the dossier is then refused in German; the staff’s entry is kept and audited', async () => {
    const row = await drop(request('6302', '701', 'Hahn', '04011964', [{ id: '3108', value: '1' }]));
    const [patient] = await ok(mfa, 'patients.list', { search: 'Hahn' });
    expect(patient).toMatchObject({ id: row.patientId, insurance: 'statutory' });
    const course = await newCourse(patient.id);
    const refused = await refusal(physician, 'documents.generateCoverageDossier', { courseId: course.id, language: 'de' });
    expect(refused).toMatchObject({ code: 'REFUSED', problems: [{ code: 'dossier.statutoryPatient' }] });
    expect(refused.message).toMatch(/^Gesetzlich versichert: ein Antrag auf Kostenübernahme/);
    expect(await ok(physician, 'documents.list', { courseId: course.id })).toEqual([]);

    // An administrator manages users, not patients.
    expect((await refusal(admin, 'patients.setInsurance', { patientId: patient.id, insurance: 'private' })).code).toBe('FORBIDDEN');
    expect((await refusal(mfa, 'patients.setInsurance', { patientId: patient.id, insurance: 'gold' })).code).toBe('BAD_INPUT');
    expect(await ok(mfa, 'patients.setInsurance', { patientId: patient.id, insurance: 'private' })).toMatchObject({ insurance: 'private' });
    expect(auditOf('patient.insuranceChanged').at(-1)).toMatchObject({ entityId: patient.id, userId: 3, detail: { before: 'statutory', after: 'private', source: 'form' } });
    // The PVS says statutory again: what the staff entered stays.
    await drop(request('6302', '701', 'Hahn', '04011964', [{ id: '3108', value: '1' }]));
    expect((await ok(mfa, 'patients.list', { search: 'Hahn' }))[0].insurance).toBe('private');
    const dossier = await ok(physician, 'documents.generateCoverageDossier', { courseId: course.id, language: 'de' });
    expect(dossier.document.kind).toBe('coverageDossier');
  }, 60_000);

  it('unknown insurance: refused with what to do; a patient registered as self-payer is refused too', async () => {
    const row = await drop(request('6302', '702', 'Iller', '05011965'));
    const unknownCourse = await newCourse(row.patientId);
    expect((await refusal(physician, 'documents.generateCoverageDossier', { courseId: unknownCourse.id, language: 'en' })).problems?.[0]?.code).toBe('dossier.notPrivate');
    // The PVS names it later: the blank is filled, in the system's name.
    await drop(request('6302', '702', 'Iller', '05011965', [{ id: '3108', value: '3' }]));
    expect((await ok(mfa, 'patients.list', { search: 'Iller' }))[0].insurance).toBe('statutory');
    expect(auditOf('patient.insuranceChanged').at(-1)).toMatchObject({ entityId: row.patientId, userId: null, detail: { before: null, after: 'statutory', source: 'gdt' } });
    const self = await ok(mfa, 'patients.create', { familyName: 'Jahn', givenName: 'Eva', birthDate: '1966-01-02', insurance: 'selfPay' });
    expect(self.insurance).toBe('selfPay');
    const course = await newCourse(self.id);
    expect((await refusal(physician, 'documents.generateCoverageDossier', { courseId: course.id, language: 'de' })).problems?.[0]?.code).toBe('dossier.notPrivate');
  });
});
