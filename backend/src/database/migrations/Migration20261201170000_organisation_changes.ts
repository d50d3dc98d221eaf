import { Migration } from '@mikro-orm/migrations';

/**
 * A tree that changes (issue 15, item 1). `level` becomes text checked by the application (the
 * two-tier tree since 1 July 2025 and the old three-level one both fit), so the enum type goes.
 * Organisations gain what a merge or dissolution leaves (its date, the successor, and on the
 * successor the ids it acts for); every change is a row of `organisation_change`, which a trigger
 * keeps append-only. Plans keep the names they were issued under: `issued_as` is filled for the plans
 * already issued from the organisations as they are now, the best that is known of them.
 */
export class Migration20261201170000_organisation_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organisation" alter column "level" type text using "level"::text;`);
    this.addSql(`drop type "organisation_level";`);
    this.addSql(`alter table "organisation" add column "dissolved_on" date null, add column "successor_id" uuid null, add column "predecessor_ids" text[] not null default '{}';`);
    this.addSql(`alter table "organisation" alter column "predecessor_ids" drop default;`);
    this.addSql(`alter table "organisation" add constraint "organisation_successor_id_foreign" foreign key ("successor_id") references "organisation" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "organisation_change" ("id" uuid not null, "organisation_id" uuid not null, "kind" text not null, "effective_on" date not null, "successor_id" uuid null, "details" jsonb not null, "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "organisation_change_pkey" primary key ("id"));`);
    this.addSql(`create index "organisation_change_organisation_id_created_at_index" on "organisation_change" ("organisation_id", "created_at");`);
    this.addSql(`create index "organisation_change_successor_id_index" on "organisation_change" ("successor_id");`);
    this.addSql(`alter table "organisation_change" add constraint "organisation_change_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "organisation_change" add constraint "organisation_change_successor_id_foreign" foreign key ("successor_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "organisation_change" add constraint "organisation_change_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete restrict;`);
    this.addSql(`create function "organisation_change_append_only"() returns trigger language plpgsql as $$
      begin raise exception 'organisation_change is append-only: a change is undone by a new change'; end $$;`);
    this.addSql(`create trigger "organisation_change_append_only" before update or delete on "organisation_change"
      for each statement execute function "organisation_change_append_only"();`);

    this.addSql(`alter table "plan" add column "issued_as" jsonb null;`);
    this.addSql(`update "plan" p set "issued_as" = json_build_object(
        'issuer', (select ${DOCUMENT_ORGANISATION} from "organisation" o where o."id" = p."issuer_id"),
        'coIssuers', coalesce((select json_agg(${DOCUMENT_ORGANISATION} order by array_position(p."co_issuer_ids", o."id"::text))
          from "organisation" o where o."id"::text = any(p."co_issuer_ids")), '[]'::json))
      where p."number" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan" drop column "issued_as";`);
    this.addSql(`drop table "organisation_change";`);
    this.addSql(`drop function "organisation_change_append_only"();`);
    this.addSql(`alter table "organisation" drop constraint "organisation_successor_id_foreign";`);
    this.addSql(`alter table "organisation" drop column "dissolved_on", drop column "successor_id", drop column "predecessor_ids";`);
    this.addSql(`create type "organisation_level" as enum ('province', 'district', 'commune');`);
    this.addSql(`alter table "organisation" alter column "level" type "organisation_level" using "level"::"organisation_level";`);
  }
}

/** An organisation row as render-input.ts's DocumentOrganisation (frozen here as this migration wrote it). */
const DOCUMENT_ORGANISATION = `json_build_object('id', o."id", 'name', o."name", 'bodyName', o."body_name", 'symbol', o."symbol", 'place', o."place",
  'signatureAuthority', o."signature_authority", 'signerTitle', o."signer_title", 'signsElectronically', o."signs_electronically")`;
