import type { DbClient } from '../../../db/client';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { AuthService } from './authService';

type AuthMethods =
  | 'auth.status'
  | 'auth.setupAdmin'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'users.list'
  | 'users.create'
  | 'users.setActive'
  | 'audit.verify';

export function createAuthHandlers(auth: AuthService, db: DbClient): HandlersFor<AuthMethods> {
  return {
    'auth.status': (_i, ctx) => auth.status(ctx.clientId),
    'auth.setupAdmin': (input, ctx) => auth.setupAdmin(ctx.clientId, input),
    'auth.login': ({ username, password }, ctx) => auth.login(ctx.clientId, username, password),
    'auth.logout': async (_i, ctx) => {
      await auth.logout(ctx.clientId);
      return null;
    },
    'auth.lock': async (_i, ctx) => {
      await auth.lock(ctx.clientId);
      return null;
    },
    'auth.unlock': ({ pin }, ctx) => auth.unlock(ctx.clientId, pin),
    'users.list': () => db.call('listUsers'),
    'users.create': (input, ctx) => auth.createUser(userOf(ctx), input),
    'users.setActive': async ({ userId, active }, ctx) => {
      await auth.setActive(userOf(ctx), userId, active);
      return null;
    },
    'audit.verify': ({ full }) => db.call(full ? 'verifyAuditFull' : 'verifyAudit'),
  };
}
