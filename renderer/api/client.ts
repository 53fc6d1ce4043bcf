/**
 * The renderer's one typed API. Every call goes through the contract in core/api/contract.ts; a failed call
 * rejects with an ApiCallError that carries the code and, where there are several, each problem.
 */
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../core/api/contract';
import type { ApiError } from '../../core/api/envelope';
import type { Transport } from './transport';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export interface Api {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnection(listener: (connected: boolean) => void): () => void;
  /** Called when a call is refused because nobody is logged in (locked elsewhere, host restarted). */
  onAuthLost(listener: () => void): () => void;
}

export function createApi(transport: Transport): Api {
  const authLost = new Set<() => void>();
  return {
    async call(method, input) {
      const envelope = await transport.invoke(method, input);
      if (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED') authLost.forEach((l) => l());
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      return envelope.value as never;
    },
    on(event, listener) {
      return transport.on(event, listener as (p: unknown) => void);
    },
    onConnection(listener) {
      return transport.onConnection?.(listener) ?? (() => {});
    },
    onAuthLost(listener) {
      authLost.add(listener);
      return () => authLost.delete(listener);
    },
  };
}
