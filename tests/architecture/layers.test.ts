/**
 * The layering rules of docs/architecture.md, checked mechanically over every source file's imports:
 * pure core, SQL only in db/, bytes and serial ports only in drivers/, Electron only in electron/main and preload,
 * no Node in the renderer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** The import as a path from the repository root (relative imports) or the package name. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', spec)) : spec;
}

function violations(dir: string, forbidden: (t: string) => boolean): string[] {
  return files(dir).flatMap((f) => imports(f).map((s) => target(f, s)).filter(forbidden).map((t) => `${f} imports ${t}`));
}

const isNode = (t: string) => t.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'].includes(t);
const inside = (folder: string) => (t: string) => t === folder || t.startsWith(`${folder}/`);

describe('layers', () => {
  it('the scanner sees real imports (so an empty list below means something)', () => {
    expect(imports('core/api/contract.ts')).toEqual(expect.arrayContaining(['zod', './methods/app']));
    expect(violations('drivers', (t) => t === 'serialport')).toEqual(['drivers/link/port.ts imports serialport']);
  });

  it('core/ is pure: no Node, no DOM libraries, no other layer', () => {
    const allowed = (t: string) => t.startsWith('core') || t === 'zod';
    expect(violations('core', (t) => !allowed(t))).toEqual([]);
  });

  it('only db/ (and tests, bench) use SQLite (better-sqlite3-multiple-ciphers)', () => {
    const sqlite = (t: string) => t.startsWith('better-sqlite3');
    for (const dir of ['core', 'drivers', 'electron', 'renderer']) expect(violations(dir, sqlite)).toEqual([]);
  });

  it('only drivers/ uses serialport', () => {
    for (const dir of ['core', 'db', 'electron', 'renderer']) expect(violations(dir, (t) => t.startsWith('serialport') || t.startsWith('@serialport'))).toEqual([]);
  });

  it('only electron/main and electron/preload import electron', () => {
    const electronOutsideShell = [...violations('electron/services', (t) => t === 'electron'), ...violations('electron/host', (t) => t === 'electron')];
    expect(electronOutsideShell).toEqual([]);
    for (const dir of ['core', 'db', 'drivers', 'renderer']) expect(violations(dir, (t) => t === 'electron')).toEqual([]);
  });

  it('the renderer sees neither Node, nor SQL, nor serial, nor the main-process code', () => {
    expect(violations('renderer', (t) => isNode(t) || inside('db')(t) || inside('drivers')(t) || inside('electron')(t))).toEqual([]);
  });

  it('db/ and drivers/ do not reach up into the services or each other', () => {
    expect(violations('db', (t) => inside('electron')(t) || inside('drivers')(t) || inside('renderer')(t))).toEqual([]);
    expect(violations('drivers', (t) => inside('electron')(t) || inside('db')(t) || inside('renderer')(t))).toEqual([]);
  });

  it('the web host is never imported by the Electron shell', () => {
    expect(violations('electron/main', inside('electron/host'))).toEqual([]);
  });
});
