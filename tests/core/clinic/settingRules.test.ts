/** Clinic settings accept only clinically bounded values, each bound with its source; every reason is named. */
import { describe, expect, it } from 'vitest';
import { ALARM_SETTINGS } from '../../../core/alarms/settings';
import { clinicSettings } from '../../../core/clinic/defaults';
import { SETTINGS_CATALOGUE, settingProblems } from '../../../core/clinic/settingRules';
import { formatProblem } from '../../../core/messages';

const current = (): Record<string, unknown> => ({
  ...Object.fromEntries(Object.entries(ALARM_SETTINGS).map(([k, d]) => [k, d.value])),
  ...clinicSettings(),
});
const codes = (key: string, value: unknown, values = current()) => settingProblems(key, value, values).map((p) => p.code);

describe('clinic setting ranges', () => {
  it.each(Object.entries(SETTINGS_CATALOGUE).filter(([, d]) => !d.choices && typeof d.value !== 'string'))(
    '%s has clinical bounds with a source, and its default lies within them',
    (_key, d) => {
      expect(d.range).toBeDefined();
      expect(d.range!.source).toMatch(/§\d|\[E\]|\[D\]|S\d+/);
      const values = Array.isArray(d.value) ? (d.value as number[]) : d.value === null ? [] : [d.value as number];
      for (const v of values) {
        expect(v).toBeGreaterThanOrEqual(d.range!.min);
        expect(v).toBeLessThanOrEqual(d.range!.max);
      }
    },
  );

  it('refuses the values measured on main (hard limit 1000 mg/kg/h, bolus limit 1000, PADSS threshold 0, observation 100 000 min)', () => {
    expect(codes('esketamineHardLimitMgPerKgPerH', 1000)).toEqual(['setting.outOfRange']);
    expect(codes('racemicKetamineHardLimitMgPerKgPerH', 1000)).toEqual(['setting.outOfRange']);
    expect(codes('esketamineMaxBolusMgPerKg', 1000)).toEqual(['setting.outOfRange']);
    expect(codes('padssThreshold', 0)).toEqual(['setting.outOfRange']);
    expect(codes('postInfusionObservationMin', 100_000)).toEqual(['setting.outOfRange']);
    const [p] = settingProblems('esketamineHardLimitMgPerKgPerH', 1000, current());
    expect(p!.message).toMatch(/0\.01–1 mg\/kg\/h.*Cohen/);
    expect(formatProblem(p!, 'de')).toMatch(/außerhalb des klinisch zulässigen Bereichs 0,01–1/);
  });

  it('a threshold above the scale maximum and a fractional count are refused, both reasons named', () => {
    expect(codes('modifiedAldreteThreshold', 11)).toEqual(['setting.outOfRange']);
    expect(codes('weeklyCourseMaxInfusions', 13.5)).toEqual(['setting.outOfRange', 'setting.notWhole']);
  });

  it('names the neighbour a value contradicts (start ≤ soft ≤ hard, course minimum ≤ maximum)', () => {
    expect(settingProblems('esketamineSoftLimitMgPerKgPerH', 0.05, current())).toEqual([
      expect.objectContaining({ code: 'setting.mustNotExceed', params: expect.objectContaining({ key: 'esketamineStartRateMgPerKgPerH', other: 'esketamineSoftLimitMgPerKgPerH' }) }),
    ]);
    expect(codes('esketamineHardLimitMgPerKgPerH', 0.4)).toEqual(['setting.mustNotExceed']);
    expect(codes('weeklyCourseMinInfusions', 7)).toEqual(['setting.mustNotExceed']);
    expect(codes('esketamineHardLimitMgPerKgPerH', 0.8)).toEqual([]);
  });

  it('checks types, choices, lists, the concentration catalogue, unknown keys and unchanged values', () => {
    expect(codes('noSuchSetting', 1)).toEqual(['setting.unknown']);
    expect(codes('postInfusionObservationMin', '90')).toEqual(['setting.notANumber']);
    expect(codes('postInfusionObservationMin', Number.NaN)).toEqual(['setting.notANumber']);
    expect(codes('dischargeScale', 'ramsay')).toEqual(['setting.notAChoice']);
    expect(codes('dischargeScale', 'modifiedAldrete')).toEqual([]);
    expect(codes('esketamineConcentrationsMgPerMl', [])).toEqual(['setting.listEmpty']);
    expect(codes('esketamineConcentrationsMgPerMl', [1, 50, 0])).toEqual(['setting.outOfRange', 'setting.outOfRange']);
    expect(codes('esketamineConcentrationsMgPerMl', [2])).toEqual(['setting.notInCatalogue']);
    expect(codes('minFastingHours', null)).toEqual(['setting.unchanged']);
    expect(codes('minFastingHours', 4)).toEqual([]);
    expect(codes('postInfusionObservationMin', 60)).toEqual(['setting.unchanged']);
  });

  it('widens a bound only where asked (tests)', () => {
    expect(settingProblems('postInfusionObservationMin', 0, current(), { postInfusionObservationMin: { min: 0 } })).toEqual([]);
    expect(settingProblems('padssThreshold', 0, current(), { postInfusionObservationMin: { min: 0 } }).map((p) => p.code)).toEqual(['setting.outOfRange']);
  });
});

describe('clinic-wide alarm limits as settings', () => {
  it('are settings with the defaults of core/alarms/defaults.ts, each with bounds and a source', () => {
    expect(ALARM_SETTINGS['alarm.spo2.low.medium']).toMatchObject({ value: 94, unit: '%' });
    expect(ALARM_SETTINGS['alarm.spo2.low.high']).toMatchObject({ value: 90 });
    expect(ALARM_SETTINGS['alarm.audioPauseMs']!.range!.max).toBe(120_000);
    expect(Object.keys(ALARM_SETTINGS).length).toBeGreaterThan(25);
  });

  it('refuses a limit outside its bounds and one that inverts medium and high priority', () => {
    expect(codes('alarm.spo2.low.medium', 70)).toEqual(['setting.outOfRange']);
    expect(codes('alarm.spo2.low.high', 95)).toEqual(['override.inverted']);
    expect(codes('alarm.hr.high.medium', 140)).toEqual(['override.inverted']);
    expect(codes('alarm.noDataMediumMs', 40_000)).toEqual(['setting.mustBeBelow']);
    expect(codes('alarm.audioPauseMs', 300_000)).toEqual(['setting.outOfRange']);
    expect(codes('alarm.spo2.low.medium', 92)).toEqual([]);
  });
});
