import { Migration } from '@mikro-orm/migrations';

export class Migration20261125073319 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "organisation_kind" as enum ('committee', 'member_org');`);
    this.addSql(`create type "organisation_level" as enum ('province', 'district', 'commune');`);
    this.addSql(`create table "organisation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" text not null, "short_name" text not null, "body_name" text not null, "symbol" text not null, "place" text not null, "signature_authority" text not null, "signer_title" text not null, "kind" "organisation_kind" not null, "level" "organisation_level" not null, "parent_id" uuid null, "path" text not null default '', constraint "organisation_pkey" primary key ("id"));`);
    this.addSql(`create index "organisation_path_idx" on "organisation" ("path" text_pattern_ops);`);

    this.addSql(`create table "user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "username" text not null, "full_name" text not null, "password_hash" text not null, "organisation_id" uuid not null, "roles" text[] not null, "active" boolean not null default true, constraint "user_pkey" primary key ("id"));`);
    this.addSql(`alter table "user" add constraint "user_username_unique" unique ("username");`);

    this.addSql(`alter table "organisation" add constraint "organisation_parent_id_foreign" foreign key ("parent_id") references "organisation" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "user" add constraint "user_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop constraint "organisation_parent_id_foreign";`);

    this.addSql(`alter table "user" drop constraint "user_organisation_id_foreign";`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "user" cascade;`);

    this.addSql(`drop type "organisation_kind";`);
    this.addSql(`drop type "organisation_level";`);
  }

}
