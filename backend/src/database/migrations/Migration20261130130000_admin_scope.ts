import { Migration } from '@mikro-orm/migrations';

/**
 * Administrators are now scoped to their organisation's subtree. An administrator of a root
 * organisation already managed everything, so it keeps that as a system administrator; every other
 * administrator is narrowed to its own subtree. Plans' lineage is rebuilt from the tree as it is, in
 * case an organisation was moved before moves rewrote it.
 */
export class Migration20261130130000_admin_scope extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "user" u set "roles" = array_append(u."roles", 'sysadmin')
      from "organisation" o
      where o."id" = u."organisation_id" and o."parent_id" is null and 'admin' = any(u."roles") and not ('sysadmin' = any(u."roles"));`);
    this.addSql(`update "plan" p set "issuer_lineage" = string_to_array(trim(both '/' from o."path"), '/')
      from "organisation" o
      where o."id" = p."issuer_id" and p."issuer_lineage" is distinct from string_to_array(trim(both '/' from o."path"), '/');`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "user" set "roles" = array_remove("roles", 'sysadmin');`);
  }
}
