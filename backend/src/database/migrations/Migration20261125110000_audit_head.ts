import { Migration } from '@mikro-orm/migrations';

/** The audit chain's head on the plan row (no lookup of the last record per event), and list indexes. */
export class Migration20261125110000_audit_head extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plan" add column "audit_seq" int not null default 0, add column "audit_head" text not null default 'GENESIS';`);
    this.addSql(`update "plan" p set "audit_seq" = a."seq", "audit_head" = a."hash"
      from (select distinct on ("plan_id") "plan_id", "seq", "hash" from "audit_record" order by "plan_id", "seq" desc) a
      where a."plan_id" = p."id";`);
    this.addSql(`create index "plan_updated_at_id_index" on "plan" ("updated_at", "id");`);
    this.addSql(`create index "plan_status_year_updated_at_index" on "plan" ("status", "year", "updated_at");`);
    // Title search is `ilike '%…%'`: only a trigram index serves it.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "plan_title_trgm_idx" on "plan" using gin ("title" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "plan_title_trgm_idx";`);
    this.addSql(`drop index "plan_status_year_updated_at_index";`);
    this.addSql(`drop index "plan_updated_at_id_index";`);
    this.addSql(`alter table "plan" drop column "audit_seq", drop column "audit_head";`);
  }
}
