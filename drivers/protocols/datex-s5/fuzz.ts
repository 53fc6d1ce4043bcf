/** Fuzz target for the S/5: simulated records with random values, and deep mutations whose checksum still fits. */
import { buildDisplayRecord } from '../../simulator/devices/datex-s5';
import type { FuzzTarget } from '../shared/fuzz';
import type { Rng } from '../shared/harness';
import { datexS5 } from '.';
import { DatexFramer, encodeFrame } from './framing';

const snapshot = (rng: Rng) => ({
  values: {
    hr: rng.int(400),
    pulseRate: rng.int(400),
    spo2: rng.int(12000) / 100,
    nibpSys: rng.int(400),
    nibpDia: rng.int(300),
    nibpMean: rng.int(300),
    respRate: rng.int(200),
    etco2: rng.int(200),
    temp: 5 + rng.int(5000) / 100,
  },
  sensorOff: rng.int(10) === 0,
  time: rng.int(2_000_000_000) * 1000,
});

export const datexFuzzTarget: FuzzTarget = {
  id: 'datex-s5',
  session: () => datexS5.createSession(),
  frame: (rng) => encodeFrame(buildDisplayRecord(snapshot(rng))),
  deepMutate(rng, frame) {
    // Change bytes inside the record, then re-frame it: the checksum is right, so the record decoder itself is hit.
    const [result] = new DatexFramer().push(frame);
    if (!result?.ok) return frame;
    const record = result.record.slice();
    for (let k = 0; k < 1 + rng.int(6); k++) record[rng.int(record.length)] = rng.int(256);
    return encodeFrame(record);
  },
};
