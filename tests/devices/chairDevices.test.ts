/** Migration 0050 and the chair device repository: audited writes, defaults, refusals. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../db/audit';
import { migrate } from '../../db/migrations';
import { createChairDevicesRepo } from '../../db/repos/chairDevices';

function setUp() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('doc', 'Dr. A', 'physician', 'x', 0)").run();
  const audit = createAuditLog(db, Buffer.alloc(32, 7));
  return { db, audit, repo: createChairDevicesRepo(db, audit) };
}

const NONE = { baudRate: null, dataBits: null, parity: null, stopBits: null, rtscts: null };

describe('chair devices (migration 0050)', () => {
  it('gives every existing chair default settings: its protocol and port, no overrides, no capture', () => {
    const { repo } = setUp();
    const all = repo.listChairDevices();
    expect(all).toHaveLength(4);
    expect(all[0]).toMatchObject({ chairId: 1, protocolId: 'datex-s5', portPath: null, line: NONE, capture: false, pumpPortPath: null });
  });

  it('saves protocol, port, line overrides and capture with one audit entry holding before and after', () => {
    const { repo, audit, db } = setUp();
    const saved = repo.setChairDevice({ userId: 1, at: 1000 }, 2, {
      protocolId: 'bbraun-bcc',
      portPath: '/dev/ttyUSB1',
      line: { ...NONE, baudRate: 19200, rtscts: true },
      capture: true,
      pumpPortPath: '/dev/ttyUSB2',
    });
    expect(saved).toMatchObject({ chairId: 2, protocolId: 'bbraun-bcc', portPath: '/dev/ttyUSB1', capture: true, pumpPortPath: '/dev/ttyUSB2', updatedAt: 1000, updatedBy: 1 });
    expect(saved.line).toEqual({ ...NONE, baudRate: 19200, rtscts: true });
    expect(repo.getChairDevice(2)).toEqual(saved);
    const entries = db.prepare("SELECT action, entity, entity_id AS entityId, user_id AS userId, detail FROM audit_log").all() as any[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'chair.deviceChanged', entity: 'chair', entityId: 2, userId: 1 });
    const detail = JSON.parse(entries[0].detail);
    expect(detail.before.protocolId).toBe('datex-s5');
    expect(detail.after.portPath).toBe('/dev/ttyUSB1');
    repo.setChairCapture({ userId: 1, at: 2000 }, 2, false);
    expect(repo.getChairDevice(2)!.capture).toBe(false);
    expect(audit.verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses impossible line settings and unknown chairs, and writes nothing then', () => {
    const { repo, db } = setUp();
    expect(() => repo.setChairDevice({ userId: 1, at: 1 }, 1, { protocolId: 'datex-s5', portPath: '/dev/x', line: { ...NONE, baudRate: 12345 }, capture: false, pumpPortPath: null })).toThrow(/CHECK/);
    expect(() => repo.setChairDevice({ userId: 1, at: 1 }, 99, { protocolId: 'datex-s5', portPath: null, line: NONE, capture: false, pumpPortPath: null })).toThrow(/no chair 99/);
    expect(() => repo.setChairDevice({ userId: 1, at: 1 }, 1, { protocolId: 'datex-s5', portPath: '  ', line: NONE, capture: false, pumpPortPath: null })).toThrow(/must not be empty/);
    expect(() => repo.setChairDevice({ userId: 1, at: 1 }, 1, { protocolId: 'datex-s5', portPath: null, line: NONE, capture: false, pumpPortPath: ' ' })).toThrow(/CHECK/);
    expect(repo.getChairDevice(1)!.portPath).toBeNull();
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    expect(() => db.prepare('DELETE FROM chair_devices').run()).toThrow(/never deleted/);
  });
});
