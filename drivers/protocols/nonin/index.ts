import type { ProtocolDefinition } from '../../protocol';
import { createNoninSession } from './session';

const LINE = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false } as const;

export const nonin2: ProtocolDefinition = {
  id: 'nonin-2',
  label: 'Nonin pulse oximeter, data format #2 (75 frames/s)',
  lineSettings: { ...LINE },
  createSession: () => createNoninSession(2),
};

export const nonin8: ProtocolDefinition = {
  id: 'nonin-8',
  label: 'Nonin pulse oximeter, data format #8 (1 record/s)',
  lineSettings: { ...LINE },
  createSession: () => createNoninSession(8),
};

export { NoninFormat2Decoder } from './format2';
export { NoninFormat8Decoder } from './format8';
