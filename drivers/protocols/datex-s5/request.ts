/** The display-data request the app sends (M1017617 §3, Appendix A). */
import { encodeFrame } from './framing';

export const REQUEST_LENGTH = 49;
export const RECORD_DISPLAYED_VALUES = 1;
/** The monitor sends displayed values at most every 5 s (M1017617: tx_ival ≥ 5 for DRI_PH_DISPL). */
export const MIN_INTERVAL_S = 5;

/** phdb_class_bf: 0 asks for the basic class only. */
export function displayRequestRecord(intervalS: number, classBits = 0): Uint8Array {
  const record = new Uint8Array(REQUEST_LENGTH);
  const view = new DataView(record.buffer);
  view.setInt16(0, REQUEST_LENGTH, true);
  view.setInt16(14, 0, true); // r_maintype PHDB
  record[21] = 0xff; // sr_desc[1].sr_type ends the list; sr_desc[0] = {offset 0, type 0}
  record[40] = RECORD_DISPLAYED_VALUES;
  view.setInt16(41, intervalS, true);
  view.setUint32(43, classBits, true);
  return record;
}

export function displayRequestFrame(intervalS: number, classBits = 0): Uint8Array {
  return encodeFrame(displayRequestRecord(intervalS, classBits));
}

/** Reads a request record the way the monitor would; null if it is not a displayed-values request. */
export function parseDisplayRequest(record: Uint8Array): { intervalS: number } | null {
  if (record.length !== REQUEST_LENGTH || record[40] !== RECORD_DISPLAYED_VALUES) return null;
  return { intervalS: new DataView(record.buffer, record.byteOffset).getInt16(41, true) };
}
