/**
 * Every call returns an envelope, never a thrown error: Electron's ipcMain.handle keeps only an error's message,
 * and a WebSocket cannot carry an exception at all. Codes are stable; messages are words for people.
 */
import { z } from 'zod';
import { TextArgsSchema } from '../text';

/**
 * REFUSED: a clinical or safety rule said no (the input may be changed). STORAGE: the database could not read or write
 * (disk full, read-only, locked, I/O error): nothing of the call was saved, the same call may be tried again.
 */
export const ERROR_CODES = ['BAD_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'REFUSED', 'STORAGE', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: TextArgsSchema.optional(),
});

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Each missing condition or refused field, when there are several. */
  problems: z.array(ProblemSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services; turned into an envelope at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems?: ApiError['problems'],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
