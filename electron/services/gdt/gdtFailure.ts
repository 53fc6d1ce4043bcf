/**
 * A result (6310) that could not be written, with its reason code (core/gdt/gdtReason.ts) beside the English text
 * kept for logs and the stored `reason`. Any other error is coded here: a file-system error by its errno, an
 * encoder's refusal, anything else as internal (its English text stays in the log and the `reason` column).
 */
import { GdtEncodeError } from '../../../drivers/gdt/codec';
import type { GdtReason, GdtReasonArgs, GdtReasonCode } from '../../../core/gdt/gdtReason';

export class GdtFailure extends Error {
  readonly reason: GdtReason;
  constructor(code: GdtReasonCode, args: GdtReasonArgs, message: string) {
    super(message);
    this.name = 'GdtFailure';
    this.reason = { code, args };
  }
}

/**
 * An error met in `folder` with its English text (optionally said with more words): a file-system error is coded by
 * its errno (EACCES, ENOSPC …), a coded failure keeps its code, any other error stays uncoded.
 */
export function inFolder(folder: string, err: unknown, message: (m: string) => string = (m) => m): Error {
  const text = message((err as Error).message);
  const errno = (err as NodeJS.ErrnoException).code;
  if (err instanceof GdtFailure) return new GdtFailure(err.reason.code, err.reason.args, text);
  if (typeof errno === 'string') return new GdtFailure('folderProblem', { errno, folder }, text);
  return text === (err as Error).message ? (err as Error) : new Error(text);
}

export function reasonOf(err: unknown): GdtReason {
  if (err instanceof GdtFailure) return err.reason;
  if (err instanceof GdtEncodeError) return { code: 'notEncodable', args: {} };
  return { code: 'internal', args: {} };
}
