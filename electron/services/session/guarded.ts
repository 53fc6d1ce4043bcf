/** Refusals of the session calls as envelopes (shared by the session, dose-record and settings handlers). */
import { AppError } from '../../../core/api/envelope';
import type { Problem } from '../../../core/settings';

export function refused(message: string, problems: Problem[]): AppError {
  return new AppError('REFUSED', message, problems);
}

/** Database refusals become envelopes: a stale status is a conflict, a trigger's refusal is a refusal in words. */
export async function guarded<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    const e = err as Error;
    if (e.name === 'ConflictError') throw new AppError('CONFLICT', e.message);
    if (e.name === 'SqliteError') throw new AppError('REFUSED', e.message, [{ code: 'database.refused', message: e.message }]);
    throw err;
  }
}

/** Typing errors: refused before anything is written, every field named. */
export function badInput(problems: Problem[]): AppError {
  return new AppError('BAD_INPUT', problems.map((p) => p.message).join('; '), problems);
}
