/**
 * Alarms from what the staff observed and from the patient's own pre-infusion values (issue 11 item 3), fed from the
 * stored record so that a restart of the app judges the same:
 *  - sedation: the latest stored sedation score (RASS or MOAA/S, whichever was scored last) at or below the
 *    sedation limits, or RASS at or above the agitation limit (clinical-requirements §3.2 [E], §4.1);
 *  - dissociation: the latest stored score on the 0–3 scale (§3.3 [E], §4.1);
 *  - systolic pressure above the baseline by more than a percentage (§4.1: "SBP > baseline + 30 %"), judged on the
 *    newest systolic value, from the monitor's cuff or typed by the MFA;
 *  - EtCO₂ differing from its baseline by the set mmHg or more for 15 s (§4.1: "change ≥ 10 mmHg from baseline").
 * Baselines are the pre-infusion values: systolic = the checklist's baseline vitals (documented before the start,
 * from the monitor or typed); EtCO₂ = the median of the monitor's usable EtCO₂ samples stored in the 15 min before
 * the infusion start (the record's baseline range, core/session/signedContent.ts), at least BASELINE_MIN_SAMPLES of
 * them; without a baseline that rule is silent (no capnograph before the start).
 * A score alarm holds until a newer score is recorded: re-scoring the patient is the way it ends.
 */
import type { SettingDefault } from '../settings';
import type { Priority } from './codes';
import type { Condition, LatestReading } from './condition';
import { usableValue } from './condition';

export interface AssessmentSettings {
  sedationRassMediumAtMost: SettingDefault<number>;
  sedationRassHighAtMost: SettingDefault<number>;
  agitationRassAtLeast: SettingDefault<number>;
  sedationMoaasMediumAtMost: SettingDefault<number>;
  sedationMoaasHighAtMost: SettingDefault<number>;
  dissociationMediumAtLeast: SettingDefault<number>;
  dissociationHighAtLeast: SettingDefault<number>;
  systolicAboveBaselinePercent: SettingDefault<number>;
  etco2FromBaselineMmHg: SettingDefault<number>;
}

const SHEET = 'clinical-requirements';
const score = (value: number, unit: string, source: string, min: number, max: number, range: string): SettingDefault<number> => ({
  value,
  unit,
  source: `${SHEET} ${source}`,
  range: { min, max, integer: true, source: `${SHEET} ${range}` },
});

export const ASSESSMENT_DEFAULTS: AssessmentSettings = {
  sedationRassMediumAtMost: score(-2, 'RASS', '§3.2 [E], §4.1 [E]: RASS ≤ −2 → medium', -4, -1, '§3.2 [G]: RASS −5…+4; −1 drowsy the mildest sedation [E]'),
  sedationRassHighAtMost: score(-3, 'RASS', '§3.2 [E], §4.1 [E]: RASS ≤ −3 → high', -5, -2, '§3.2 [G]: RASS −5…+4; −2 light sedation the mildest high alarm [E]'),
  agitationRassAtLeast: score(2, 'RASS', '§3.2 [E]: RASS ≥ +2 (agitation/dysphoria) → medium', 1, 4, '§3.2 [G]: RASS −5…+4; +1 restless the mildest agitation [E]'),
  sedationMoaasMediumAtMost: score(3, 'MOAA/S', '§3.2 [E], §4.1 [E]: MOAA/S ≤ 3 → medium', 1, 4, '§3.2 [G]: MOAA/S 0–5, 5 = alert [E]'),
  sedationMoaasHighAtMost: score(2, 'MOAA/S', '§3.2 [E], §4.1 [E]: MOAA/S ≤ 2 → high', 0, 3, '§3.2 [G]: MOAA/S 0–5 [E]'),
  dissociationMediumAtLeast: score(2, '0–3', '§3.3 [E], §4.1 [E]: dissociation 2 (moderate) → medium', 1, 3, '§3.3 [E]: the scale runs 0–3'),
  dissociationHighAtLeast: score(3, '0–3', '§3.3 [E], §4.1 [E]: dissociation 3 (severe) → high', 2, 3, '§3.3 [E]: the scale runs 0–3'),
  systolicAboveBaselinePercent: score(30, '%', '§4.1 [E]: SBP > baseline + 30 % → medium', 10, 50, '§3.5 [G] PADSS vital signs bands 20 % / 40 % of the pre-infusion value; 10–50 % around the 30 % [E]'),
  etco2FromBaselineMmHg: score(10, 'mmHg', '§4.1 [E]: EtCO2 change ≥ 10 mmHg from baseline → medium (S64, S65)', 5, 20, '§4.1 [E] (S64, S65): 10 mmHg; 5–20 around it [E]'),
};

/** Fewer EtCO₂ samples before the start make no baseline (one artefact is no patient's normal). */
export const BASELINE_MIN_SAMPLES = 5;
/** "for > 15 s", as the sheet's other capnography rules (§4.1, S64, S65). */
export const ETCO2_BASELINE_DELAY_MS = 15_000;

