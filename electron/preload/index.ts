/**
 * The sandboxed preload: exposes exactly the typed API (call, on) and nothing of Electron. Method and event
 * names are checked against the contract here and again in main; listeners never see the IPC event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isEventName, isMethodName } from '../../core/api/contract';

contextBridge.exposeInMainWorld('infusionApi', {
  call(method: string, input: unknown) {
    if (!isMethodName(method)) return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: `unknown method ${method}` } });
    return ipcRenderer.invoke('app:call', method, input);
  },
  on(event: string, listener: (payload: unknown) => void) {
    if (!isEventName(event)) throw new Error(`unknown event ${event}`);
    const forward = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('app:event', forward);
    return () => {
      ipcRenderer.removeListener('app:event', forward);
    };
  },
});
