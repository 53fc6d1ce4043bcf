/**
 * The prescription and the rate calls (issues 5, 10): the dose calculator, prescribing (soft and hard limits, the
 * rate the pump can be set to), ordering a rate change (dose cap and its projection) and giving a bolus (maximum
 * dose per session). Each refusal names every reason and writes nothing.
 */
import { CLINIC_DEFAULTS, type ClinicSettings } from '../../../core/clinic/defaults';
import { checkPrescription, checkSessionDose, doseLimitsFor } from '../../../core/dose/limits';
import { rateChangeCapCheck } from '../../../core/dose/caps';
import { mgPerKgPerHToMlPerH, mlPerHToMgPerKgPerH } from '../../../core/dose/rate';
import { racemicEquivalent, type Substance } from '../../../core/dose/substance';
import { cumulativeDose, pumpStateAt } from '../../../core/dose/timeline';
import { problem } from '../../../core/messages';
import { applyEvent } from '../../../core/session/stateMachine';
import type { SessionBundle } from '../../../db/repos/sessionRead';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import { loadSettings } from './clinicSettings';
import type { SessionCallDeps } from './callDeps';
import { guarded, refused } from './guarded';
import { BEFORE_START, capRulesOf, latestPrescription, pumpRateFor, sessionState, timelineOf } from './sessionView';

export type PrescriptionMethods = 'dose.calculate' | 'prescriptions.prescribe' | 'infusion.changeRate' | 'infusion.bolus';

export type PrescriptionDeps = SessionCallDeps;

/** The patient's weight, the syringe and the substance's limits, once a prescription exists. */
export function doseContext(b: SessionBundle, settings: ClinicSettings) {
  const p = latestPrescription(b);
  return p ? { weightKg: p.weightKg, concentrationMgPerMl: p.concentrationMgPerMl, limits: doseLimitsFor(p.substance, settings) } : undefined;
}

/** A pump above the hard limit at this weight and syringe is a high alarm (issue 11 item 7); null before a prescription. */
export function hardLimitMlHOf(b: SessionBundle, settings: ClinicSettings): number | null {
  const dose = doseContext(b, settings);
  return dose ? (dose.limits.hardLimitMgPerKgPerH * dose.weightKg) / dose.concentrationMgPerMl : null;
}

/**
 * A rate change against the session's dose cap (§2.2): raising the rate once the cap is reached is refused; raising
 * it so that the projection crosses the cap within the window needs the physician's written reason.
 */
function capCheck(b: SessionBundle, settings: ClinicSettings, at: number, newRateMlPerH: number) {
  const timeline = timelineOf(b);
  const p = latestPrescription(b);
  const live = b.session.state === 'running' || b.session.state === 'paused';
  if (!live || !timeline || !p || b.session.startedAt === null || !Number.isFinite(newRateMlPerH)) return { verdict: 'ok' as const, problems: [] };
  const dose = cumulativeDose(timeline, at);
  const pump = pumpStateAt(timeline.events, at);
  const mgPerKgPerH = (ml: number) => mlPerHToMgPerKgPerH(ml, timeline).mgPerKgPerH;
  return rateChangeCapCheck(
    { now: at, infusionStartedAt: b.session.startedAt, doseMgPerKg: dose.mgPerKg, rateMgPerKgPerH: mgPerKgPerH(pump.rateMlPerH), newRateMgPerKgPerH: mgPerKgPerH(newRateMlPerH) },
    capRulesOf(p.substance, settings),
  );
}

const limitSetting = (key: keyof typeof CLINIC_DEFAULTS, settings: ClinicSettings) => {
  const d = CLINIC_DEFAULTS[key];
  return { value: settings[key] as number, unit: 'unit' in d ? (d.unit as string) : '', source: d.source };
};

