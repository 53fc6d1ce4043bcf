import { describe, it, expect } from 'vitest';
import { checkPrescription, checkSessionDose, doseLimitsFor } from '../../../core/dose/limits';
import { clinicSettings } from '../../../core/clinic/defaults';

const esketamine = doseLimitsFor('esketamine', clinicSettings());
const racemic = doseLimitsFor('racemicKetamine', clinicSettings());
const patient = { weightKg: 80, concentrationMgPerMl: 1 };

describe('checkPrescription: rate', () => {
  it('a rate within the soft limit is ok', () => {
    expect(checkPrescription({ kind: 'rate', mgPerKgPerH: 0.25, ...patient }, esketamine)).toEqual({ verdict: 'ok', problems: [] });
  });

  it('the soft limit itself is still ok', () => {
    expect(checkPrescription({ kind: 'rate', mgPerKgPerH: 0.5, ...patient }, esketamine).verdict).toBe('ok');
  });

  it('above the soft limit a written reason is required', () => {
    const check = checkPrescription({ kind: 'rate', mgPerKgPerH: 0.6, ...patient }, esketamine);
    expect(check.verdict).toBe('reasonRequired');
    expect(check.problems.map((p) => p.code)).toEqual(['dose.rateAboveSoftLimit']);
    expect(check.problems[0]?.params).toEqual({ rate: 0.6, limit: 0.5 });
  });

  it('a blank reason does not count; a written reason makes it ok and keeps the soft-limit problem for the audit', () => {
    expect(checkPrescription({ kind: 'rate', mgPerKgPerH: 0.6, ...patient, softLimitReason: '  ' }, esketamine).verdict).toBe(
      'reasonRequired',
    );
    const check = checkPrescription({ kind: 'rate', mgPerKgPerH: 0.6, ...patient, softLimitReason: 'tolerated 0.5 well' }, esketamine);
    expect(check.verdict).toBe('ok');
    expect(check.problems.map((p) => p.code)).toEqual(['dose.rateAboveSoftLimit']);
  });

  it('above the hard limit the rate is refused, reason or not', () => {
    const check = checkPrescription({ kind: 'rate', mgPerKgPerH: 1.01, ...patient, softLimitReason: 'x' }, esketamine);
    expect(check.verdict).toBe('refused');
    expect(check.problems.map((p) => p.code)).toEqual(['dose.rateAboveHardLimit']);
  });

  it('racemic limits are twice the esketamine ones, so 1.5 mg/kg/h racemic needs a reason, not a refusal', () => {
    expect(checkPrescription({ kind: 'rate', mgPerKgPerH: 1.5, ...patient }, racemic).verdict).toBe('reasonRequired');
    expect(checkPrescription({ kind: 'rate', mgPerKgPerH: 1.5, ...patient }, esketamine).verdict).toBe('refused');
  });

  it('zero or negative rates are refused', () => {
    expect(checkPrescription({ kind: 'rate', mgPerKgPerH: 0, ...patient }, esketamine).problems.map((p) => p.code)).toEqual([
      'dose.rateNotPositive',
    ]);
  });

  it('lists every refusal at once: implausible weight, concentration outside the catalogue, rate over the hard limit', () => {
    const check = checkPrescription({ kind: 'rate', mgPerKgPerH: 3, weightKg: 8, concentrationMgPerMl: 25 }, esketamine);
    expect(check.verdict).toBe('refused');
    expect(check.problems.map((p) => p.code)).toEqual([
      'dose.weightImplausible',
      'dose.concentrationNotInCatalogue',
      'dose.rateAboveHardLimit',
    ]);
  });
});

describe('checkPrescription: bolus', () => {
  it('a bolus up to 0.175 mg/kg esketamine is ok (14 mg for 80 kg)', () => {
    expect(checkPrescription({ kind: 'bolus', mg: 14, ...patient }, esketamine).verdict).toBe('ok');
  });

  it('a larger bolus is refused with the mg/kg given', () => {
    const check = checkPrescription({ kind: 'bolus', mg: 20, ...patient }, esketamine);
    expect(check.verdict).toBe('refused');
    expect(check.problems[0]).toMatchObject({ code: 'dose.bolusAboveLimit', params: { mgPerKg: 0.25, limit: 0.175 } });
  });

  it('a zero bolus is refused', () => {
    expect(checkPrescription({ kind: 'bolus', mg: 0, ...patient }, esketamine).problems[0]?.code).toBe('dose.bolusNotPositive');
  });
});

describe('checkSessionDose', () => {
  it('up to 1.5 mg/kg esketamine per session is fine, above is a problem', () => {
    expect(checkSessionDose(1.5, esketamine)).toEqual([]);
    expect(checkSessionDose(1.6, esketamine).map((p) => p.code)).toEqual(['dose.sessionDoseAboveLimit']);
  });
});
