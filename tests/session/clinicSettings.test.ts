/**
 * Clinic settings through the WebSocket API (issue 10 point 6): values outside their clinical range are refused
 * with every reason named and nothing written; a change needs a reason and lands in the history (who, when,
 * old → new, why) and the audit log; the alarm engine takes changed clinic-wide limits at once; the discharge score
 * must use the configured scale unless a reason is written.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { fullChecklist, ok, refusal } from './runThrough';
import { rawClinicDb } from '../helpers/clinicFile';

let app: TestApp;
let mfa: WsTestClient;
let physician: WsTestClient;

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  [mfa, physician] = await Promise.all([app.login('mfa'), app.login('physician')]);
}, 30_000);
afterAll(() => app?.close());

const valueOf = async (key: string) => (await ok(mfa, 'clinicSettings.list', {})).find((r: { key: string }) => r.key === key).value;

describe('clinic settings', () => {
  it('refuses the loopholes measured on main, naming every reason, and writes nothing', async () => {
    const before = await ok(physician, 'clinicSettings.history', {});
    for (const [key, value] of [
      ['esketamineHardLimitMgPerKgPerH', 1000],
      ['esketamineMaxBolusMgPerKg', 1000],
      ['padssThreshold', 0],
    ] as const) {
      const r = await refusal(physician, 'clinicSettings.set', { key, value, reason: 'test' });
      expect(r.code, key).toBe('BAD_INPUT');
      expect(r.problems?.map((p) => p.code), key).toEqual(['setting.outOfRange']);
    }
    // The measured observation time (widened for tests only at the lower end) and no reason: both named.
    const obs = await refusal(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 100_000, reason: ' ' });
    expect(obs.problems?.map((p) => p.code)).toEqual(['setting.outOfRange', 'setting.reasonMissing']);
    expect(obs.problems?.[0]?.message).toMatch(/0–240 min/);
    const half = await refusal(physician, 'clinicSettings.set', { key: 'weeklyCourseMaxInfusions', value: 20.5, reason: 'x' });
    expect(half.problems?.map((p) => p.code)).toEqual(['setting.outOfRange', 'setting.notWhole']);
    expect(await ok(physician, 'clinicSettings.history', {})).toEqual(before);
    expect(await valueOf('esketamineHardLimitMgPerKgPerH')).toBe(1);
    expect(await valueOf('padssThreshold')).toBe(9);
  });

  it('only a physician changes a setting', async () => {
    const r = await refusal(mfa, 'clinicSettings.set', { key: 'padssThreshold', value: 10, reason: 'stricter' });
    expect(r.code).toBe('FORBIDDEN');
  });

  it('lists each setting with its range and source, and keeps who changed what from what to what and why', async () => {
    const rows = await ok(mfa, 'clinicSettings.list', {});
    const hard = rows.find((r: { key: string }) => r.key === 'esketamineHardLimitMgPerKgPerH');
    expect(hard.range).toMatchObject({ min: 0.01, max: 1 });
    expect(hard.range.source).toMatch(/Cohen/);
    await ok(physician, 'clinicSettings.set', { key: 'esketamineHardLimitMgPerKgPerH', value: 0.8, reason: 'clinic protocol 2026' });
    await ok(physician, 'clinicSettings.set', { key: 'esketamineHardLimitMgPerKgPerH', value: 0.75, reason: 'second review' });
    const history = await ok(mfa, 'clinicSettings.history', {});
    expect(history.slice(0, 2)).toEqual([
      expect.objectContaining({ key: 'esketamineHardLimitMgPerKgPerH', previousValue: 0.8, value: 0.75, reason: 'second review', by: expect.objectContaining({ userName: 'Dr. Meier' }) }),
      expect.objectContaining({ key: 'esketamineHardLimitMgPerKgPerH', previousValue: 1, value: 0.8, reason: 'clinic protocol 2026' }),
    ]);
    // The new hard limit is the one a prescription meets.
    const calc = await ok(mfa, 'dose.calculate', { substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 70, mgPerKgPerH: 0.78 });
    expect(calc.verdict).toBe('refused');
    const db = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey, { readonly: true });
    const audited = db.prepare("SELECT detail FROM audit_log WHERE action = 'clinicSetting.changed' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    db.close();
    expect(JSON.parse(audited)).toEqual({ key: 'esketamineHardLimitMgPerKgPerH', previous: 0.8, value: 0.75, reason: 'second review' });
    await ok(physician, 'clinicSettings.set', { key: 'esketamineHardLimitMgPerKgPerH', value: 1, reason: 'back to the sheet default' });
  });

  it('the alarm engine takes a changed clinic-wide limit at once', async () => {
    const limitOf = () => app.services.alarms.thresholds(2).thresholds.physiological['spo2.low'].medium!.value.limit;
    expect(limitOf()).toBe(94);
    const inverted = await refusal(physician, 'clinicSettings.set', { key: 'alarm.spo2.low.high', value: 96, reason: 'x' });
    expect(inverted.problems?.map((p) => p.code)).toEqual(['override.inverted']);
    expect(limitOf()).toBe(94);
    await ok(physician, 'clinicSettings.set', { key: 'alarm.spo2.low.medium', value: 92, reason: 'COPD-heavy clientele' });
    expect(limitOf()).toBe(92);
    expect(app.services.alarms.thresholds(4).thresholds.physiological['spo2.low'].medium!.source).toMatch(/clinic setting/);
    expect(await valueOf('alarm.spo2.low.medium')).toBe(92);
  });

  it('the discharge score must be on the configured scale; another one only with a written reason', async () => {
    await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
    const patient = await ok(mfa, 'patients.create', { familyName: 'Skala', givenName: 'Sara', birthDate: '1970-01-01' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [] });
    const sessionId = (await ok(mfa, 'sessions.plan', { courseId: course.id, chairId: 3, plannedFor: Date.now() })).session.id;
    await ok(mfa, 'sessions.checkIn', { sessionId });
    await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
    await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
    await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
    await ok(mfa, 'sessions.completeChecklist', { sessionId });
    await ok(mfa, 'infusion.start', { sessionId });
    const stopped = await ok(mfa, 'infusion.stop', { sessionId });
    expect(stopped.discharge.configuredScale).toBe('modifiedPadss');
    const aldrete = { activity: 2, respiration: 2, circulation: 2, consciousness: 2, spo2: 2 };
    const r = await refusal(mfa, 'discharge.recordScore', { sessionId, scale: 'modifiedAldrete', answers: aldrete });
    expect(r.code).toBe('REFUSED');
    expect(r.problems?.map((p) => p.code)).toEqual(['discharge.scaleNotConfigured']);
    expect((await ok(mfa, 'sessions.get', { sessionId })).discharge.score).toBeNull();
    const d = await ok(mfa, 'discharge.recordScore', { sessionId, scale: 'modifiedAldrete', answers: aldrete, otherScaleReason: 'patient with COPD: SpO2 item wanted' });
    expect(d.discharge.score).toMatchObject({ scale: 'modifiedAldrete', otherScaleReason: 'patient with COPD: SpO2 item wanted' });
    expect(d.discharge.missing.map((p: { code: string }) => p.code)).not.toContain('discharge.scaleNotConfigured');
    // The configured scale changes: the gate now requires that one (the earlier score had its reason).
    await ok(physician, 'clinicSettings.set', { key: 'dischargeScale', value: 'modifiedAldrete', reason: 'SpO2 item' });
    const again = await ok(mfa, 'discharge.recordScore', { sessionId, scale: 'modifiedAldrete', answers: aldrete });
    expect(again.discharge.score.otherScaleReason).toBeNull();
    await ok(physician, 'clinicSettings.set', { key: 'dischargeScale', value: 'modifiedPadss', reason: 'back' });
    const gate = await ok(mfa, 'sessions.get', { sessionId });
    expect(gate.discharge.missing.map((p: { code: string }) => p.code)).toContain('discharge.scaleNotConfigured');
  });
});
