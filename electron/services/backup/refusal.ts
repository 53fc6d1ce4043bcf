import { AppError } from '../../../core/api/envelope';
import { problem, type ProblemCode } from '../../../core/messages';

/** An AppError carrying its Problem (texts in core/messages.ts, German and English). */
export function refusal(code: 'REFUSED' | 'BAD_INPUT' | 'STORAGE', what: ProblemCode, params?: Record<string, string | number>): AppError {
  const p = problem(what, params);
  return new AppError(code, p.message, [p]);
}
