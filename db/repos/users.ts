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

const COLUMNS = 'id, username, display_name AS displayName, role, active, created_at AS createdAt';

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
  const exists = db.prepare('SELECT 1 FROM users WHERE id = ?').pluck();
  const toRow = <T extends { active: number | boolean }>(r: T) => ({ ...r, active: r.active === 1 || r.active === true });

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
      if (!exists.get(id)) throw new Error(`there is no user ${id}`);
      const seq = audit.append({ at: actor.at, userId: actor.userId, action: active ? 'user.activated' : 'user.deactivated', entity: 'user', entityId: id, detail: {} });
      setActive.run(active ? 1 : 0, seq, id);
    }),
    /** Logins and refusals are audited too (who tried, when), outside any other change. */
    recordAuthEvent: db.transaction((at: number, userId: number | null, action: string, detail: unknown) => {
      audit.append({ at, userId, action, entity: 'auth', entityId: userId, detail });
    }),
  };
}
