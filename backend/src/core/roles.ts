/** The roles a user may hold (DESIGN §5); what each may do is decided in auth/ability.factory.ts. */
export const ROLES = ['sysadmin', 'admin', 'drafter', 'reviewer', 'leader', 'clerk'] as const;
export type Role = (typeof ROLES)[number];
