/**
 * What one inbound file means: a 6301 (Stammdaten übermitteln) or 6302 (Neue Untersuchung anfordern) addressed to
 * this app names a patient by PVS number (3000) with name and birth date; a 6311 (Daten einer Untersuchung zeigen)
 * asks to show a patient's examination, named by PVS number and perhaps its day (6200); anything else is refused
 * with a reason code and its English text (the inbox moves it to error/). Pure: bytes and the partner's settings in, a verdict out.
 */
import type { GdtReason, GdtReasonArgs, GdtReasonCode, MissingField } from '../../../core/gdt/gdtReason';
import { GdtFormatError, decodeGdt, fieldValue, type DecodedGdt } from '../../../drivers/gdt/codec';
import type { GdtPartner, PvsPatient } from '../../../db/repos/gdt';

export const HANDLED_TYPES: Record<string, string> = {
  '6301': 'Stammdaten übermitteln',
  '6302': 'Neue Untersuchung anfordern',
  '6311': 'Daten einer Untersuchung zeigen',
};
const OTHER_TYPES: Record<string, string> = {
  '6300': 'Stammdaten anfordern',
  '6310': 'Daten einer Untersuchung übermitteln',
};

/** What is stored as the file's parse result (JSON). */
export type ParseSummary =
  | { charset: string; charsetFrom: string; records: { type: string; fields: [string, string][] }[]; problems: { code: string; line: number; message: string }[] }
  | { error: string; line: number };

export type InboundVerdict =
  /** requestedFor: the day asked for (6200 when the file has a real date, else the day it was read). */
  | { outcome: 'accepted'; recordType: string; patient: PvsPatient; requestedFor: string; parse: ParseSummary }
  /**
   * A 6311: show the examination of the patient with this PVS number (3000 is all GDT 2.1 requires); examinedOn is
   * its 6200 when that is a real date. Whether the app knows the patient decides the database (accepted or refused).
   */
  | { outcome: 'showRequested'; recordType: '6311'; pvsNumber: string; examinedOn: string | null; parse: ParseSummary }
  /** reason: the English text (logs, the stored `reason`); why: the same as a code for the screens. */
  | { outcome: 'rejected'; recordType: string | null; reason: string; why: GdtReason; parse: ParseSummary }
  /** The file is shorter than its 8100 says: the PVS may still be writing it. */
  | { outcome: 'incomplete'; declared: number; actual: number };

export function summaryOf(d: DecodedGdt): ParseSummary {
  return {
    charset: d.charset,
    charsetFrom: d.charsetFrom,
    records: d.records.map((r) => ({ type: r.type, fields: r.fields.map((f): [string, string] => [f.id, f.value]) })),
    problems: d.problems,
  };
}

/** TTMMJJJJ → YYYY-MM-DD when it is a real date, else null. */
export function isoDate(ttmmjjjj: string | undefined): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(ttmmjjjj?.trim() ?? '');
  if (!m) return null;
  const [, d, mo, y] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const iso = `${y}-${mo}-${d}`;
  return date.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * 3108 (Versichertenart: 1 Mitglied, 3 Familienversicherter, 5 Rentner, records-out.md §1.6) is the statutory
 * insurance's membership from the health card: a PVS fills it only for a statutory patient. GDT 2.1 has no field
 * for a private patient or a self-payer, so those are entered on the patient form.
 */
const STATUTORY_3108 = new Set(['1', '3', '5']);

export function readInbound(bytes: Uint8Array, partner: Pick<GdtPartner, 'charset' | 'ownGdtId' | 'pvsGdtId'>, today: string): InboundVerdict {
  let decoded: DecodedGdt;
  try {
    decoded = decodeGdt(bytes, partner.charset);
  } catch (err) {
    if (!(err instanceof GdtFormatError)) throw err;
    const why: GdtReason = { code: err.kind, args: err.line > 0 ? { line: err.line } : {} };
    return { outcome: 'rejected', recordType: null, reason: `not a GDT file: ${err.message}`, why, parse: { error: err.message, line: err.line } };
  }
  const parse = summaryOf(decoded);
  const reject = (code: GdtReasonCode, args: GdtReasonArgs, reason: string): InboundVerdict => ({
    outcome: 'rejected', recordType: decoded.records[0]?.type ?? null, reason, why: { code, args }, parse,
  });
  const count = decoded.records.length;
  if (count !== 1) return reject('recordCount', { count }, `a GDT file carries one record; this one has ${count}`);
  const record = decoded.records[0]!;
  if (record.declaredLength !== null && record.declaredLength > record.byteLength) {
    return { outcome: 'incomplete', declared: record.declaredLength, actual: record.byteLength };
  }
  if (!HANDLED_TYPES[record.type]) {
    const known = OTHER_TYPES[record.type];
    return reject('recordTypeNotHandled', { recordType: record.type }, `record type ${record.type}${known ? ` (${known})` : ''} is not handled here; this app takes 6301, 6302 and 6311`);
  }
  const receiver = fieldValue(record, '8315')?.trim();
  const sender = fieldValue(record, '8316')?.trim();
  if (receiver && receiver !== partner.ownGdtId) return reject('wrongReceiver', { receiver, ownGdtId: partner.ownGdtId }, `addressed to GDT id "${receiver}" (8315), this app is "${partner.ownGdtId}"`);
  if (sender && sender !== partner.pvsGdtId) return reject('wrongSender', { sender, pvsGdtId: partner.pvsGdtId }, `sent by GDT id "${sender}" (8316), the partner is "${partner.pvsGdtId}"`);
  const pvsNumber = fieldValue(record, '3000')?.trim() ?? '';
  if (pvsNumber.length > 10) return reject('pvsNumberTooLong', { pvsNumber }, `the patient number (3000) "${pvsNumber}" is longer than 10 characters`);
  if (record.type === '6311') {
    if (!pvsNumber) return reject('fieldsMissing', { recordType: '6311', fields: '3000' }, 'the 6311 lacks 3000 (patient number)');
    return { outcome: 'showRequested', recordType: '6311', pvsNumber, examinedOn: isoDate(fieldValue(record, '6200')), parse };
  }
  const familyName = fieldValue(record, '3101')?.trim() ?? '';
  const givenName = fieldValue(record, '3102')?.trim() ?? '';
  const birthDate = isoDate(fieldValue(record, '3103'));
  const found3103 = fieldValue(record, '3103') ?? '';
  // Each lacking field by its id (the code's args) and in English (the stored text).
  const missing: [MissingField, string][] = [];
  if (!pvsNumber) missing.push(['3000', '3000 (patient number)']);
  if (!familyName) missing.push(['3101', '3101 (name)']);
  if (!givenName) missing.push(['3102', '3102 (given name)']);
  if (!(birthDate && birthDate <= today)) missing.push(['3103', `3103 (birth date TTMMJJJJ, found "${found3103}")`]);
  if (missing.length > 0) {
    const args = { recordType: record.type, fields: missing.map(([id]) => id).join(','), ...(missing.some(([id]) => id === '3103') ? { found3103 } : {}) };
    return reject('fieldsMissing', args, `the ${record.type} lacks ${missing.map(([, words]) => words).join(', ')}`);
  }
  const insurance = STATUTORY_3108.has(fieldValue(record, '3108')?.trim() ?? '') ? ('statutory' as const) : null;
  const requestedFor = isoDate(fieldValue(record, '6200')) ?? today;
  return { outcome: 'accepted', recordType: record.type, patient: { pvsNumber, familyName, givenName, birthDate: birthDate!, insurance }, requestedFor, parse };
}
