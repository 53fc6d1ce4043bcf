/**
 * Per-chair device settings beyond the protocol and port of `chairs` (which stay where 0010 put them):
 * line-setting overrides (NULL = the protocol's default), whether the link's raw bytes are captured, and the port of
 * the chair's syringe pump (B. Braun BCC through SpaceCom, 9600 8N1; NULL = no pump), which runs beside the monitor.
 * Who changed them and when is in the audit log (action 'chair.deviceChanged').
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 50,
  name: 'chair-devices',
  up(db) {
    db.exec(`
      CREATE TABLE chair_devices (
        chair_id INTEGER PRIMARY KEY REFERENCES chairs(id),
        baud_rate INTEGER CHECK (baud_rate IS NULL OR baud_rate IN (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)),
        data_bits INTEGER CHECK (data_bits IS NULL OR data_bits IN (7, 8)),
        parity TEXT CHECK (parity IS NULL OR parity IN ('none', 'even', 'odd')),
        stop_bits INTEGER CHECK (stop_bits IS NULL OR stop_bits IN (1, 2)),
        rtscts INTEGER CHECK (rtscts IS NULL OR rtscts IN (0, 1)),
        capture INTEGER NOT NULL DEFAULT 0 CHECK (capture IN (0, 1)),
        pump_port_path TEXT CHECK (pump_port_path IS NULL OR length(trim(pump_port_path)) > 0),
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE TRIGGER chair_devices_no_delete BEFORE DELETE ON chair_devices BEGIN
        SELECT RAISE(ABORT, 'chair device settings are changed, never deleted');
      END;
      CREATE TRIGGER chairs_port_path_not_empty BEFORE UPDATE OF port_path ON chairs
        WHEN NEW.port_path IS NOT NULL AND length(trim(NEW.port_path)) = 0 BEGIN
        SELECT RAISE(ABORT, 'a port path must not be empty (NULL means no device)');
      END;
      INSERT INTO chair_devices (chair_id, updated_at) SELECT id, 0 FROM chairs;
    `);
  },
};
export default migration;
