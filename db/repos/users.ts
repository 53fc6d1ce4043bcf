/** Users and their credentials. Hashing happens in the main process (async scrypt); this only stores. */
import type { Role } from '../../core/auth/roles';
import type { AuditLog } from '../audit';
import type { DB } from '../open';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: number;
  /** Set by an administrator's password reset: the user chooses a new password at the next login. */
  mustChangePassword: boolean;
}
export interface UserCredentials extends UserRow {
  passwordHash: string;
  pinHash: string | null;
}

/** Who did a change, and when: passed to every write so the audit entry is exact. */
export interface Actor {
  userId: number | null;
  at: number;
}

const COLUMNS = 'id, username, display_name AS displayName, role, active, created_at AS createdAt, must_change_password AS mustChangePassword';

export function createUsersRepo(db: DB, audit: AuditLog) {
  const count = db.prepare('SELECT count(*) FROM users').pluck();
  const list = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY display_name`);
  const byName = db.prepare(`SELECT ${COLUMNS}, password_hash AS passwordHash, pin_hash AS pinHash FROM users WHERE username = ?`);
  const byId = db.prepare(`SELECT ${COLUMNS}, password_hash AS passwordHash, pin_hash AS pinHash FROM users WHERE id = ?`);
  const insert = db.prepare(
    'INSERT INTO users (username, display_name, role, password_hash, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // The audit entry is written first; audit_seq names it, and migration 0060 refuses a change without a fresh one.
  const setActive = db.prepare('UPDATE users SET active = ?, audit_seq = ? WHERE id = ?');
  const setRole = db.prepare('UPDATE users SET role = ?, audit_seq = ? WHERE id = ?');
  const setPassword = db.prepare('UPDATE users SET password_hash = ?, must_change_password = ?, audit_seq = ? WHERE id = ?');
  const exists = db.prepare('SELECT 1 FROM users WHERE id = ?').pluck();
  const roleOf = db.prepare('SELECT role FROM users WHERE id = ?').pluck();
  const flag = (v: number | boolean) => v === 1 || v === true;
  const toRow = <T extends { active: number | boolean; mustChangePassword: number | boolean }>(r: T) => ({
    ...r,
    active: flag(r.active),
    mustChangePassword: flag(r.mustChangePassword),
  });
  const known = (id: number) => {
    if (!exists.get(id)) throw new Error(`there is no user ${id}`);
  };

  const create = db.transaction(
    (actor: Actor, user: { username: string; displayName: string; role: Role; passwordHash: string; pinHash: string | null }) => {
      const id = Number(insert.run(user.username, user.displayName, user.role, user.passwordHash, user.pinHash, actor.at).lastInsertRowid);
      // The entry of the very first admin names that admin as the actor: nobody else exists yet.
      audit.append({ at: actor.at, userId: actor.userId ?? id, action: 'user.created', entity: 'user', entityId: id, detail: { username: user.username, displayName: user.displayName, role: user.role } });
      return id;
    },
  );

  return {
    countUsers: () => count.get() as number,
    listUsers: () => (list.all() as UserRow[]).map(toRow),
    findCredentials(username: string): UserCredentials | null {
      const r = byName.get(username) as UserCredentials | undefined;
      return r ? toRow(r) : null;
    },
    credentialsById(id: number): UserCredentials | null {
      const r = byId.get(id) as UserCredentials | undefined;
      return r ? toRow(r) : null;
    },
    createUser: create,
    /** The very first user (an admin), only while there is none: checked inside the transaction. */
    createFirstAdmin: db.transaction((at: number, user: { username: string; displayName: string; passwordHash: string; pinHash: string | null }) => {
      if ((count.get() as number) > 0) throw new Error('the first administrator already exists');
      return create({ userId: null, at }, { ...user, role: 'admin' });
    }),
    setUserActive: db.transaction((actor: Actor, id: number, active: boolean) => {
      known(id);
      const seq = audit.append({ at: actor.at, userId: actor.userId, action: active ? 'user.activated' : 'user.deactivated', entity: 'user', entityId: id, detail: {} });
      setActive.run(active ? 1 : 0, seq, id);
    }),
    /** A new role; the audit entry names old and new role (0060 refuses a role change whose entry does not). */
    setUserRole: db.transaction((actor: Actor, id: number, role: Role) => {
      known(id);
      const from = roleOf.get(id) as Role;
      const seq = audit.append({ at: actor.at, userId: actor.userId, action: 'user.roleChanged', entity: 'user', entityId: id, detail: { from, role } });
      setRole.run(role, seq, id);
    }),
    /**
     * A new password hash. `oneTime`: an administrator set it, and the user must replace it at the next login; the
     * audit entry says which (never the password or its hash).
     */
    setUserPassword: db.transaction((actor: Actor, id: number, passwordHash: string, oneTime: boolean) => {
      known(id);
      const action = oneTime ? 'user.passwordReset' : 'user.passwordChanged';
      const seq = audit.append({ at: actor.at, userId: actor.userId, action, entity: 'user', entityId: id, detail: {} });
      setPassword.run(passwordHash, oneTime ? 1 : 0, seq, id);
    }),
    /** Logins and refusals are audited too (who tried, when), outside any other change. */
    recordAuthEvent: db.transaction((at: number, userId: number | null, action: string, detail: unknown) => {
      audit.append({ at, userId, action, entity: 'auth', entityId: userId, detail });
    }),
  };
}
