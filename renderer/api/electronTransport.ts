import type { PreloadBridge, Transport } from './transport';

export function createElectronTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (method, input) => bridge.call(method, input),
    on: (event, listener) => bridge.on(event, listener),
    // The main process lives as long as the window: the connection cannot drop.
    onConnection: (listener) => {
      listener(true);
      return () => {};
    },
  };
}
