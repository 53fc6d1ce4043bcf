/**
 * The database refusing writes, for real: another connection holds SQLite's write lock, so the app's writes end in
 * SQLITE_BUSY after the busy timeout (as a locked or unreachable file would). A documentation write answers with
 * the STORAGE code (not a clinical REFUSED) and saves nothing; an alarm action that was acknowledged keeps its
 * alarm-log row and audit entry in memory, app.health says so with the count, and both are written once the
 * lock is gone.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHealth } from '../../core/api/methods/app';
import { formatProblem } from '../../core/messages';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { waitFor, type WsTestClient } from '../helpers/wsClient';
import { fullChecklist, ok, runSession } from '../session/runThrough';
import { rawClinicDb } from '../helpers/clinicFile';

let app: TestApp;
let mfa: WsTestClient;
let physician: WsTestClient;
let admin: WsTestClient;
let lock: Database.Database;

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  [mfa, physician, admin] = await Promise.all([app.login('mfa'), app.login('physician'), app.login('admin')]);
  lock = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey);
}, 30_000);
afterAll(async () => {
  if (lock?.inTransaction) lock.exec('ROLLBACK');
  lock?.close();
  await app?.close();
});

async function runningSession(chairId: number): Promise<number> {
  const patient = await ok(mfa, 'patients.create', { familyName: 'Speicher', givenName: 'Sven', birthDate: '1970-01-01' });
  const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 6, indication: 'fibromyalgia', priorFailedTherapies: [] });
  const sessionId: number = (await ok(mfa, 'sessions.plan', { courseId: course.id, chairId, plannedFor: Date.now() })).session.id;
  await ok(mfa, 'sessions.checkIn', { sessionId });
  await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
  await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
  await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
  await ok(mfa, 'sessions.completeChecklist', { sessionId });
  await ok(mfa, 'infusion.start', { sessionId });
  return sessionId;
}

describe('a database that refuses writes', () => {
  it('answers STORAGE for an observation, keeps the acknowledged audio pause until it is written, and says so in app.health', async () => {
    const sessionId = await runningSession(2);
    const before = mfa.events.length;
    const healthEvents = () => mfa.events.slice(before).filter((e) => e.event === 'app.health').map((e) => e.payload as AppHealth);

    lock.exec('BEGIN IMMEDIATE');
    try {
      const paused = await mfa.call('alarms.pauseAudio', { chairId: 2 });
      expect(paused.ok).toBe(true); // the pause is in force at once: the record of it waits for the disk
      const red = await waitFor(() => healthEvents().find((h) => h.storageErrors.some((e) => e.source === 'alarmLog')), 20_000, 'alarm log failure in app.health');
      expect(red.storageErrors).toEqual([{ source: 'alarmLog', error: expect.stringMatching(/SQLITE_BUSY/) }]);
      expect(red.queued).toEqual([{ source: 'alarmLog', count: 1 }]);
      expect((await ok<AppHealth>(mfa, 'app.health', {})).storageErrors.map((e) => e.source)).toEqual(['alarmLog']);

      const r = await mfa.call('observations.record', { sessionId, observation: { kind: 'pain', nrs: 4 } });
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('STORAGE');
      expect(r.error.message).toMatch(/SQLITE_BUSY/);
      expect(r.error.problems.map((p: { code: string }) => p.code)).toEqual(['storage.failed']);
      expect(formatProblem(r.error.problems[0], 'de')).toMatch(/^Datenbankfehler \(SQLITE_BUSY/);
    } finally {
      lock.exec('ROLLBACK');
    }

    await waitFor(() => healthEvents().at(-1)?.storageErrors.length === 0, 20_000, 'app.health all clear');
    expect(healthEvents().at(-1)).toEqual({ storageErrors: [], queued: [] });
    expect(app.services.alarms.saveError).toBeNull();
    const log = await ok<{ type: string; userName: string | null }[]>(mfa, 'alarms.log', { sessionId });
    expect(log.filter((e) => e.type === 'audioPaused').map((e) => e.userName)).toEqual(['Sabine Schmidt']);
    const audited = lock.prepare("SELECT count(*) FROM audit_log WHERE action = 'alarm.audioPaused'").pluck().get();
    expect(audited).toBe(1);
    expect(await ok(admin, 'audit.verify', {})).toMatchObject({ ok: true });
    // Nothing of the refused observation was stored.
    const detail = await ok(mfa, 'sessions.get', { sessionId });
    expect(detail.observations).toEqual([]);
  }, 90_000);

  it('refuses to sign while readings of the chair cannot be written (the lock would shut them out), signs once they are', async () => {
    const patient = await ok(mfa, 'patients.create', { familyName: 'Signatur', givenName: 'Sina', birthDate: '1975-05-05' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 6, indication: 'crps', priorFailedTherapies: [] });
    await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test: no waiting' });
    const sessionId = await runSession({ mfa, physician }, course.id, 3, 6, 3);
    lock.exec('BEGIN IMMEDIATE');
    try {
      app.services.vitalsStore.push(3, [{ parameter: 'hr', value: 71, unit: '/min', state: 'valid', receivedAt: Date.now() - 1000 }]);
      const r = await physician.call('sessions.sign', { sessionId, password: TEST_USERS.physician.password });
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('STORAGE');
      expect(r.error.problems.map((p: { code: string }) => p.code)).toEqual(['storage.vitalsWaiting']);
      expect(formatProblem(r.error.problems[0], 'de')).toMatch(/^1 Messwerte dieses Platzes sind noch nicht gespeichert/);
    } finally {
      lock.exec('ROLLBACK');
    }
    expect((await ok(mfa, 'sessions.get', { sessionId })).session.signed).toBeNull();
    const signed = await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
    expect(signed.session.signed).toMatchObject({ userName: 'Dr. Meier' });
    expect(app.services.vitalsStore.waitingUpTo(3, Date.now())).toBe(0);
  }, 90_000);
});
