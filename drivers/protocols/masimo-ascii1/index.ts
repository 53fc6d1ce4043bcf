import type { ProtocolDefinition } from '../../protocol';
import { createMasimoSession } from './session';

export const masimoAscii1: ProtocolDefinition = {
  id: 'masimo-ascii1',
  label: 'Masimo ASCII 1 (Radical-7 / Rad-8 / Rad-97)',
  lineSettings: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false },
  createSession: createMasimoSession,
};

export { MasimoDecoder } from './decoder';
export { parseMasimoLine } from './parse';
