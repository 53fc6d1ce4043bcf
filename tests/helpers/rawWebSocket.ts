/**
 * A WebSocket client at the byte level, to send what no library would: a valid upgrade over a plain TCP socket,
 * then hand-built frames (RFC 6455 section 5.2), and read back the host's frames, including its close code.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  /** Claimed payload length, when it should differ from the payload sent (e.g. a huge 64-bit length). */
  claimedLength?: bigint;
}

/** A masked client frame. */
export function frame({ opcode, payload = Buffer.alloc(0), fin = true, rsv1 = false, claimedLength }: FrameSpec): Buffer {
  const length = claimedLength ?? BigInt(payload.length);
  let header: Buffer;
  if (length < 126n) header = Buffer.from([0, 0x80 | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[1] = 0x80 | 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(length, 2);
  }
  header[0] = (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode;
  const mask = randomBytes(4);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i]! ^= mask[i % 4]!;
  return Buffer.concat([header, mask, masked]);
}

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

/** Server frames are unmasked; a frame cut off at the end is left out. */
export function parseServerFrames(bytes: Buffer): ServerFrame[] {
  const frames: ServerFrame[] = [];
  let p = 0;
  while (p + 2 <= bytes.length) {
    let length = bytes[p + 1]! & 0x7f;
    let start = p + 2;
    if (length === 126) {
      length = bytes.readUInt16BE(p + 2);
      start = p + 4;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(p + 2));
      start = p + 10;
    }
    if (start + length > bytes.length) break;
    frames.push({ opcode: bytes[p]! & 0x0f, payload: bytes.subarray(start, start + length) });
    p = start + length;
  }
  return frames;
}

export class RawWebSocket {
  /** Everything the host sent, the HTTP answer included. */
  private bytes = Buffer.alloc(0);
  private headEnd = -1;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    // The host may close while a big frame is still being written: EPIPE/ECONNRESET are expected here.
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** Connects and completes the upgrade; rejects unless the host answers 101. */
  static async open(port: number, token: string): Promise<RawWebSocket> {
    const socket = connect(port, '127.0.0.1');
    const ws = new RawWebSocket(socket);
    socket.write(
      `GET /api?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    await new Promise<void>((resolve, reject) => {
      socket.on('data', (d: Buffer) => {
        ws.bytes = Buffer.concat([ws.bytes, d]);
        if (ws.headEnd >= 0) return;
        const end = ws.bytes.indexOf('\r\n\r\n');
        if (end < 0) return;
        ws.headEnd = end + 4;
        const status = ws.bytes.subarray(0, ws.bytes.indexOf('\r\n')).toString();
        if (status.includes(' 101 ')) resolve();
        else reject(new Error(`upgrade refused: ${status}`));
      });
      socket.once('error', reject);
      socket.once('close', () => reject(new Error('closed during the upgrade')));
    });
    return ws;
  }

  private get received(): Buffer {
    return this.bytes.subarray(this.headEnd);
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  sendText(text: string): void {
    this.send(frame({ opcode: 0x1, payload: Buffer.from(text) }));
  }

  frames(): ServerFrame[] {
    return parseServerFrames(this.received);
  }

  /** Text messages the host sent, parsed. */
  messages(): any[] {
    return this.frames()
      .filter((f) => f.opcode === 0x1)
      .map((f) => JSON.parse(f.payload.toString()));
  }

  /** The code of the host's close frame, or null if it sent none. */
  closeCode(): number | null {
    const close = this.frames().find((f) => f.opcode === 0x8);
    return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : null;
  }

  destroy(): void {
    this.socket.destroy();
  }
}
