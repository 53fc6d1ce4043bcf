/**
 * The transport-independent server side of the contract: looks up the method, checks who is calling against the
 * method's access rule, validates the input against its schema, runs the handler and validates the output.
 * Both the Electron IPC handler and the WebSocket host call this, so checks cannot differ between them.
 * Never throws: every failure becomes an error envelope.
 */
import type { z } from 'zod';
import { allows } from '../../core/api/access';
import { isMethodName, methods, type MethodName, type MethodOutput } from '../../core/api/contract';
import { AppError, type Envelope } from '../../core/api/envelope';
import { ROLE_LABEL, type Access, type SessionUser } from '../../core/auth/roles';

/** Who is calling: one renderer window or one browser tab, and the user logged in there (if any). */
export interface CallContext {
  clientId: string;
  user: SessionUser | null;
}

export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof methods)[M]['input']>, ctx: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** A feature's share of the handlers. */
export type HandlersFor<M extends MethodName> = Pick<Handlers, M>;

export type Dispatch = (method: unknown, input: unknown, clientId: string) => Promise<Envelope<unknown>>;

export type ResolveUser = (clientId: string) => SessionUser | null;

/** The logged-in user of a call whose access rule already required one. */
export function userOf(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED', 'please log in');
  return ctx.user;
}

function accessRefusal(access: Access, user: SessionUser | null, method: string): Envelope<never> | null {
  if (access === 'public') return null;
  if (!user) return { ok: false, error: { code: 'UNAUTHENTICATED', message: `${method} needs a logged-in, unlocked user` } };
  if (access === 'anyUser' || allows(access, user.role)) return null;
  const needed = access.map((r) => ROLE_LABEL[r].en).join(' or ');
  return {
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: `${method} needs the right of a ${needed}; ${user.displayName} is logged in as ${ROLE_LABEL[user.role].en}`,
      problems: [{ code: 'missingRole', message: `needs ${needed}`, params: { needed: access.join(','), role: user.role } }],
    },
  };
}

export function createDispatcher(handlers: Handlers, resolveUser: ResolveUser, log: (msg: string) => void = console.error): Dispatch {
  return async (method, input, clientId) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'BAD_INPUT', message: `unknown method ${JSON.stringify(String(method)).slice(0, 80)}` } };
    }
    const spec = methods[method];
    const user = resolveUser(clientId);
    const refusal = accessRefusal(spec.access, user, method);
    if (refusal) return refusal;
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({
        code: 'invalidField',
        message: `${i.path.join('.') || 'input'}: ${i.message}`,
        params: { field: i.path.join('.') },
      }));
      return { ok: false, error: { code: 'BAD_INPUT', message: `invalid input for ${method}`, problems } };
    }
    try {
      const handler = handlers[method] as (i: unknown, c: CallContext) => unknown;
      const value = spec.output.parse(await handler(parsed.data, { clientId, user }));
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, problems: err.problems } };
      log(`${method} failed: ${(err as Error).stack ?? String(err)}`);
      return { ok: false, error: { code: 'INTERNAL', message: `${method} failed: ${(err as Error).message}` } };
    }
  };
}
