// The Electron fuses of a release build, one decision per fuse (by its name in @electron/fuses), flipped into the
// packaged binary by ./afterPack.mjs. A fuse a newer Electron adds has no decision here: the release then stops
// (strictlyRequireAllFuses) until one is written down.
export const RELEASE_FUSES = {
  // The binary can never run as a plain Node (ELECTRON_RUN_AS_NODE): no Node shell with the app's keychain access.
  RunAsNode: false,
  // Chromium's cookie store encrypted with the OS keychain (the app keeps no cookies; on costs nothing).
  EnableCookieEncryption: true,
  // NODE_OPTIONS cannot inject code or flags (e.g. --require) into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends refused: nobody attaches a debugger to a process holding the database key.
  EnableNodeCliInspectArguments: false,
  // app.asar checked against the hash embedded at build time (Windows, macOS; Electron has no Linux support yet).
  EnableEmbeddedAsarIntegrityValidation: true,
  // The app only from app.asar, never from a loose folder placed beside it.
  OnlyLoadAppFromAsar: true,
  // One V8 snapshot for all processes, Electron's default.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The renderer is served from app://, file:// gets no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
  // Electron's default: WebAssembly bounds checks by trap handlers.
  WasmTrapHandlers: true,
};
