import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The organisation tree's set-based writes, which the ORM would do row by row. Paths hold only UUIDs
 * and slashes, so they are safe in LIKE patterns.
 */
export class OrganisationRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Re-roots the subtree at `oldPath` under `newPath` and gives the plans its organisations issued
   * their new lineage. The subtree's rows are locked first, so a plan being created by one of them
   * (which reads its issuer's path FOR SHARE) lands either wholly before or wholly after the move.
   */
  async moveSubtree(oldPath: string, newPath: string): Promise<void> {
    await this.em.execute(`select id from organisation where path like ? for update`, [`${oldPath}%`]);
    await this.em.execute(`update organisation set path = ? || substr(path, ?) where path like ?`, [newPath, oldPath.length + 1, `${oldPath}%`]);
    await this.em.execute(
      `update plan p set issuer_lineage = string_to_array(trim(both '/' from o.path), '/')
         from organisation o where o.id = p.issuer_id and o.path like ?`,
      [`${newPath}%`],
    );
  }

  /** Every organisation that shares a plan with one of `organisationIds`, as issuer, co-issuer or recipient (they included). */
  async partnerIds(organisationIds: string[]): Promise<string[]> {
    const ids = this.em.getPlatform().marshallArray(organisationIds);
    const rows = await this.em.execute<{ id: string }[]>(
      `select distinct partner as id
         from plan p, unnest(array[p.issuer_id::text] || p.co_issuer_ids || p.recipient_org_ids) partner
        where p.issuer_id = any(?::uuid[]) or p.co_issuer_ids && ?::text[] or p.recipient_org_ids && ?::text[]`,
      [ids, ids, ids],
    );
    return rows.map((row) => row.id);
  }

  /**
   * For each of `organisationIds` that has ended (merged or dissolved), the organisation doing its work
   * now: its successor, followed while that one has ended too. Those still active are left out.
   */
  async activeSuccessors(organisationIds: string[]): Promise<Map<string, string>> {
    const rows = await this.em.execute<{ ended_id: string; active_id: string }[]>(
      `with recursive chain ("ended_id", "id", "successor_id", "dissolved_on") as (
         select o."id", o."id", o."successor_id", o."dissolved_on" from "organisation" o where o."id" = any(?::uuid[]) and o."dissolved_on" is not null
         union all
         select chain."ended_id", s."id", s."successor_id", s."dissolved_on"
           from chain join "organisation" s on s."id" = chain."successor_id" where chain."dissolved_on" is not null
       )
       select "ended_id", "id" as "active_id" from chain where "dissolved_on" is null`,
      [this.em.getPlatform().marshallArray(organisationIds)],
    );
    return new Map(rows.map((row) => [row.ended_id, row.active_id]));
  }
}