export function createPrescriptionHandlers(deps: PrescriptionDeps): HandlersFor<PrescriptionMethods> {
  const { db, now, actorOf, bundleOf, notSigned, changed } = deps;
  return {
    'dose.calculate': async (input) => {
      const { settings } = await loadSettings(db);
      const basis = { weightKg: input.weightKg, concentrationMgPerMl: input.concentrationMgPerMl };
      const rate = input.mgPerKgPerH !== undefined ? mgPerKgPerHToMlPerH(input.mgPerKgPerH, basis) : mlPerHToMgPerKgPerH(input.mlPerH!, basis);
      const limits = doseLimitsFor(input.substance, settings);
      const check = checkPrescription({ kind: 'rate', mgPerKgPerH: rate.mgPerKgPerH, ...basis }, limits);
      const prefix = input.substance === 'esketamine' ? 'esketamine' : 'racemicKetamine';
      const finite = (x: number) => (Number.isFinite(x) ? x : 0);
      return {
        mgPerKgPerH: finite(rate.mgPerKgPerH),
        mgPerH: finite(rate.mgPerH),
        mlPerH: finite(rate.mlPerH),
        pumpRateMlPerH: finite(pumpRateFor(rate.mgPerKgPerH, { ...basis, substance: input.substance as Substance }, settings)),
        racemicEquivalentMgPerKgPerH: finite(racemicEquivalent(input.substance as Substance, rate.mgPerKgPerH)),
        verdict: check.verdict,
        problems: check.problems,
        limits: {
          soft: limitSetting(`${prefix}SoftLimitMgPerKgPerH`, settings),
          hard: limitSetting(`${prefix}HardLimitMgPerKgPerH`, settings),
          maxBolus: limitSetting(`${prefix}MaxBolusMgPerKg`, settings),
          maxSessionDose: limitSetting(`${prefix}MaxSessionDoseMgPerKg`, settings),
        },
      };
    },
    'prescriptions.prescribe': async (input, ctx) => {
      const [b, s] = await Promise.all([bundleOf(input.sessionId), loadSettings(db)]);
      notSigned(b);
      const limits = doseLimitsFor(input.substance, s.settings);
      const reason = input.softLimitReason?.trim() ? input.softLimitReason.trim() : undefined;
      const check = checkPrescription(
        { kind: 'rate', mgPerKgPerH: input.targetMgPerKgPerH, weightKg: input.weightKg, concentrationMgPerMl: input.concentrationMgPerMl, ...(reason ? { softLimitReason: reason } : {}) },
        limits,
      );
      if (check.verdict === 'reasonRequired') throw refused('above the soft limit a written reason is required', [problem('session.softLimitReasonRequired'), ...check.problems]);
      if (check.verdict === 'refused') throw refused(check.problems.map((p) => p.message).join('; '), [problem('session.doseRefused'), ...check.problems]);
      // The rate the pump will run at is validated once here, as the start will check it: rounding never refuses later.
      const basis = { weightKg: input.weightKg, concentrationMgPerMl: input.concentrationMgPerMl, substance: input.substance };
      const pumpMlPerH = pumpRateFor(input.targetMgPerKgPerH, basis, s.settings);
      const pumpCheck = checkPrescription(
        { kind: 'rate', mgPerKgPerH: mlPerHToMgPerKgPerH(pumpMlPerH, basis).mgPerKgPerH, ...basis, ...(reason ? { softLimitReason: reason } : {}) },
        limits,
      );
      if (!(pumpMlPerH > 0)) {
        const below = problem('dose.pumpRateBelowResolution', { mlPerH: mgPerKgPerHToMlPerH(input.targetMgPerKgPerH, basis).mlPerH, resolution: s.settings.pumpResolutionMlPerH });
        throw refused(below.message, [problem('session.doseRefused'), below]);
      }
      if (pumpCheck.verdict !== 'ok') throw refused(pumpCheck.problems.map((p) => p.message).join('; '), [problem('session.doseRefused'), ...pumpCheck.problems]);
      await guarded(
        db.call('addPrescription', actorOf(userOf(ctx)), input.sessionId, [...BEFORE_START], {
          substance: input.substance,
          concentrationMgPerMl: input.concentrationMgPerMl,
          weightKg: input.weightKg,
          targetMgPerKgPerH: input.targetMgPerKgPerH,
          hardLimitMgPerKgPerH: limits.hardLimitMgPerKgPerH,
          softLimitReason: reason ?? null,
          limitProblems: check.problems,
        }),
      );
      return changed(input.sessionId);
    },
    'infusion.changeRate': async (input, ctx) => {
      const user = userOf(ctx);
      const [b, s] = await Promise.all([bundleOf(input.sessionId), loadSettings(db)]);
      notSigned(b);
      const p = latestPrescription(b);
      const dose = doseContext(b, s.settings);
      const rateMlPerH =
        input.rateMlPerH ?? (p ? pumpRateFor(input.mgPerKgPerH!, p, s.settings) : Number.NaN);
      // One written reason covers a rate above the soft limit and a projection crossing the session's dose cap.
      const reason = input.softLimitReason?.trim() ? input.softLimitReason.trim() : undefined;
      const at = now();
      const result = applyEvent(sessionState(b), { kind: 'rateChange', at, rateMlPerH, ...(reason ? { softLimitReason: reason } : {}) }, dose ? { dose } : {});
      const cap = capCheck(b, s.settings, at, rateMlPerH);
      const capRefusal =
        cap.verdict === 'refused'
          ? [problem('session.doseRefused'), ...cap.problems]
          : cap.verdict === 'reasonRequired' && !reason
            ? [problem('session.doseCapReasonRequired'), ...cap.problems]
            : [];
      const problems = [...(result.ok ? [] : result.problems), ...capRefusal];
      if (problems.length > 0) throw refused(problems.map((x) => x.message).join('; '), problems);
      const warnings = [...(result.ok ? result.warnings : []), ...cap.problems];
      // An order only: the pump still runs at the old rate until the MFA (or its read-back) confirms (issue 10 point 8).
      await guarded(db.call('orderRate', actorOf(user, at), input.sessionId, b.session.state, { rateMlPerH, reason: reason ?? null, detail: { warnings } }));
      return changed(input.sessionId);
    },
    'infusion.bolus': async ({ sessionId, amount, unit }, ctx) => {
      const user = userOf(ctx);
      const [b, s] = await Promise.all([bundleOf(sessionId), loadSettings(db)]);
      notSigned(b);
      const dose = doseContext(b, s.settings);
      const at = now();
      const result = applyEvent(sessionState(b), { kind: 'bolus', at, amount, unit }, dose ? { dose } : {});
      if (!result.ok) throw refused(result.problems.map((x) => x.message).join('; '), result.problems);
      // The bolus may not take the session over its maximum dose (§2.2).
      const timeline = timelineOf(b)!;
      const after = cumulativeDose({ ...timeline, events: [...timeline.events, { kind: 'bolus', at, amount, unit }] }, at);
      const over = checkSessionDose(after.mgPerKg, dose!.limits);
      if (over.length > 0) throw refused(over.map((x) => x.message).join('; '), [problem('session.doseRefused'), ...over]);
      await guarded(db.call('appendDoseEvent', actorOf(user, at), sessionId, b.session.state, { kind: 'bolus', at, amount, unit }, 'session.bolus', { amount, unit }));
      return changed(sessionId);
    },
  };
}
