/** The device form's draft of one chair: port choice (simulator, listed, typed), protocol, line, capture, pump. */
import type { MethodOutput } from '../../../core/api/contract';
import type { ChairDevice, LineOverrides } from '../../../core/api/methods/devices';

export type Ports = MethodOutput<'devices.ports'>;

export const SIMULATOR = '__simulator__';
export const TYPED = '__typed__';
export const NONE = '__none__';
export const TEST_MS = 5000;
/** The pump is asked for its values 5 s after it answered the first keep-alive. */
export const PUMP_TEST_MS = 8000;

export interface Draft {
  protocolId: string;
  /** SIMULATOR, TYPED or a listed path */
  portChoice: string;
  typedPath: string;
  line: LineOverrides;
  capture: boolean;
  /** The syringe pump's port: NONE, TYPED or a listed path. */
  pumpChoice: string;
  pumpTyped: string;
}

export function draftOf(d: ChairDevice, ports: Ports): Draft {
  const listed = d.portPath !== null && ports.some((p) => p.path === d.portPath);
  return {
    protocolId: d.protocolId,
    portChoice: d.portPath === null ? SIMULATOR : listed ? d.portPath : TYPED,
    typedPath: d.portPath !== null && !listed ? d.portPath : '',
    line: d.line,
    capture: d.capture,
    pumpChoice: d.pumpPortPath === null ? NONE : ports.some((p) => p.path === d.pumpPortPath) ? d.pumpPortPath : TYPED,
    pumpTyped: d.pumpPortPath !== null && !ports.some((p) => p.path === d.pumpPortPath) ? d.pumpPortPath : '',
  };
}
