/**
 * The browser host's transport: one WebSocket to 127.0.0.1 with the token from the page URL.
 * Reconnects on loss; calls made while disconnected fail at once with a clear error instead of hanging.
 */
import type { Envelope } from '../../core/api/envelope';
import type { Transport } from './transport';

const CALL_TIMEOUT_MS = 15_000;

export function createWebTransport(url: string): Transport {
  let ws: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const connectionListeners = new Set<(c: boolean) => void>();
  let connected = false;

  const setConnected = (c: boolean) => {
    if (c === connected) return;
    connected = c;
    connectionListeners.forEach((l) => l(c));
  };

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } });
    pending.clear();
  };

  function connect() {
    const socket = new WebSocket(url);
    ws = socket;
    socket.onopen = () => setConnected(true);
    socket.onclose = () => {
      setConnected(false);
      failAll('connection to the app lost');
      setTimeout(connect, 1000);
    };
    socket.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data)) as
        | { type: 'result'; id: number; result: Envelope<unknown> }
        | { type: 'event'; event: string; payload: unknown }
        | { type: 'error'; message: string };
      if (msg.type === 'result') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else if (msg.type === 'event') {
        listeners.get(msg.event)?.forEach((l) => l(msg.payload));
      } else {
        console.error('host refused a message:', msg.message);
      }
    };
  }
  connect();

  return {
    invoke(method, input) {
      const open = () => ws?.readyState === WebSocket.OPEN;
      const send = (): Promise<Envelope<unknown>> =>
        new Promise((resolve) => {
          const id = nextId++;
          const timer = setTimeout(() => {
            pending.delete(id);
            resolve({ ok: false, error: { code: 'INTERNAL', message: `${method}: no answer from the app` } });
          }, CALL_TIMEOUT_MS);
          pending.set(id, (e) => {
            clearTimeout(timer);
            resolve(e);
          });
          ws!.send(JSON.stringify({ type: 'call', id, method, input }));
        });
      if (open()) return send();
      // The first calls of a page may come before the socket is open: wait briefly, then fail clearly.
      return new Promise((resolve) => {
        const started = Date.now();
        const wait = () => {
          if (open()) return void send().then(resolve);
          if (Date.now() - started > 5000) return resolve({ ok: false, error: { code: 'INTERNAL', message: 'no connection to the app' } });
          setTimeout(wait, 50);
        };
        wait();
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(connected);
      return () => connectionListeners.delete(listener);
    },
  };
}
