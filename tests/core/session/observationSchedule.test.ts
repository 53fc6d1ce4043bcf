import { describe, it, expect } from 'vitest';
import { bloodPressureIntervalMs, monitorCuffTimes, observationSchedule, scheduleRules, type ScheduleInput } from '../../../core/session/observationSchedule';
import { clinicSettings } from '../../../core/clinic/defaults';

const START = Date.UTC(2025, 2, 3, 9, 0, 0);
const MIN = 60_000;
const rules = scheduleRules(clinicSettings());
const at = (min: number): number => START + min * MIN;
const scales = (min: number) =>
  (['pain', 'sedation', 'dissociation', 'nausea'] as const).map((kind) => ({ kind, at: at(min) }));

describe('observationSchedule', () => {
  it('at the start: blood pressure due after 5 min, scales after 15 min', () => {
    const schedule = observationSchedule({ infusionStartedAt: START, now: START, done: [] }, rules);
    expect(schedule.next).toEqual({ kind: 'bloodPressure', dueAt: at(5), overdueByMs: 0 });
    expect(schedule.overdue).toEqual([]);
    expect(schedule.due.map((d) => [d.kind, (d.dueAt - START) / MIN])).toEqual([
      ['bloodPressure', 5],
      ['pain', 15],
      ['sedation', 15],
      ['dissociation', 15],
      ['nausea', 15],
    ]);
  });

  it('blood pressure every 5 min during the first 30 min', () => {
    const done = [5, 10, 15, 20, 25].map((m) => ({ kind: 'bloodPressure' as const, at: at(m) }));
    const schedule = observationSchedule({ infusionStartedAt: START, now: at(26), done: [...done, ...scales(15)] }, rules);
    expect(schedule.next).toEqual({ kind: 'bloodPressure', dueAt: at(30), overdueByMs: 0 });
  });

  it('blood pressure every 15 min after the first 30 min', () => {
    const schedule = observationSchedule(
      { infusionStartedAt: START, now: at(31), done: [{ kind: 'bloodPressure', at: at(30) }, ...scales(30)] },
      rules,
    );
    expect(schedule.due.find((d) => d.kind === 'bloodPressure')?.dueAt).toBe(at(45));
  });

  it('names overdue observations and by how much, most late first', () => {
    const input: ScheduleInput = {
      infusionStartedAt: START,
      now: at(22),
      done: [{ kind: 'bloodPressure', at: at(5) }, { kind: 'pain', at: at(15) }, { kind: 'sedation', at: at(15) }],
    };
    const schedule = observationSchedule(input, rules);
    expect(schedule.overdue).toEqual([
      { kind: 'bloodPressure', dueAt: at(10), overdueByMs: 12 * MIN },
      { kind: 'dissociation', dueAt: at(15), overdueByMs: 7 * MIN },
      { kind: 'nausea', dueAt: at(15), overdueByMs: 7 * MIN },
    ]);
    expect(schedule.next).toEqual({ kind: 'pain', dueAt: at(30), overdueByMs: 0 });
  });

  it('an observation recorded before the infusion start (baseline) does not count', () => {
    const schedule = observationSchedule({ infusionStartedAt: START, now: START, done: [{ kind: 'bloodPressure', at: at(-2) }] }, rules);
    expect(schedule.next?.dueAt).toBe(at(5));
  });

  it('after stop: every 15 min during recovery, none after the 60 min observation time', () => {
    const stop = at(120);
    const recent = [{ kind: 'bloodPressure' as const, at: stop }, ...scales(120)];
    const recovering = observationSchedule({ infusionStartedAt: START, infusionStoppedAt: stop, now: stop + MIN, done: recent }, rules);
    expect(recovering.due.every((d) => d.dueAt === stop + 15 * MIN)).toBe(true);
    const lastRound = [{ kind: 'bloodPressure' as const, at: stop + 50 * MIN }, ...scales(170)];
    const ending = observationSchedule({ infusionStartedAt: START, infusionStoppedAt: stop, now: stop + 55 * MIN, done: lastRound }, rules);
    expect(ending).toEqual({ overdue: [], due: [], lastBloodPressure: { at: stop + 50 * MIN, from: 'manual' } });
  });

  it('a rate increase restarts 5-min blood pressure checks for 30 min', () => {
    const done = [{ kind: 'bloodPressure' as const, at: at(55) }];
    const input = { infusionStartedAt: START, now: at(61), done, rateIncreasedAt: [at(60)] };
    expect(observationSchedule(input, rules).due.find((d) => d.kind === 'bloodPressure')?.dueAt).toBe(at(65));
    const afterOne = { ...input, now: at(66), done: [...done, { kind: 'bloodPressure' as const, at: at(65) }] };
    expect(observationSchedule(afterOne, rules).due.find((d) => d.kind === 'bloodPressure')?.dueAt).toBe(at(70));
    const later = { ...input, now: at(91), done: [...done, { kind: 'bloodPressure' as const, at: at(90) }] };
    expect(observationSchedule(later, rules).due.find((d) => d.kind === 'bloodPressure')?.dueAt).toBe(at(105));
  });

  it('a rate increase right after a blood pressure never delays the regular check', () => {
    const input = { infusionStartedAt: START, now: at(60), done: [{ kind: 'bloodPressure' as const, at: at(59) }], rateIncreasedAt: [at(60)] };
    expect(observationSchedule(input, rules).due.find((d) => d.kind === 'bloodPressure')?.dueAt).toBe(at(65));
  });
});

