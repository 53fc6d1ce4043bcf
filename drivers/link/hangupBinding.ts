/**
 * serialport's Unix binding (@serialport/bindings-cpp 13) reads again at once when read() returns 0 bytes, but a
 * tty returns 0 bytes only after hang-up (pulled USB adapter, dead pty): the read then spins forever on the thread
 * pool, burns a core and the stream never reports the loss (serialport/bindings-cpp issue 162, PR 164 unmerged).
 * This wrapper reads the same way, except that 0 bytes is a disconnection, which the stream turns into a close.
 * Ports without a file descriptor (Windows) keep the binding's own read.
 */
import { read as fsRead } from 'node:fs';
import { promisify } from 'node:util';

/**
 * serialport's port binding interface (@serialport/bindings-interface), written out: its published types do not
 * resolve under this project's module resolution.
 */
interface PortBinding {
  readonly openOptions: object;
  readonly isOpen: boolean;
  close(): Promise<void>;
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }>;
  write(buffer: Buffer): Promise<void>;
  update(options: { baudRate: number }): Promise<void>;
  set(options: object): Promise<void>;
  get(): Promise<object>;
  getBaudRate(): Promise<{ baudRate: number }>;
  flush(): Promise<void>;
  drain(): Promise<void>;
}

interface Binding {
  list(): Promise<unknown[]>;
  open(options: object): Promise<PortBinding>;
}

/** What the Linux and macOS port bindings have beside the interface: the descriptor and its libuv poller. */
interface UnixPortBinding extends PortBinding {
  fd: number | null;
  poller: { once(event: 'readable', cb: (err: Error | null) => void): unknown };
}

const readFd = promisify(fsRead);

function isUnixPort(port: PortBinding): port is UnixPortBinding {
  const p = port as Partial<UnixPortBinding>;
  return typeof p.fd === 'number' && typeof p.poller?.once === 'function';
}

/** An error the stream ignores (the port was closed on purpose while a read waited). */
function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

export function hangupAwareBinding(base: Binding): Binding {
  return {
    list: () => base.list(),
    async open(options) {
      const port = await base.open(options);
      return isUnixPort(port) ? new HangupAwarePort(port) : port;
    },
  };
}

class HangupAwarePort implements PortBinding {
  constructor(private readonly inner: UnixPortBinding) {}

  get openOptions() {
    return this.inner.openOptions;
  }

  get isOpen() {
    return this.inner.isOpen;
  }

  async read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    for (;;) {
      const fd = this.inner.fd;
      if (!this.inner.isOpen || fd === null) throw canceled();
      try {
        const { bytesRead } = await readFd(fd, buffer, offset, length, null);
        // VMIN=1 on a non-blocking tty: "no data" is EAGAIN, so 0 bytes can only mean the line hung up.
        if (bytesRead === 0) throw Object.assign(new Error('the device hung up (read returned 0 bytes)'), { disconnect: true });
        return { bytesRead, buffer };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') throw err;
        if (!this.inner.isOpen) throw canceled();
        // A hang-up while waiting arrives here as the poller's error (POLLERR/POLLHUP).
        await new Promise<void>((resolve, reject) => this.inner.poller.once('readable', (e) => (e ? reject(e) : resolve())));
      }
    }
  }

  write(buffer: Buffer) {
    return this.inner.write(buffer);
  }

  close() {
    return this.inner.close();
  }

  update(options: { baudRate: number }) {
    return this.inner.update(options);
  }

  set(options: object) {
    return this.inner.set(options);
  }

  get() {
    return this.inner.get();
  }

  getBaudRate() {
    return this.inner.getBaudRate();
  }

  flush() {
    return this.inner.flush();
  }

  drain() {
    return this.inner.drain();
  }
}
