/** BCC response data: quadruples `time,address,parameter,value` separated by RS. */
import type { RejectReason } from '../../../core/devices/rejectReason';

export interface Quad {
  /** Seconds since ComDevice power-on. */
  time: number;
  /** 501xy: pillar x, pump y (1–9, A–O); 50100 = the ComDevice itself. */
  address: string;
  parameter: string;
  value: string;
}

export type QuadResult = { ok: true; quad: Quad } | { ok: false; reason: RejectReason };

const ADDRESS = /^501[0-3][0-9A-O]$/;

export function parseQuads(info: string): QuadResult[] {
  const results: QuadResult[] = [];
  for (const item of info.split('\x1e')) {
    if (item === '') continue;
    // Split on the first three commas only: drug names may contain commas.
    const c1 = item.indexOf(',');
    const c2 = c1 < 0 ? -1 : item.indexOf(',', c1 + 1);
    if (c1 < 0 || c2 < 0) {
      results.push({ ok: false, reason: 'malformedQuadruple' });
      continue;
    }
    const c3 = item.indexOf(',', c2 + 1);
    const timeText = item.slice(0, c1);
    const address = item.slice(c1 + 1, c2);
    // Version replies are triples ("207,50100,V3.30"): the third field is the value.
    const parameter = c3 < 0 ? 'VERSION' : item.slice(c2 + 1, c3);
    const value = c3 < 0 ? item.slice(c2 + 1) : item.slice(c3 + 1);
    if (!/^\d{1,10}$/.test(timeText) || !ADDRESS.test(address) || !/^[A-Z0-9_]{1,16}$/.test(parameter)) {
      results.push({ ok: false, reason: 'malformedQuadruple' });
      continue;
    }
    results.push({ ok: true, quad: { time: Number(timeText), address, parameter, value } });
  }
  return results;
}

export const formatQuad = (q: Quad): string => `${q.time},${q.address},${q.parameter},${q.value}`;

/** "pump 1.3" for 50113, "ComDevice" for 50100. */
export function pumpLabel(address: string): string {
  return address === '50100' ? 'ComDevice' : `pump ${pumpPlace(address)}`;
}

/** Pillar and slot without words ("1.3" for 50113, "ComDevice" for 50100), for the screen's own text. */
export function pumpPlace(address: string): string {
  return address === '50100' ? 'ComDevice' : `${address[3]}.${address[4]}`;
}
