/** Turning decoded numbers into Readings, with the plausibility gate every driver must apply. */
import { PARAMETER_UNIT, isPlausible, type MeasurementState, type VitalParameter } from '../../../core/vitals';
import type { DecodeOutput } from '../../protocol';

/**
 * Emit a reading, or count it as rejected when the number is outside PLAUSIBLE_RANGE
 * (a corrupt byte must never become a stored value). Null values (device's "no value" marker) always pass.
 */
export function pushReading(
  out: DecodeOutput,
  parameter: VitalParameter,
  value: number | null,
  state: MeasurementState,
  deviceTime?: number,
): boolean {
  if (value !== null && !isPlausible(parameter, value)) {
    out.rejected.push({ reason: 'implausibleValue', detail: `implausible ${parameter} value` });
    return false;
  }
  const r: DecodeOutput['readings'][number] = { parameter, value, unit: PARAMETER_UNIT[parameter], state };
  if (deviceTime !== undefined && Number.isFinite(deviceTime)) r.deviceTime = deviceTime;
  out.readings.push(r);
  return true;
}

/** Append b's content to a (sessions merge the decoder's output with their own). */
export function mergeOutput(a: DecodeOutput, b: DecodeOutput): DecodeOutput {
  a.readings.push(...b.readings);
  a.rejected.push(...b.rejected);
  a.notices.push(...b.notices);
  a.send.push(...b.send);
  a.frames += b.frames;
  return a;
}
