/** A minimal outside client of the web host, speaking the documented message format (docs/web-host-protocol.md). */
import WebSocket from 'ws';

export class WsTestClient {
  private nextId = 1;
  private pending = new Map<number, (r: unknown) => void>();
  readonly events: { event: string; payload: any }[] = [];
  readonly errors: string[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.type === 'result') this.pending.get(msg.id)?.(msg.result);
      else if (msg.type === 'event') this.events.push(msg);
      else if (msg.type === 'error') this.errors.push(msg.message);
    });
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<WsTestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => resolve(new WsTestClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  call(method: string, input?: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ type: 'call', id, method, input }));
    });
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  close(): void {
    this.ws.close();
  }
}

export async function waitFor<T>(fn: () => T | undefined | false, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
