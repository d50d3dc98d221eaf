import { Migration } from '@mikro-orm/migrations';

/**
 * Replacement and correction (issue 15, item 7; Nghị định 30/2020 Điều 18): a plan names the issued
 * plan it replaces, and the replaced plan the one that replaced it; correction notices of issued
 * plans, and which recipient organisations have read them. Existing plans replace nothing.
 */
export class Migration20261201160000_replacement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plan" add column "replaces_id" uuid null, add column "replaced_by_id" uuid null, add column "replaced_at" timestamptz null;`);
    this.addSql(`create index "plan_replaces_id_index" on "plan" ("replaces_id");`);
    this.addSql(`alter table "plan" add constraint "plan_replaces_id_foreign" foreign key ("replaces_id") references "plan" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan" add constraint "plan_replaced_by_id_foreign" foreign key ("replaced_by_id") references "plan" ("id") on update cascade on delete restrict;`);

    this.addSql(`create type "correction_status" as enum ('draft', 'approved', 'issued');`);
    this.addSql(`create table "plan_correction" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "status" "correction_status" not null default 'draft', "text" text not null, "created_by_id" uuid not null, "approved_by_id" uuid null, "approved_at" timestamptz null, "issued_by_id" uuid null, "issued_at" timestamptz null, "number" int null, "symbol" text null, constraint "plan_correction_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_correction_plan_id_created_at_index" on "plan_correction" ("plan_id", "created_at");`);
    this.addSql(`alter table "plan_correction" add constraint "plan_correction_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "plan_correction" add constraint "plan_correction_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan_correction" add constraint "plan_correction_approved_by_id_foreign" foreign key ("approved_by_id") references "user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan_correction" add constraint "plan_correction_issued_by_id_foreign" foreign key ("issued_by_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "correction_reading" ("id" uuid not null, "correction_id" uuid not null, "organisation_id" uuid not null, "read_by_id" uuid not null, "read_at" timestamptz not null, constraint "correction_reading_pkey" primary key ("id"));`);
    this.addSql(`alter table "correction_reading" add constraint "correction_reading_correction_id_organisation_id_unique" unique ("correction_id", "organisation_id");`);
    this.addSql(`alter table "correction_reading" add constraint "correction_reading_correction_id_foreign" foreign key ("correction_id") references "plan_correction" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "correction_reading" add constraint "correction_reading_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "correction_reading" add constraint "correction_reading_read_by_id_foreign" foreign key ("read_by_id") references "user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "correction_reading" cascade;`);
    this.addSql(`drop table if exists "plan_correction" cascade;`);
    this.addSql(`drop type "correction_status";`);
    this.addSql(`alter table "plan" drop constraint "plan_replaced_by_id_foreign", drop constraint "plan_replaces_id_foreign";`);
    this.addSql(`drop index "plan_replaces_id_index";`);
    this.addSql(`alter table "plan" drop column "replaced_at", drop column "replaced_by_id", drop column "replaces_id";`);
  }
}
