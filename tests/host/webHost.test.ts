import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/server';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { WsTestClient } from '../helpers/wsClient';

let app: TestApp;
let host: Host;

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
  host = app.host;
});
afterAll(() => app.close());

const wsUrl = (token: string) => `ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(token)}`;

describe('web host security', () => {
  it('listens on 127.0.0.1 with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  it('refuses a WebSocket without the right token', async () => {
    await expect(WsTestClient.connect(`ws://127.0.0.1:${host.port}/api`)).rejects.toThrow(/401/);
    await expect(WsTestClient.connect(wsUrl(host.token.slice(0, -1) + 'x'))).rejects.toThrow(/401/);
  });

  it('refuses another origin even with the token', async () => {
    await expect(WsTestClient.connect(wsUrl(host.token), { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const own = await WsTestClient.connect(wsUrl(host.token), { Origin: `http://127.0.0.1:${host.port}` });
    own.close();
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    // fetch() may not set Host; a raw request can, as a rebinding page's browser would.
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: `evil.example:${host.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/nope.js']) {
      expect((await fetch(`http://127.0.0.1:${host.port}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`http://127.0.0.1:${host.port}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('web host calls', () => {
  it('answers typed calls and refuses bad input with reasons', async () => {
    const client = await app.login('mfa');
    const chairs = await client.call('chairs.list', {});
    expect(chairs.ok).toBe(true);
    expect(chairs.value.map((c: { name: string }) => c.name)).toEqual(['Platz 1', 'Platz 2', 'Platz 3', 'Platz 4']);
    expect(chairs.value[0].link.detail).toBe('no device configured');
    const bad = await client.call('vitals.latest', { chairId: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const missing = await client.call('vitals.latest', { chairId: 7 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    client.close();
  });

  it('answers garbage with an error message and keeps the connection', async () => {
    const client = await WsTestClient.connect(wsUrl(host.token));
    client.sendRaw('not json');
    client.sendRaw(JSON.stringify({ type: 'call', id: 'one', method: 'app.info' }));
    client.sendRaw(Buffer.from([1, 2, 3]));
    const info = await client.call('app.info', {});
    expect(client.errors).toHaveLength(3);
    expect(info.value.intendedUse).toMatch(/primary alarm system/);
    client.close();
  });
});
