/**
 * Whether a role passes a call's access rule. The dispatcher refuses with it, and the screens show a form only to
 * those it lets through (issue 12 item 4): one rule, read from the contract, never a second list in the UI.
 */
import type { Access, Role } from '../auth/roles';
import { methods, type MethodName } from './contract';

export function allows(access: Access, role: Role | null | undefined): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'anyUser' || access.includes(role);
}

/** May a user with this role (none: logged out) make this call? */
export function mayCall(method: MethodName, role: Role | null | undefined): boolean {
  return allows(methods[method].access, role);
}
