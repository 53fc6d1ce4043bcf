/** Who may do what. Refusals name the missing right, so staff know whom to ask. */
export const ROLES = ['mfa', 'physician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The logged-in user as every service sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/**
 * What a call needs: 'public' (nothing, e.g. the login screen), 'anyUser' (logged in and unlocked), or the roles
 * allowed (e.g. ['physician'] to prescribe, ['admin'] to manage users).
 */
export type Access = 'public' | 'anyUser' | readonly Role[];

export const ROLE_LABEL: Record<Role, { de: string; en: string }> = {
  mfa: { de: 'MFA', en: 'medical assistant' },
  physician: { de: 'Ärztin/Arzt', en: 'physician' },
  admin: { de: 'Administration', en: 'administrator' },
};
