/**
 * Who is logged in at which window or tab, locking and unlocking at the station, and the lockout after repeated
 * wrong passwords or PINs. Every login, failure, lock and unlock is audited.
 */
import { AppError } from '../../../core/api/envelope';
import type { Role, SessionUser } from '../../../core/auth/roles';
import { problem } from '../../../core/messages';
import type { DbClient } from '../../../db/client';
import type { UserCredentials } from '../../../db/repos/users';
import { LoginAttempts, MAX_FAILURES } from './loginAttempts';
import { hashSecret, verifySecret } from './passwords';

interface ClientSession {
  user: SessionUser;
  locked: boolean;
  pinFailures: number;
  /** PINs being checked: they count before their hash is done, like login attempts. */
  pinPending: number;
}

const toSessionUser = (u: UserCredentials): SessionUser => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role });

export class AuthService {
  private clients = new Map<string, ClientSession>();
  private readonly attempts: LoginAttempts;

  constructor(
    private readonly db: DbClient,
    private readonly now: () => number = Date.now,
  ) {
    this.attempts = new LoginAttempts(now);
  }

  /** The user of a client, or null when nobody is logged in or the station is locked. */
  userFor(clientId: string): SessionUser | null {
    const s = this.clients.get(clientId);
    return s && !s.locked ? s.user : null;
  }

  /** Patient data is pushed only to windows with an unlocked user. */
  canReceiveEvents(clientId: string): boolean {
    return this.userFor(clientId) !== null;
  }

  disconnect(clientId: string): void {
    this.clients.delete(clientId);
    this.attempts.forget(clientId);
  }

  async status(clientId: string) {
    const s = this.clients.get(clientId);
    let hasPin = false;
    if (s?.locked) hasPin = (await this.db.call('credentialsById', s.user.id))?.pinHash != null;
    return {
      setupNeeded: (await this.db.call('countUsers')) === 0,
      user: s && !s.locked ? s.user : null,
      locked: s?.locked ?? false,
      lockedUser: s?.locked ? { displayName: s.user.displayName, hasPin } : null,
    };
  }

  async setupAdmin(clientId: string, input: { username: string; displayName: string; password: string; pin?: string }): Promise<SessionUser> {
    const passwordHash = await hashSecret(input.password);
    const pinHash = input.pin ? await hashSecret(input.pin) : null;
    try {
      await this.db.call('createFirstAdmin', this.now(), { username: input.username, displayName: input.displayName, passwordHash, pinHash });
    } catch (err) {
      throw new AppError('CONFLICT', (err as Error).message);
    }
    return this.login(clientId, input.username, input.password);
  }

  async login(clientId: string, username: string, password: string): Promise<SessionUser> {
    return this.startSession(clientId, await this.checkLogin(clientId, username, password, false));
  }

  /**
   * The user's own new password (after an administrator's reset, or any time): the current one is checked like a
   * login (same lockout), then the new one is stored, audited as her own act, and she is logged in.
   */
  async changePassword(clientId: string, username: string, password: string, newPassword: string): Promise<SessionUser> {
    if (newPassword === password) throw new AppError('REFUSED', 'the new password must differ from the current one', [problem('passwordNotNew')]);
    const creds = await this.checkLogin(clientId, username, password, true);
    await this.db.call('setUserPassword', { userId: creds.id, at: this.now() }, creds.id, await hashSecret(newPassword), false);
    return this.startSession(clientId, creds);
  }

  /** Checks the credentials with the lockout (audits a refusal); the caller starts the session. */
  private async checkLogin(clientId: string, username: string, password: string, allowOneTime: boolean): Promise<UserCredentials> {
    // Counted before any await: guesses sent in parallel cannot all be checked (throws the refusal).
    const settle = this.attempts.reserve(clientId, username);
    const now = this.now();
    let creds: UserCredentials | null = null;
    let ok: boolean | null = null;
    try {
      creds = await this.db.call('findCredentials', username.trim());
      // Hash even for an unknown name, so the answer time does not reveal which names exist.
      ok = creds ? await verifySecret(password, creds.passwordHash) : (await hashSecret(password), false);
    } finally {
      // A database fault checked nothing: it frees the attempt without counting it.
      settle(ok === null ? null : ok && !!creds?.active);
    }
    if (!creds || !ok || !creds.active) {
      await this.db.call('recordAuthEvent', now, creds?.id ?? null, 'login.refused', { username: username.slice(0, 40), reason: creds && !creds.active ? 'inactive' : 'wrong credentials' });
      throw new AppError('REFUSED', 'user name or password wrong', [{ code: 'loginFailed', message: 'user name or password wrong' }]);
    }
    // A one-time password from an administrator opens nothing but the change to the user's own (auth.changePassword).
    if (creds.mustChangePassword && !allowOneTime) {
      await this.db.call('recordAuthEvent', now, creds.id, 'login.refused', { username: creds.username, reason: 'password change required' });
      throw new AppError('REFUSED', 'a new password must be chosen first', [problem('passwordChangeRequired')]);
    }
    return creds;
  }

  private async startSession(clientId: string, creds: UserCredentials): Promise<SessionUser> {
    const user = toSessionUser(creds);
    this.clients.set(clientId, { user, locked: false, pinFailures: 0, pinPending: 0 });
    await this.db.call('recordAuthEvent', this.now(), user.id, 'login', { client: clientId });
    return user;
  }

