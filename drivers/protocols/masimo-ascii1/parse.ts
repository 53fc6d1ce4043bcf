/** Parses one Masimo "ASCII 1" line (also the Rad-8 trend-dump variant) into fields. Pure, never throws. */
import { exceptionMask } from '../../../core/devices/deviceAlarms';
import type { RejectReason } from '../../../core/devices/rejectReason';

export interface MasimoRecord {
  /** Device clock as if it were UTC (the line carries no time zone), epoch ms. */
  deviceTime?: number;
  /** undefined: field absent; null: field present but "not available" (dashes). */
  spo2?: number | null;
  pulseRate?: number | null;
  alarm?: number;
  exception?: number;
  serial?: string;
}

export type ParseResult = { ok: true; record: MasimoRecord } | { ok: false; reason: RejectReason; detail?: string };

const DATE_RE = /^(\d\d)\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)$/;
const NUMBER_RE = /^\d{1,4}(\.\d{1,3})?$/;

export function parseMasimoLine(line: string): ParseResult {
  // Devices send leading NULs after power-up and the README copy has CR LF CR LF: strip both.
  const text = line.replace(/[\0\r]/g, '').trim();
  const tokens = text.split(/\s+/);
  const rec: MasimoRecord = {};
  let i = 0;
  if (tokens.length >= 2) {
    const m = DATE_RE.exec(`${tokens[0]} ${tokens[1]}`);
    if (m) {
      const [mo, d, y, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
      if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
        return { ok: false, reason: 'badDateTime' };
      }
      rec.deviceTime = Date.UTC(y < 70 ? 2000 + y : 1900 + y, mo - 1, d, h, mi, s);
      i = 2;
    }
  }
  if (rec.deviceTime === undefined) return { ok: false, reason: 'noDateTime', detail: 'partial line?' };
  for (; i < tokens.length; i++) {
    const tok = tokens[i] ?? '';
    const eq = tok.indexOf('=');
    if (eq <= 0) return { ok: false, reason: 'tokenWithoutKeyValue' };
    const key = tok.slice(0, eq).toUpperCase();
    const raw = tok.slice(eq + 1);
    switch (key) {
      case 'SPO2':
      case 'BPM':
      case 'PR': {
        const v = numeric(raw.replace(/%$/, ''));
        if (v === undefined) return { ok: false, reason: 'malformedValue', detail: key };
        if (key === 'SPO2') rec.spo2 = v;
        else rec.pulseRate = v;
        break;
      }
      case 'ALARM':
      case 'EXC': {
        // Trend-dump form appends text: "EXC=820:OffPat,SET".
        const hex = raw.split(':')[0] ?? '';
        if (!/^[0-9A-Fa-f]{1,8}$/.test(hex)) return { ok: false, reason: 'malformedField', detail: key };
        if (key === 'ALARM') rec.alarm = parseInt(hex, 16);
        else rec.exception = parseInt(hex, 16);
        break;
      }
      case 'SN':
        rec.serial = raw;
        break;
      default:
        // PI, SPCO, SPMET, DESAT, PIDELTA, PVI...: licensed extras the app does not record.
        break;
    }
  }
  if (rec.spo2 === undefined && rec.pulseRate === undefined) return { ok: false, reason: 'noSpo2OrPulse' };
  return { ok: true, record: rec };
}

/** Number, null for the "--" not-available marker, undefined if malformed. */
function numeric(raw: string): number | null | undefined {
  if (raw.includes('-')) return null;
  if (!NUMBER_RE.test(raw)) return undefined;
  return Number(raw);
}

/** EXC bits that make SpO2/PR unusable, from the one table of bits (core/devices/deviceAlarms.ts, monitor-protocols §2c). */
export const EXC_SENSOR_OFF = exceptionMask('sensorOff'); // no sensor, sensor off, no cable
export const EXC_INVALID = exceptionMask('invalid'); // defective, pulse search, unrecognized, incompatible
export const EXC_QUESTIONABLE = exceptionMask('questionable'); // low perfusion, interference, ambient light, low SIQ
