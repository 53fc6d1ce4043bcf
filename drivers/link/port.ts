/**
 * The byte pipe a link reads from: a real serial port, or the in-process end of the built-in simulator.
 * Both look the same to the link, so the link's logic is exercised identically.
 */
import { SerialPort } from 'serialport';
import type { LineSettings } from '../protocol';
import { hangupAwareBinding } from './hangupBinding';

export interface PortLike {
  onData(cb: (chunk: Uint8Array) => void): void;
  /** Called once when the port closes for any reason other than close(); err describes why. */
  onClose(cb: (reason: string) => void): void;
  write(bytes: Uint8Array): void;
  close(): Promise<void>;
}

export type PortOpener = (path: string, settings: LineSettings) => Promise<PortLike>;

/** The detected binding with the hang-up fix: a `binding` in SerialPort's options replaces the detected one. */
const binding = hangupAwareBinding(SerialPort.binding);

export const openSerialPort: PortOpener = (path, settings) =>
  new Promise((resolve, reject) => {
    const port = new SerialPort({
      binding,
      path,
      baudRate: settings.baudRate,
      dataBits: settings.dataBits,
      parity: settings.parity,
      stopBits: settings.stopBits,
      rtscts: settings.rtscts,
      autoOpen: false,
    });
    port.open((err) => {
      if (err) return reject(new Error(`cannot open ${path}: ${err.message}`));
      let closing = false;
      let closeCb: ((reason: string) => void) | null = null;
      let closeReported = false;
      const reportClose = (reason: string) => {
        if (closing || closeReported) return;
        closeReported = true;
        closeCb?.(reason);
      };
      port.on('error', (e: Error) => reportClose(`port error: ${e.message}`));
      port.on('close', (e?: Error & { disconnected?: boolean }) =>
        reportClose(e?.disconnected ? 'device disconnected' : `port closed${e ? `: ${e.message}` : ''}`),
      );
      resolve({
        onData: (cb) => port.on('data', (chunk: Buffer) => cb(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))),
        onClose: (cb) => {
          closeCb = cb;
        },
        write: (bytes) => {
          port.write(Buffer.from(bytes), (e) => e && reportClose(`write failed: ${e.message}`));
        },
        close: () =>
          new Promise<void>((r) => {
            closing = true;
            if (!port.isOpen) return r();
            port.close(() => r());
          }),
      });
    });
  });

/** Serial ports the operating system lists, for the setup screen. */
export async function listSerialPorts(): Promise<{ path: string; manufacturer?: string; serialNumber?: string }[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => ({ path: p.path, manufacturer: p.manufacturer, serialNumber: p.serialNumber }));
}
