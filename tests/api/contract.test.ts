import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, methods } from '../../core/api/contract';
import { AppError } from '../../core/api/envelope';
import type { Access } from '../../core/auth/roles';
import { createDispatcher, type Handlers } from '../../electron/ipc/dispatcher';

const link = {
  state: 'receiving' as const,
  since: 0,
  phase: 'receivingDisplayedValues' as const,
  detail: '',
  fault: null,
  portPath: '/dev/ttyUSB0',
  protocolId: 'datex-s5',
  simulated: false,
  lastDataAt: 0,
  framesRead: 1,
  framesRejected: 0,
  rejectReasons: {},
};

/** The calls these tests use; any other call answers "not in this test" (the contract grows, this file need not). */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const table: Partial<Handlers> = {
    'app.info': () => ({ version: '1', transport: 'web-host', intendedUse: 'x', startedAt: 0 }),
    'chairs.list': () => [{ id: 1, name: 'Platz 1', link }],
    'vitals.latest': () => [],
    'vitals.trend': () => ({ bucketMs: 5000, times: [], series: [] }),
    ...overrides,
  };
  return new Proxy(table, {
    get: (t, k: string) =>
      t[k as keyof Handlers] ??
      (() => {
        throw new Error(`${k} is not in this test`);
      }),
  }) as Handlers;
}
const client = 'test-client';
const mfa = { id: 1, username: 'mfa', displayName: 'Anna MFA', role: 'mfa' as const };
const loggedIn = () => mfa;

describe('contract', () => {
  it('declares every method with an input and an output schema, and the events', () => {
    for (const name of METHOD_NAMES) {
      expect(methods[name].input).toBeDefined();
      expect(methods[name].output).toBeDefined();
    }
    expect(EVENT_NAMES).toEqual(expect.arrayContaining(['vitals.readings', 'link.status']));
  });
});

describe('dispatcher refuses bad calls with BAD_INPUT and a reason', () => {
  const dispatch = createDispatcher(handlers(), loggedIn, () => {});
  const bad: [string, unknown, unknown, RegExp][] = [
    ['unknown method', 'vitals.drop', {}, /unknown method/],
    ['method not a string', 42, {}, /unknown method/],
    ['prototype key as method', '__proto__', {}, /unknown method/],
    ['missing field', 'vitals.latest', {}, /chairId/],
    ['wrong type', 'vitals.latest', { chairId: '1' }, /chairId/],
    ['negative id', 'vitals.latest', { chairId: -1 }, /chairId/],
    ['fractional id', 'vitals.latest', { chairId: 1.5 }, /chairId/],
    ['extra key', 'vitals.latest', { chairId: 1, sql: 'DROP TABLE' }, /sql/],
    ['input not an object', 'vitals.latest', 'chair 1', /input/],
    ['reversed window', 'vitals.trend', { chairId: 1, from: 10, to: 5 }, /before/],
    ['window too long', 'vitals.trend', { chairId: 1, from: 0, to: 90_000_000 }, /24 h/],
    ['unknown parameter', 'vitals.trend', { chairId: 1, from: 0, to: 5, parameters: ['glucose'] }, /parameters/],
  ];
  for (const [label, method, input, reason] of bad) {
    it(label, async () => {
      const result = await dispatch(method, input, client);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('BAD_INPUT');
      expect(JSON.stringify(result.error)).toMatch(reason);
    });
  }
});

describe('dispatcher results', () => {
  it('returns the handler’s value when input and output are valid', async () => {
    const result = await createDispatcher(handlers(), loggedIn)('chairs.list', {}, client);
    expect(result).toEqual({ ok: true, value: [{ id: 1, name: 'Platz 1', link }] });
  });

  it('passes an AppError on with its code and problems', async () => {
    const dispatch = createDispatcher(
      handlers({
        'vitals.latest': () => {
          throw new AppError('NOT_FOUND', 'there is no chair 9', [{ code: 'x', message: 'y' }]);
        },
      }),
      loggedIn,
    );
    expect(await dispatch('vitals.latest', { chairId: 9 }, client)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'there is no chair 9', problems: [{ code: 'x', message: 'y' }] },
    });
  });

  it('turns a crash or an output that breaks the contract into INTERNAL, never a throw', async () => {
    const logged: string[] = [];
    const dispatch = createDispatcher(
      handlers({
        'vitals.latest': () => {
          throw new TypeError('boom');
        },
        'chairs.list': () => [{ id: 'one' }] as never,
      }),
      loggedIn,
      (m) => logged.push(m),
    );
    const crash = await dispatch('vitals.latest', { chairId: 1 }, client);
    expect(crash).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/boom/) } });
    const broken = await dispatch('chairs.list', {}, client);
    expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveLength(2);
  });
});

describe('dispatcher access rules', () => {
  it('refuses a guarded call without a logged-in user, before looking at the input', async () => {
    const dispatch = createDispatcher(handlers(), () => null);
    expect(await dispatch('vitals.latest', { chairId: 'bad' }, client)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await dispatch('app.info', {}, client)).toMatchObject({ ok: true });
  });

  it('names the missing right when the role does not fit', async () => {
    const { methods } = await import('../../core/api/contract');
    const guarded = Object.entries(methods).filter(([, spec]) => {
      const access = spec.access as Access;
      return typeof access !== 'string' && !access.includes('mfa');
    });
    for (const [name] of guarded) {
      const result = await createDispatcher(handlers(), loggedIn)(name, {}, client);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!result.ok) expect(result.error.message).toMatch(/needs the right of a .* Anna MFA is logged in as medical assistant/);
    }
  });
});
