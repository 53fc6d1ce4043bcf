/**
 * Everything the rest of the app may ask of the database, in one object. It runs inside the database worker
 * (db/worker.ts); the main thread reaches it through DbClient (db/client.ts) with the same names and types.
 */
import type { DB } from './open';
import { createChairsRepo } from './repos/chairs';
import { createVitalsRepo } from './repos/vitals';

export function createDbApi(db: DB) {
  const chairs = createChairsRepo(db);
  const vitals = createVitalsRepo(db);
  return {
    listChairs: chairs.list,
    recordChairEvent: chairs.recordEvent,
    chairEvents: chairs.events,
    appendReadings: vitals.appendReadings,
    vitalTrend: vitals.trend,
  };
}

export type DbApi = ReturnType<typeof createDbApi>;
export type DbMethod = keyof DbApi;
