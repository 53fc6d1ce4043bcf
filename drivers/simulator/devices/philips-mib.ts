/**
 * Simulated IntelliVue monitor on the MIB port: answers AARQ with AARE and the MDS Create Event Report, answers
 * polls, streams numerics once a second while an extended poll is running, and goes silent (association dropped)
 * when the app sends nothing for `timeoutMs`. `receive`'s `now` and the snapshot's `time` must be the same clock.
 */
import { ByteWriter, hexToBytes } from '../../protocols/shared/bytes';
import { encodeFloat } from '../../protocols/philips-mib/float';
import { encodeFrame, MibFramer } from '../../protocols/philips-mib/framing';
import { ATTR, encodeAbsTime, parseMessage } from '../../protocols/philips-mib/messages';
import { PHYSIO, STATE, UNIT } from '../../protocols/philips-mib/nomenclature';
import { ACT_POLL_EXT, CMD, MOC, NOM_NOTI_MDS_CREAT, RELEASE_RESPONSE, RO, SP_HEADER } from '../../protocols/philips-mib/requests';
import type { VitalParameter } from '../../../core/vitals';
import type { SimulatedDevice, VitalsSnapshot } from '../device';

export interface PhilipsMibDeviceOptions {
  /** Silence from the client after which the monitor drops the association (real monitors: ~10 s and more). */
  timeoutMs?: number;
  /** Monitor set to kPa for CO2 and NBP (common in Germany). */
  pressureUnit?: 'mmHg' | 'kPa';
  /** Monitor in demo mode: every value carries DEMO_DATA. */
  demo?: boolean;
}

/** AARE as a real monitor sent it (capture frame 0): MTU 996, min poll period 500 ms. */
const AARE = hexToBytes(
  '0e ce 05 08 13 01 00 16 01 02 80 00 14 02 00 02 c1 be 31 80 a0 80 80 01 01 00 00 a2 80 a0 03 00 00 01 a5 80 30 80 80 01 00 81 02 51 01 00 00 30 80 80 01 00 81 0c 2a 86 48 ce 14 02 01 00 00 00 02 01 00 00 00 00 61 80 30 80 02 01 01 a0 80 61 80 a1 80 06 0c 2a 86 48 ce 14 02 01 00 00 00 03 01 00 00 a2 03 02 01 00 a3 05 a1 03 02 01 00 be 80 28 80 02 01 02 81 48 80 00 00 00 40 00 00 00 00 00 00 00 00 80 00 00 80 00 00 00 00 00 00 00 00 01 00 2c 00 01 00 28 80 00 00 00 00 00 0f a0 00 00 03 e4 00 00 03 e4 ff ff ff ff 60 00 00 00 00 01 00 0c f0 01 00 08 8e 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00',
);
const MDS_OBJECT = [0x00, 0x21, 0x00, 0x00, 0x00, 0x00];
/** Relative time at association, as in the capture. */
const REL_BASE = 0x001dc200;

/** Data-export message: SPpdu + ROapdus header + body, with the ROapdus length filled in. */
function dataExport(roType: number, body: Uint8Array): Uint8Array {
  return new ByteWriter().bytes(SP_HEADER).u16(roType).u16(body.length).bytes(body).toBytes();
}

function withLength(w: ByteWriter, content: Uint8Array): ByteWriter {
  return w.u16(content.length).bytes(content);
}

function attrList(avas: Array<[number, Uint8Array]>): Uint8Array {
  const body = new ByteWriter();
  for (const [id, v] of avas) withLength(body.u16(id), v);
  const b = body.toBytes();
  return withLength(new ByteWriter().u16(avas.length), b).toBytes();
}

export function mdsCreateEvent(invokeId: number, absTime: number, relTime: number): Uint8Array {
  const info = new ByteWriter()
    .bytes(MDS_OBJECT)
    .bytes(
      attrList([
        [ATTR.timeAbs, encodeAbsTime(absTime)],
        [ATTR.timeRel, new ByteWriter().u32(relTime).toBytes()],
      ]),
    )
    .toBytes();
  const ev = new ByteWriter().bytes(MDS_OBJECT).u32(relTime).u16(NOM_NOTI_MDS_CREAT);
  const evBytes = withLength(ev, info).toBytes();
  const roiv = withLength(new ByteWriter().u16(invokeId).u16(CMD.confirmedEventReport), evBytes).toBytes();
  return dataExport(RO.invoke, roiv);
}

interface NuValue {
  physioId: number;
  state: number;
  unit: number;
  value: number | null;
}

function nuObs(v: NuValue): Uint8Array {
  return new ByteWriter().u16(v.physioId).u16(v.state).u16(v.unit).u32(encodeFloat(v.value)).toBytes();
}

const HANDLES: Partial<Record<VitalParameter | 'nibp', number>> = {
  hr: 33487,
  pulseRate: 33798,
  spo2: 33792,
  nibp: 33394,
  respRate: 33494,
  etco2: 33600,
  temp: 33700,
};

