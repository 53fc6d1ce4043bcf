/**
 * A fault behind one call or one event must not end the host. The real dispatcher never throws (handler errors
 * become INTERNAL envelopes); here a dispatch that throws or rejects stands for a bug in that path, and an event
 * payload JSON cannot carry stands for a bug in a service. Vitest fails the run on any uncaught error or rejection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/host/server';
import type { Services } from '../../electron/services/createServices';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { RENDERER_DIR } from '../helpers/tempDir';
import { waitFor, WsTestClient } from '../helpers/wsClient';

let app: TestApp;
let faulty: Host;
const logged: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
  const services: Services = {
    ...app.services,
    dispatch: async (method, input, clientId) => {
      if (method === 'app.info') throw new Error('bug in the dispatch path');
      if (method === 'chairs.list') return Promise.reject('a rejection that is not even an Error');
      return app.services.dispatch(method, input, clientId);
    },
  };
  faulty = await startHost({ services, rendererDir: RENDERER_DIR, log: (m) => logged.push(m) });
});
afterAll(async () => {
  await faulty.close();
  await app.close();
});

describe('faults behind a call or an event', () => {
  it('answers a throwing or rejecting dispatch with INTERNAL and keeps serving', async () => {
    const c = await WsTestClient.connect(`ws://127.0.0.1:${faulty.port}/api?token=${faulty.token}`);
    expect(await c.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/bug in the dispatch path/) } });
    expect(await c.call('chairs.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await c.call('auth.login', { username: TEST_USERS.mfa.username, password: TEST_USERS.mfa.password })).toMatchObject({ ok: true });
    expect(logged.filter((m) => /app\.info|chairs\.list/.test(m))).toHaveLength(2);

    // An event JSON cannot carry (a BigInt) is logged and skipped; the next event still arrives.
    app.services.bus.emit('vitals.readings', { chairId: 1, readings: [{ value: 1n }] } as never);
    app.services.bus.emit('vitals.readings', { chairId: 1, readings: [] });
    await waitFor(() => c.events.length > 0, 5000, 'the next event');
    expect(c.events).toEqual([{ type: 'event', event: 'vitals.readings', payload: { chairId: 1, readings: [] } }]);
    expect(logged.some((m) => /could not send this event/.test(m))).toBe(true);
    c.close();
  });
});
