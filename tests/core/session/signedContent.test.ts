/** The one way signed content is written out for hashing: stable, exact, and refusing what JSON cannot hold. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, changedParts, contentText, partText, recordRange, SIGNED_PARTS, vitalSamplesBytes, type PartHashes } from '../../../core/session/signedContent';

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ z: null, y: true }, 'x'], c: { e: 'é', d: -0 } })).toBe('{"a":[{"y":true,"z":null},"x"],"b":1,"c":{"d":0,"e":"é"}}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    const keys = ['rate_ml_per_h', 'at', 'kind', 'id', 'Z', '_'];
    for (let run = 0; run < 20; run++) {
      const shuffled = [...keys].sort(() => Math.random() - 0.5);
      const o = Object.fromEntries(shuffled.map((k) => [k, keys.indexOf(k) * 1.5]));
      expect(canonicalJson(o)).toBe('{"Z":6,"_":7.5,"at":1.5,"id":4.5,"kind":3,"rate_ml_per_h":0}');
    }
  });

  it('keeps numbers exactly as stored (shortest round-trip form), not rounded', () => {
    expect(canonicalJson([0.1 + 0.2, 10.5, 1e21, 7.2, 123456789012])).toBe('[0.30000000000000004,10.5,1e+21,7.2,123456789012]');
    expect(JSON.parse(canonicalJson(0.1 + 0.2))).toBe(0.1 + 0.2);
  });

  it('refuses what JSON cannot hold instead of dropping it', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson([NaN])).toThrow(/NaN/);
    expect(() => canonicalJson(Infinity)).toThrow(/Infinity/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });
});

describe('parts and versions', () => {
  it('labels each part with its name and the content version, so equal rows of two parts hash differently', () => {
    expect(partText('doseEvents', [])).toBe('{"content":"signedSession","part":"doseEvents","rows":[],"version":1}');
    expect(partText('observations', [])).not.toBe(partText('doseEvents', []));
  });

  it('names exactly the parts whose hash differs, and a part missing from the signed set', () => {
    const signed = Object.fromEntries(SIGNED_PARTS.map((p) => [p, `h-${p}`])) as PartHashes;
    expect(changedParts(signed, signed)).toEqual([]);
    expect(changedParts(signed, { ...signed, vitals: 'other', escorts: 'other' })).toEqual(['escorts', 'vitals']);
    const { patient: _patient, ...withoutPatient } = signed;
    expect(changedParts(withoutPatient, signed)).toEqual(['patient']);
    expect(contentText(1, signed)).not.toBe(contentText(2, signed));
  });
});

describe('vital samples in their hashed form', () => {
  it('writes 32 little-endian bytes a sample: time, value flag, value, state index', () => {
    const bytes = vitalSamplesBytes([
      { t: 1_000, value: 97.5, state: 'valid' },
      { t: 2_000, value: null, state: 'sensorOff' },
    ]);
    const view = new DataView(bytes.buffer);
    expect(bytes.length).toBe(64);
    expect([0, 8, 16, 24, 32, 40, 48, 56].map((o) => view.getFloat64(o, true))).toEqual([1_000, 1, 97.5, 0, 2_000, 0, 0, 3]);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0x40, 0x8f, 0x40]); // 1000 as float64, low byte first
  });

  it('tells a missing value from a zero', () => {
    const zero = vitalSamplesBytes([{ t: 1, value: 0, state: 'valid' }]);
    const none = vitalSamplesBytes([{ t: 1, value: null, state: 'valid' }]);
    expect(Buffer.from(zero).equals(Buffer.from(none))).toBe(false);
  });
});

describe('record range', () => {
  it('runs from 15 min before the start (or the planned time) to the end, at most 24 h', () => {
    expect(recordRange({ startedAt: 1_000_000_000, plannedFor: 0 }, 1_000_000_000 + 3_600_000)).toEqual({ from: 999_100_000, to: 1_003_600_000 });
    expect(recordRange({ startedAt: null, plannedFor: 5_000 }, 1_000)).toEqual({ from: 5_000, to: 5_000 });
    expect(recordRange({ startedAt: 0, plannedFor: 0 }, 10 * 86_400_000)).toEqual({ from: -900_000, to: -900_000 + 86_400_000 });
  });
});
