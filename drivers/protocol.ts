/**
 * The driver interface. A protocol is two pure parts and nothing else:
 *  - a decoder: bytes in, readings and rejected frames out (keeps only an unfinished frame between calls);
 *  - a conversation: what to send on open, on each decoded message and on each tick (handshakes, keep-alives).
 * The serial link (open, read, watchdog, reconnect) is in link/ and knows nothing of any protocol.
 */
import type { LinkPhase } from '../core/devices/linkPhase';
import type { NoticeArgs, NoticeCode } from '../core/devices/deviceNotice';
import type { RejectReason } from '../core/devices/rejectReason';
import type { Reading } from '../core/vitals';

export interface LineSettings {
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
  rtscts: boolean;
}

/** A frame the decoder threw away: the reason as a code (counted per code, said in words by the screen). */
export interface RejectedFrame {
  reason: RejectReason;
  /** The particulars for logs and the decode script (which parameter, the exception), in English. */
  detail?: string;
}

/** Something the device told us that is not a numeric reading (pump drug name, pump alarm, association state). */
export interface DeviceNotice {
  code: NoticeCode;
  /** In English, for logs and the decode script; the screen says the code in the user's language. */
  text: string;
  /** Device data the screen's text fills in (pump address, drug name, error number). */
  args?: NoticeArgs;
}

export interface DecodeOutput {
  readings: Reading[];
  rejected: RejectedFrame[];
  notices: DeviceNotice[];
  /** Number of complete, valid frames seen in this chunk (for "frames read" counts). */
  frames: number;
  /** Bytes the protocol must send in answer (acknowledgements, association replies). */
  send: Uint8Array[];
}

export interface ProtocolSession {
  /** Bytes to send right after the port opens (requests, association). */
  start(now: number): Uint8Array[];
  /** Feed received bytes in any chunking; never throws. */
  receive(chunk: Uint8Array, now: number): DecodeOutput;
  /** Called about once a second: keep-alives, re-requests after silence. */
  tick(now: number): Uint8Array[];
  /** Where the conversation stands, as a code the screen says in words ("associated", "waiting for association"). */
  phase(): LinkPhase;
}

export interface ProtocolDefinition {
  /** Stable id stored in settings, e.g. 'datex-s5'. */
  id: string;
  /** Human name, e.g. 'GE/Datex S/5 Computer Interface'. */
  label: string;
  lineSettings: LineSettings;
  createSession(): ProtocolSession;
}

export function emptyOutput(): DecodeOutput {
  return { readings: [], rejected: [], notices: [], frames: 0, send: [] };
}
