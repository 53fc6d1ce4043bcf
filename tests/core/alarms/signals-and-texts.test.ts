import { describe, expect, it } from 'vitest';
import { CONDITION_CODES, PHYSIOLOGICAL_CODES } from '../../../core/alarms/codes';
import { CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { ALARM_MESSAGES, ALARM_NOTICES, alarmMessage } from '../../../core/alarms/messages';
import { fillTemplate } from '../../../core/text';
import { TONE_HARMONICS, TONE_PATTERNS, VISUAL_SIGNALS } from '../../../core/alarms/tones';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('alarm texts', () => {
  it('exist in German and English for every condition code, with the same placeholders', () => {
    for (const code of CONDITION_CODES) {
      const text = ALARM_MESSAGES[code];
      expect(text.de.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
      expect(placeholders(text.de), code).toEqual(placeholders(text.en));
    }
    for (const [code, text] of Object.entries(ALARM_NOTICES)) expect(placeholders(text.de), code).toEqual(placeholders(text.en));
  });

  it('write proper German with umlauts and local numbers', () => {
    expect(alarmMessage('spo2.low', { value: 91, threshold: 94 })).toBe('SpO₂ niedrig: 91 % (Grenze 94 %)');
    expect(alarmMessage('temp.high', { value: 38.5, threshold: 38 })).toBe('Temperatur hoch: 38,5 °C (Grenze 38 °C)');
    expect(alarmMessage('temp.high', { value: 38.5, threshold: 38 }, 'en')).toBe('Temperature high: 38.5 °C (limit 38 °C)');
    expect(alarmMessage('data.none', { seconds: 12 })).toBe('Keine Daten seit 12 s');
    expect(alarmMessage('observation.overdue', { kind: 'NIBP', minutes: 6 })).toBe('Beobachtung überfällig: NIBP seit 6 min');
    expect(alarmMessage('spo2.sensorOff', { parameter: 'spo2' })).toBe('SpO₂: Sensor ab');
    expect(alarmMessage('hr.invalid', { parameter: 'hr' })).toBe('Herzfrequenz (EKG): Messwert ungültig');
  });

  it('leave an unknown placeholder visible instead of hiding it', () => {
    expect(fillTemplate('Keine Daten seit {seconds} s', {}, 'de')).toBe('Keine Daten seit {seconds} s');
  });
});

describe('clinic defaults', () => {
  it('give every limit and technical setting a source', () => {
    for (const code of PHYSIOLOGICAL_CODES) {
      for (const setting of Object.values(CLINIC_THRESHOLDS.physiological[code])) expect(setting.source, code).toMatch(/\S/);
    }
    for (const setting of Object.values(CLINIC_THRESHOLDS.technical)) expect(setting.source).toMatch(/\S/);
  });
});

describe('IEC 60601-1-8-style signals', () => {
  it('high: 10 pulses in two groups of 5, medium: 3, low: 2 with a long pause', () => {
    const high = TONE_PATTERNS.high.pulses;
    expect(high).toHaveLength(10);
    const groupGap = (high[5]?.startMs ?? 0) - ((high[4]?.startMs ?? 0) + (high[4]?.durationMs ?? 0));
    expect(groupGap).toBeGreaterThanOrEqual(350);
    expect(groupGap).toBeLessThanOrEqual(1300);
    expect(TONE_PATTERNS.medium.pulses).toHaveLength(3);
    expect(TONE_PATTERNS.low.pulses).toHaveLength(2);
    expect(TONE_PATTERNS.low.pauseAfterMs).toBeGreaterThan(15_000);
    for (const priority of ['high', 'medium'] as const) {
      expect(TONE_PATTERNS[priority].pauseAfterMs).toBeGreaterThanOrEqual(2500);
      expect(TONE_PATTERNS[priority].pauseAfterMs).toBeLessThanOrEqual(4000);
    }
  });

  it('pulses lie within the IEC ranges and do not overlap', () => {
    for (const [priority, pattern] of Object.entries(TONE_PATTERNS)) {
      const [minMs, maxMs] = priority === 'high' ? [75, 200] : [125, 250];
      pattern.pulses.forEach((pulse, i) => {
        expect(pulse.durationMs).toBeGreaterThanOrEqual(minMs);
        expect(pulse.durationMs).toBeLessThanOrEqual(maxMs);
        expect(pulse.frequencyHz).toBeGreaterThanOrEqual(150);
        expect(pulse.frequencyHz).toBeLessThanOrEqual(1000);
        const next = pattern.pulses[i + 1];
        if (next) expect(next.startMs).toBeGreaterThan(pulse.startMs + pulse.durationMs);
      });
    }
    expect(TONE_HARMONICS.length).toBeGreaterThanOrEqual(4);
  });

  it('flash red ≈ 2 Hz, yellow ≈ 0.6 Hz, cyan constant', () => {
    expect(VISUAL_SIGNALS.high).toMatchObject({ colour: 'red', flashHz: 2 });
    expect(VISUAL_SIGNALS.medium).toMatchObject({ colour: 'yellow', flashHz: 0.6 });
    expect(VISUAL_SIGNALS.low).toMatchObject({ colour: 'cyan', flashHz: 0 });
  });
});
