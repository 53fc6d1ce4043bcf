// electron-builder's afterPack hook (release/electron-builder.json): flips the fuses of ./fuses.mjs into the packaged
// Electron binary before it is signed and wrapped into the installer.
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';
import { RELEASE_FUSES } from './fuses.mjs';

/** The fuse config for @electron/fuses: every known fuse decided, none inherited. */
export function fuseConfig() {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const [name, on] of Object.entries(RELEASE_FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`release/fuses.mjs names the fuse ${name}, which @electron/fuses does not know`);
    config[FuseV1Options[name]] = on;
  }
  return config;
}

/** The packaged Electron binary of this platform. */
export function packagedBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'darwin') return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const binary = packagedBinary(context);
  await flipFuses(binary, { ...fuseConfig(), resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
  console.log(`fuses hardened in ${binary}`);
}
