/**
 * The WebSocket host's message format (documented in docs/web-host-protocol.md). JSON text frames.
 * Client → host: {"type":"call","id":1,"method":"vitals.latest","input":{"chairId":1}}
 * Host → client: {"type":"result","id":1,"result":<envelope>} and {"type":"event","event":"vitals.readings","payload":{…}}
 */
import { z } from 'zod';

export const ClientMessage = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.string().max(100),
  input: z.unknown().optional(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export type HostMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'error'; message: string };

/** Largest message a client may send: calls are small; anything bigger is refused, not parsed. */
export const MAX_CLIENT_MESSAGE_BYTES = 256 * 1024;
