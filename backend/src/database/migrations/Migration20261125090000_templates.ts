import { Migration } from '@mikro-orm/migrations';

/**
 * Organisations' own templates (documents/organisation-template.entity.ts), written by hand as the
 * generator would write it, so that a later `migration:create` sees no difference. Plain DDL that
 * PostgreSQL 15 and PGlite run alike; the partial unique index keeps one active template per
 * organisation and kind.
 */
export class Migration20261125090000_templates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "organisation_template" ("id" uuid not null, "organisation_id" uuid not null, "kind" text check ("kind" in ('single', 'joint')) not null, "version" int not null, "file_name" text not null, "size" int not null, "sha256" text not null, "bytes" bytea not null, "uploaded_by_id" uuid not null, "uploaded_at" timestamptz not null, "active" boolean not null default true, constraint "organisation_template_pkey" primary key ("id"));`);
    this.addSql(`create unique index "organisation_template_active_unique" on "organisation_template" ("organisation_id", "kind") where "active";`);
    this.addSql(`alter table "organisation_template" add constraint "organisation_template_organisation_id_kind_version_unique" unique ("organisation_id", "kind", "version");`);
    this.addSql(`alter table "organisation_template" add constraint "organisation_template_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "organisation_template" add constraint "organisation_template_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "organisation_template" cascade;`);
  }
}
