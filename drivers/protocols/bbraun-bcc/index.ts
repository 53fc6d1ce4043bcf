import type { ProtocolDefinition } from '../../protocol';
import { BbraunBccSession } from './session';

export const bbraunBcc: ProtocolDefinition = {
  id: 'bbraun-bcc',
  label: 'B. Braun Space BCC (SpaceCom)',
  lineSettings: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false },
  createSession: () => new BbraunBccSession(),
};

export { BbraunBccSession } from './session';
