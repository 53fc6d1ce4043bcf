// Types of ./afterPack.mjs for the tests (electron-builder loads the JavaScript).
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
export declare function fuseConfig(): Record<string | number, unknown>;
export declare function packagedBinary(context: PackContext): string;
export default function afterPack(context: PackContext): Promise<void>;