/** Numeric observations for a snapshot, as the monitor puts them in an extended-poll result. */
export function numericObservations(s: VitalsSnapshot, opts: PhilipsMibDeviceOptions = {}): Uint8Array[] {
  const demo = opts.demo ? STATE.demoData : 0;
  const kPa = opts.pressureUnit === 'kPa';
  const obs: Uint8Array[] = [];
  const value = (p: VitalParameter): { value: number | null; state: number } => {
    const v = s.values[p];
    // No sensor-off bit in IntelliVue: the monitor sends NaN flagged INVALID (as SpO2 in the real capture).
    if (s.sensorOff || v === undefined) return { value: null, state: STATE.invalid | demo };
    return { value: v, state: demo };
  };
  const pressure = (v: number | null): number | null => (v === null || !kPa ? v : v / 7.50062);
  const single = (p: VitalParameter, physioId: number, unit: number, conv = (v: number | null) => v): void => {
    if (s.values[p] === undefined) return; // parameter not measured: object absent
    const { value: v, state } = value(p);
    const avas: Array<[number, Uint8Array]> = [
      [ATTR.idLabel, new ByteWriter().u32(0x00020000 | physioId).toBytes()],
      [ATTR.nuValObs, nuObs({ physioId, state, unit, value: conv(v) })],
    ];
    obs.push(new ByteWriter().u16(HANDLES[p] ?? 0).bytes(attrList(avas)).toBytes());
  };
  single('hr', PHYSIO.hr, UNIT.bpm);
  single('pulseRate', PHYSIO.pulseRate, UNIT.bpm);
  single('spo2', PHYSIO.spo2, UNIT.percent);
  single('respRate', PHYSIO.respRate, UNIT.respPerMin);
  single('etco2', PHYSIO.etco2, kPa ? UNIT.kPa : UNIT.mmHg, pressure);
  single('temp', PHYSIO.temp, UNIT.degC);
  const nibp: Array<[VitalParameter, number]> = [
    ['nibpSys', PHYSIO.nibpSys],
    ['nibpDia', PHYSIO.nibpDia],
    ['nibpMean', PHYSIO.nibpMean],
  ];
  if (nibp.some(([p]) => s.values[p] !== undefined)) {
    const cmpd = new ByteWriter();
    for (const [p, id] of nibp) {
      const { value: v, state } = value(p);
      cmpd.bytes(nuObs({ physioId: id, state: v === null ? STATE.unavailable | demo : state, unit: kPa ? UNIT.kPa : UNIT.mmHg, value: pressure(v) }));
    }
    const avas: Array<[number, Uint8Array]> = [
      [ATTR.idLabel, new ByteWriter().u32(0x00020000 | PHYSIO.nibp).toBytes()],
      [ATTR.nuCmpdValObs, withLength(new ByteWriter().u16(3), cmpd.toBytes()).toBytes()],
    ];
    if (s.nibpMeasuredAt !== undefined) avas.push([ATTR.timeStampAbs, encodeAbsTime(s.nibpMeasuredAt)]);
    obs.push(new ByteWriter().u16(HANDLES.nibp!).bytes(attrList(avas)).toBytes());
  }
  return obs;
}

/** RORS for a poll (extended or single) carrying the given observations in one context. */
export function pollResult(invokeId: number, action: number, pollNumber: number, objCode: number, relTime: number, observations: Uint8Array[]): Uint8Array {
  const r = new ByteWriter().u16(pollNumber);
  if (action === ACT_POLL_EXT) r.u16(0); // sequence number
  r.u32(relTime).bytes([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).u16(1).u16(objCode).u16(0);
  if (observations.length > 0) {
    const ctx = new ByteWriter().u16(0).u16(observations.length);
    withLength(ctx, observations.reduce((w, o) => w.bytes(o), new ByteWriter()).toBytes());
    withLength(r.u16(1), ctx.toBytes());
  } else {
    r.u16(0).u16(0);
  }
  const result = withLength(new ByteWriter().bytes(MDS_OBJECT).u16(action), r.toBytes()).toBytes();
  const rors = withLength(new ByteWriter().u16(invokeId).u16(CMD.confirmedAction), result).toBytes();
  return dataExport(RO.result, rors);
}

export function createPhilipsMibDevice(opts: PhilipsMibDeviceOptions = {}): SimulatedDevice {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const framer = new MibFramer();
  let associated = false;
  let associatedAt = 0;
  let lastHeard = 0;
  let poll: { invokeId: number; pollNumber: number; until: number } | undefined;
  let last: VitalsSnapshot | undefined;
  const rel = (now: number): number => (REL_BASE + Math.round((now - associatedAt) * 8)) >>> 0;
  const numericResult = (now: number): Uint8Array =>
    encodeFrame(pollResult(poll!.invokeId, ACT_POLL_EXT, poll!.pollNumber, MOC.numeric, rel(now), last ? numericObservations(last, opts) : []));

  return {
    intervalMs: 1000,
    receive(chunk, now) {
      const replies: Uint8Array[] = [];
      for (const f of framer.push(chunk)) {
        if (!f.ok) continue;
        const msg = parseMessage(f.userData);
        if (associated) lastHeard = now;
        switch (msg.kind) {
          case 'aarq':
            associated = true;
            associatedAt = now;
            lastHeard = now;
            poll = undefined;
            replies.push(encodeFrame(AARE), encodeFrame(mdsCreateEvent(1, now, REL_BASE)));
            break;
          case 'releaseRequest':
            if (associated) replies.push(encodeFrame(RELEASE_RESPONSE));
            associated = false;
            poll = undefined;
            break;
          case 'abort':
            associated = false;
            poll = undefined;
            break;
          case 'pollRequest':
            if (!associated) break;
            if (msg.action === ACT_POLL_EXT && msg.objCode === MOC.numeric) {
              poll = { invokeId: msg.invokeId, pollNumber: msg.pollNumber, until: now + (msg.periodTicks ?? 8000) / 8 };
              replies.push(numericResult(now));
            } else {
              replies.push(encodeFrame(pollResult(msg.invokeId, msg.action, msg.pollNumber, msg.objCode, rel(now), [])));
            }
            break;
          default:
            break;
        }
      }
      return replies;
    },
    tick(snapshot) {
      last = snapshot;
      const now = snapshot.time;
      if (associated && now - lastHeard > timeoutMs) {
        associated = false; // the monitor just stops talking
        poll = undefined;
      }
      if (!associated || !poll || now > poll.until) return [];
      return [numericResult(now)];
    },
  };
}
