/** Fuzz targets for Nonin #2 and #8: simulated packets/records with random values, checksum-fixed deep mutation. */
import { encodeFormat2Packet, encodeFormat8 } from '../../simulator/devices/nonin';
import type { FuzzTarget } from '../shared/fuzz';
import type { Rng } from '../shared/harness';
import { frameChecksum } from './format2';
import { nonin2, nonin8 } from '.';

const snapshot = (rng: Rng) => ({
  values: { spo2: rng.int(140), pulseRate: rng.int(520) },
  sensorOff: rng.int(10) === 0,
  time: 0,
});

export const nonin2FuzzTarget: FuzzTarget = {
  id: 'nonin-2',
  session: () => nonin2.createSession(),
  frame: (rng) => encodeFormat2Packet(snapshot(rng), rng.int(20) === 0, rng.int(100)),
  deepMutate(rng, packet) {
    // Change FLOAT/STATUS bytes of a few frames and fix their checksums: values change, framing stays valid.
    const b = packet.slice();
    for (let k = 0; k < 1 + rng.int(3); k++) {
      const f = rng.int(Math.floor(b.length / 5)) * 5;
      b[f + 1 + rng.int(3)] = rng.int(256) | (rng.int(2) ? 0x80 : 0);
      b[f + 4] = frameChecksum(b[f]!, b[f + 1]!, b[f + 2]!, b[f + 3]!);
    }
    return b;
  },
};

export const nonin8FuzzTarget: FuzzTarget = {
  id: 'nonin-8',
  session: () => nonin8.createSession(),
  frame: (rng) => encodeFormat8(snapshot(rng), rng.int(20) === 0),
  deepMutate(rng, rec) {
    const b = rec.slice();
    b[1 + rng.int(3)] = rng.int(128);
    b[0] = 0x80 | rng.int(128);
    return b;
  },
};
