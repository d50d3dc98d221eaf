import { Migration } from '@mikro-orm/migrations';

/**
 * One person, two capacities (issue 15, item 3): the roles an account holds in other organisations
 * besides its own (kiêm nhiệm), and the title a signature was given under, kept on the signature so
 * the document shows it as signed. Existing accounts have no other capacity; existing signatures no
 * recorded title, and their documents keep the organisation's signerTitle as before.
 */
export class Migration20261201180000_user_capacities extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "user_capacity" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "user_id" uuid not null, "organisation_id" uuid not null, "roles" text[] not null, "title" text null, constraint "user_capacity_pkey" primary key ("id"));`);
    this.addSql(`create index "user_capacity_organisation_id_index" on "user_capacity" ("organisation_id");`);
    this.addSql(`alter table "user_capacity" add constraint "user_capacity_user_id_organisation_id_unique" unique ("user_id", "organisation_id");`);
    this.addSql(`alter table "user_capacity" add constraint "user_capacity_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_capacity" add constraint "user_capacity_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "signature" add column "title" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "signature" drop column "title";`);
    this.addSql(`drop table if exists "user_capacity" cascade;`);
  }
}
