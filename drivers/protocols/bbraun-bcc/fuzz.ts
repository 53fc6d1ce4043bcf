/** Fuzz target: pump blocks from the simulated ComDevice; deep mutation damages the text and recomputes length/checksum. */
import { pumpBlock } from '../../simulator/devices/bbraun-bcc';
import { bytesToAscii } from '../shared/bytes';
import type { FuzzTarget } from '../shared/fuzz';
import { mutate } from '../shared/harness';
import { encodeBccFrame } from './framing';
import { BbraunBccSession } from './session';

const ALARMS = ['INA2', 'INA3', 'INA7', 'INA12'];

export const bbraunFuzzTarget: FuzzTarget = {
  id: 'bbraun-bcc',
  session() {
    const s = new BbraunBccSession();
    s.start(0);
    s.receive(encodeBccFrame('ComSystem', '0,50100,GNACK,0'), 0);
    return s;
  },
  frame(rng) {
    const big = rng.int(8) === 0;
    const info = pumpBlock(
      rng.int(100000),
      {
        address: `501${1 + rng.int(3)}${'123456789ABCDEFGHIJKLMNO'[rng.int(24)]}`,
        drug: rng.int(2) ? 'Esketamin 25 mg/ml' : 'Propofol, 1%',
        alarms: ALARMS.filter(() => rng.int(4) === 0),
        bolusActive: rng.int(5) === 0,
        bolusCount: rng.int(3),
      },
      rng.int(10) ? (big ? rng.int(100000) : rng.int(120000) / 100) : undefined,
      rng.int(10) ? (big ? rng.int(1000000) / 10 : rng.int(100000) / 10) : undefined,
    );
    return encodeBccFrame('ComSystem', info, { more: rng.int(3) === 0, stuffing: rng.int(4) === 0 });
  },
  deepMutate(rng, frame) {
    // Damage the information text, then frame it again so length and checksum verify.
    const gt = frame.indexOf(0x3e);
    const info = mutate(rng, frame.subarray(gt + 1, frame.length - 7));
    return encodeBccFrame('ComSystem', bytesToAscii(info), { more: rng.int(2) === 0 });
  },
};
