/**
 * The GDT codec against every public sample file (tests/fixtures/vectors/gdt, origin in its README): decoded
 * fields as published, and encode(decode(x)) byte for byte where the sample is canonical; where it is not, the
 * test says why and checks the reader names each defect.
 */
import { describe, expect, it } from 'vitest';
import { decodeGdt, encodeGdt, fieldValue, GdtFormatError, type DecodedGdt } from '../../../drivers/gdt/codec';
import { vectorBytes } from '../../helpers/vectors';

const sample = (name: string) => vectorBytes(`gdt/${name}`);
const codes = (d: DecodedGdt) => d.problems.map((p) => `${p.code}@${p.line}`);
const field = (d: DecodedGdt, id: string, record = 0) => fieldValue(d.records[record]!, id);
/** LF → CR LF, and a final CR LF when missing: what a file whose line ends git normalised looked like. */
function withCrlf(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  bytes.forEach((b) => (b === 0x0a ? out.push(0x0d, 0x0a) : out.push(b)));
  if (out[out.length - 1] !== 0x0a) out.push(0x0d, 0x0a);
  return Uint8Array.from(out);
}

describe('canonical samples: decode, and encode back to the same bytes', () => {
  it('pygdt test.gdt: a 6311 in ISO 8859-15 (9206=3), 176 bytes = its 8100', () => {
    const bytes = sample('pygdt_test_6311.gdt');
    const d = decodeGdt(bytes);
    expect(d.problems).toEqual([]);
    expect(d).toMatchObject({ charset: 'iso-8859-15', charsetFrom: '9206' });
    expect(d.records).toHaveLength(1);
    expect(d.records[0]).toMatchObject({ type: '6311', declaredLength: 176, byteLength: 176 });
    expect(d.records[0]!.fields.map((f) => `${f.id}=${f.value}`)).toEqual([
      '9206=3', '9218=02.10', '3000=2', '3101=Testmann', '3102=Thorsten', '3103=06101970',
      '6200=16052011', '8402=SONO00', '8432=16052011', '8439=161859',
    ]);
    expect(encodeGdt(d.records[0]!, d.charset)).toEqual(bytes);
  });

  it('our esketamine 6310: umlauts in ISO 8859-15, result groups, a PDF file group; 902 bytes', () => {
    const bytes = sample('example-esketamine-6310.gdt');
    const d = decodeGdt(bytes);
    expect(d.problems).toEqual([]);
    expect(d.records[0]).toMatchObject({ type: '6310', declaredLength: 902, byteLength: 902 });
    expect([field(d, '8315'), field(d, '8316'), field(d, '3000'), field(d, '3101'), field(d, '3102')]).toEqual(['PVS', 'ESKINF', '4711', 'Müller', 'Jörg']);
    const fields = d.records[0]!.fields;
    expect(fields.filter((f) => f.id === '6220').map((f) => f.value)[2]).toBe('NRS vor 7, nach 3; keine Desaturation; Übelkeit Grad 1');
    expect(fields.filter((f) => f.id === '8410').map((f) => f.value)).toEqual(['ESK_DOSE', 'NRS_PRE', 'NRS_POST', 'SPO2_MIN', 'PADSS']);
    const group = fields.slice(fields.findIndex((f) => f.id === '6302'));
    expect(group.map((f) => f.id)).toEqual(['6302', '6303', '6304', '6305']);
    expect(group[3]!.value).toBe('\\\\praxis-srv\\gdt\\pdf\\ESK-20261120-0001.pdf');
    expect(encodeGdt(d.records[0]!, 'iso-8859-15')).toEqual(bytes);
  });
});

