import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Role } from '../core/roles';
import { primaryCapacity, type AuthUser, type Capacity } from '../access/auth-user';

/**
 * SQL of sessions (auth/session.entity.ts). The guard's lookup runs on every request, so it is one
 * statement by primary keys: the session, its user, the user's organisation and its other capacities
 * (kiêm nhiệm, read by the user's id from their unique index). Nothing is cached
 * in the process, so a revocation committed by any instance holds on the very next request everywhere.
 * Sessions are revoked by logout here, and by the trigger `user_access_changed` (migration
 * 20261130120000) when an account's password, roles, organisation or activity change.
 */
@Injectable()
export class SessionStore {
  /** Starts a session; the user's long-expired sessions are removed on the way. */
  async create(em: EntityManager, session: { id: string; userId: string; expiresAt: Date }): Promise<void> {
    await em.execute(CREATE_SQL, [session.userId, session.id, session.userId, session.expiresAt]);
  }

  /** The session's user if the session is live and the account active; null otherwise. */
  async activeUser(em: EntityManager, sessionId: string, userId: string): Promise<AuthUser | null> {
    const [row] = await em.execute<ActiveUserRow[]>(ACTIVE_USER_SQL, [sessionId, userId]);
    return row ? authUserOf(row) : null;
  }

  async revoke(em: EntityManager, sessionId: string): Promise<void> {
    await em.execute(`update "session" set "revoked_at" = now() where "id" = ? and "revoked_at" is null`, [sessionId]);
  }
}

const CREATE_SQL = `
  with expired as (delete from "session" where "user_id" = ? and "expires_at" < now())
  insert into "session" ("id", "user_id", "created_at", "expires_at") values (?, ?, now(), ?)`;

const ACTIVE_USER_SQL = `
  select u."id", u."username", u."full_name", u."roles", o."id" as "organisation_id", o."path" as "organisation_path",
    o."predecessor_ids",
    coalesce((
      select json_agg(json_build_object(
          'organisationId', c."organisation_id", 'organisationPath', co."path", 'predecessorIds', co."predecessor_ids",
          'roles', c."roles", 'title', c."title")
        order by co."path")
      from "user_capacity" c join "organisation" co on co."id" = c."organisation_id"
      where c."user_id" = u."id"
    ), '[]') as "capacities"
  from "session" s
  join "user" u on u."id" = s."user_id"
  join "organisation" o on o."id" = u."organisation_id"
  where s."id" = ? and s."user_id" = ? and s."revoked_at" is null and s."expires_at" > now() and u."active"`;

interface ActiveUserRow {
  id: string;
  username: string;
  full_name: string;
  roles: Role[];
  organisation_id: string;
  organisation_path: string;
  predecessor_ids: string[];
  capacities: Capacity[];
}

function authUserOf(row: ActiveUserRow): AuthUser {
  const primary = { organisationId: row.organisation_id, organisationPath: row.organisation_path, predecessorIds: row.predecessor_ids, roles: row.roles };
  return { id: row.id, username: row.username, fullName: row.full_name, ...primary, capacities: [primaryCapacity(primary), ...row.capacities] };
}
