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
  highAlarms: { active: 0 },
  physicianRelease: { physician: 'Dr. Maier', at: STOP + 60 * MIN },
};

const codes = (input: DischargeInput): string[] => evaluateDischarge(input, rules).missing.map((p) => p.code);

describe('evaluateDischarge', () => {
  it('allows discharge when every condition is met', () => {
    expect(evaluateDischarge(ready, rules)).toEqual({ allowed: true, missing: [] });
  });

  it('names every missing condition at once', () => {
    const nothing: DischargeInput = { now: STOP + 10 * MIN, infusionStoppedAt: STOP, instructionsAcknowledged: false, highAlarms: { active: 1, lastActiveAt: STOP + 10 * MIN } };
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
    expect(codes({ ...ready, highAlarms: { active: 2, lastActiveAt: ready.now } })).toEqual([
      'discharge.scoreBeforeLatestEvent',
      'discharge.highPriorityAlarmUnresolved',
      'discharge.releaseBeforeLatestEvent',
    ]);
  });

  it('the physician must release the patient by name', () => {
    expect(codes({ ...ready, physicianRelease: { physician: ' ', at: STOP } })).toEqual(['discharge.physicianReleaseMissing']);
  });

  describe('the whole record: a score and a release count only after the latest event', () => {
    // Score 10/10 at +55 min and release at +60 min, then something happens at +60.5 min.
    const after = STOP + 60 * MIN + 30_000;
    it.each([
      ['an adverse event', { latestAdverseEventAt: after }],
      ['an abnormal observation (RASS −3, BP 82/45)', { latestAbnormalObservationAt: after }],
      ['a high-priority alarm that has ended', { highAlarms: { active: 0, lastActiveAt: after } }],
    ])('%s after score and release makes both stale', (_name, extra) => {
      const found = evaluateDischarge({ ...ready, ...extra, now: after + 20 * MIN }, rules).missing;
      expect(found.map((p) => p.code)).toEqual(['discharge.scoreBeforeLatestEvent', 'discharge.releaseBeforeLatestEvent']);
      expect(formatProblem(found[0]!, 'de')).toMatch(/wurde vor .* erhoben: neu erheben/);
    });

    it('a new score and release after the event count again', () => {
      const event = STOP + 50 * MIN;
      expect(codes({ ...ready, latestAdverseEventAt: event, latestAbnormalObservationAt: event - MIN })).toEqual([]);
    });

    it('no high-priority alarm within the last N minutes (setting), counted from its end', () => {
      const ended = STOP + 50 * MIN;
      const at = (now: number) => ({ ...ready, now, dischargeScore: { ...ready.dischargeScore!, at: now - 1 }, physicianRelease: { physician: 'Dr. Maier', at: now - 1 } });
      expect(codes({ ...at(ended + 14 * MIN), highAlarms: { active: 0, lastActiveAt: ended } })).toEqual(['discharge.highAlarmRecent']);
      expect(codes({ ...at(ended + 15 * MIN), highAlarms: { active: 0, lastActiveAt: ended } })).toEqual([]);
    });
  });

  describe('override', () => {
    const early = { ...ready, now: STOP + 30 * MIN, physicianRelease: undefined };
    const override = { physician: 'Dr. Maier', reason: 'Patient stabil, Transport durch Angehörige gesichert', criteria: ['observationTime'] as const };

    it('a physician naming the unmet criterion with a reason allows discharge; the override stands for the release; the missing stay listed', () => {
      const decision = evaluateDischarge({ ...early, override }, rules);
      expect(decision.allowed).toBe(true);
      expect(decision.overriddenBy).toEqual(override);
      expect(decision.missing.map((p) => p.code)).toEqual(['discharge.observationTimeNotOver', 'discharge.physicianReleaseMissing']);
    });

    it('only the named criteria are overridden: the others are still refused, each named', () => {
      const decision = evaluateDischarge({ ...early, instructionsAcknowledged: false, dischargeScore: undefined, override }, rules);
      expect(decision.allowed).toBe(false);
      expect(decision.missing.map((p) => p.code)).toEqual(['discharge.scoreMissing', 'discharge.instructionsNotAcknowledged']);
    });

    it('never overrides the escort: no pickup person or taxi means no discharge', () => {
      const all = ['observationTime', 'score', 'instructions', 'highAlarm'] as const;
      const decision = evaluateDischarge({ ...early, escort: undefined, dischargeScore: undefined, override: { ...override, criteria: all } }, rules);
      expect(decision.allowed).toBe(false);
      expect(decision.missing.map((p) => p.code)).toEqual([
        'escort.notConfirmed',
        'discharge.overrideCriterionMet',
        'discharge.overrideCriterionMet',
        'discharge.escortNotOverridable',
      ]);
    });

    it('an override without physician, reason or criterion does not count', () => {
      const decision = evaluateDischarge({ ...early, override: { physician: '', reason: '', criteria: [] } }, rules);
      expect(decision.allowed).toBe(false);
      expect(decision.missing.map((p) => p.code)).toEqual([
        'discharge.observationTimeNotOver',
        'discharge.overridePhysicianMissing',
        'discharge.overrideReasonMissing',
        'discharge.overrideCriteriaMissing',
      ]);
    });

    it('no override while the infusion has not been stopped', () => {
      const { infusionStoppedAt: _unused, ...running } = ready;
      const decision = evaluateDischarge({ ...running, override: { ...override, criteria: ['score'] } }, rules);
      expect(decision.allowed).toBe(false);
      expect(decision.missing.map((p) => p.code)).toEqual(['discharge.infusionNotStopped', 'discharge.overrideCriterionMet']);
    });
  });
});
