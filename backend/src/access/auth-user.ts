import type { Role } from '../core/roles';

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
}
