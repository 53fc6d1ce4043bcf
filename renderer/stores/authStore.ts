/** The login state of this window, as main reports it. Main decides; this only mirrors. */
import { create } from 'zustand';
import type { MethodOutput } from '../../core/api/contract';

export type AuthStatus = MethodOutput<'auth.status'>;

interface AuthState {
  status: AuthStatus | null;
  set(status: AuthStatus): void;
}

export const useAuth = create<AuthState>((set) => ({
  status: null,
  set: (status) => set({ status }),
}));
