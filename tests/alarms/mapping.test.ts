/** How the alarm service reads the serial link's states, and how engine events become alarm-log rows. */
import { describe, expect, it } from 'vitest';
import { engineLink } from '../../electron/services/alarms/chairAlarms';
import { toLogRow } from '../../electron/services/alarms/logRows';

describe('link states for the alarm engine', () => {
  it('a link that had data and now reconnects is lost; start-up before the first data is not', () => {
    expect(engineLink('receiving', false)).toBe('receiving');
    expect(engineLink('silent', true)).toBe('silent');
    expect(engineLink('error', false)).toBe('error');
    for (const state of ['stopped', 'connecting', 'associating'] as const) {
      expect(engineLink(state, false)).toBe('receiving');
      expect(engineLink(state, true)).toBe('lost');
    }
  });
});

describe('alarm log rows', () => {
  it('keep the alarm reference, the operator and the values', () => {
    expect(toLogRow({ type: 'acknowledged', at: 5, alarmId: 'spo2.desat#1', code: 'spo2.desat', priority: 'high', user: 'Sabine Schmidt', value: 80 })).toEqual({
      at: 5,
      type: 'acknowledged',
      alarmId: 'spo2.desat#1',
      code: 'spo2.desat',
      priority: 'high',
      userName: 'Sabine Schmidt',
      detail: { value: 80 },
    });
    expect(toLogRow({ type: 'audioPaused', at: 7, user: 'Dr. Meier', until: 120_007, durationMs: 120_000, scope: 'chair' })).toEqual({
      at: 7,
      type: 'audioPaused',
      alarmId: null,
      code: null,
      priority: null,
      userName: 'Dr. Meier',
      detail: { until: 120_007, durationMs: 120_000, scope: 'chair' },
    });
    expect(toLogRow({ type: 'raised', at: 1, alarmId: 'hr.high#2', code: 'hr.high', priority: 'medium', kind: 'physiological', value: 118, threshold: 110, params: { value: 118, threshold: 110 } }).detail).toEqual({
      kind: 'physiological',
      value: 118,
      threshold: 110,
      params: { value: 118, threshold: 110 },
    });
  });
});
