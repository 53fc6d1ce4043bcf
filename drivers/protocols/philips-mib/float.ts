/** IntelliVue FLOATType: u32 = int8 exponent (bits 31..24) and int24 mantissa; value = mantissa × 10^exponent. */

export const FLOAT_NAN = 0x007fffff;
export const FLOAT_NRES = 0x00800000;
export const FLOAT_POS_INF = 0x007ffffe;
export const FLOAT_NEG_INF = 0x00800002;

/** The number, or null for the special "no value" codes (NaN, NRes, ±INF). */
export function decodeFloat(bits: number): number | null {
  const u = bits >>> 0;
  if (u === FLOAT_NAN || u === FLOAT_NRES || u === FLOAT_POS_INF || u === FLOAT_NEG_INF) return null;
  const exponent = (u >> 24) << 24 >> 24; // sign-extend the top byte
  const mantissa = (u << 8) >> 8; // sign-extend 24 bits
  // Divide for negative exponents: 12 / 10 gives exactly the double nearest 1.2, 12 * 0.1 does not.
  return exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent;
}

/** Encode with the finest exponent (down to 10^-maxDecimals) whose mantissa fits in 24 bits. */
export function encodeFloat(value: number | null, maxDecimals = 2): number {
  if (value === null || !Number.isFinite(value)) return FLOAT_NAN;
  for (let e = -maxDecimals; e <= 127; e++) {
    const m = Math.round(e < 0 ? value * 10 ** -e : value / 10 ** e);
    // Mantissas at the top of the range collide with the special codes: keep clear of them.
    if (m > -0x7ffffd && m < 0x7ffffd) return (((e & 0xff) << 24) | (m & 0xffffff)) >>> 0;
  }
  return FLOAT_NAN;
}
