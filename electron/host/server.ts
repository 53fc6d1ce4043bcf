/**
 * The browser host: the same services as the Electron app, behind a WebSocket on 127.0.0.1 only, with a random
 * per-start token and an origin check, serving the built renderer. For development, tests and CI, where no
 * Electron binary exists; the packaged Electron app never starts it (it never imports this file).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ClientMessage, MAX_CLIENT_MESSAGE_BYTES, type HostMessage } from '../../core/api/wire';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import type { Services } from '../services/createServices';
import { readStatic } from './staticFiles';

export interface HostOptions {
  services: Services;
  rendererDir: string;
  port?: number;
  /** Fixed token (tests); otherwise 32 random bytes per start. */
  token?: string;
  /** Where a closed connection or a failed message is reported (default: stderr). */
  log?: (message: string) => void;
}

export interface Host {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's URL, or null when it cannot be parsed (e.g. "//"): such a request is refused, never thrown. */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? ((message: string) => console.error(message));
  let origin = '';
  const allowedHosts = new Set<string>();

  const http = createServer((req, res) => {
    serveFile(req, res).catch((err: Error) => {
      log(`web host: ${req.method} ${String(req.url).slice(0, 200)} failed: ${err.message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (!url) {
      res.writeHead(400).end();
      return;
    }
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not be served.
    if (!allowedHosts.has(req.headers.host ?? '') || req.method !== 'GET') {
      res.writeHead(req.method !== 'GET' ? 405 : 403).end();
      return;
    }
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    // A client that resets during the handshake must not become an uncaught 'error' (ws adds its own after upgrade).
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req);
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    if (!url) return refuse('400 Bad Request');
    if (url.pathname !== '/api' || !allowedHosts.has(req.headers.host ?? '')) return refuse('404 Not Found');
    // Browsers always send Origin; only our own page may connect. Non-browser test clients send none.
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return refuse('403 Forbidden');
    if (!sameToken(url.searchParams.get('token'), token)) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  let nextClient = 1;
  function serve(ws: WebSocket): void {
    const clientId = `web-${nextClient++}`;
    const send = (msg: HostMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      try {
        ws.send(JSON.stringify(msg));
      } catch (err) {
        log(`web host: could not send this ${msg.type} to ${clientId}: ${(err as Error).message}`);
      }
    };
    // Events carry patient data: only to a tab with a logged-in, unlocked user.
    const unsubscribe = options.services.bus.subscribe((event, payload) => {
      if (options.services.auth.canReceiveEvents(clientId)) send({ type: 'event', event, payload });
    });
    // A malformed frame (too big, bad UTF-8, bad opcode or bits, bad close code): ws closes this one connection with
    // the code of docs/web-host-protocol.md and reports it here; without this listener it would end the process.
    ws.on('error', (err) => log(`web host: closed ${clientId}: ${err.message}`));
    ws.on('close', () => {
      unsubscribe();
      options.services.auth.disconnect(clientId);
    });
    ws.on('message', (data, isBinary) => {
      answer(clientId, data, isBinary, send).catch((err: Error) => {
        log(`web host: a message of ${clientId} failed: ${err.stack ?? err.message}`);
        send({ type: 'error', message: `the host could not handle this message: ${err.message}` });
      });
    });
  }

  async function answer(clientId: string, data: RawData, isBinary: boolean, send: (msg: HostMessage) => void): Promise<void> {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      parsed = undefined;
    }
    const msg = ClientMessage.safeParse(parsed);
    if (!msg.success) {
      send({ type: 'error', message: 'not a call message: expected {"type":"call","id":<int>,"method":<string>,"input":{…}}' });
      return;
    }
    let result: unknown;
    try {
      result = await options.services.dispatch(msg.data.method, msg.data.input, clientId);
    } catch (err) {
      // The dispatcher turns handler errors into envelopes; this catches a fault in the dispatch path itself.
      log(`web host: ${msg.data.method} of ${clientId} failed: ${err instanceof Error ? err.stack : String(err)}`);
      result = { ok: false, error: { code: 'INTERNAL', message: `${msg.data.method} failed: ${err instanceof Error ? err.message : String(err)}` } };
    }
    send({ type: 'result', id: msg.data.id, result });
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  // Once listening, a server error (e.g. out of file handles) is reported, not thrown.
  http.on('error', (err) => log(`web host: ${err.message}`));
  const port = (http.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts.add(`127.0.0.1:${port}`);
  allowedHosts.add(`localhost:${port}`);
  return {
    url: `${origin}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