describe('the monitor\'s cuff as the blood-pressure observation', () => {
  it('a cuff value from the monitor fills the schedule like a typed one, and the schedule says where the last came from', () => {
    const typedOnly = observationSchedule({ infusionStartedAt: START, now: at(11), done: [] }, rules);
    expect(typedOnly.overdue.map((o) => o.kind)).toEqual(['bloodPressure']);
    const withCuff = observationSchedule({ infusionStartedAt: START, now: at(11), done: [{ kind: 'bloodPressure', at: at(5), from: 'monitor' }, { kind: 'bloodPressure', at: at(10), from: 'monitor' }] }, rules);
    expect(withCuff.overdue).toEqual([]);
    expect(withCuff.lastBloodPressure).toEqual({ at: at(10), from: 'monitor' });
    const typedLater = observationSchedule({ infusionStartedAt: START, now: at(11), done: [{ kind: 'bloodPressure', at: at(5), from: 'monitor' }, { kind: 'bloodPressure', at: at(6) }] }, rules);
    expect(typedLater.lastBloodPressure).toEqual({ at: at(6), from: 'manual' });
  });

  it('a new cuff measurement is a changed value or one after a pause of the NIBP; repeats of one value are not', () => {
    const sample = (min: number, value: number | null, state = 'valid') => ({ t: at(min), value, state });
    const repeats = [0, 0.1, 0.2, 0.3].map((m) => sample(m, 120));
    expect(monitorCuffTimes([...repeats, sample(0.4, 131), sample(0.5, 131), sample(6, 131), sample(7, null, 'unavailable'), sample(8, 90, 'invalid')])).toEqual([at(0), at(0.4), at(6)]);
  });

  it('the interval in force: 5 min early, 15 min later, the recovery interval after the stop', () => {
    const done = (m: number): ScheduleInput['done'] => [{ kind: 'bloodPressure', at: at(m), from: 'monitor' }];
    expect(bloodPressureIntervalMs({ infusionStartedAt: START, now: at(1), done: [] }, rules)).toBe(5 * MIN);
    expect(bloodPressureIntervalMs({ infusionStartedAt: START, now: at(41), done: done(40) }, rules)).toBe(15 * MIN);
    expect(bloodPressureIntervalMs({ infusionStartedAt: START, infusionStoppedAt: at(60), now: at(71), done: done(70) }, { ...rules, recoveryIntervalMin: 10 })).toBe(10 * MIN);
  });
});
