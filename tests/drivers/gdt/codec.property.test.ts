/**
 * Round-trip properties of the GDT codec in every charset (random records → encode → decode gives them back, each
 * line's length prefix and 8100 are the byte counts), and the reader on malformed bytes: a GdtFormatError with
 * the line, or a record with its problems named — never another exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, GDT_CHARSETS, UnencodableTextError, type GdtCharset } from '../../../drivers/gdt/charsets';
import { decodeGdt, encodeGdt, GdtEncodeError, GdtFormatError, type GdtRecord } from '../../../drivers/gdt/codec';

/** Characters each charset can write (no CR/LF: a GDT value is one line). */
const REPERTOIRE: Record<GdtCharset, string[]> = {
  'iso-8859-15': [...decodeText(Uint8Array.from({ length: 256 }, (_, i) => i), 'iso-8859-15')],
  cp437: [...decodeText(Uint8Array.from({ length: 256 }, (_, i) => i), 'cp437')],
  'utf-8': [...'abcXYZ019 .,;:/\\-_()äöüÄÖÜßéèçñ€ŁłŒœ漢字😀\t'],
};
const CHARSET_CODE: Record<GdtCharset, string | null> = { 'iso-8859-15': '3', cp437: '2', 'utf-8': null };

function recordOf(charset: GdtCharset) {
  const chars = REPERTOIRE[charset].filter((c) => c !== '\r' && c !== '\n');
  const value = fc.array(fc.constantFrom(...chars), { maxLength: 60 }).map((a) => a.join(''));
  const id = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')).filter((i) => !['8000', '8100', '9206'].includes(i));
  // A single-byte set is named in 9206, as our writer always does: without it, random text can happen to be valid
  // UTF-8 (CP437 "─╛" is UTF-8 "ľ"), and the reader would take it as UTF-8, as records-out.md §1.5 says it should.
  const code = CHARSET_CODE[charset];
  return fc.record({
    type: fc.constantFrom('6300', '6301', '6302', '6310', '6311'),
    fields: fc.array(fc.record({ id, value }), { maxLength: 40 }),
    at: fc.nat(),
  }).map(({ type, fields, at }): GdtRecord => {
    if (!code) return { type, fields };
    const i = at % (fields.length + 1);
    return { type, fields: [...fields.slice(0, i), { id: '9206', value: code }, ...fields.slice(i)] };
  });
}

function lines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 1; i < bytes.length; i++) {
    if (bytes[i - 1] === 0x0d && bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  expect(start).toBe(bytes.length);
  return out;
}

describe.each(GDT_CHARSETS)('round trip in %s', (charset) => {
  it('random records → encode → decode: the same record, no problems, every length a byte count', () => {
    fc.assert(
      fc.property(recordOf(charset), (record) => {
        const bytes = encodeGdt(record, charset);
        const d = decodeGdt(bytes, charset);
        // Random CP437/Latin-9 text may look like UTF-8: a warning only, 9206 decides and the text comes back.
        expect(d.problems.filter((p) => p.code !== 'charsetMismatch')).toEqual([]);
        expect(d.charset).toBe(charset);
        expect(d.records).toHaveLength(1);
        const { type, fields, declaredLength, byteLength } = d.records[0]!;
        expect({ type, fields }).toEqual(record);
        expect(declaredLength).toBe(bytes.length);
        expect(byteLength).toBe(bytes.length);
        const ls = lines(bytes);
        expect(ls).toHaveLength(record.fields.length + 2);
        for (const l of ls) expect(Number(String.fromCharCode(...l.subarray(0, 3)))).toBe(l.length);
        expect(String.fromCharCode(...ls[1]!.subarray(3, 7))).toBe('8100');
      }),
      { numRuns: 300 },
    );
  });
});

describe('the writer refuses what it cannot write canonically', () => {
  const rec = (fields: GdtRecord['fields'], type = '6310'): GdtRecord => ({ type, fields });
  it.each([
    ['a line break in a value', rec([{ id: '6220', value: 'a\r\nb' }]), GdtEncodeError, /line break/],
    ['a field id that is not four digits', rec([{ id: '622', value: 'x' }]), GdtEncodeError, /four digits/],
    ['8100 given by the caller', rec([{ id: '8100', value: '00010' }]), GdtEncodeError, /written by the encoder/],
    ['a record type that is not four digits', rec([], '63x0'), GdtEncodeError, /record type/],
    ['9206 naming another charset', rec([{ id: '9206', value: '2' }]), GdtEncodeError, /does not name iso-8859-15/],
    ['a value longer than a line', rec([{ id: '6228', value: 'x'.repeat(991) }]), GdtEncodeError, /too long for one GDT line/],
    ['a character outside the charset', rec([{ id: '3101', value: 'Wałęsa' }]), UnencodableTextError, /"ł"/],
  ])('%s', (_what, record, type, message) => {
    expect(() => encodeGdt(record, 'iso-8859-15')).toThrow(type);
    expect(() => encodeGdt(record, 'iso-8859-15')).toThrow(message);
  });

  it('9206 with UTF-8 (which has no code) and a record over 99999 bytes', () => {
    expect(() => encodeGdt(rec([{ id: '9206', value: '3' }]), 'utf-8')).toThrow(/leave 9206 out/);
    const huge = rec(Array.from({ length: 110 }, () => ({ id: '6228', value: 'x'.repeat(990) })));
    expect(() => encodeGdt(huge, 'utf-8')).toThrow(/at most 99999/);
  });
});

describe('the reader on malformed bytes', () => {
  it.each([
    ['an empty file', '', /the file is empty/],
    ['only line ends', '\r\n\r\n', /the file is empty/],
    ['a file that starts with another field', '01330004711\r\n', /line 1: the file must start with field 8000/],
    ['a line without length and field id', '01380006302\r\nHallo Welt\r\n', /line 2: no 3-digit length/],
    ['a line too short for its header', '01380006302\r\n01380\r\n', /line 2: no 3-digit length/],
    ['a PDF instead of a GDT file', '%PDF-1.7\n%âãÏÓ\n', /line 1: no 3-digit length/],
  ])('%s: GdtFormatError in words', (_what, text, message) => {
    const bytes = new TextEncoder().encode(text);
    expect(() => decodeGdt(bytes)).toThrow(GdtFormatError);
    expect(() => decodeGdt(bytes)).toThrow(message);
  });

  it('random bytes and damaged records: a GdtFormatError or a decoded record, never another exception', () => {
    const valid = encodeGdt({ type: '6302', fields: [{ id: '3000', value: '4711' }, { id: '3101', value: 'Müller' }] }, 'iso-8859-15');
    const damaged = fc
      .tuple(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: valid.length }))
      .map(([at, byte, cut]) => {
        const b = valid.slice(0, Math.max(cut, at + 1));
        b[at] = byte;
        return b;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), damaged), (bytes) => {
        try {
          const d = decodeGdt(bytes);
          expect(d.records.length).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(GdtFormatError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a record cut short (a PVS still writing it) shows as 8100 longer than the bytes', () => {
    const full = encodeGdt({ type: '6302', fields: [{ id: '3000', value: '4711' }, { id: '3101', value: 'Müller' }] }, 'iso-8859-15');
    const d = decodeGdt(full.subarray(0, full.length - 15));
    expect(d.records[0]!.declaredLength).toBe(full.length);
    expect(d.records[0]!.byteLength).toBeLessThan(full.length);
    expect(d.problems.map((p) => p.code)).toContain('recordLength');
  });
});
