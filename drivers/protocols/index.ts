/** Every protocol the app can speak. The setup screen lists these; settings store the id. */
import type { ProtocolDefinition } from '../protocol';
import { bbraunBcc } from './bbraun-bcc';
import { datexS5 } from './datex-s5';
import { masimoAscii1 } from './masimo-ascii1';
import { nonin2, nonin8 } from './nonin';
import { philipsMib } from './philips-mib';

export const PROTOCOLS: ProtocolDefinition[] = [datexS5, philipsMib, masimoAscii1, nonin2, nonin8, bbraunBcc];

export function findProtocol(id: string): ProtocolDefinition | undefined {
  return PROTOCOLS.find((p) => p.id === id);
}
