/**
 * The transport-independent server side of the contract: looks up the method, validates the input against its
 * schema, runs the handler and validates the output. Both the Electron IPC handler and the WebSocket host call
 * this, so validation cannot differ between them. Never throws: every failure becomes an error envelope.
 */
import type { z } from 'zod';
import { isMethodName, methods, type MethodName, type MethodOutput } from '../../core/api/contract';
import { AppError, type Envelope } from '../../core/api/envelope';

/** Who is calling: one renderer window or one browser tab. */
export interface CallContext {
  clientId: string;
}

export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof methods)[M]['input']>, ctx: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export type Dispatch = (method: unknown, input: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers, log: (msg: string) => void = console.error): Dispatch {
  return async (method, input, ctx) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'BAD_INPUT', message: `unknown method ${JSON.stringify(String(method)).slice(0, 80)}` } };
    }
    const spec = methods[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({
        code: 'invalidField',
        message: `${i.path.join('.') || 'input'}: ${i.message}`,
      }));
      return { ok: false, error: { code: 'BAD_INPUT', message: `invalid input for ${method}`, problems } };
    }
    try {
      const handler = handlers[method] as (i: unknown, c: CallContext) => unknown;
      const value = spec.output.parse(await handler(parsed.data, ctx));
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, problems: err.problems } };
      log(`${method} failed: ${(err as Error).stack ?? String(err)}`);
      return { ok: false, error: { code: 'INTERNAL', message: `${method} failed: ${(err as Error).message}` } };
    }
  };
}
