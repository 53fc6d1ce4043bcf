import type { DbClient } from '../../../db/client';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { EventBus } from '../eventBus';
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
  | 'users.setRole'
  | 'users.resetPassword'
  | 'auth.changePassword'
  | 'audit.verify';

export function createAuthHandlers(auth: AuthService, db: DbClient, bus: EventBus): HandlersFor<AuthMethods> {
  /** The user's own windows reload their login (a new role shows its screens at once); admin screens their list. */
  const changed = (userId: number) => {
    bus.emit('users.changed', { userId });
    return null;
  };
  return {
    'auth.status': (_i, ctx) => auth.status(ctx.clientId),
    'auth.setupAdmin': (input, ctx) => auth.setupAdmin(ctx.clientId, input),
    'auth.login': ({ username, password }, ctx) => auth.login(ctx.clientId, username, password),
    'auth.changePassword': async ({ username, password, newPassword }, ctx) => {
      const user = await auth.changePassword(ctx.clientId, username, password, newPassword);
      changed(user.id);
      return user;
    },
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
    'users.create': async (input, ctx) => {
      const created = await auth.createUser(userOf(ctx), input);
      changed(created.id);
      return created;
    },
    'users.setActive': async ({ userId, active }, ctx) => {
      await auth.setActive(userOf(ctx), userId, active);
      return changed(userId);
    },
    'users.setRole': async ({ userId, role }, ctx) => {
      await auth.setRole(userOf(ctx), userId, role);
      return changed(userId);
    },
    'users.resetPassword': async ({ userId, password }, ctx) => {
      await auth.resetPassword(userOf(ctx), userId, password);
      return changed(userId);
    },
    'audit.verify': ({ full }) => db.call(full ? 'verifyAuditFull' : 'verifyAudit'),
  };
}
