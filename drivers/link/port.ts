/**
 * The byte pipe a link reads from: a real serial port, or the in-process end of the built-in simulator.
 * Both look the same to the link, so the link's logic is exercised identically.
 */
import { SerialPort } from 'serialport';
import type { LinkFault } from '../../core/devices/linkFault';
import type { LineSettings } from '../protocol';
import { hangupAwareBinding } from './hangupBinding';
import { openFault, PortOpenError } from './openFault';

export interface PortLike {
  onData(cb: (chunk: Uint8Array) => void): void;
  /** Called once when the port closes for any reason other than close(): why as a code, and in English for logs. */
  onClose(cb: (fault: LinkFault, text: string) => void): void;
  write(bytes: Uint8Array): void;
  close(): Promise<void>;
}

/** Rejects with a PortOpenError (its fault says why) when the port cannot be opened. */
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
      if (err) return reject(new PortOpenError(`cannot open ${path}: ${err.message}`, openFault(path, err.message)));
      let closing = false;
      let closeCb: ((fault: LinkFault, text: string) => void) | null = null;
      let closeReported = false;
      const reportClose = (fault: LinkFault['code'], text: string) => {
        if (closing || closeReported) return;
        closeReported = true;
        closeCb?.({ code: fault, args: {} }, text);
      };
      port.on('error', (e: Error) => reportClose('portError', `port error: ${e.message}`));
      port.on('close', (e?: Error & { disconnected?: boolean }) =>
        e?.disconnected ? reportClose('deviceDisconnected', 'device disconnected') : reportClose('portClosed', `port closed${e ? `: ${e.message}` : ''}`),
      );
      resolve({
        onData: (cb) => port.on('data', (chunk: Buffer) => cb(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))),
        onClose: (cb) => {
          closeCb = cb;
        },
        write: (bytes) => {
          port.write(Buffer.from(bytes), (e) => e && reportClose('writeFailed', `write failed: ${e.message}`));
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
