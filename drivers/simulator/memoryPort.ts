/**
 * An in-process byte pipe for the built-in simulated monitor where no pty is available (e.g. Windows without
 * socat). The link sees a PortLike exactly as for a real serial port.
 */
import type { LinkFault } from '../../core/devices/linkFault';
import type { PortLike, PortOpener } from '../link/port';

interface End {
  port: PortLike;
  deliver(bytes: Uint8Array): void;
  hangUp(reason: string): void;
}

function makeEnd(peer: () => End | undefined): End {
  let dataCb: ((b: Uint8Array) => void) | null = null;
  let closeCb: ((fault: LinkFault, text: string) => void) | null = null;
  let open = true;
  const end: End = {
    deliver: (bytes) => {
      if (open) queueMicrotask(() => dataCb?.(bytes));
    },
    hangUp: (reason) => {
      if (!open) return;
      open = false;
      // The peer closed its end: for the app's end that is the device going away.
      closeCb?.({ code: 'deviceDisconnected', args: {} }, reason);
    },
    port: {
      onData: (cb) => void (dataCb = cb),
      onClose: (cb) => void (closeCb = cb),
      write: (bytes) => {
        if (open) peer()?.deliver(bytes.slice());
      },
      close: async () => {
        open = false;
        peer()?.hangUp('the other end closed');
      },
    },
  };
  return end;
}

export function createMemoryPortPair(): { openAppPort: PortOpener; devicePort: PortLike } {
  let app: End | undefined;
  const device: End = makeEnd(() => app);
  return {
    devicePort: device.port,
    // Each open gives a fresh app end, as reopening a serial port does.
    openAppPort: async () => {
      app = makeEnd(() => device);
      return app.port;
    },
  };
}
