/** Connects the contract to Electron IPC: one handler for all calls, one channel for all events. */
import { ipcMain, type BrowserWindow } from 'electron';
import type { Services } from '../services/createServices';
import { isTrustedSender } from './trustedSender';

export function registerIpc(services: Services, win: BrowserWindow): () => void {
  ipcMain.handle('app:call', async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'calls are accepted only from the app window' } };
    }
    return services.dispatch(method, input, `electron-${event.sender.id}`);
  });
  // Events carry patient data: only while a user is logged in and the station is unlocked.
  const unsubscribe = services.bus.subscribe((event, payload) => {
    if (!win.isDestroyed() && services.auth.canReceiveEvents(`electron-${win.webContents.id}`)) win.webContents.send('app:event', event, payload);
  });
  return () => {
    ipcMain.removeHandler('app:call');
    unsubscribe();
  };
}
