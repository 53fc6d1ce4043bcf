import { describe, it, expect } from 'vitest';
import { dischargeRules, evaluateDischarge, type DischargeInput } from '../../../core/session/dischargeGate';
import { clinicSettings } from '../../../core/clinic/defaults';
import { formatProblem } from '../../../core/messages';

const MIN = 60_000;
const STOP = Date.UTC(2025, 2, 3, 11, 0, 0);
const rules = dischargeRules(clinicSettings());

/** Everything in order, 61 min after the infusion stopped. */
const ready: DischargeInput = {
  now: STOP + 61 * MIN,
  infusionStoppedAt: STOP,
  escort: { kind: 'person', name: 'Anna Huber', relation: 'Ehefrau', phone: '+49 89 1234567', arrivalAt: STOP + 70 * MIN },
  dischargeScore: { scale: 'modifiedPadss', total: 9, complete: true, at: STOP + 55 * MIN },
  instructionsAcknowledged: true,
  unresolvedHighPriorityAlarms: 0,
  physicianRelease: { physician: 'Dr. Maier', at: STOP + 60 * MIN },
};

const codes = (input: DischargeInput): string[] => evaluateDischarge(input, rules).missing.map((p) => p.code);

describe('evaluateDischarge', () => {
  it('allows discharge when every condition is met', () => {
    expect(evaluateDischarge(ready, rules)).toEqual({ allowed: true, missing: [] });
  });

  it('names every missing condition at once', () => {
    const nothing: DischargeInput = { now: STOP + 10 * MIN, infusionStoppedAt: STOP, instructionsAcknowledged: false, unresolvedHighPriorityAlarms: 1 };
    const decision = evaluateDischarge(nothing, rules);
    expect(decision.allowed).toBe(false);
    expect(decision.missing.map((p) => p.code)).toEqual([
      'discharge.observationTimeNotOver',
      'escort.notConfirmed',
      'discharge.scoreMissing',
      'discharge.instructionsNotAcknowledged',
      'discharge.highPriorityAlarmUnresolved',
      'discharge.physicianReleaseMissing',
    ]);
  });

  it('says how many minutes of post-infusion observation remain (rounded up)', () => {
    const [p] = evaluateDischarge({ ...ready, now: STOP + 45 * MIN + 30_000 }, rules).missing;
    expect(p).toMatchObject({ code: 'discharge.observationTimeNotOver', params: { remainingMin: 15, observationMin: 60 } });
    expect(formatProblem(p!, 'de')).toBe('Nachbeobachtungszeit (60 min) noch nicht abgelaufen: noch 15 min');
    expect(formatProblem(p!, 'en')).toBe('Post-infusion observation time (60 min) not over: 15 min remaining');
  });

  it('the observation time ends exactly 60 min after stop', () => {
    expect(codes({ ...ready, now: STOP + 60 * MIN })).toEqual([]);
    expect(codes({ ...ready, now: STOP + 60 * MIN - 1 })).toEqual(['discharge.observationTimeNotOver']);
  });

  it('refuses while the infusion has not been stopped', () => {
    const { infusionStoppedAt: _unused, ...running } = ready;
    expect(codes(running)).toEqual(['discharge.infusionNotStopped']);
  });

  it('names each missing field of a pickup person', () => {
    expect(codes({ ...ready, escort: { kind: 'person' } })).toEqual([
      'escort.nameMissing',
      'escort.relationMissing',
      'escort.phoneMissing',
      'escort.arrivalTimeMissing',
    ]);
    expect(codes({ ...ready, escort: { kind: 'person', name: 'A', relation: 'Sohn', phone: '12', arrivalAt: STOP } })).toEqual([
      'escort.phoneInvalid',
    ]);
  });

  it('names each missing field of a taxi, and accepts a complete taxi booking', () => {
    expect(codes({ ...ready, escort: { kind: 'taxi' } })).toEqual([
      'escort.taxiCompanyMissing',
      'escort.taxiBookingReferenceMissing',
      'escort.arrivalTimeMissing',
    ]);
    expect(codes({ ...ready, escort: { kind: 'taxi', company: 'IsarFunk', bookingReference: 'B-4711', arrivalAt: STOP } })).toEqual([]);
  });

  it('German text for an unconfirmed pickup', () => {
    const [p] = evaluateDischarge({ ...ready, escort: undefined }, rules).missing;
    expect(formatProblem(p!, 'de')).toBe('Abholperson nicht bestätigt');
  });

  it('discharge score: below threshold, incomplete, or taken before the infusion ended', () => {
    const below = evaluateDischarge({ ...ready, dischargeScore: { scale: 'padss', total: 8, complete: true, at: STOP + MIN } }, rules).missing;
    expect(below.map((p) => p.code)).toEqual(['discharge.scoreBelowThreshold']);
    expect(formatProblem(below[0]!, 'de')).toContain('8 Punkte, für die Entlassung mindestens 9 erforderlich');
    expect(codes({ ...ready, dischargeScore: { scale: 'modifiedAldrete', total: 10, complete: false, at: STOP + MIN } })).toEqual([
      'discharge.scoreIncomplete',
    ]);
    expect(codes({ ...ready, dischargeScore: { scale: 'modifiedAldrete', total: 10, complete: true, at: STOP - MIN } })).toEqual([
      'discharge.scoreBeforeInfusionEnd',
    ]);
  });

  it('discharge instructions must be acknowledged (no driving for 24 h)', () => {
    const [p] = evaluateDischarge({ ...ready, instructionsAcknowledged: false }, rules).missing;
    expect(formatProblem(p!, 'de')).toBe('Entlassungshinweise nicht bestätigt (kein Autofahren für 24 h)');
  });

  it('no unresolved high-priority alarm', () => {
    expect(codes({ ...ready, unresolvedHighPriorityAlarms: 2 })).toEqual(['discharge.highPriorityAlarmUnresolved']);
  });

  it('the physician must release the patient by name', () => {
    expect(codes({ ...ready, physicianRelease: { physician: ' ', at: STOP } })).toEqual(['discharge.physicianReleaseMissing']);
  });

  describe('override', () => {
    const early = { ...ready, now: STOP + 30 * MIN, physicianRelease: undefined };

    it('a physician with a written reason allows discharge and the missing conditions stay listed for the audit', () => {
      const override = { physician: 'Dr. Maier', reason: 'Patient stabil, Transport durch Angehörige gesichert' };
      const decision = evaluateDischarge({ ...early, override }, rules);
      expect(decision.allowed).toBe(true);
      expect(decision.overriddenBy).toEqual(override);
      expect(decision.missing.map((p) => p.code)).toEqual(['discharge.observationTimeNotOver', 'discharge.physicianReleaseMissing']);
    });

    it('an override without physician or without reason does not count', () => {
      const decision = evaluateDischarge({ ...early, override: { physician: '', reason: '' } }, rules);
      expect(decision.allowed).toBe(false);
      expect(decision.missing.map((p) => p.code)).toContain('discharge.overridePhysicianMissing');
      expect(decision.missing.map((p) => p.code)).toContain('discharge.overrideReasonMissing');
    });

    it('no override while the infusion has not been stopped', () => {
      const { infusionStoppedAt: _unused, ...running } = ready;
      const decision = evaluateDischarge({ ...running, override: { physician: 'Dr. Maier', reason: 'x' } }, rules);
      expect(decision.allowed).toBe(false);
      expect(decision.missing.map((p) => p.code)).toEqual(['discharge.infusionNotStopped', 'discharge.overrideWhileInfusionRunning']);
    });
  });
});
