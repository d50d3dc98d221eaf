import { Migration } from '@mikro-orm/migrations';

/**
 * Digital signatures of the plan's PDF (Nghị định 30/2020 Điều 5): the PDF being signed per plan,
 * the signing keys the server holds (sealed, opened only by the holder's PIN), signatures being made
 * on a USB token or by a remote signing service, the images signatures show, and the roots trusted besides the configured ones. Existing plans keep their DOCX; their PDF
 * is rendered on demand, unsigned, as before digital signing.
 */
export class Migration20261201090000_pdf_signing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "plan_pdf" ("id" uuid not null, "plan_id" uuid not null, "content_hash" text not null, "bytes" bytea not null, "sha256" text not null, "layout" jsonb not null, "signature_count" int not null default 0, "updated_at" timestamptz not null, constraint "plan_pdf_pkey" primary key ("id"));`);
    this.addSql(`alter table "plan_pdf" add constraint "plan_pdf_plan_id_unique" unique ("plan_id");`);
    this.addSql(`alter table "plan_pdf" add constraint "plan_pdf_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "signing_credential" ("id" uuid not null, "user_id" uuid null, "organisation_id" uuid null, "sealed" bytea not null, "certificate_pem" text not null, "subject" text not null, "issuer" text not null, "serial_number" text not null, "valid_from" timestamptz not null, "valid_to" timestamptz not null, "uploaded_by_id" uuid not null, "uploaded_at" timestamptz not null, "replaced_at" timestamptz null, constraint "signing_credential_pkey" primary key ("id"), constraint "signing_credential_one_holder" check (("user_id" is null) <> ("organisation_id" is null)));`);
    this.addSql(`create index "signing_credential_user_id_replaced_at_index" on "signing_credential" ("user_id", "replaced_at");`);
    this.addSql(`create index "signing_credential_organisation_id_replaced_at_index" on "signing_credential" ("organisation_id", "replaced_at");`);
    this.addSql(`alter table "signing_credential" add constraint "signing_credential_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "signing_credential" add constraint "signing_credential_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "signing_credential" add constraint "signing_credential_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "user" ("id") on update cascade;`);

    this.addSql(`create type "signature_image_kind" as enum ('signature', 'seal');`);
    this.addSql(`create table "signature_image" ("id" uuid not null, "user_id" uuid null, "organisation_id" uuid null, "kind" "signature_image_kind" not null, "png" bytea not null, "diameter_mm" double precision null, "uploaded_at" timestamptz not null, constraint "signature_image_pkey" primary key ("id"), constraint "signature_image_one_holder" check (("user_id" is null) <> ("organisation_id" is null)));`);
    this.addSql(`alter table "signature_image" add constraint "signature_image_user_id_kind_unique" unique ("user_id", "kind");`);
    this.addSql(`alter table "signature_image" add constraint "signature_image_organisation_id_kind_unique" unique ("organisation_id", "kind");`);
    this.addSql(`alter table "signature_image" add constraint "signature_image_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "signature_image" add constraint "signature_image_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "pending_pdf_signature" ("id" uuid not null, "plan_id" uuid not null, "user_id" uuid not null, "event" text not null, "base_sha256" text not null, "prepared" bytea not null, "digest" text not null, "created_at" timestamptz not null, constraint "pending_pdf_signature_pkey" primary key ("id"));`);
    this.addSql(`alter table "pending_pdf_signature" add constraint "pending_pdf_signature_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "pending_pdf_signature" add constraint "pending_pdf_signature_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "trust_anchor" ("id" uuid not null, "name" text not null, "certificate_pem" text not null, "created_at" timestamptz not null, constraint "trust_anchor_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trust_anchor" cascade;`);
    this.addSql(`drop table if exists "pending_pdf_signature" cascade;`);
    this.addSql(`drop table if exists "signature_image" cascade;`);
    this.addSql(`drop type "signature_image_kind";`);
    this.addSql(`drop table if exists "signing_credential" cascade;`);
    this.addSql(`drop table if exists "plan_pdf" cascade;`);
  }
}
