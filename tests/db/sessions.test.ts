/** SQL-level guarantees of migrations 0030 and 0070: the discharge gate, signed = locked, physician-only acts, append-only rows. */
import { describe, expect, it } from 'vitest';
import { discharge, FULL_SCORE, MIN, openFixture, readyForDischarge, stoppedSession, T0 } from './sessions.fixtures';

const SESSION_TABLES = ['prescriptions', 'dose_events', 'checklist_entries', 'observations', 'discharge_scores', 'escort_confirmations', 'discharge_steps'];

describe('migration 0030: discharge gate in the database', () => {
  it('refuses a discharge while the infusion runs or has not started', () => {
    const f = openFixture();
    const { sessionId } = stoppedSession(f);
    const s2 = f.api.planSession({ userId: f.mfa, at: T0 }, { courseId: f.api.getSession(sessionId)!.courseId, chairId: 2, plannedFor: T0 });
    expect(() => f.db.prepare("UPDATE infusion_sessions SET state = 'discharged', discharged_at = ? WHERE id = ?").run(T0, s2)).toThrow(
      /infusion has not been stopped/,
    );
  });

  it('names each missing condition, one after the other, until all are met', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    const attempt = (at: number) => () => discharge(f, sessionId, at);
    const late = stop + 120 * MIN;
    expect(attempt(late)).toThrow(/escort is not confirmed/);
    f.api.confirmEscort({ userId: f.mfa, at: late }, sessionId, { kind: 'taxi', company: 'Isarfunk' }, false);
    expect(attempt(late)).toThrow(/escort is not confirmed/); // incomplete confirmation does not count
    f.api.confirmEscort({ userId: f.mfa, at: late }, sessionId, { kind: 'taxi', company: 'Isarfunk', bookingReference: 'B7', arrivalAt: late }, true);
    expect(attempt(stop + 10 * MIN)).toThrow(/observation time is not over/);
    expect(attempt(late)).toThrow(/discharge score/);
    f.api.recordDischargeScore({ userId: f.mfa, at: late }, sessionId, { scale: 'modifiedPadss', answers: { ...FULL_SCORE, pain: 0 }, total: 8, maxPoints: 10, threshold: 9, complete: true });
    expect(attempt(late)).toThrow(/discharge score/); // below the threshold
    f.api.recordDischargeScore({ userId: f.mfa, at: late }, sessionId, { scale: 'modifiedPadss', answers: { ...FULL_SCORE, pain: 1 }, total: 9, maxPoints: 10, threshold: 9, complete: true });
    expect(attempt(late)).toThrow(/instructions are not acknowledged/);
    f.api.recordDischargeStep({ userId: f.mfa, at: late }, sessionId, 'instructionsAcknowledged', {});
    expect(attempt(late)).toThrow(/no physician release/);
    f.api.recordDischargeStep({ userId: f.physician, at: late }, sessionId, 'physicianRelease', {});
    attempt(late)();
    expect(f.api.getSession(sessionId)!.state).toBe('discharged');
  });

  it('lets a physician override named criteria with a written reason, recorded in the same transaction (escort confirmed)', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    f.api.confirmEscort({ userId: f.mfa, at: stop + MIN }, sessionId, { kind: 'taxi', company: 'Isarfunk', bookingReference: 'B7', arrivalAt: stop }, true);
    f.api.transitionSession(
      { userId: f.physician, at: stop + 5 * MIN },
      {
        sessionId,
        from: 'postObservation',
        to: 'discharged',
        at: stop + 5 * MIN,
        dischargedAt: stop + 5 * MIN,
        override: { reason: 'stable, family doctor informed', criteria: ['observationTime', 'score', 'instructions'] },
        action: 'session.discharge',
        detail: {},
      },
    );
    expect(f.api.sessionBundle(sessionId)!.steps.map((s) => s.kind)).toEqual(['override']);
    expect(f.api.getSession(sessionId)!.state).toBe('discharged');
  });

  it('refuses an override without a reason and an override or release by an MFA', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    expect(() => f.db.prepare("INSERT INTO discharge_steps (session_id, kind, reason, at, user_id, criteria) VALUES (?, 'override', '  ', ?, ?, '[\"score\"]')").run(sessionId, stop, f.physician)).toThrow(
      /CHECK constraint/,
    );
    expect(() => f.api.recordDischargeStep({ userId: f.mfa, at: stop }, sessionId, 'physicianRelease', {})).toThrow(/only a physician/);
    expect(() => f.db.prepare("INSERT INTO discharge_steps (session_id, kind, reason, at, user_id, criteria) VALUES (?, 'override', 'x', ?, ?, '[\"score\"]')").run(sessionId, stop, f.mfa)).toThrow(
      /only a physician/,
    );
  });
});

