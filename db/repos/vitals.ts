/**
 * Vital readings of a chair, stored as chunks (see vitalCodec.ts). The open chunk of each parameter stays in
 * memory and is rewritten in place with every batch. Every chunk a batch touched is written (also the ones it
 * filled and closed), and the in-memory chunks change only once the transaction has committed, so a failed batch
 * can be written again without losing or doubling a reading. A new repository (after a restart) continues the
 * last stored chunk of each parameter.
 */
import type { StoredReading, VitalTrend } from '../../core/api/schemas';
import { bucketTrend } from '../../core/trendBuckets';
import type { VitalParameter } from '../../core/vitals';
import type { DB } from '../open';
import { toStored } from '../storedNames';
import { decodeChunk, encodeChunk, type VitalSample } from '../vitalCodec';

/** Samples a chunk takes before the next one starts (more only in a burst within its first millisecond). */
export const CHUNK_MAX_SAMPLES = 60;
/** A chunk never spans more than this, so a time-range query can seek on start_ms alone. */
export const CHUNK_MAX_SPAN_MS = 10 * 60_000;

interface OpenChunk {
  parameter: string;
  startMs: number;
  samples: VitalSample[];
  deviceOffsetMs: number | null;
}

export function createVitalsRepo(db: DB) {
  const upsert = db.prepare(`
    INSERT INTO vital_chunks (chair_id, parameter, start_ms, end_ms, sample_count, device_offset_ms, data)
    VALUES (@chairId, @parameter, @startMs, @endMs, @count, @deviceOffsetMs, @data)
    ON CONFLICT (chair_id, parameter, start_ms) DO UPDATE SET
      end_ms = excluded.end_ms, sample_count = excluded.sample_count,
      device_offset_ms = excluded.device_offset_ms, data = excluded.data`);
  const exists = db.prepare('SELECT 1 FROM vital_chunks WHERE chair_id = ? AND parameter = ? AND start_ms = ?').pluck();
  const lastStored = db.prepare(`
    SELECT start_ms AS startMs, device_offset_ms AS deviceOffsetMs, data FROM vital_chunks
    WHERE chair_id = ? AND parameter = ? ORDER BY start_ms DESC LIMIT 1`);
  // A signed range on the chair that begins by `to` and ends after `from` (index session_signatures_range).
  const signedAfter = db.prepare('SELECT 1 FROM session_signatures WHERE chair_id = ? AND vitals_to > ? AND vitals_from <= ? LIMIT 1').pluck();
  const range = db.prepare(`
    SELECT parameter, start_ms AS startMs, data FROM vital_chunks
    WHERE chair_id = ? AND parameter = ? AND start_ms BETWEEN ? AND ? ORDER BY start_ms`);
  /** The committed open chunk per chair and parameter; undefined = not looked up yet, null = none stored. */
  const open = new Map<string, OpenChunk | null>();

  function committedChunk(chairId: number, parameter: string): OpenChunk | null {
    const key = `${chairId}:${parameter}`;
    let chunk = open.get(key);
    if (chunk === undefined) {
      const row = lastStored.get(chairId, parameter) as { startMs: number; deviceOffsetMs: number | null; data: Uint8Array } | undefined;
      chunk = row ? { parameter, startMs: row.startMs, deviceOffsetMs: row.deviceOffsetMs, samples: decodeChunk(row.startMs, row.data) } : null;
      open.set(key, chunk);
    }
    return chunk;
  }

  function write(chairId: number, chunk: OpenChunk): void {
    upsert.run({
      chairId,
      parameter: chunk.parameter,
      startMs: chunk.startMs,
      endMs: chunk.samples[chunk.samples.length - 1]!.t,
      count: chunk.samples.length,
      deviceOffsetMs: chunk.deviceOffsetMs,
      data: encodeChunk(chunk.startMs, chunk.samples),
    });
  }

  function newChunk(chairId: number, parameter: string, t: number): OpenChunk {
    let startMs = t;
    // Never overwrite a chunk already on disk (the clock may have jumped back onto an old start time).
    while (exists.get(chairId, parameter, startMs)) startMs--;
    return { parameter, startMs, samples: [], deviceOffsetMs: null };
  }

  /** Returns the open chunks as they are after the batch; the caller adopts them only after the commit. */
  const appendBatch = db.transaction((chairId: number, readings: readonly StoredReading[]) => {
    // Copies of the committed chunks: a rolled-back batch must leave the cache as it was.
    const staged = new Map<string, OpenChunk>();
    const unwritten = new Set<OpenChunk>();
    for (const r of readings) {
      const parameter = toStored(r.parameter);
      const key = `${chairId}:${parameter}`;
      let chunk = staged.get(key);
      let signedSince = false;
      if (!chunk) {
        const committed = committedChunk(chairId, parameter);
        if (committed) chunk = { ...committed, samples: [...committed.samples] };
        // A session signed since that chunk's last sample locks it (migration 0060): the cuff, or a monitor switched
        // off before the discharge. Appending would be refused for ever and hold every later reading of the chair.
        const end = committed?.samples.at(-1)?.t;
        signedSince = end !== undefined && signedAfter.get(chairId, end, r.receivedAt) !== undefined;
      }
      const last = chunk?.samples[chunk.samples.length - 1];
      if (
        !chunk ||
        signedSince ||
        // A burst within the chunk's first ms stays in it: a new chunk must start later to sort after it.
        (chunk.samples.length >= CHUNK_MAX_SAMPLES && r.receivedAt > chunk.startMs) ||
        r.receivedAt - chunk.startMs >= CHUNK_MAX_SPAN_MS ||
        (last && r.receivedAt < last.t)
      ) {
        // The full chunk goes to disk first, so the new one's start time cannot collide with it.
        if (chunk && unwritten.delete(chunk)) write(chairId, chunk);
        chunk = newChunk(chairId, parameter, r.receivedAt);
      }
      staged.set(key, chunk);
      unwritten.add(chunk);
      chunk.samples.push({ t: r.receivedAt, value: r.value, state: r.state });
      if (chunk.deviceOffsetMs === null && r.deviceTime !== undefined) chunk.deviceOffsetMs = r.deviceTime - r.receivedAt;
    }
    for (const chunk of unwritten) write(chairId, chunk);
    return staged;
  });

  function samples(chairId: number, parameter: VitalParameter, from: number, to: number): VitalSample[] {
    const rows = range.all(chairId, toStored(parameter), from - CHUNK_MAX_SPAN_MS, to) as { startMs: number; data: Uint8Array }[];
    return rows.flatMap((row) => decodeChunk(row.startMs, row.data)).filter((s) => s.t >= from && s.t <= to);
  }

  return {
    /** All or nothing: when it throws, nothing of the batch is stored and the same batch may be appended again. */
    appendReadings(chairId: number, readings: readonly StoredReading[]): void {
      if (readings.length === 0) return;
      for (const [key, chunk] of appendBatch(chairId, readings)) open.set(key, chunk);
    },
    samples,
    /**
     * The trend of [from, to]. `fitToData` starts the grid at the first stored sample instead: a chair that has sent
     * for two minutes gets 5 s buckets, not the 20 s ones of a three-hour window (its chart appears at once).
     */
    trend(chairId: number, from: number, to: number, parameters: readonly VitalParameter[], maxBuckets: number, fitToData = false): VitalTrend {
      const bySeries = new Map(parameters.map((p) => [p, samples(chairId, p, from, to)]));
      const first = Math.min(...[...bySeries.values()].map((list) => list[0]?.t ?? Infinity));
      const start = fitToData && Number.isFinite(first) ? Math.max(from, first) : from;
      return bucketTrend(start, to, bySeries, maxBuckets);
    },
  };
}
