/** The GDT character sets against independent tables: Node's ISO 8859-15 decoder and glibc's CP437 (fixture). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHARSET_9206, charsetOf9206, decodeText, encodeText, GDT_CHARSETS, looksLikeUtf8, UnencodableTextError } from '../../../drivers/gdt/charsets';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('ISO 8859-15', () => {
  it('decodes every byte as Node\'s TextDecoder("iso-8859-15") does', () => {
    const node = new TextDecoder('iso-8859-15');
    for (const b of ALL_BYTES) expect(decodeText(Uint8Array.of(b), 'iso-8859-15'), `byte 0x${b.toString(16)}`).toBe(node.decode(Uint8Array.of(b)));
  });

  it('encodes every character back to its byte, € and Œ included, and refuses what it has not', () => {
    expect(encodeText(decodeText(ALL_BYTES, 'iso-8859-15'), 'iso-8859-15')).toEqual(ALL_BYTES);
    expect([...encodeText('€Šš Müller ß', 'iso-8859-15')]).toEqual([0xa4, 0xa6, 0xa8, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0xdf]);
    // ¤ is Latin-1's 0xA4, which ISO 8859-15 gave to €.
    expect(() => encodeText('¤', 'iso-8859-15')).toThrow(UnencodableTextError);
    expect(() => encodeText('Łódź', 'iso-8859-15')).toThrow(/"Ł" \(U\+0141\) cannot be written in iso-8859-15/);
  });
});

describe('CP437', () => {
  const table = readFileSync(new URL('../../fixtures/gdt/cp437-high.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => /^0x/.test(l))
    .map((l) => l.split(' ').map((x) => parseInt(x.replace(/^(0x|U\+)/, ''), 16)) as [number, number]);

  it('decodes bytes 0x80–0xFF as the known table (128 entries) and 0x00–0x7F as ASCII', () => {
    expect(table).toHaveLength(128);
    for (const [byte, cp] of table) expect(decodeText(Uint8Array.of(byte), 'cp437').codePointAt(0), `byte 0x${byte.toString(16)}`).toBe(cp);
    for (let b = 0; b < 0x80; b++) expect(decodeText(Uint8Array.of(b), 'cp437')).toBe(String.fromCharCode(b));
  });

  it('round-trips every byte; umlauts are where DOS had them; € has no place', () => {
    expect(encodeText(decodeText(ALL_BYTES, 'cp437'), 'cp437')).toEqual(ALL_BYTES);
    expect([...encodeText('ÄÖÜäöüß', 'cp437')]).toEqual([0x8e, 0x99, 0x9a, 0x84, 0x94, 0x81, 0xe1]);
    expect(() => encodeText('5 €', 'cp437')).toThrow(UnencodableTextError);
  });
});

describe('UTF-8 and 9206', () => {
  it('writes any text in UTF-8 and recognises UTF-8 bytes', () => {
    const text = 'Jörg Łukasz 😀';
    expect(decodeText(encodeText(text, 'utf-8'), 'utf-8')).toBe(text);
    expect(looksLikeUtf8(encodeText(text, 'utf-8'))).toBe(true);
    expect(looksLikeUtf8(encodeText('Jörg', 'iso-8859-15'))).toBe(false);
    expect(looksLikeUtf8(encodeText('plain', 'utf-8'))).toBe(false);
  });

  it('9206 names the single-byte sets; UTF-8 has no code in GDT 2.1', () => {
    expect(GDT_CHARSETS.map((c) => CHARSET_9206[c])).toEqual(['3', '2', null]);
    expect(['1', '2', '3', ' 3', '4'].map(charsetOf9206)).toEqual(['iso-8859-15', 'cp437', 'iso-8859-15', 'iso-8859-15', null]);
  });
});