describe('migration 0030: a signed session is locked', () => {
  function signedSession() {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    const at = readyForDischarge(f, sessionId, stop);
    discharge(f, sessionId, at);
    f.api.signSession({ userId: f.physician, at: at + MIN }, sessionId);
    return { f, sessionId, at };
  }

  it('refuses UPDATE and DELETE of the session and of every row that belongs to it', () => {
    const { f, sessionId } = signedSession();
    // The signed session is locked (0030) and, being discharged, final (0070): either refusal is the database's word.
    expect(() => f.db.prepare("UPDATE infusion_sessions SET state = 'cancelled' WHERE id = ?").run(sessionId)).toThrow(/signed and locked|is final/);
    expect(() => f.db.prepare('UPDATE infusion_sessions SET signed_at = NULL WHERE id = ?').run(sessionId)).toThrow(/signed and locked/);
    expect(() => f.db.prepare('DELETE FROM infusion_sessions WHERE id = ?').run(sessionId)).toThrow(/signed and locked/);
    for (const table of SESSION_TABLES) {
      const count = f.db.prepare(`SELECT count(*) FROM ${table} WHERE session_id = ?`).pluck().get(sessionId) as number;
      expect(count, table).toBeGreaterThan(0);
      expect(() => f.db.prepare(`UPDATE ${table} SET at = at WHERE session_id = ?`.replace('at = at', table === 'prescriptions' ? 'prescribed_at = 0' : table === 'checklist_entries' ? 'saved_at = 0' : 'at = 0')).run(sessionId), table).toThrow(/signed and locked/);
      expect(() => f.db.prepare(`DELETE FROM ${table} WHERE session_id = ?`).run(sessionId), table).toThrow(/signed and locked/);
    }
    expect(f.db.prepare('SELECT count(*) FROM observations WHERE session_id = ?').pluck().get(sessionId)).toBe(2);
  });

  it('refuses new rows for the signed session, but takes amendments signed by a physician', () => {
    const { f, sessionId, at } = signedSession();
    expect(() => f.api.recordObservation({ userId: f.mfa, at }, sessionId, ['discharged'], { kind: 'note', at, text: 'late' })).toThrow(/signed and locked/);
    expect(() => f.api.amendSession({ userId: f.mfa, at }, sessionId, { target: 'observation', targetId: 1, correction: 'NRS 4', reason: 'typo' })).toThrow(
      /only a physician/,
    );
    f.api.amendSession({ userId: f.physician, at }, sessionId, { target: 'observation', targetId: 1, correction: 'NRS 4', reason: 'typo' });
    const bundle = f.api.sessionBundle(sessionId)!;
    expect(bundle.amendments).toHaveLength(1);
    expect(bundle.observations[0]!.data.nrs).toBe(5); // the original stays visible
    expect(() => f.db.prepare('DELETE FROM amendments').run()).toThrow(/append-only/);
    expect(() => f.db.prepare("UPDATE amendments SET reason = 'x'").run()).toThrow(/append-only/);
  });

  it('signs only a finished session and only by a physician', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    expect(() => f.api.signSession({ userId: f.physician, at: stop }, sessionId)).toThrow(/discharged, transferred or cancelled/);
    const at = readyForDischarge(f, sessionId, stop);
    discharge(f, sessionId, at);
    expect(() => f.api.signSession({ userId: f.mfa, at }, sessionId)).toThrow(/only a physician/);
    f.api.signSession({ userId: f.physician, at }, sessionId);
    expect(() => f.api.signSession({ userId: f.physician, at }, sessionId)).toThrow(/signed and locked|already signed/);
  });

  it('keeps clinical rows append-only before signing too', () => {
    const f = openFixture();
    const { sessionId } = stoppedSession(f);
    expect(() => f.db.prepare('UPDATE observations SET at = 0 WHERE session_id = ?').run(sessionId)).toThrow(/append-only/);
    expect(() => f.db.prepare('DELETE FROM dose_events WHERE session_id = ?').run(sessionId)).toThrow(/append-only/);
  });
});