  async logout(clientId: string): Promise<void> {
    const s = this.clients.get(clientId);
    this.clients.delete(clientId);
    if (s) await this.db.call('recordAuthEvent', this.now(), s.user.id, 'logout', { client: clientId });
  }

  async lock(clientId: string): Promise<void> {
    const s = this.clients.get(clientId);
    if (!s || s.locked) return;
    s.locked = true;
    s.pinFailures = 0;
    await this.db.call('recordAuthEvent', this.now(), s.user.id, 'station.locked', { client: clientId });
  }

  async unlock(clientId: string, pin: string): Promise<SessionUser> {
    const s = this.clients.get(clientId);
    if (!s?.locked) throw new AppError('CONFLICT', 'this station is not locked');
    const creds = await this.db.call('credentialsById', s.user.id);
    if (!creds?.pinHash || !creds.active) {
      this.clients.delete(clientId);
      throw new AppError('REFUSED', 'no PIN set for this user: please log in with the password', [{ code: 'pinNotSet', message: 'no PIN set' }]);
    }
    // PINs being checked count already, so parallel guesses stop at the limit as sequential ones do.
    if (s.pinFailures + s.pinPending >= MAX_FAILURES) throw new AppError('REFUSED', 'too many PIN attempts at once', [problem('pinTooManyAttempts')]);
    s.pinPending++;
    let right: boolean;
    try {
      right = await verifySecret(pin, creds.pinHash);
    } finally {
      s.pinPending--;
    }
    if (!right) {
      s.pinFailures++;
      await this.db.call('recordAuthEvent', this.now(), s.user.id, 'unlock.refused', { attempts: s.pinFailures });
      if (s.pinFailures >= MAX_FAILURES) {
        this.clients.delete(clientId);
        throw new AppError('REFUSED', 'PIN wrong too often: logged out, please log in with the password', [{ code: 'pinLockedOut', message: 'logged out' }]);
      }
      throw new AppError('REFUSED', 'PIN wrong', [{ code: 'pinWrong', message: 'PIN wrong', params: { left: MAX_FAILURES - s.pinFailures } }]);
    }
    s.locked = false;
    s.pinFailures = 0;
    await this.db.call('recordAuthEvent', this.now(), s.user.id, 'station.unlocked', { client: clientId });
    return s.user;
  }

  /** Signing asks for the password again: used by sign-off and other acts that must be the physician's own. */
  async verifyPassword(userId: number, password: string): Promise<boolean> {
    const creds = await this.db.call('credentialsById', userId);
    const ok = !!creds && creds.active && (await verifySecret(password, creds.passwordHash));
    if (!ok) await this.db.call('recordAuthEvent', this.now(), userId, 'reauth.refused', {});
    return ok;
  }

  async createUser(actor: SessionUser, input: { username: string; displayName: string; role: SessionUser['role']; password: string; pin?: string }) {
    if (await this.db.call('findCredentials', input.username)) {
      throw new AppError('CONFLICT', `the user name ${input.username} is taken`, [problem('user.nameTaken', { username: input.username })]);
    }
    const id = await this.db.call(
      'createUser',
      { userId: actor.id, at: this.now() },
      { username: input.username, displayName: input.displayName, role: input.role, passwordHash: await hashSecret(input.password), pinHash: input.pin ? await hashSecret(input.pin) : null },
    );
    const created = (await this.db.call('listUsers')).find((u) => u.id === id);
    if (!created) throw new AppError('INTERNAL', 'the new user was not found after saving');
    return created;
  }

  async setActive(actor: SessionUser, userId: number, active: boolean): Promise<void> {
    if (userId === actor.id && !active) throw new AppError('REFUSED', 'you cannot deactivate yourself', [problem('user.cannotDeactivateSelf')]);
    try {
      await this.db.call('setUserActive', { userId: actor.id, at: this.now() }, userId, active);
    } catch (err) {
      throw new AppError('NOT_FOUND', (err as Error).message);
    }
    if (!active) this.endSessionsOf(userId);
  }

  /** The new role counts from the user's next call: her open windows keep their login with it. */
  async setRole(actor: SessionUser, userId: number, role: Role): Promise<void> {
    if (userId === actor.id) throw new AppError('REFUSED', 'you cannot change your own role', [problem('ownRoleChange')]);
    const target = await this.db.call('credentialsById', userId);
    if (!target) throw new AppError('NOT_FOUND', `there is no user ${userId}`);
    if (target.role === role) return;
    await this.db.call('setUserRole', { userId: actor.id, at: this.now() }, userId, role);
    for (const s of this.clients.values()) if (s.user.id === userId) s.user = { ...s.user, role };
  }

  /** A one-time password the administrator tells the user; her open windows are logged out until she chooses her own. */
  async resetPassword(actor: SessionUser, userId: number, password: string): Promise<void> {
    if (userId === actor.id) throw new AppError('REFUSED', 'change your own password at login, not as a reset', [problem('ownPasswordReset')]);
    if (!(await this.db.call('credentialsById', userId))) throw new AppError('NOT_FOUND', `there is no user ${userId}`);
    await this.db.call('setUserPassword', { userId: actor.id, at: this.now() }, userId, await hashSecret(password), true);
    this.endSessionsOf(userId);
  }

  /** Every window and tab of the user is logged out (locked ones too): her next call is refused. */
  private endSessionsOf(userId: number): void {
    for (const [client, s] of this.clients) if (s.user.id === userId) this.clients.delete(client);
  }
}
