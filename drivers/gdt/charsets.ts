/**
 * The character sets a GDT partner may use, as pure tables (no dependency): ISO 8859-15 (the default, 9206 = 3),
 * IBM code page 437 (9206 = 2, the "official" GDT 2.1 set per Elexis' documentation) and UTF-8 (tomedo.LINK's
 * default; GDT 2.1 has no 9206 value for it, so 9206 is left out). Lengths in a GDT line count bytes of this encoding.
 */

export const GDT_CHARSETS = ['iso-8859-15', 'cp437', 'utf-8'] as const;
export type GdtCharset = (typeof GDT_CHARSETS)[number];

/** 9206 "Verwendeter Zeichensatz" per charset (null: GDT 2.1 has no code for it). */
export const CHARSET_9206: Record<GdtCharset, string | null> = { 'iso-8859-15': '3', cp437: '2', 'utf-8': null };

/** The charset a 9206 value names; '1' (7-bit) reads as ISO 8859-15, its superset. */
export function charsetOf9206(value: string): GdtCharset | null {
  switch (value.trim()) {
    case '1':
    case '3':
      return 'iso-8859-15';
    case '2':
      return 'cp437';
    default:
      return null;
  }
}

/** ISO 8859-15 differs from Latin-1 (byte = code point) in eight places. */
const LATIN9_CHANGES: [number, number][] = [
  [0xa4, 0x20ac], [0xa6, 0x0160], [0xa8, 0x0161], [0xb4, 0x017d],
  [0xb8, 0x017e], [0xbc, 0x0152], [0xbd, 0x0153], [0xbe, 0x0178],
];

/** CP437 bytes 0x80–0xFF (0x00–0x7F read as ASCII: GDT text has no use for the glyphs of the control codes). */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function singleByteTable(high: (byte: number) => number): { toChar: string[]; toByte: Map<number, number> } {
  const toChar: string[] = [];
  const toByte = new Map<number, number>();
  for (let b = 0; b < 256; b++) {
    const cp = b < 0x80 ? b : high(b);
    toChar.push(String.fromCodePoint(cp));
    toByte.set(cp, b);
  }
  return { toChar, toByte };
}

const latin9Changes = new Map(LATIN9_CHANGES);
const TABLES = {
  'iso-8859-15': singleByteTable((b) => latin9Changes.get(b) ?? b),
  cp437: singleByteTable((b) => CP437_HIGH.codePointAt(b - 0x80)!),
};

export class UnencodableTextError extends Error {
  constructor(
    readonly charset: GdtCharset,
    readonly character: string,
    readonly text: string,
  ) {
    super(`"${character}" (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) cannot be written in ${charset}: "${text}"`);
    this.name = 'UnencodableTextError';
  }
}

export function encodeText(text: string, charset: GdtCharset): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(text);
  const { toByte } = TABLES[charset];
  const out: number[] = [];
  for (const ch of text) {
    const b = toByte.get(ch.codePointAt(0)!);
    if (b === undefined) throw new UnencodableTextError(charset, ch, text);
    out.push(b);
  }
  return Uint8Array.from(out);
}

/** Single-byte sets decode every byte; UTF-8 replaces broken sequences with U+FFFD (the caller reports them). */
export function decodeText(bytes: Uint8Array, charset: GdtCharset): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  const { toChar } = TABLES[charset];
  let s = '';
  for (const b of bytes) s += toChar[b];
  return s;
}

/** Whether the bytes are valid UTF-8 with at least one multi-byte sequence (a file that was written in UTF-8). */
export function looksLikeUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
