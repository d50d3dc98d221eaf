import { Migration } from '@mikro-orm/migrations';

/**
 * Units inside an organisation (issue 15, item 2; HD 31-HD/BTCTW): its ban and văn phòng, the unit a
 * user works in and the one drafting a plan. Every existing user and plan starts without a unit, so
 * archive lines and registers stay as they were.
 */
export class Migration20261201190000_units extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "organisation_unit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "organisation_id" uuid not null, "name" text not null, "code" text not null, "kind" text check ("kind" in ('ban', 'office')) not null, constraint "organisation_unit_pkey" primary key ("id"));`);
    this.addSql(`alter table "organisation_unit" add constraint "organisation_unit_organisation_id_code_unique" unique ("organisation_id", "code");`);
    this.addSql(`alter table "organisation_unit" add constraint "organisation_unit_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user" add column "unit_id" uuid null;`);
    this.addSql(`alter table "user" add constraint "user_unit_id_foreign" foreign key ("unit_id") references "organisation_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan" add column "drafting_unit_id" uuid null;`);
    this.addSql(`alter table "plan" add constraint "plan_drafting_unit_id_foreign" foreign key ("drafting_unit_id") references "organisation_unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "plan_drafting_unit_id_index" on "plan" ("drafting_unit_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan" drop constraint "plan_drafting_unit_id_foreign";`);
    this.addSql(`alter table "plan" drop column "drafting_unit_id";`);
    this.addSql(`alter table "user" drop constraint "user_unit_id_foreign";`);
    this.addSql(`alter table "user" drop column "unit_id";`);
    this.addSql(`drop table if exists "organisation_unit" cascade;`);
  }
}
