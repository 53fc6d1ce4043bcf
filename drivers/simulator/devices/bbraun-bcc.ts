/**
 * Simulated B. Braun SpaceCom (ComDevice) in request mode: answers ADMIN:ALIVE with GNACK and its bed id, answers
 * MEM:GET with one block per pump (ETB while more follow, ETX on the last), sends the next block only after ACK
 * and repeats a block after NAK. The first pump reports the snapshot's pumpRate/pumpVolume.
 */
import { ACK, BccFramer, encodeBccFrame } from '../../protocols/bbraun-bcc/framing';
import type { SimulatedDevice, VitalsSnapshot } from '../device';

export interface SimulatedPump {
  /** 501xy */
  address: string;
  drug?: string;
  /** Used when the snapshot has no pump values (and for every pump after the first). */
  rate?: number;
  volume?: number;
  /** Active alarms, e.g. ['INA12']. */
  alarms?: string[];
  bolusActive?: boolean;
  bolusCount?: number;
}

export interface BbraunBccDeviceOptions {
  bedId?: string;
  stuffing?: boolean;
  pumps?: SimulatedPump[];
}

const RS = '\x1e';
const fmt = (v: number | undefined, decimals: number): string => (v === undefined ? '_NV' : v.toFixed(decimals));

export function pumpBlock(uptime: number, p: SimulatedPump, rate: number | undefined, volume: number | undefined): string {
  const q = (param: string, value: string): string => `${uptime},${p.address},${param},${value}`;
  const alarms = new Set(p.alarms ?? []);
  const items = [
    q('INRT', fmt(rate, 2)),
    q('INSOL', p.drug ?? '_NV'),
    q('INVI', fmt(volume, 1)),
    q('INSYR', '50'),
    q('DSSTATUS', '00051'),
    q('INM2', p.bolusActive ? '1' : '0'),
    q('INBOCNT', String(p.bolusCount ?? 0)),
    q('INBOVAL', p.bolusCount ? '1.0' : '0.0'),
    q('INM3', rate ? '1' : '0'),
  ];
  for (const a of ['INA2', 'INA3', 'INA7', 'INA12']) items.push(q(a, alarms.has(a) ? '1' : '0'));
  return items.join(RS);
}

export function createBbraunBccDevice(opts: BbraunBccDeviceOptions = {}): SimulatedDevice {
  const bedId = opts.bedId ?? 'ComSystem';
  const pumps = opts.pumps ?? [{ address: '50111', drug: 'Esketamin 25 mg/ml' }];
  const framer = new BccFramer();
  let last: VitalsSnapshot | undefined;
  let bootTime: number | undefined;
  let queue: Uint8Array[] = [];
  const uptime = (now: number): number => Math.max(0, Math.floor((now - (bootTime ?? now)) / 1000));
  const block = (info: string, more: boolean): Uint8Array => encodeBccFrame(bedId, info, { more, stuffing: opts.stuffing });

  return {
    intervalMs: 1000,
    receive(chunk, now) {
      bootTime ??= now;
      const replies: Uint8Array[] = [];
      for (const ev of framer.push(chunk)) {
        if (ev.kind === 'control') {
          if (ev.byte === ACK) queue.shift();
          if (queue[0]) replies.push(queue[0]); // NAK: the same block again; ACK: the next one
          continue;
        }
        if (ev.kind !== 'frame') continue;
        // A new request instead of an ACK restarts at block 1 (spec).
        queue = [];
        const t = uptime(now);
        const { info } = ev.frame;
        if (info === 'ADMIN:ALIVE') {
          queue = [block(`${t},50100,GNACK,0`, false)];
        } else if (ev.frame.bedId !== bedId) {
          queue = [block(`${t},50100,GNERR,1`, false)];
        } else if (info === 'ADMIN:VERSION') {
          queue = [block(`${t},50100,V3.30`, false)];
        } else if (info === 'MEM:GET') {
          queue = pumps.map((p, i) => {
            const rate = i === 0 ? (last?.values.pumpRate ?? p.rate) : p.rate;
            const volume = i === 0 ? (last?.values.pumpVolume ?? p.volume) : p.volume;
            return block(pumpBlock(t, p, rate, volume), i < pumps.length - 1);
          });
        } else {
          queue = [block(`${t},50100,GNERR,2`, false)];
        }
        if (queue[0]) replies.push(queue[0]);
      }
      // After the last block is acknowledged the queue is empty; nothing to send.
      return replies;
    },
    tick(snapshot) {
      last = snapshot;
      bootTime ??= snapshot.time;
      return []; // request mode: the ComDevice speaks only when asked
    },
  };
}

