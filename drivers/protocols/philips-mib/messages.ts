/**
 * Parses one MIB user-data block (either direction) into a message. Throws ParseError on malformed data;
 * parseMessage() catches it and returns a 'malformed' message with the reason.
 */
import { ByteReader, ParseError } from '../shared/bytes';
import { ACT_POLL, ACT_POLL_EXT, ATTR_TIME_PD_POLL, CMD, NOM_NOTI_MDS_CREAT, RO } from './requests';

export const ATTR = {
  nuValObs: 0x0950,
  nuCmpdValObs: 0x094b,
  idLabel: 0x0924,
  timeAbs: 0x0987,
  timeRel: 0x098f,
  timeStampAbs: 0x0990,
} as const;

/** NuObsValue: one numeric value as sent by the monitor. */
export interface NuObs {
  physioId: number;
  state: number;
  unit: number;
  float: number;
}

export interface Observation {
  handle: number;
  values: NuObs[];
  /** NOM_ATTR_TIME_STAMP_ABS of the observation (e.g. when NBP was measured), epoch ms. */
  absTime?: number;
}

export type MibMessage =
  | { kind: 'aarq' }
  | { kind: 'aare' }
  | { kind: 'refuse' }
  | { kind: 'releaseRequest' }
  | { kind: 'releaseResponse' }
  | { kind: 'abort' }
  | { kind: 'mdsCreate'; invokeId: number; eventTime: number; absTime?: number; relTime?: number }
  | {
      kind: 'pollResult';
      linked: boolean;
      invokeId: number;
      action: number;
      relTime: number;
      absTime?: number;
      objCode: number;
      observations: Observation[];
    }
  | { kind: 'pollRequest'; invokeId: number; action: number; pollNumber: number; objCode: number; periodTicks?: number }
  | { kind: 'eventResult'; invokeId: number }
  | { kind: 'error'; invokeId: number; errorValue: number }
  | { kind: 'other'; what: string }
  | { kind: 'malformed'; detail: string };

type Of<K extends MibMessage['kind']> = Extract<MibMessage, { kind: K }>;

const bcd = (b: number): number => ((b >> 4) > 9 || (b & 15) > 9 ? NaN : (b >> 4) * 10 + (b & 15));

/**
 * AbsoluteTime (8 BCD bytes: century, year, month, day, hour, minute, second, hundredths) → epoch ms.
 * The monitor sends local wall-clock time without a zone; it is read as if UTC, consistently everywhere.
 * undefined for the "not set" pattern (FF…) or impossible dates.
 */
export function decodeAbsTime(b: Uint8Array): number | undefined {
  if (b.length < 8) return undefined;
  const [c, y, mo, d, h, mi, s, f] = Array.from(b.subarray(0, 8), bcd) as number[];
  const year = c! * 100 + y!;
  if (![year, mo, d, h, mi, s].every((v) => Number.isFinite(v))) return undefined;
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59) return undefined;
  const frac = Number.isFinite(f) ? f! * 10 : 0;
  return Date.UTC(year, mo! - 1, d!, h!, mi!, s!, frac);
}

export function encodeAbsTime(epochMs: number): Uint8Array {
  const d = new Date(epochMs);
  const toBcd = (v: number): number => ((Math.floor(v / 10) % 10) << 4) | v % 10;
  const year = d.getUTCFullYear();
  return Uint8Array.of(
    toBcd(Math.floor(year / 100)),
    toBcd(year % 100),
    toBcd(d.getUTCMonth() + 1),
    toBcd(d.getUTCDate()),
    toBcd(d.getUTCHours()),
    toBcd(d.getUTCMinutes()),
    toBcd(d.getUTCSeconds()),
    toBcd(Math.floor(d.getUTCMilliseconds() / 10)),
  );
}

export function parseMessage(data: Uint8Array): MibMessage {
  try {
    return parse(data);
  } catch (e) {
    if (e instanceof ParseError) return { kind: 'malformed', detail: e.message };
    return { kind: 'malformed', detail: String(e) };
  }
}

function parse(data: Uint8Array): MibMessage {
  if (data.length === 0) throw new ParseError('empty user data');
  switch (data[0]) {
    case 0x0d:
      return { kind: 'aarq' };
    case 0x0e:
      return { kind: 'aare' };
    case 0x0c:
      return { kind: 'refuse' };
    case 0x09:
      return { kind: 'releaseRequest' };
    case 0x0a:
      return { kind: 'releaseResponse' };
    case 0x19:
      return { kind: 'abort' };
    case 0xe1:
      return parseDataExport(new ByteReader(data));
    default:
      throw new ParseError(`unknown session header 0x${data[0]!.toString(16)}`);
  }
}

