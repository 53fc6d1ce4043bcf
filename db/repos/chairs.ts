import type { DB } from '../open';

export interface ChairRow {
  id: number;
  name: string;
  protocolId: string;
  /** null: no device configured, the built-in simulated monitor runs. */
  portPath: string | null;
}

export function createChairsRepo(db: DB) {
  const list = db.prepare('SELECT id, name, protocol_id AS protocolId, port_path AS portPath FROM chairs ORDER BY id');
  const insertEvent = db.prepare('INSERT INTO chair_events (chair_id, at, kind, detail) VALUES (?, ?, ?, ?)');
  const recentEvents = db.prepare(
    'SELECT at, kind, detail FROM chair_events WHERE chair_id = ? AND at >= ? ORDER BY at, id',
  );
  return {
    list: () => list.all() as ChairRow[],
    recordEvent(chairId: number, at: number, kind: string, detail: string): void {
      insertEvent.run(chairId, at, kind, detail);
    },
    events(chairId: number, since: number) {
      return recentEvents.all(chairId, since) as { at: number; kind: string; detail: string }[];
    },
  };
}
