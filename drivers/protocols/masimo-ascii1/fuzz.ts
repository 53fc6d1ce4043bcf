/** Fuzz target: simulated lines with random values (some implausible), deep mutation = damaged digits/keys. */
import { createMasimoAscii1Device } from '../../simulator/devices/masimo-ascii1';
import { asciiBytes, bytesToAscii } from '../shared/bytes';
import type { FuzzTarget } from '../shared/fuzz';
import { masimoAscii1 } from '.';

const device = createMasimoAscii1Device();
const ALPHABET = '0123456789-+.%=: /ABCDEFSPOBMXN\r\n\0';

export const masimoFuzzTarget: FuzzTarget = {
  id: 'masimo-ascii1',
  session: () => masimoAscii1.createSession(),
  frame(rng) {
    const [bytes] = device.tick({
      values: { spo2: rng.int(130), pulseRate: rng.int(500) },
      sensorOff: rng.int(10) === 0,
      time: rng.int(3_000_000_000) * 1000,
    });
    return bytes!;
  },
  deepMutate(rng, frame) {
    // Text has no checksum: replace a few characters with protocol-looking ones.
    const s = bytesToAscii(frame).split('');
    for (let k = 0; k < 1 + rng.int(3); k++) s[rng.int(s.length)] = ALPHABET[rng.int(ALPHABET.length)]!;
    return asciiBytes(s.join(''));
  },
};
