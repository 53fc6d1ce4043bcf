/**
 * Vital readings of a chair, stored as chunks (see vitalCodec.ts). The open chunk of each parameter stays in
 * memory and is rewritten in place with every batch, so at most one batch is lost by a crash.
 */
import type { StoredReading, TrendSeries } from '../../core/api/schemas';
import type { VitalParameter } from '../../core/vitals';
import type { DB } from '../open';
import { decodeChunk, encodeChunk, type VitalSample } from '../vitalCodec';

export const CHUNK_MAX_SAMPLES = 60;
/** A chunk never spans more than this, so a time-range query can seek on start_ms alone. */
export const CHUNK_MAX_SPAN_MS = 10 * 60_000;

interface OpenChunk {
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
  const range = db.prepare(`
    SELECT parameter, start_ms AS startMs, data FROM vital_chunks
    WHERE chair_id = ? AND parameter = ? AND start_ms BETWEEN ? AND ? ORDER BY start_ms`);
  const open = new Map<string, OpenChunk>();

  function newChunk(chairId: number, parameter: string, t: number): OpenChunk {
    let startMs = t;
    // Never overwrite a chunk already on disk (the clock may have jumped back onto an old start time).
    while (exists.get(chairId, parameter, startMs)) startMs--;
    return { startMs, samples: [], deviceOffsetMs: null };
  }

  const appendBatch = db.transaction((chairId: number, readings: readonly StoredReading[]) => {
    const touched = new Map<string, { parameter: string; chunk: OpenChunk }>();
    for (const r of readings) {
      const key = `${chairId}:${r.parameter}`;
      let chunk = open.get(key);
      const last = chunk?.samples[chunk.samples.length - 1];
      if (
        !chunk ||
        chunk.samples.length >= CHUNK_MAX_SAMPLES ||
        r.receivedAt - chunk.startMs >= CHUNK_MAX_SPAN_MS ||
        (last && r.receivedAt < last.t)
      ) {
        chunk = newChunk(chairId, r.parameter, r.receivedAt);
        open.set(key, chunk);
      }
      chunk.samples.push({ t: r.receivedAt, value: r.value, state: r.state });
      if (chunk.deviceOffsetMs === null && r.deviceTime !== undefined) chunk.deviceOffsetMs = r.deviceTime - r.receivedAt;
      touched.set(key, { parameter: r.parameter, chunk });
    }
    for (const { parameter, chunk } of touched.values()) {
      upsert.run({
        chairId,
        parameter,
        startMs: chunk.startMs,
        endMs: chunk.samples[chunk.samples.length - 1]!.t,
        count: chunk.samples.length,
        deviceOffsetMs: chunk.deviceOffsetMs,
        data: encodeChunk(chunk.startMs, chunk.samples),
      });
    }
  });

  function samples(chairId: number, parameter: VitalParameter, from: number, to: number): VitalSample[] {
    const rows = range.all(chairId, parameter, from - CHUNK_MAX_SPAN_MS, to) as { startMs: number; data: Uint8Array }[];
    return rows.flatMap((row) => decodeChunk(row.startMs, row.data)).filter((s) => s.t >= from && s.t <= to);
  }

  return {
    appendReadings(chairId: number, readings: readonly StoredReading[]): void {
      if (readings.length > 0) appendBatch(chairId, readings);
    },
    samples,
    trend(chairId: number, from: number, to: number, parameters: readonly VitalParameter[], maxPoints: number): TrendSeries[] {
      return parameters.map((parameter) => decimate(parameter, samples(chairId, parameter, from, to), maxPoints));
    },
  };
}

/**
 * Keeps at most about maxPoints points for a chart: per time bucket the lowest and highest value, in time order,
 * so a short desaturation is still visible in a 3-hour trend. Invalid samples stay as gaps (null).
 */
export function decimate(parameter: VitalParameter, samples: readonly VitalSample[], maxPoints: number): TrendSeries {
  const series: TrendSeries = { parameter, times: [], values: [] };
  const push = (s: VitalSample) => {
    series.times.push(s.t);
    series.values.push(s.state === 'valid' ? s.value : null);
  };
  if (samples.length <= maxPoints) {
    samples.forEach(push);
    return series;
  }
  const first = samples[0]!.t;
  const span = samples[samples.length - 1]!.t - first + 1;
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  let bucket = -1;
  let group: VitalSample[] = [];
  const flush = () => {
    const valid = group.filter((s) => s.state === 'valid' && s.value !== null);
    if (valid.length === 0) {
      if (group[0]) push(group[0]);
      return;
    }
    const lo = valid.reduce((a, b) => (b.value! < a.value! ? b : a));
    const hi = valid.reduce((a, b) => (b.value! > a.value! ? b : a));
    if (lo === hi) push(lo);
    else [lo, hi].sort((a, b) => a.t - b.t).forEach(push);
  };
  for (const s of samples) {
    const b = Math.floor(((s.t - first) / span) * buckets);
    if (b !== bucket && group.length > 0) {
      flush();
      group = [];
    }
    bucket = b;
    group.push(s);
  }
  flush();
  return series;
}
