/** What every group of session calls gets from createSessionHandlers: the database and the session's shared steps. */
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import type { SessionUser } from '../../../core/auth/roles';
import type { DbClient } from '../../../db/client';
import type { SessionBundle } from '../../../db/repos/sessionRead';
import type { Actor } from '../../../db/repos/users';

export interface SessionCallDeps {
  db: DbClient;
  now: () => number;
  actorOf: (user: SessionUser, at?: number) => Actor;
  bundleOf: (sessionId: number) => Promise<SessionBundle>;
  /** Refuses a write to a signed session (corrections go through amendments). */
  notSigned: (b: SessionBundle) => void;
  /** The whole session after a write; emits 'session.changed' (naming the chair it left, after a move). */
  changed: (sessionId: number, previousChairId?: number) => Promise<SessionDetail>;
}
