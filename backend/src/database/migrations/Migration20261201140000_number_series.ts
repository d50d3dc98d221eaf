import { Migration } from '@mikro-orm/migrations';

/**
 * Named number series (issue 15, item 6): an organisation may number some document types from a
 * register of their own beside the shared one. Existing entries and counters keep their register
 * keys ("all", or a type code with one register per type): every organisation starts without a
 * series, so numbering goes on exactly as before. The register export reads entries by date.
 */
export class Migration20261201140000_number_series extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "number_series" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "organisation_id" uuid not null, "name" text not null, "type_codes" text[] not null, constraint "number_series_pkey" primary key ("id"));`);
    this.addSql(`alter table "number_series" add constraint "number_series_organisation_id_name_unique" unique ("organisation_id", "name");`);
    this.addSql(`alter table "number_series" add constraint "number_series_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "register_entry_organisation_id_issued_at_index" on "register_entry" ("organisation_id", "issued_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "register_entry_organisation_id_issued_at_index";`);
    this.addSql(`drop table if exists "number_series" cascade;`);
  }
}
