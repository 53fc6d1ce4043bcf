/**
 * Electron entry: a thin shell around the same services the browser host runs. One instance, one window,
 * hardened; the WebSocket host is never started here.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { envKeyStore, resolveAuditKey } from '../services/auditKey';
import { createServices, type Services } from '../services/createServices';
import { startupProgress } from './startupWindow';
import { keychainKeyStore } from './auditKeyStore';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyPermissions, hardenApp } from './security';
import { createMainWindow } from './window';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenApp();
  let services: Services | null = null;

  app.on('second-instance', () => {
    // A second start focuses the running app instead of opening a second database writer.
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(async () => {
    denyPermissions();
    serveRenderer(join(__dirname, '..', 'renderer'));
    // The Electron-ABI better-sqlite3-multiple-ciphers: shipped in resources/natives by release builds
    // (release/electron-builder.json), built into build/electron-natives by `npm run build:electron-natives` for
    // `npm start` (see README). node_modules keeps the Node build for the tests.
    const electronBinding = app.isPackaged
      ? join(process.resourcesPath, 'natives', 'better_sqlite3_mc.node')
      : join(__dirname, '..', '..', 'build', 'electron-natives', 'better_sqlite3_mc.node');
    const dataDir = join(app.getPath('userData'), 'data');
    // Shown only while an old plain database is encrypted; closed once the main window exists (closing the last
    // window first would end the app through window-all-closed).
    const progress = startupProgress();
    try {
      // The audit key: INFUSION_AUDIT_KEY if set, else the keychain-encrypted blob beside (not inside) the data folder.
      const keyStore = envKeyStore() ?? keychainKeyStore(join(app.getPath('userData'), 'audit-key.bin'));
      services = await createServices({
        onDatabaseProgress: (line) => {
          console.log(`database: ${line}`);
          progress.step(line);
        },
        dataDir,
        auditKey: resolveAuditKey(dataDir, keyStore, (line) => console.log(line)),
        dbWorkerFile: join(__dirname, '..', 'db-worker.mjs'),
        fontDir: join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf'),
        nativeBinding: existsSync(electronBinding) ? electronBinding : undefined,
        transport: 'electron',
        version: app.getVersion(),
      });
    } catch (err) {
      // E.g. the data folder is held by another app (browser host or window; db/folderLock.ts): one line, nothing written.
      console.error(`The app could not start: ${(err as Error).message}`);
      dialog.showErrorBox('Infusionsüberwachung', `Die Anwendung konnte nicht starten:\n${(err as Error).message}`);
      app.exit(1);
      return;
    }
    const win = createMainWindow();
    progress.close();
    registerIpc(services, win);
  });

  app.on('window-all-closed', async () => {
    await services?.close();
    app.quit();
  });
}