describe('samples that are not canonical', () => {
  it('pygdt test3.gdt: git normalised its line ends to LF and dropped the last newline; with CR LF back it is byte-exact', () => {
    const bytes = sample('pygdt_test3_6311.gdt');
    const d = decodeGdt(bytes);
    expect(codes(d)).toEqual(['noFinalNewline@12', 'lineEnd@0']);
    // No 9206 and plain ASCII: the partner's charset applies.
    expect(d).toMatchObject({ charset: 'iso-8859-15', charsetFrom: 'fallback' });
    expect(d.records[0]).toMatchObject({ type: '6311', declaredLength: 176, byteLength: 176 });
    expect([field(d, '3000'), field(d, '6201'), field(d, '8402')]).toEqual(['3620', '092341', 'EKG01']);
    expect(encodeGdt(d.records[0]!, 'iso-8859-15')).toEqual(withCrlf(bytes));
  });

  it('Idana 6310: stored as UTF-8 with LF, but its lengths count Latin-1 bytes; re-encoded it is its declared 819 bytes', () => {
    const bytes = sample('idana_6310_pdf_attachment_utf8.gdt');
    const d = decodeGdt(bytes);
    expect(d).toMatchObject({ charset: 'utf-8', charsetFrom: 'utf8Bytes' });
    // Exactly the lines with umlauts are "too long" in UTF-8, and so is the record.
    expect(codes(d)).toEqual(['lineLength@6', 'lineLength@18', 'lineLength@22', 'lineLength@24', 'lineEnd@0', 'recordLength@2']);
    expect([field(d, '8316'), field(d, '3101'), field(d, '6302'), field(d, '6303'), field(d, '8402')]).toEqual(['IDANA', 'Gräf', '001', 'PDF', 'ALLG00']);
    expect(field(d, '6305')).toBe('C:\\Users\\nico\\AppData\\Roaming\\Idana Desktop\\GDT\\2020-12-16T1418-Nico-Graf-11.pdf');
    const results = d.records[0]!.fields.filter((f) => f.id === '6228').map((f) => f.value);
    expect(results).toContain('Fragebögen: Covid-19 Verlaufsfragebogen, Versicherungsdaten (Neue '); // trailing space kept
    const latin = encodeGdt(d.records[0]!, 'iso-8859-15');
    expect(latin.length).toBe(819);
    // Every length prefix as Idana wrote it: the file is the Latin-1 + CR LF original.
    expect(latin).toEqual(withCrlf(encodeLatin1(new TextDecoder().decode(bytes))));
    expect(decodeGdt(latin).problems).toEqual([]);
  });

  it('CrescNet example2: two records, UTF-8 bytes under 9206=3, wrong length prefixes, 8100 copied from another file', () => {
    const d = decodeGdt(sample('crescnet_example2_6311_results.gdt'));
    // 9206 rules (records-out.md §1.5); the UTF-8 look of the bytes is named as a problem.
    expect(d).toMatchObject({ charset: 'iso-8859-15', charsetFrom: '9206' });
    expect(d.records.map((r) => [r.type, r.declaredLength, r.byteLength, r.firstLine])).toEqual([
      ['6311', 176, 259, 1],
      ['6311', 176, 259, 21],
    ]);
    expect(codes(d)).toEqual([
      'charsetMismatch@3', 'lineLength@10', 'lineLength@19', 'emptyLine@20', 'lineLength@27', 'lineLength@30',
      'lineLength@35', 'lineLength@39', 'noFinalNewline@39', 'lineEnd@0', 'recordLength@2', 'recordLength@22',
    ]);
    const results = (r: number) => d.records[r]!.fields.filter((f) => ['8410', '8420', '8421'].includes(f.id)).map((f) => f.value);
    expect(results(0).slice(0, 3)).toEqual(['GrÃ¶Ã\u009fe', '184', 'cm']);
    expect(d.problems.find((p) => p.line === 10)!.message).toBe('line 10 (field 8410) says 14 bytes, it has 16 in iso-8859-15');
    // Read as the UTF-8 it really is, the text is right.
    const asUtf8 = decodeGdt(withoutCharsetLines(sample('crescnet_example2_6311_results.gdt')));
    expect(asUtf8.charset).toBe('utf-8');
    expect(asUtf8.records[0]!.fields.find((f) => f.id === '8410')!.value).toBe('Größe');
  });

  it('MEDISTAR 6302: Latin-1 with 9206=3; the repository owner appended header-less text, refused at its first line', () => {
    const bytes = sample('medistar_6302_phoropter_latin1.xdt');
    expect(() => decodeGdt(bytes)).toThrow(GdtFormatError);
    expect(() => decodeGdt(bytes)).toThrow('line 19: no 3-digit length and 4-digit field id at the start: "PHOROPTER"');
    // The 18 lines with a header read as a 6302; the edit shows in 8402's length (12, without CR LF) and in 8100.
    const head = bytes.subarray(0, nthLineEnd(bytes, 18) + 1);
    const d = decodeGdt(head);
    expect(d).toMatchObject({ charset: 'iso-8859-15', charsetFrom: '9206' });
    expect(codes(d)).toEqual(['lineLength@18', 'lineEnd@0', 'recordLength@2']);
    expect([d.records[0]!.type, field(d, '0103'), field(d, '3000'), field(d, '3101'), field(d, '3102'), field(d, '3103'), field(d, '3110'), field(d, '8402')]).toEqual([
      '6302', 'Geräteanbindung GA_XDT', '4701-1', 'Testfrau', 'Anna', '12061955', '2', 'Phoro',
    ]);
  });
});

function withoutCharsetLines(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.from(Buffer.from(bytes).toString('latin1').replaceAll('01092063\n', ''), 'latin1'));
}

function encodeLatin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.codePointAt(0)!));
}

function nthLineEnd(bytes: Uint8Array, n: number): number {
  let seen = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && ++seen === n) return i;
  throw new Error(`fewer than ${n} lines`);
}
