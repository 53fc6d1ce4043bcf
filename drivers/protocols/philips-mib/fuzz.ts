/** Fuzz target: numeric poll results from the simulated monitor; deep mutation re-frames damaged user data with a valid FCS. */
import { mdsCreateEvent, numericObservations, pollResult } from '../../simulator/devices/philips-mib';
import type { VitalParameter } from '../../../core/vitals';
import type { FuzzTarget } from '../shared/fuzz';
import { mutate, type Rng } from '../shared/harness';
import { encodeFrame, MibFramer } from './framing';
import { ACT_POLL_EXT, MOC } from './requests';
import { hexToBytes } from '../shared/bytes';
import { PhilipsMibSession } from './session';

const PARAMS: VitalParameter[] = ['hr', 'pulseRate', 'spo2', 'nibpSys', 'nibpDia', 'nibpMean', 'respRate', 'etco2', 'temp'];

export const philipsFuzzTarget: FuzzTarget = {
  id: 'philips-mib',
  session() {
    const s = new PhilipsMibSession();
    s.start(0);
    s.receive(encodeFrame(hexToBytes('0e 00')), 0); // minimal AARE: the session only looks at the session header
    s.receive(encodeFrame(mdsCreateEvent(1, Date.UTC(2024, 0, 1), 0x1000)), 0);
    return s;
  },
  frame(rng: Rng) {
    const values: Partial<Record<VitalParameter, number>> = {};
    // Mostly plausible values, some far outside the range (must be rejected, never emitted).
    for (const p of PARAMS) if (rng.int(4)) values[p] = rng.int(8) ? rng.int(200) + rng.int(100) / 100 : rng.int(100_000) - 50_000;
    const obs = numericObservations(
      { values, sensorOff: rng.int(10) === 0, time: 0, nibpMeasuredAt: rng.int(2) ? Date.UTC(2024, 0, 1) : undefined },
      { demo: rng.int(10) === 0, pressureUnit: rng.int(4) ? 'mmHg' : 'kPa' },
    );
    return encodeFrame(pollResult(rng.int(0x10000), ACT_POLL_EXT, rng.int(0x10000), MOC.numeric, rng.next(), obs));
  },
  deepMutate(rng, frame) {
    const [f] = new MibFramer().push(frame);
    if (!f?.ok) return frame;
    return encodeFrame(mutate(rng, f.userData));
  },
};