describe('migration 0030: other refusals', () => {
  it('refuses a psychiatric indication without a psychiatrist attestation', () => {
    const f = openFixture();
    const p = f.api.createPatient({ userId: f.mfa, at: T0 }, { familyName: 'Roth', givenName: 'Ben', birthDate: '1980-01-01' });
    const course = { patientId: p.id, kind: 'daily' as const, plannedInfusions: 5, indication: 'treatmentResistantDepression', priorFailedTherapies: [] };
    expect(() => f.api.createCourse({ userId: f.physician, at: T0 }, course)).toThrow(/CHECK constraint/);
    const c = f.api.createCourse({ userId: f.physician, at: T0 }, { ...course, psychiatristAttestation: { psychiatrist: 'Dr. Lang', at: T0 } });
    expect(c.psychiatristAttestation?.psychiatrist).toBe('Dr. Lang');
  });

  it('refuses a prescription by an MFA, above the hard limit, and dose events out of time order', () => {
    const f = openFixture();
    const { sessionId } = stoppedSession(f);
    const rx = { substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 70, targetMgPerKgPerH: 0.2, hardLimitMgPerKgPerH: 1, softLimitReason: null, limitProblems: [] };
    f.db.prepare('DROP TRIGGER prescriptions_no_insert_when_signed').run(); // not signed anyway; keeps the test about the roles
    expect(() => f.api.addPrescription({ userId: f.mfa, at: T0 }, sessionId, ['postObservation'], rx)).toThrow(/only a physician prescribes/);
    expect(() => f.api.addPrescription({ userId: f.physician, at: T0 }, sessionId, ['postObservation'], { ...rx, targetMgPerKgPerH: 1.5 })).toThrow(/CHECK constraint/);
    expect(() => f.db.prepare("INSERT INTO dose_events (session_id, prescription_id, kind, at, recorded_by) VALUES (?, 1, 'pause', ?, ?)").run(sessionId, T0 - 1, f.mfa)).toThrow(
      /dated before the previous one/,
    );
  });

  it('writes a status change only from the status the caller saw', () => {
    const f = openFixture();
    const { sessionId } = stoppedSession(f);
    expect(() =>
      f.api.transitionSession({ userId: f.mfa, at: T0 }, { sessionId, from: 'running', to: 'paused', at: T0, action: 'session.pause', detail: {} }),
    ).toThrow(/no longer running/);
  });

  it('records every write in the audit chain, which verifies', async () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    discharge(f, sessionId, readyForDischarge(f, sessionId, stop));
    const actions = f.api.sessionHistory(sessionId).map((h) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining(['session.planned', 'session.checkIn', 'checklist.saved', 'prescription.prescribed', 'session.start', 'observation.recorded', 'session.stop', 'discharge.scoreRecorded', 'discharge.escortConfirmed', 'discharge.physicianReleased', 'session.discharge']),
    );
    expect((await f.api.verifyAudit()).ok).toBe(true);
  });
});
