/** Poll-result observations → app readings: parameter mapping, unit conversion, state, plausibility, time. */
import type { DecodeOutput } from '../../protocol';
import { pushReading } from '../shared/readings';
import { decodeFloat } from './float';
import type { Observation } from './messages';
import { appState, PHYSIO_TO_PARAMETER, toAppUnit } from './nomenclature';

export function observationsToReadings(out: DecodeOutput, observations: readonly Observation[], pollTime?: number): void {
  for (const obs of observations) {
    // An observation's own time stamp (NBP: when the cuff measured) beats the poll time.
    const time = obs.absTime ?? pollTime;
    for (const v of obs.values) {
      const parameter = PHYSIO_TO_PARAMETER.get(v.physioId);
      if (!parameter) continue; // ST, PVC, perfusion index...: not recorded by this app
      const raw = decodeFloat(v.float);
      let value: number | null = null;
      if (raw !== null) {
        const converted = toAppUnit(parameter, v.unit, raw);
        if (converted === undefined) {
          out.rejected.push({ reason: 'unexpectedUnit', detail: parameter });
          continue;
        }
        value = converted;
      }
      pushReading(out, parameter, value, appState(v.state, value !== null), time);
    }
  }
}
