import { Migration } from '@mikro-orm/migrations';

export class Migration20261125074343 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "plan_kind" as enum ('plan', 'joint_plan');`);
    this.addSql(`create type "plan_status" as enum ('draft', 'in_review', 'in_coordination', 'awaiting_approval', 'approved', 'issued', 'distributed', 'closed', 'rejected', 'recalled', 'cancelled');`);
    this.addSql(`create type "signature_kind" as enum ('co_issuer', 'approval');`);
    this.addSql(`create table "number_counter" ("organisation_id" uuid not null, "year" int not null, "register_key" text not null, "last_number" int not null, constraint "number_counter_pkey" primary key ("organisation_id", "year", "register_key"));`);

    this.addSql(`create table "plan" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "kind" "plan_kind" not null, "status" "plan_status" not null default 'draft', "machine_state" jsonb not null, "issuer_id" uuid not null, "issuer_lineage" text[] not null, "co_issuer_ids" text[] not null, "shared_with_co_issuers" boolean not null default false, "recipient_org_ids" text[] not null, "content" jsonb not null, "content_version" int not null default 1, "content_hash" text not null, "title" text not null, "year" int not null, "symbol" text not null, "number" int null, "issued_at" timestamptz null, "created_by_id" uuid not null, "approved_by_id" uuid null, "document_hash" text null, "parent_id" uuid null, constraint "plan_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_recipient_org_ids_idx" on "plan" using gin ("recipient_org_ids");`);
    this.addSql(`create index "plan_co_issuer_ids_idx" on "plan" using gin ("co_issuer_ids");`);
    this.addSql(`create index "plan_issuer_lineage_idx" on "plan" using gin ("issuer_lineage");`);
    this.addSql(`create index "plan_parent_id_index" on "plan" ("parent_id");`);
    this.addSql(`create index "plan_year_updated_at_index" on "plan" ("year", "updated_at");`);
    this.addSql(`create index "plan_issuer_id_updated_at_index" on "plan" ("issuer_id", "updated_at");`);
    this.addSql(`create index "plan_status_updated_at_index" on "plan" ("status", "updated_at");`);

    this.addSql(`create table "signature" ("id" uuid not null, "plan_id" uuid not null, "organisation_id" uuid not null, "user_id" uuid not null, "kind" "signature_kind" not null, "content_hash" text not null, "content_version" int not null, "comment" text null, "signed_at" timestamptz not null, "voided_at" timestamptz null, constraint "signature_pkey" primary key ("id"));`);
    this.addSql(`create index "signature_plan_id_signed_at_index" on "signature" ("plan_id", "signed_at");`);

    this.addSql(`create table "register_entry" ("id" uuid not null, "organisation_id" uuid not null, "year" int not null, "register_key" text not null, "number" int not null, "type_code" text not null, "symbol" text not null, "title" text not null, "plan_id" uuid null, "issued_at" timestamptz not null, "created_by_id" uuid not null, "external" boolean not null default false, constraint "register_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "register_entry" add constraint "register_entry_organisation_id_year_register_key_number_unique" unique ("organisation_id", "year", "register_key", "number");`);

    this.addSql(`create table "plan_version" ("id" uuid not null, "plan_id" uuid not null, "content_version" int not null, "content" jsonb not null, "content_hash" text not null, "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "plan_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_plan_id_content_version_unique" unique ("plan_id", "content_version");`);

    this.addSql(`create table "issued_document" ("id" uuid not null, "plan_id" uuid not null, "sha256" text not null, "file_name" text not null, "bytes" bytea not null, "created_at" timestamptz not null, constraint "issued_document_pkey" primary key ("id"));`);
    this.addSql(`alter table "issued_document" add constraint "issued_document_plan_id_unique" unique ("plan_id");`);

    this.addSql(`create table "audit_record" ("id" uuid not null, "plan_id" uuid not null, "seq" int not null, "at" timestamptz not null, "actor_id" uuid not null, "event" text not null, "from_state" text null, "to_state" text not null, "comment" text null, "content_hash" text not null, "details" jsonb null, "prev_hash" text not null, "hash" text not null, constraint "audit_record_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_record_actor_id_at_index" on "audit_record" ("actor_id", "at");`);
    this.addSql(`alter table "audit_record" add constraint "audit_record_plan_id_seq_unique" unique ("plan_id", "seq");`);

    this.addSql(`alter table "number_counter" add constraint "number_counter_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "plan" add constraint "plan_issuer_id_foreign" foreign key ("issuer_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan" add constraint "plan_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan" add constraint "plan_approved_by_id_foreign" foreign key ("approved_by_id") references "user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan" add constraint "plan_parent_id_foreign" foreign key ("parent_id") references "plan" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "signature" add constraint "signature_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "signature" add constraint "signature_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "signature" add constraint "signature_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "register_entry" add constraint "register_entry_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "register_entry" add constraint "register_entry_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "register_entry" add constraint "register_entry_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "plan_version" add constraint "plan_version_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "issued_document" add constraint "issued_document_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audit_record" add constraint "audit_record_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "audit_record" add constraint "audit_record_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "organisation" add column "number_register_per_type" boolean not null default false;`);

    this.addSql(`create index "user_organisation_id_index" on "user" ("organisation_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan" drop constraint "plan_parent_id_foreign";`);

    this.addSql(`alter table "signature" drop constraint "signature_plan_id_foreign";`);

    this.addSql(`alter table "register_entry" drop constraint "register_entry_plan_id_foreign";`);

    this.addSql(`alter table "plan_version" drop constraint "plan_version_plan_id_foreign";`);

    this.addSql(`alter table "issued_document" drop constraint "issued_document_plan_id_foreign";`);

    this.addSql(`alter table "audit_record" drop constraint "audit_record_plan_id_foreign";`);

    this.addSql(`drop table if exists "number_counter" cascade;`);

    this.addSql(`drop table if exists "plan" cascade;`);

    this.addSql(`drop table if exists "signature" cascade;`);

    this.addSql(`drop table if exists "register_entry" cascade;`);

    this.addSql(`drop table if exists "plan_version" cascade;`);

    this.addSql(`drop table if exists "issued_document" cascade;`);

    this.addSql(`drop table if exists "audit_record" cascade;`);

    this.addSql(`alter table "organisation" drop column "number_register_per_type";`);

    this.addSql(`drop index "user_organisation_id_index";`);

    this.addSql(`drop type "plan_kind";`);
    this.addSql(`drop type "plan_status";`);
    this.addSql(`drop type "signature_kind";`);
  }

}
