import { Migration } from '@mikro-orm/migrations';

/**
 * A correction notice knows its register entry (the outgoing register prints its signer and
 * recipients through it) and keeps the DOCX rendered at its issue. Notices issued before this find
 * their entry by what the issue wrote into both: the issuer, the number, the symbol and the instant.
 * Their DOCX cannot be rendered here (it needs the renderer and the issuer's template): the first
 * download renders and stores it, sealing its SHA-256 in a CORRECTION_DOCUMENT audit record.
 */
export class Migration20261201200000_correction_documents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plan_correction" add column "register_entry_id" uuid null, add column "document_bytes" bytea null, add column "document_sha256" text null;`);
    this.addSql(`alter table "plan_correction" add constraint "plan_correction_register_entry_id_foreign" foreign key ("register_entry_id") references "register_entry" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "plan_correction" add constraint "plan_correction_register_entry_id_unique" unique ("register_entry_id");`);
    this.addSql(
      `update "plan_correction" c set "register_entry_id" = e."id"
         from "plan" p, "register_entry" e
        where p."id" = c."plan_id" and c."status" = 'issued'
          and e."organisation_id" = p."issuer_id" and e."plan_id" is null and e."number" = c."number" and e."symbol" = c."symbol" and e."issued_at" = c."issued_at";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan_correction" drop constraint "plan_correction_register_entry_id_unique", drop constraint "plan_correction_register_entry_id_foreign";`);
    this.addSql(`alter table "plan_correction" drop column "document_sha256", drop column "document_bytes", drop column "register_entry_id";`);
  }
}
