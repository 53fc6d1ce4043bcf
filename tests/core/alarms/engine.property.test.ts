import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONDITION_CODES } from '../../../core/alarms/codes';
import { AUDIO_PAUSE_MAX_MS, CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { AlarmEngine } from '../../../core/alarms/engine';
import { alarmMessage } from '../../../core/alarms/messages';
import { MEASUREMENT_STATES, PARAMETER_UNIT, VITAL_PARAMETERS, type Reading } from '../../../core/vitals';
import { T0 } from './fixtures';

const users = fc.constantFrom('MFA Huber', 'Dr. Maier', '');

const readingArb: fc.Arbitrary<Reading> = fc
  .record({
    parameter: fc.constantFrom(...VITAL_PARAMETERS),
    value: fc.oneof(fc.constant(null), fc.integer({ min: -10, max: 400 }), fc.double({ min: -1e3, max: 1e4 }), fc.constant(Number.NaN)),
    state: fc.constantFrom(...MEASUREMENT_STATES),
  })
  .map((r) => ({ ...r, unit: PARAMETER_UNIT[r.parameter] }));

type Step =
  | { kind: 'readings'; readings: Reading[] }
  | { kind: 'link'; status: 'receiving' | 'silent' | 'lost' | 'error' }
  | { kind: 'infusion'; running: boolean; rate: number | null }
  | { kind: 'overdue'; overdue: Array<{ kind: string; overdueMs: number }> }
  | { kind: 'tick' }
  | { kind: 'acknowledge'; pick: number; user: string }
  | { kind: 'pause'; user: string }
  | { kind: 'switchOff'; code: string; user: string };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('readings' as const), readings: fc.array(readingArb, { maxLength: 4 }) }), weight: 5 },
  fc.record({ kind: fc.constant('link' as const), status: fc.constantFrom('receiving' as const, 'silent' as const, 'lost' as const, 'error' as const) }),
  fc.record({
    kind: fc.constant('infusion' as const),
    running: fc.boolean(),
    rate: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 50, noNaN: true })),
  }),
  fc.record({
    kind: fc.constant('overdue' as const),
    overdue: fc.array(fc.record({ kind: fc.constantFrom('nibp', 'sedation'), overdueMs: fc.integer({ min: 0, max: 30 * 60_000 }) }), {
      maxLength: 2,
    }),
  }),
  { arbitrary: fc.record({ kind: fc.constant('tick' as const) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('acknowledge' as const), pick: fc.nat(), user: users }), weight: 2 },
  fc.record({ kind: fc.constant('pause' as const), user: users }),
  fc.record({ kind: fc.constant('switchOff' as const), code: fc.constantFrom(...CONDITION_CODES, 'all'), user: users }),
);

// Mostly forward in time, sometimes a clock set back a little.
const timedStep = fc.tuple(fc.integer({ min: -5_000, max: 90_000 }), stepArb);

function apply(engine: AlarmEngine, now: number, step: Step): string | null {
  switch (step.kind) {
    case 'readings':
      engine.readings(now, step.readings);
      return null;
    case 'link':
      engine.link(now, step.status, 'test');
      return null;
    case 'infusion':
      engine.infusion(now, { running: step.running, documentedRateMlH: step.rate });
      return null;
    case 'overdue':
      engine.observationOverdue(now, step.overdue);
      return null;
    case 'tick':
      engine.tick(now);
      return null;
    case 'acknowledge': {
      const alarms = engine.state().alarms;
      const id = alarms.length > 0 ? (alarms[step.pick % alarms.length]?.id ?? 'none') : 'none';
      return engine.acknowledge(now, id, step.user) === null ? id : null;
    }
    case 'pause':
      engine.pauseAudio(now, step.user);
      return null;
    case 'switchOff':
      engine.switchOff(now, step.user, step.code);
      return null;
  }
}

describe('alarm engine under any sequence of inputs', () => {
  it('never throws, never pauses audio beyond 2 min, never drops an unacknowledged high alarm', () => {
    fc.assert(
      fc.property(fc.array(timedStep, { maxLength: 60 }), (steps) => {
        const engine = new AlarmEngine(CLINIC_THRESHOLDS);
        const acknowledgedIds = new Set<string>();
        let now = T0;
        for (const [dt, step] of steps) {
          now += dt;
          const highBefore = engine.state().alarms.filter((a) => a.priority === 'high' && a.acknowledgedAt === null);
          const acknowledgedId = apply(engine, now, step);
          const state = engine.state();

          // Audio pause: at most 2 min ahead of engine time, and silent while it lasts.
          if (state.audio.pausedUntil !== null) {
            expect(state.audio.pausedUntil - state.at).toBeLessThanOrEqual(AUDIO_PAUSE_MAX_MS);
            expect(state.audio.pauseRemainingMs).toBeGreaterThan(0);
            expect(state.audio.tone).toBeNull();
          }

          // An unacknowledged high alarm stays high and unacknowledged unless this step acknowledged it.
          for (const before of highBefore) {
            if (before.id === acknowledgedId) continue;
            expect(state.alarms.find((a) => a.id === before.id)).toMatchObject({ priority: 'high', acknowledgedAt: null });
          }

          for (const event of engine.drainLog()) {
            if (event.type === 'audioPaused') expect(event.durationMs).toBeLessThanOrEqual(AUDIO_PAUSE_MAX_MS);
            if (event.type === 'acknowledged') acknowledgedIds.add(event.alarmId);
            if (event.type === 'cleared' && event.priority === 'high') expect(acknowledgedIds.has(event.alarmId)).toBe(true);
          }

          for (const alarm of state.alarms) {
            expect(alarmMessage(alarm.code, alarm.params, 'de')).not.toMatch(/\{\w+\}/);
            expect(alarmMessage(alarm.code, alarm.params, 'en')).not.toMatch(/\{\w+\}/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any running infusion refuses every switch-off', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONDITION_CODES), fc.nat({ max: 10 * 60_000 }), (code, dt) => {
        const engine = new AlarmEngine(CLINIC_THRESHOLDS);
        engine.infusion(T0, { running: true, documentedRateMlH: 10 });
        expect(engine.switchOff(T0 + dt, 'MFA Huber', code)).toMatchObject({ code: 'alarm.switchOffRefused' });
      }),
    );
  });
});
