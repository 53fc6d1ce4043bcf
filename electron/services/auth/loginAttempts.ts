/**
 * Which login attempts may be checked at all. An attempt is reserved synchronously, before its password is hashed,
 * so guesses sent in parallel count at once: with MAX_FAILURES reserved or failed, every further guess for that
 * user name is refused without being checked. Each connection (window or tab) also has a token bucket, so one
 * client cannot keep the scrypt pool busy by cycling through user names.
 */
import { AppError } from '../../../core/api/envelope';
import { problem } from '../../../core/messages';

/** Wrong passwords for one user name before a wait; wrong PINs before the station logs the user out. */
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 60_000;
/** Login attempts one connection may make at once, and how fast it earns another. */
export const LOGIN_BURST = 10;
export const LOGIN_REFILL_MS = 6_000;

interface UserAttempts {
  failures: number;
  /** Reserved and still being checked. */
  pending: number;
  /** While failures reached MAX_FAILURES: refused until then. */
  until: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function lockedOut(ms: number): AppError {
  return new AppError('REFUSED', `too many wrong passwords: wait ${seconds(ms)} s`, [problem('loginLockedOut', { seconds: seconds(ms) })]);
}

export class LoginAttempts {
  private users = new Map<string, UserAttempts>();
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number) {}

  /**
   * Reserves one attempt of this connection for this user name, or throws the refusal. Call the returned function
   * with the outcome once the password was checked (null: it could not be checked).
   */
  reserve(clientId: string, username: string): (succeeded: boolean | null) => void {
    const now = this.now();
    this.takeToken(clientId, now);
    const key = username.trim().toLowerCase();
    const u = this.users.get(key) ?? { failures: 0, pending: 0, until: 0 };
    if (u.until > now) throw lockedOut(u.until - now);
    // A wait that is over starts the count afresh.
    if (u.until !== 0) Object.assign(u, { failures: 0, until: 0 });
    // The attempts still being checked could all be wrong: they already count.
    if (u.failures + u.pending >= MAX_FAILURES) throw lockedOut(LOCKOUT_MS);
    u.pending++;
    this.users.set(key, u);
    return (succeeded) => {
      u.pending--;
      if (succeeded === true) u.failures = 0;
      if (succeeded === false && ++u.failures >= MAX_FAILURES && u.until === 0) u.until = this.now() + LOCKOUT_MS;
      if (u.failures === 0 && u.pending === 0) this.users.delete(key);
    };
  }

  forget(clientId: string): void {
    this.buckets.delete(clientId);
  }

  private takeToken(clientId: string, now: number): void {
    const b = this.buckets.get(clientId) ?? { tokens: LOGIN_BURST, at: now };
    b.tokens = Math.min(LOGIN_BURST, b.tokens + (now - b.at) / LOGIN_REFILL_MS);
    b.at = now;
    this.buckets.set(clientId, b);
    if (b.tokens < 1) {
      const wait = seconds((1 - b.tokens) * LOGIN_REFILL_MS);
      throw new AppError('REFUSED', `too many login attempts from this connection: wait ${wait} s`, [problem('loginRateLimited', { seconds: wait })]);
    }
    b.tokens -= 1;
  }
}
