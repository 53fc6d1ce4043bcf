/**
 * The release build where no Electron binary can be downloaded: electron-builder's own schema check of
 * release/electron-builder.json, the targets and the shipped native module, and the afterPack hook run on a stand-in
 * binary that carries Electron's fuse wire (sentinel, version, length, one byte per fuse), read back with
 * @electron/fuses as a release build would be.
 */
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack, { fuseConfig, packagedBinary } from '../../release/afterPack.mjs';
import { RELEASE_FUSES } from '../../release/fuses.mjs';
import { tempDir } from '../helpers/tempDir';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(join(ROOT, 'release/electron-builder.json'), 'utf8'));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const cleanup: (() => unknown)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

/** A file laid out like an Electron binary around its fuse wire: `fuses` fuses, all enabled ('1'). */
function standIn(file: string, fuses: number): void {
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, fuses]), Buffer.alloc(fuses, '1')]);
  writeFileSync(file, Buffer.concat([randomBytes(64 * 1024), wire, randomBytes(64 * 1024)]), { mode: 0o755 });
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema check", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // The check is real: an unknown key is refused.
    await expect(validateConfiguration({ ...structuredClone(config), linux: { ...config.linux, notAnOption: 1 } }, new DebugLogger(false))).rejects.toThrow(/does not match the API schema/);
  });

  it('builds Windows NSIS, Linux AppImage and deb, ships the Electron-ABI SQLite where the app loads it, and hardens the fuses after packing', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
    const natives = config.extraResources.find((r: { from: string }) => r.from.startsWith('build/electron-natives/'));
    expect(natives).toEqual({ from: 'build/electron-natives/better_sqlite3_mc.node', to: 'natives/better_sqlite3_mc.node' });
    // The same names in the script that builds it and in the main process that loads it.
    expect(readFileSync(join(ROOT, 'scripts/build-electron-natives.mjs'), 'utf8')).toContain(`'${natives.from}'`);
    expect(readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8')).toContain("join(process.resourcesPath, 'natives', 'better_sqlite3_mc.node')");
    // Native modules are never rebuilt by electron-builder: node_modules keeps the Node build the tests use.
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(existsSync(join(ROOT, config.afterPack))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.release).toMatch(/electron-builder --config release\/electron-builder\.json/);
    expect(pkg.scripts.release).toMatch(/build-electron-natives/);
  });
});

describe('fuses', () => {
  it('decides every fuse @electron/fuses knows, with the hardened ones as required', () => {
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(RELEASE_FUSES).sort()).toEqual(known.sort());
    expect(RELEASE_FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
    expect(fuseConfig()).toMatchObject({ strictlyRequireAllFuses: true, [FuseV1Options.RunAsNode]: false, [FuseV1Options.OnlyLoadAppFromAsar]: true });
  });

  it('the afterPack hook flips them in the packaged binary (Linux and Windows names)', async () => {
    const dir = tempDir('release-');
    cleanup.push(() => dir.remove());
    const known = Object.keys(RELEASE_FUSES).length;
    for (const platform of ['linux', 'win32'] as const) {
      const appOutDir = join(dir.path, platform);
      mkdirSync(appOutDir);
      const context = { appOutDir, electronPlatformName: platform, packager: { executableName: config.linux.executableName, appInfo: { productFilename: config.productName } } };
      const binary = packagedBinary(context);
      expect(binary).toBe(join(appOutDir, platform === 'linux' ? 'infusionsueberwachung' : 'Infusionsueberwachung.exe'));
      standIn(binary, known);
      await afterPack(context);
      const wire = await getCurrentFuseWire(binary);
      for (const [name, on] of Object.entries(RELEASE_FUSES)) {
        expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], `${platform}: ${name}`).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
      }
    }
  });

  it('stops the release when Electron has a fuse nobody decided on', async () => {
    const dir = tempDir('release-');
    cleanup.push(() => dir.remove());
    const context = { appOutDir: dir.path, electronPlatformName: 'linux', packager: { executableName: 'app', appInfo: { productFilename: 'app' } } };
    standIn(join(dir.path, 'app'), Object.keys(RELEASE_FUSES).length + 1);
    await expect(afterPack(context)).rejects.toThrow(/strictlyRequireAllFuses/);
  });
});
