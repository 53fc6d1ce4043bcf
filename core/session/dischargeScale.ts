/**
 * The discharge score must be taken on the scale the clinic configured (setting `dischargeScale`, §3.5: the clinic
 * documents which variant it uses); another scale counts only with a written reason.
 */
import { problem } from '../messages';
import type { Problem } from '../settings';
import { DISCHARGE_SCALES, type DischargeScale } from './scales';
import { isFilled } from './text';

export function dischargeScaleProblems(used: DischargeScale, configured: DischargeScale, otherScaleReason?: string | null): Problem[] {
  if (used === configured || isFilled(otherScaleReason)) return [];
  const [u, c] = [DISCHARGE_SCALES[used], DISCHARGE_SCALES[configured]];
  return [problem('discharge.scaleNotConfigured', { scale: u.en, scaleDe: u.de, configured: c.en, configuredDe: c.de })];
}
