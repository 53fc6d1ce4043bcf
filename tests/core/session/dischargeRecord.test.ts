/** What the gate reads from the whole record: abnormal observations by clinic thresholds, the stored high alarms. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clinicSettings } from '../../../core/clinic/defaults';
import { abnormalRules, highAlarmHistory, isAbnormal, latestEvents, type AlarmLogEntry } from '../../../core/session/dischargeRecord';

const rules = abnormalRules(clinicSettings());
const T = Date.UTC(2026, 2, 3, 10, 0);

describe('abnormal observations (clinic thresholds with sources)', () => {
  it.each([
    [{ kind: 'sedation', at: T, scale: 'rass', score: -3 }, true],
    [{ kind: 'sedation', at: T, scale: 'rass', score: -2 }, true],
    [{ kind: 'sedation', at: T, scale: 'rass', score: -1 }, false],
    [{ kind: 'sedation', at: T, scale: 'rass', score: 2 }, true],
    [{ kind: 'sedation', at: T, scale: 'moaas', score: 3 }, true],
    [{ kind: 'sedation', at: T, scale: 'moaas', score: 4 }, false],
    [{ kind: 'dissociation', at: T, score: 2 }, true],
    [{ kind: 'dissociation', at: T, score: 1 }, false],
    [{ kind: 'bloodPressure', at: T, systolicMmHg: 82, diastolicMmHg: 45 }, true],
    [{ kind: 'bloodPressure', at: T, systolicMmHg: 185, diastolicMmHg: 95 }, true],
    [{ kind: 'bloodPressure', at: T, systolicMmHg: 128, diastolicMmHg: 80, spo2: 92 }, true],
    [{ kind: 'bloodPressure', at: T, systolicMmHg: 128, diastolicMmHg: 80, spo2: 97 }, false],
    [{ kind: 'pain', at: T, nrs: 9 }, false],
  ] as const)('%o → %s', (o, abnormal) => {
    expect(isAbnormal(o as never, rules)).toBe(abnormal);
  });

  it('latest adverse event and abnormal observation by the time they were recorded', () => {
    const found = latestEvents(
      [
        { observation: { kind: 'adverseEvent', at: T, description: 'Erbrechen', severity: 'mild' }, recordedAt: T + 5 },
        { observation: { kind: 'sedation', at: T + 1, scale: 'rass', score: -3 }, recordedAt: T + 9 },
        { observation: { kind: 'sedation', at: T + 2, scale: 'rass', score: 0 }, recordedAt: T + 20 },
      ],
      rules,
    );
    expect(found).toEqual({ adverseEventAt: T + 5, abnormalAt: T + 9 });
  });
});

describe('high-priority alarms from the stored alarm log', () => {
  const row = (at: number, type: string, alarmId: string, priority: AlarmLogEntry['priority']): AlarmLogEntry => ({ at, type, alarmId, priority });

  it('an alarm raised high and not cleared is active (also after a restart: the log is all there is)', () => {
    expect(highAlarmHistory([row(T, 'raised', 'spo2.desat#1', 'high')], T + 99)).toEqual({ active: 1, lastActiveAt: T + 99 });
  });

  it('ends at its clearing; a medium alarm does not count; one that was high counts until cleared', () => {
    const log = [
      row(T, 'raised', 'a#1', 'medium'),
      row(T + 1, 'priorityChanged', 'a#1', 'high'),
      row(T + 2, 'priorityChanged', 'a#1', 'medium'),
      row(T + 3, 'cleared', 'a#1', 'medium'),
      row(T + 4, 'raised', 'b#2', 'medium'),
      row(T + 9, 'cleared', 'b#2', 'medium'),
    ];
    expect(highAlarmHistory(log, T + 100)).toEqual({ active: 0, lastActiveAt: T + 3 });
    expect(highAlarmHistory(log.slice(0, 3), T + 100)).toEqual({ active: 1, lastActiveAt: T + 100 });
  });

  it('property: active = high alarms without a cleared row; lastActiveAt is never before any high row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 1, max: 4 }), type: fc.constantFrom('raised', 'priorityChanged', 'acknowledged', 'cleared'), high: fc.boolean() }), { maxLength: 30 }),
        (steps) => {
          const log = steps.map((s, i) => row(T + i, s.type, `x#${s.id}`, s.high ? 'high' : 'medium'));
          const h = highAlarmHistory(log, T + 1000);
          const everHigh = new Set<string>();
          const open = new Set<string>();
          for (const e of log) {
            if (e.priority === 'high') everHigh.add(e.alarmId!), open.add(e.alarmId!);
            if (e.type === 'cleared') open.delete(e.alarmId!);
          }
          expect(h.active).toBe(open.size);
          for (const e of log) if (e.priority === 'high') expect(h.lastActiveAt).toBeGreaterThanOrEqual(e.at);
          if (everHigh.size === 0) expect(h.lastActiveAt).toBeUndefined();
        },
      ),
    );
  });
});
