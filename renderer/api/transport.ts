/** What the renderer needs from a transport. The Electron preload bridge and the WebSocket client both provide it. */
import type { Envelope } from '../../core/api/envelope';

export interface Transport {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Connection state for the header ("connection to the app lost" must be visible, never a frozen screen). */
  onConnection?(listener: (connected: boolean) => void): () => void;
}

/** The object the preload script exposes as window.infusionApi (see electron/preload/index.ts). */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
