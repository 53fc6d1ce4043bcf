/** Whether the logged-in user may make a call: screens show a form only to those the API would let through. */
import { mayCall } from '../../../core/api/access';
import type { MethodName } from '../../../core/api/contract';
import { useAuth } from '../../stores/authStore';

export function useMay(method: MethodName): boolean {
  return mayCall(method, useAuth((s) => s.status?.user?.role));
}
