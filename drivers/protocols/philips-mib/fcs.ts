/** IntelliVue MIB frame check sequence: RFC 1662 PPP fcs16 (reflected CRC-16/CCITT, poly 0x8408, init 0xFFFF). */

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

export const FCS_INIT = 0xffff;
/** fcs16 over data followed by its own (LSB-first) FCS always gives this residue. */
export const FCS_GOOD = 0xf0b8;

export function fcs16(data: Uint8Array, from = 0, to = data.length, init = FCS_INIT): number {
  let crc = init;
  for (let i = from; i < to; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]!) & 0xff]!;
  return crc;
}

/** The FCS value to transmit (ones-complement), sent LSB first. */
export function frameFcs(data: Uint8Array): number {
  return ~fcs16(data) & 0xffff;
}
