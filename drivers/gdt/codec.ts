/**
 * GDT 2.1 records ⇄ bytes, pure (no fs). A record is lines `LLLFFFFcontent\r\n`: LLL = bytes of the whole line
 * including CRLF (content bytes + 9), FFFF = field id; it opens with 8000 (record type) and 8100 (record length =
 * bytes of the whole record, 5 digits). Lengths count bytes of the file's charset (records-out.md §1.4, §1.5).
 *
 * The reader is tolerant where real files differ harmlessly (LF line ends, no final newline, a length prefix or
 * 8100 that does not match, UTF-8 without 9206) and lists each difference as a problem; it refuses what it cannot
 * read at all (a line without length and field id, a file that does not start with 8000) with the line in words.
 * The writer is strict: it writes only canonical records.
 */
import { CHARSET_9206, charsetOf9206, decodeText, encodeText, looksLikeUtf8, type GdtCharset } from './charsets';

export interface GdtField {
  /** Four-digit field id (Feldkennung), e.g. '3000'. */
  id: string;
  value: string;
}

/** A record without its 8000 and 8100 lines: the writer computes those. */
export interface GdtRecord {
  /** Satzart, e.g. '6302'. */
  type: string;
  fields: GdtField[];
}

export interface DecodedGdtRecord extends GdtRecord {
  /** 8100 as written (null: missing or not a number). */
  declaredLength: number | null;
  /** Bytes of the record as the writer should have counted them (content in the file's charset + 9 per line). */
  byteLength: number;
  /** 1-based line of its 8000. */
  firstLine: number;
}

export type GdtProblemCode =
  | 'lineLength'
  | 'lineEnd'
  | 'noFinalNewline'
  | 'emptyLine'
  | 'recordLength'
  | 'fieldOrder'
  | 'undecodableText'
  | 'byteOrderMark'
  | 'charsetMismatch';

export interface GdtProblem {
  code: GdtProblemCode;
  /** 1-based line (0: the whole file). */
  line: number;
  message: string;
}

export interface DecodedGdt {
  charset: GdtCharset;
  /** How the charset was chosen: the file's 9206, UTF-8 bytes without 9206, or the partner's setting. */
  charsetFrom: '9206' | 'utf8Bytes' | 'fallback';
  records: DecodedGdtRecord[];
  problems: GdtProblem[];
}

/** Which way the bytes are not GDT (the link says it in the user's language with the line: core/gdt/gdtReason.ts). */
export type GdtFormatKind = 'fileEmpty' | 'lineWithoutField' | 'noRecordTypeFirst';

export class GdtFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly kind: GdtFormatKind,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.name = 'GdtFormatError';
  }
}

const CR = 0x0d;
const LF = 0x0a;
const LINE_OVERHEAD = 9; // LLL + FFFF + CRLF
const RECORD_TYPE = '8000';
const RECORD_LENGTH = '8100';
const CHARSET_FIELD = '9206';

interface RawLine {
  number: number;
  bytes: Uint8Array;
  end: 'crlf' | 'lf' | 'eof';
}

function splitLines(bytes: Uint8Array): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== LF) continue;
    const crlf = i > start && bytes[i - 1] === CR;
    lines.push({ number: lines.length + 1, bytes: bytes.subarray(start, crlf ? i - 1 : i), end: crlf ? 'crlf' : 'lf' });
    start = i + 1;
  }
  if (start < bytes.length) lines.push({ number: lines.length + 1, bytes: bytes.subarray(start), end: 'eof' });
  return lines;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const isDigits = (bytes: Uint8Array) => bytes.every((b) => b >= 0x30 && b <= 0x39);

/** Shows a line's start in a message without control bytes. */
function preview(bytes: Uint8Array): string {
  const s = ascii(bytes.subarray(0, 30)).replace(/[^\x20-\x7e]/g, '?');
  return bytes.length > 30 ? `${s}…` : s;
}

/**
 * records-out.md §1.5: 9206 first; without it, bytes that are valid UTF-8 with multi-byte sequences are UTF-8
 * (tomedo.LINK writes UTF-8 by default); otherwise the partner's setting. A 9206 that names a single-byte set over
 * bytes that look like UTF-8 is read as 9206 says, and named as a problem (the text may show as "GrÃ¶ÃŸe").
 */
function chooseCharset(lines: RawLine[], body: Uint8Array, fallback: GdtCharset, problems: GdtProblem[]): Pick<DecodedGdt, 'charset' | 'charsetFrom'> {
  const line9206 = lines.find((l) => l.bytes.length > 7 && ascii(l.bytes.subarray(3, 7)) === CHARSET_FIELD);
  const named = line9206 ? charsetOf9206(ascii(line9206.bytes.subarray(7))) : null;
  const utf8 = looksLikeUtf8(body);
  if (named) {
    if (utf8) problems.push({ code: 'charsetMismatch', line: line9206!.number, message: `9206 names ${named}, but the text looks like UTF-8` });
    return { charset: named, charsetFrom: '9206' };
  }
  return utf8 ? { charset: 'utf-8', charsetFrom: 'utf8Bytes' } : { charset: fallback, charsetFrom: 'fallback' };
}

/**
 * Reads a GDT file. `fallbackCharset` (the partner's setting) applies when the file has no 9206 and is not UTF-8.
 * Throws GdtFormatError when the bytes are not a GDT file at all.
 */
