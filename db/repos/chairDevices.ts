/**
 * The device on each chair's serial line: protocol and port (columns of `chairs`), line-setting overrides and
 * raw capture (`chair_devices`, migration 0050). Every change is audited in the same transaction, with the old and
 * the new values.
 */
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { Actor } from './users';

export interface LineOverrides {
  baudRate: number | null;
  dataBits: 7 | 8 | null;
  parity: 'none' | 'even' | 'odd' | null;
  stopBits: 1 | 2 | null;
  rtscts: boolean | null;
}

export interface ChairDeviceSettings {
  chairId: number;
  protocolId: string;
  /** null: no device (the built-in simulated monitor runs when no chair has one). */
  portPath: string | null;
  /** null fields: the protocol's default. */
  line: LineOverrides;
  capture: boolean;
  /** The syringe pump's port (B. Braun BCC), beside the monitor; null: no pump. */
  pumpPortPath: string | null;
  updatedAt: number;
  updatedBy: number | null;
}

export type ChairDeviceChange = Pick<ChairDeviceSettings, 'protocolId' | 'portPath' | 'line' | 'capture' | 'pumpPortPath'>;

interface Row {
  chairId: number;
  protocolId: string;
  portPath: string | null;
  baudRate: number | null;
  dataBits: number | null;
  parity: string | null;
  stopBits: number | null;
  rtscts: number | null;
  capture: number | null;
  pumpPortPath: string | null;
  updatedAt: number | null;
  updatedBy: number | null;
}

const SELECT = `
  SELECT c.id AS chairId, c.protocol_id AS protocolId, c.port_path AS portPath,
         d.baud_rate AS baudRate, d.data_bits AS dataBits, d.parity, d.stop_bits AS stopBits, d.rtscts,
         d.capture, d.pump_port_path AS pumpPortPath, d.updated_at AS updatedAt, d.updated_by AS updatedBy
  FROM chairs c LEFT JOIN chair_devices d ON d.chair_id = c.id`;

function toSettings(r: Row): ChairDeviceSettings {
  return {
    chairId: r.chairId,
    protocolId: r.protocolId,
    portPath: r.portPath,
    line: {
      baudRate: r.baudRate,
      dataBits: r.dataBits as 7 | 8 | null,
      parity: r.parity as LineOverrides['parity'],
      stopBits: r.stopBits as 1 | 2 | null,
      rtscts: r.rtscts === null ? null : r.rtscts === 1,
    },
    capture: r.capture === 1,
    pumpPortPath: r.pumpPortPath,
    updatedAt: r.updatedAt ?? 0,
    updatedBy: r.updatedBy,
  };
}

export function createChairDevicesRepo(db: DB, audit: AuditLog) {
  const all = db.prepare(`${SELECT} ORDER BY c.id`);
  const one = db.prepare(`${SELECT} WHERE c.id = ?`);
  const updateChair = db.prepare('UPDATE chairs SET protocol_id = ?, port_path = ? WHERE id = ?');
  const upsert = db.prepare(`
    INSERT INTO chair_devices (chair_id, baud_rate, data_bits, parity, stop_bits, rtscts, capture, pump_port_path, updated_at, updated_by)
    VALUES (@chairId, @baudRate, @dataBits, @parity, @stopBits, @rtscts, @capture, @pumpPortPath, @at, @userId)
    ON CONFLICT (chair_id) DO UPDATE SET baud_rate = excluded.baud_rate, data_bits = excluded.data_bits,
      parity = excluded.parity, stop_bits = excluded.stop_bits, rtscts = excluded.rtscts, capture = excluded.capture,
      pump_port_path = excluded.pump_port_path, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);

  const get = (chairId: number): ChairDeviceSettings | null => {
    const r = one.get(chairId) as Row | undefined;
    return r ? toSettings(r) : null;
  };

  const write = (actor: Actor, chairId: number, change: ChairDeviceChange, action: string): ChairDeviceSettings => {
    const before = get(chairId);
    if (!before) throw new Error(`there is no chair ${chairId}`);
    updateChair.run(change.protocolId, change.portPath, chairId);
    const l = change.line;
    upsert.run({
      chairId,
      baudRate: l.baudRate,
      dataBits: l.dataBits,
      parity: l.parity,
      stopBits: l.stopBits,
      rtscts: l.rtscts === null ? null : l.rtscts ? 1 : 0,
      capture: change.capture ? 1 : 0,
      pumpPortPath: change.pumpPortPath,
      at: actor.at,
      userId: actor.userId,
    });
    const after = get(chairId)!;
    const strip = ({ protocolId, portPath, line, capture, pumpPortPath }: ChairDeviceSettings) => ({ protocolId, portPath, line, capture, pumpPortPath });
    audit.append({ at: actor.at, userId: actor.userId, action, entity: 'chair', entityId: chairId, detail: { before: strip(before), after: strip(after) } });
    return after;
  };

  return {
    listChairDevices: () => (all.all() as Row[]).map(toSettings),
    getChairDevice: get,
    /** Protocol, port, line settings and capture of one chair; audited as 'chair.deviceChanged'. */
    setChairDevice: db.transaction((actor: Actor, chairId: number, change: ChairDeviceChange) => write(actor, chairId, change, 'chair.deviceChanged')),
    /** Raw capture on or off alone; audited as 'chair.captureChanged'. */
    setChairCapture: db.transaction((actor: Actor, chairId: number, capture: boolean) => {
      const current = get(chairId);
      if (!current) throw new Error(`there is no chair ${chairId}`);
      return write(actor, chairId, { ...current, capture }, 'chair.captureChanged');
    }),
  };
}