/** The stored observations and baselines of the session on the chair, as the session service reports them. */
export interface Assessments {
  sedation: { scale: 'rass' | 'moaas'; score: number; at: number } | null;
  dissociation: { score: number; at: number } | null;
  /** The newest blood pressure the MFA typed (the monitor's cuff values come in as readings). */
  manualSystolic: { mmHg: number; at: number } | null;
  baseline: { systolicMmHg: number | null; etco2MmHg: number | null };
}

export const NO_ASSESSMENTS: Assessments = { sedation: null, dissociation: null, manualSystolic: null, baseline: { systolicMmHg: null, etco2MmHg: null } };

/** The EtCO₂ baseline from the stored samples before the start: their median, or null with too few. */
export function etco2Baseline(samples: readonly { value: number | null; state: string }[]): number | null {
  const values = samples
    .filter((s) => (s.state === 'valid' || s.state === 'questionable') && s.value !== null && Number.isFinite(s.value))
    .map((s) => s.value as number)
    .sort((a, b) => a - b);
  if (values.length < BASELINE_MIN_SAMPLES) return null;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

export interface AssessmentInput {
  assessments: Assessments;
  latest: { nibpSys?: LatestReading; etco2?: LatestReading };
}

/** `metSince`: the engine's memory for the EtCO₂ delay (shared with the vital limits, own key). */
export function judgeAssessments(now: number, input: AssessmentInput, s: AssessmentSettings, metSince: Map<string, number>): Condition[] {
  return [...sedation(input.assessments, s), ...dissociation(input.assessments, s), ...systolicAboveBaseline(input, s), ...etco2FromBaseline(now, input, s, metSince)];
}

function sedation({ sedation: latest }: Assessments, s: AssessmentSettings): Condition[] {
  if (!latest) return [];
  const { scale, score: value } = latest;
  const params = { scale: scale === 'rass' ? 'RASS' : 'MOAA/S', score: value };
  if (scale === 'rass' && value >= s.agitationRassAtLeast.value) return [made('sedation.agitated', 'medium', value, s.agitationRassAtLeast.value, params)];
  const [high, medium] = scale === 'rass' ? [s.sedationRassHighAtMost, s.sedationRassMediumAtMost] : [s.sedationMoaasHighAtMost, s.sedationMoaasMediumAtMost];
  if (value <= high.value) return [made('sedation.deep', 'high', value, high.value, params)];
  if (value <= medium.value) return [made('sedation.deep', 'medium', value, medium.value, params)];
  return [];
}

function dissociation({ dissociation: latest }: Assessments, s: AssessmentSettings): Condition[] {
  if (!latest) return [];
  const value = latest.score;
  if (value >= s.dissociationHighAtLeast.value) return [made('dissociation.marked', 'high', value, s.dissociationHighAtLeast.value, { score: value })];
  if (value >= s.dissociationMediumAtLeast.value) return [made('dissociation.marked', 'medium', value, s.dissociationMediumAtLeast.value, { score: value })];
  return [];
}

function systolicAboveBaseline({ assessments, latest }: AssessmentInput, s: AssessmentSettings): Condition[] {
  const baseline = assessments.baseline.systolicMmHg;
  if (baseline === null || !Number.isFinite(baseline)) return [];
  const cuff = usableValue(latest.nibpSys);
  const manual = assessments.manualSystolic;
  // The newer of the monitor's cuff value and the typed one.
  const value = manual && (cuff === null || manual.at > latest.nibpSys!.at) ? manual.mmHg : cuff;
  if (value === null) return [];
  const limit = Math.round(baseline * (1 + s.systolicAboveBaselinePercent.value / 100));
  if (value <= limit) return [];
  return [made('nibpSys.aboveBaseline', 'medium', value, limit, { value, baseline, percent: s.systolicAboveBaselinePercent.value })];
}

function etco2FromBaseline(now: number, { assessments, latest }: AssessmentInput, s: AssessmentSettings, metSince: Map<string, number>): Condition[] {
  const key = 'etco2.fromBaseline';
  const baseline = assessments.baseline.etco2MmHg;
  const value = usableValue(latest.etco2);
  if (baseline === null || value === null || Math.abs(value - baseline) < s.etco2FromBaselineMmHg.value) {
    metSince.delete(key);
    return [];
  }
  const since = metSince.get(key) ?? now;
  metSince.set(key, since);
  if (now - since < ETCO2_BASELINE_DELAY_MS) return [];
  const change = Math.round((value - baseline) * 10) / 10;
  return [made(key, 'medium', value, baseline, { value, baseline, change, limit: s.etco2FromBaselineMmHg.value })];
}

function made(code: Condition['code'], priority: Priority, value: number, threshold: number, params: Condition['params']): Condition {
  return { key: code, code, kind: 'physiological', priority, value, threshold, params: { threshold, ...params } };
}
