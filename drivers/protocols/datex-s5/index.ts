import type { ProtocolDefinition } from '../../protocol';
import { DatexSession } from './session';

export const datexS5: ProtocolDefinition = {
  id: 'datex-s5',
  label: 'GE/Datex S/5 Computer Interface',
  // M1017617 §2: fixed line parameters, hardware handshake.
  lineSettings: { baudRate: 19200, dataBits: 8, parity: 'even', stopBits: 1, rtscts: true },
  createSession: () => new DatexSession(),
};
