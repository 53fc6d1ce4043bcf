/** Login, lock and unlock at the station, the first administrator, user management and the audit check. */
import { z } from 'zod';
import { ROLES } from '../../auth/roles';
import { methodTable } from '../methodSpec';
import { Id } from '../schemas';

export const SessionUserSchema = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});

const Username = z.string().trim().min(2).max(40).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash or underscore');
const DisplayName = z.string().trim().min(1).max(100);
/** Long rather than complex (NIST SP 800-63B): at least 10 characters. */
export const Password = z.string().min(10, 'at least 10 characters').max(200);
export const Pin = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');

export const AuthStatus = z.object({
  setupNeeded: z.boolean(),
  user: SessionUserSchema.nullable(),
  locked: z.boolean(),
  lockedUser: z.object({ displayName: z.string(), hasPin: z.boolean() }).nullable(),
});

export const UserSummary = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  createdAt: z.number().int(),
  /** An administrator set a one-time password: the user chooses a new one at the next login. */
  mustChangePassword: z.boolean(),
});

export const authMethods = methodTable({
  'auth.status': { access: 'public', input: z.strictObject({}), output: AuthStatus },
  'auth.setupAdmin': {
    access: 'public',
    input: z.strictObject({ username: Username, displayName: DisplayName, password: Password, pin: Pin.optional() }),
    output: SessionUserSchema,
  },
  'auth.login': { access: 'public', input: z.strictObject({ username: z.string().max(40), password: z.string().max(200) }), output: SessionUserSchema },
  /**
   * Replaces the user's password and logs in: required after an administrator's reset (login answers REFUSED
   * 'passwordChangeRequired'), allowed any time. The current (or one-time) password is checked like a login.
   */
  'auth.changePassword': {
    access: 'public',
    input: z.strictObject({ username: z.string().max(40), password: z.string().max(200), newPassword: Password }),
    output: SessionUserSchema,
  },
  'auth.logout': { access: 'public', input: z.strictObject({}), output: z.null() },
  'auth.lock': { access: 'anyUser', input: z.strictObject({}), output: z.null() },
  'auth.unlock': { access: 'public', input: z.strictObject({ pin: z.string().max(8) }), output: SessionUserSchema },
  'users.list': { access: ['admin'], input: z.strictObject({}), output: z.array(UserSummary) },
  'users.create': {
    access: ['admin'],
    input: z.strictObject({ username: Username, displayName: DisplayName, role: z.enum(ROLES), password: Password, pin: Pin.optional() }),
    output: UserSummary,
  },
  /** A deactivated user's windows are logged out at once; she cannot log in until reactivated. */
  'users.setActive': { access: ['admin'], input: z.strictObject({ userId: Id, active: z.boolean() }), output: z.null() },
  /** Takes effect with the user's next call (her open windows keep their login with the new role). */
  'users.setRole': { access: ['admin'], input: z.strictObject({ userId: Id, role: z.enum(ROLES) }), output: z.null() },
  /**
   * The administrator sets a one-time password and tells it to the user; her open windows are logged out, and at the
   * next login she must choose her own (auth.changePassword).
   */
  'users.resetPassword': { access: ['admin'], input: z.strictObject({ userId: Id, password: Password }), output: z.null() },
  'audit.verify': {
    access: 'anyUser',
    /** Left out: from the last sealed checkpoint on (quick); full: every entry from the first (in slices, on demand). */
    input: z.strictObject({ full: z.boolean().optional() }),
    output: z.object({ ok: z.boolean(), entries: z.number().int(), problem: z.string().nullable() }),
  },
});

export const authEvents = {
  /** An administrator changed a user (role, active, password): the user's own windows reload their login state. */
  'users.changed': z.object({ userId: Id }),
};