function parseDataExport(r: ByteReader): MibMessage {
  const session = r.u16('session id');
  r.u16('context id');
  if (session !== 0xe100) throw new ParseError('bad session id');
  const roType = r.u16('ro_type');
  const roLen = r.u16('ro length');
  const ro = r.sub(roLen, 'ROapdu');
  switch (roType) {
    case RO.invoke:
      return parseInvoke(ro);
    case RO.result:
    case RO.linkedResult: {
      const linked = roType === RO.linkedResult;
      if (linked) ro.u16('linked id');
      const invokeId = ro.u16('invoke id');
      const command = ro.u16('command type');
      const body = ro.sub(ro.u16('result length'), 'result');
      if (command === CMD.confirmedAction) return parseActionResult(body, linked, invokeId);
      if (command === CMD.confirmedEventReport) return { kind: 'eventResult', invokeId };
      return { kind: 'other', what: `result of command ${command}` };
    }
    case RO.error: {
      const invokeId = ro.u16('invoke id');
      const errorValue = ro.u16('error value');
      return { kind: 'error', invokeId, errorValue };
    }
    default:
      throw new ParseError(`unknown ro_type ${roType}`);
  }
}

function parseInvoke(ro: ByteReader): MibMessage {
  const invokeId = ro.u16('invoke id');
  const command = ro.u16('command type');
  const body = ro.sub(ro.u16('invoke length'), 'invoke');
  body.skip(6, 'managed object');
  if (command === CMD.confirmedEventReport || command === CMD.eventReport) {
    const eventTime = body.u32('event time');
    const eventType = body.u16('event type');
    const info = body.sub(body.u16('event length'), 'event info');
    if (eventType !== NOM_NOTI_MDS_CREAT) return { kind: 'other', what: `event 0x${eventType.toString(16)}` };
    info.skip(6, 'MDS object');
    const msg: Of<'mdsCreate'> = { kind: 'mdsCreate', invokeId, eventTime };
    forEachAva(info, (id, v) => {
      if (id === ATTR.timeAbs) {
        const t = decodeAbsTime(v.bytesOf(8, 'absolute time'));
        if (t !== undefined) msg.absTime = t;
      } else if (id === ATTR.timeRel) msg.relTime = v.u32('relative time');
    });
    return msg;
  }
  if (command === CMD.confirmedAction) {
    body.u32('scope');
    const action = body.u16('action type');
    const args = body.sub(body.u16('action length'), 'action args');
    if (action !== ACT_POLL && action !== ACT_POLL_EXT) return { kind: 'other', what: `action 0x${action.toString(16)}` };
    const pollNumber = args.u16('poll number');
    args.u16('partition');
    const objCode = args.u16('polled object code');
    args.u16('attribute group');
    const msg: Of<'pollRequest'> = { kind: 'pollRequest', invokeId, action, pollNumber, objCode };
    if (action === ACT_POLL_EXT && args.remaining > 0) {
      forEachAva(args, (id, v) => {
        if (id === ATTR_TIME_PD_POLL) msg.periodTicks = v.u32('poll period');
      });
    }
    return msg;
  }
  return { kind: 'other', what: `invoke of command ${command}` };
}

function parseActionResult(body: ByteReader, linked: boolean, invokeId: number): MibMessage {
  body.skip(6, 'managed object');
  const action = body.u16('action type');
  const r = body.sub(body.u16('action length'), 'action result');
  if (action !== ACT_POLL && action !== ACT_POLL_EXT) return { kind: 'other', what: `action result 0x${action.toString(16)}` };
  r.u16('poll number');
  if (action === ACT_POLL_EXT) r.u16('sequence number');
  const relTime = r.u32('relative time stamp');
  const absTime = decodeAbsTime(r.bytesOf(8, 'absolute time stamp'));
  r.u16('partition');
  const objCode = r.u16('polled object code');
  r.u16('attribute group');
  const observations: Observation[] = [];
  const msg: Of<'pollResult'> = { kind: 'pollResult', linked, invokeId, action, relTime, objCode, observations };
  if (absTime !== undefined) msg.absTime = absTime;
  if (r.remaining === 0) return msg; // the final RORS of a linked chain is empty
  const contexts = r.u16('poll info count');
  const list = r.sub(r.u16('poll info length'), 'poll info list');
  for (let c = 0; c < contexts; c++) {
    list.u16('context id');
    const count = list.u16('observation count');
    const obsList = list.sub(list.u16('context length'), 'context poll');
    for (let k = 0; k < count; k++) {
      const obs: Observation = { handle: obsList.u16('object handle'), values: [] };
      forEachAva(obsList, (id, v) => {
        if (id === ATTR.nuValObs) obs.values.push(readNuObs(v));
        else if (id === ATTR.nuCmpdValObs) {
          const n = v.u16('compound count');
          const cv = v.sub(v.u16('compound length'), 'compound values');
          for (let j = 0; j < n; j++) obs.values.push(readNuObs(cv));
        } else if (id === ATTR.timeStampAbs) {
          const t = decodeAbsTime(v.bytesOf(8, 'time stamp'));
          if (t !== undefined) obs.absTime = t;
        }
      });
      observations.push(obs);
    }
  }
  return msg;
}

function readNuObs(v: ByteReader): NuObs {
  return { physioId: v.u16('physio id'), state: v.u16('state'), unit: v.u16('unit'), float: v.u32('value') };
}

/** AttributeList {count, length, AVA[]}: calls fn with a reader bounded to each value. */
function forEachAva(r: ByteReader, fn: (id: number, value: ByteReader) => void): void {
  const count = r.u16('attribute count');
  const list = r.sub(r.u16('attribute list length'), 'attribute list');
  for (let i = 0; i < count; i++) {
    const id = list.u16('attribute id');
    fn(id, list.sub(list.u16('attribute length'), 'attribute value'));
  }
}
