import type { ProtocolDefinition } from '../../protocol';
import { PhilipsMibSession } from './session';

export const philipsMib: ProtocolDefinition = {
  id: 'philips-mib',
  label: 'Philips IntelliVue MIB/RS232 (Data Export)',
  lineSettings: { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false },
  createSession: () => new PhilipsMibSession(),
};

export { PhilipsMibSession } from './session';