export function decodeGdt(input: Uint8Array, fallbackCharset: GdtCharset = 'iso-8859-15'): DecodedGdt {
  const problems: GdtProblem[] = [];
  let bytes = input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    problems.push({ code: 'byteOrderMark', line: 1, message: 'the file starts with a UTF-8 byte order mark' });
  }
  const lines = splitLines(bytes);
  if (lines.every((l) => l.bytes.length === 0)) throw new GdtFormatError('the file is empty', 0, 'fileEmpty');
  const { charset, charsetFrom } = chooseCharset(lines, bytes, fallbackCharset, problems);

  const records: DecodedGdtRecord[] = [];
  let current: DecodedGdtRecord | null = null;
  let lfLines = 0;
  for (const line of lines) {
    if (line.bytes.length === 0) {
      problems.push({ code: 'emptyLine', line: line.number, message: `line ${line.number} is empty` });
      continue;
    }
    if (line.bytes.length < 7 || !isDigits(line.bytes.subarray(0, 7))) {
      throw new GdtFormatError(`no 3-digit length and 4-digit field id at the start: "${preview(line.bytes)}"`, line.number, 'lineWithoutField');
    }
    const declared = Number(ascii(line.bytes.subarray(0, 3)));
    const id = ascii(line.bytes.subarray(3, 7));
    const content = line.bytes.subarray(7);
    const value = decodeText(content, charset);
    if (value.includes('\uFFFD')) {
      problems.push({ code: 'undecodableText', line: line.number, message: `line ${line.number} has bytes that are not ${charset}` });
    }
    if (declared !== content.length + LINE_OVERHEAD) {
      problems.push({
        code: 'lineLength',
        line: line.number,
        message: `line ${line.number} (field ${id}) says ${declared} bytes, it has ${content.length + LINE_OVERHEAD} in ${charset}`,
      });
    }
    if (line.end === 'lf') lfLines++;
    if (line.end === 'eof') problems.push({ code: 'noFinalNewline', line: line.number, message: 'the last line has no line end' });

    if (id === RECORD_TYPE) {
      current = { type: value, fields: [], declaredLength: null, byteLength: 0, firstLine: line.number };
      records.push(current);
    } else if (!current) {
      throw new GdtFormatError(`the file must start with field 8000 (record type), it starts with ${id}`, line.number, 'noRecordTypeFirst');
    }
    current.byteLength += content.length + LINE_OVERHEAD;
    if (id === RECORD_LENGTH) {
      current.declaredLength = /^\d+$/.test(value) ? Number(value) : null;
      if (line.number !== current.firstLine + 1) {
        problems.push({ code: 'fieldOrder', line: line.number, message: `8100 (record length) should follow 8000 directly, it is on line ${line.number}` });
      }
    } else if (id !== RECORD_TYPE) {
      current.fields.push({ id, value });
    }
  }
  if (lfLines > 0) problems.push({ code: 'lineEnd', line: 0, message: `${lfLines} line(s) end with LF only, GDT needs CR LF` });
  for (const r of records) {
    if (r.declaredLength !== r.byteLength) {
      problems.push({
        code: 'recordLength',
        line: r.firstLine + 1,
        message: `8100 says ${r.declaredLength ?? 'nothing'}, the record (from line ${r.firstLine}) has ${r.byteLength} bytes in ${charset}`,
      });
    }
  }
  return { charset, charsetFrom, records, problems };
}

export class GdtEncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GdtEncodeError';
  }
}

const MAX_LINE = 999;
const MAX_RECORD = 99_999;

function line(id: string, content: Uint8Array): Uint8Array {
  const total = content.length + LINE_OVERHEAD;
  if (total > MAX_LINE) throw new GdtEncodeError(`field ${id} is too long for one GDT line (${content.length} bytes; at most ${MAX_LINE - LINE_OVERHEAD})`);
  const out = new Uint8Array(total);
  out.set(encodeText(String(total).padStart(3, '0') + id, 'iso-8859-15'));
  out.set(content, 7);
  out[total - 2] = CR;
  out[total - 1] = LF;
  return out;
}

/** Writes one record in canonical form: 8000, 8100 (computed), then the fields in order, CR LF after each line. */
export function encodeGdt(record: GdtRecord, charset: GdtCharset): Uint8Array {
  if (!/^\d{4}$/.test(record.type)) throw new GdtEncodeError(`a record type is four digits, not "${record.type}"`);
  const code = CHARSET_9206[charset];
  const body = record.fields.map((f) => {
    if (!/^\d{4}$/.test(f.id)) throw new GdtEncodeError(`a field id is four digits, not "${f.id}"`);
    if (f.id === RECORD_TYPE || f.id === RECORD_LENGTH) throw new GdtEncodeError(`field ${f.id} is written by the encoder, not given`);
    if (/[\r\n]/.test(f.value)) throw new GdtEncodeError(`field ${f.id} contains a line break; split the text into repeated fields`);
    if (f.id === CHARSET_FIELD && f.value !== code) {
      throw new GdtEncodeError(`9206 = "${f.value}" does not name ${charset}${code ? ` (that is ${code})` : ' (which has no 9206 code: leave 9206 out)'}`);
    }
    return line(f.id, encodeText(f.value, charset));
  });
  const head = line(RECORD_TYPE, encodeText(record.type, charset));
  const total = head.length + LINE_OVERHEAD + 5 + body.reduce((n, l) => n + l.length, 0);
  if (total > MAX_RECORD) throw new GdtEncodeError(`the record is ${total} bytes; 8100 allows at most ${MAX_RECORD}`);
  const parts = [head, line(RECORD_LENGTH, encodeText(String(total).padStart(5, '0'), charset)), ...body];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The first value of a field, or undefined. */
export function fieldValue(record: GdtRecord, id: string): string | undefined {
  return record.fields.find((f) => f.id === id)?.value;
}
