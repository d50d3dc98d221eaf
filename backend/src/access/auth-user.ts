import type { Role } from '../core/roles';

/** An organisation the caller acts for, with the roles held there (kiêm nhiệm: more than one). */
export interface Capacity {
  organisationId: string;
  /** Materialised path of that organisation, for "ancestor committees may read". */
  organisationPath: string;
  /** Organisations merged or dissolved into that one: it acts for them on what they issued. */
  predecessorIds: string[];
  roles: Role[];
  /** The title signed under there; null: the organisation's signerTitle (always null for the primary). */
  title: string | null;
}

/** Who is calling, as the guard resolved it from the token and the database. */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  organisationId: string;
  /** Materialised path of the caller's organisation, for "ancestor committees may read". */
  organisationPath: string;
  /** Organisations merged or dissolved into the caller's: it acts for them on what they issued. */
  predecessorIds: string[];
  roles: Role[];
  /** The primary capacity (organisation, path and roles above) first, then the others (users/user-capacity.entity.ts). */
  capacities: Capacity[];
}

/** The account's own organisation and roles as a capacity. */
export function primaryCapacity(user: Pick<AuthUser, 'organisationId' | 'organisationPath' | 'predecessorIds' | 'roles'>): Capacity {
  return { organisationId: user.organisationId, organisationPath: user.organisationPath, predecessorIds: user.predecessorIds, roles: user.roles, title: null };
}
