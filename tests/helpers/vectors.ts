/** Reads the shared reference captures (tests/fixtures/vectors, copied from shared/vectors with their origin), as they are. */
import { readFileSync } from 'node:fs';

export const VECTORS_DIR = new URL('../fixtures/vectors/', import.meta.url);

export function vectorBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, VECTORS_DIR)));
}

export function vectorText(name: string): string {
  return readFileSync(new URL(name, VECTORS_DIR), 'utf8');
}

/** "7e 31 00 …" → bytes */
export function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}
