/** Every protocol the app can speak. The setup screen lists these; settings store the id. */
import type { ProtocolDefinition } from '../protocol';
import { datexS5 } from './datex-s5';

export const PROTOCOLS: ProtocolDefinition[] = [datexS5];

export function findProtocol(id: string): ProtocolDefinition | undefined {
  return PROTOCOLS.find((p) => p.id === id);
}
