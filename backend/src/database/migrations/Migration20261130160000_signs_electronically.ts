import { Migration } from '@mikro-orm/migrations';

/**
 * Content model v2 (issue 12) needs no data migration: its new parts (numbered paragraphs, preamble
 * kinds, inline emphasis, decimal indicators, form sections and groups) are optional fields or new
 * values, so every stored plan and plan version stays valid as it is, with its content hash — the
 * signatures bound to it and the audit chain sealing it stay true. What changes is the organisation:
 * whether its approved documents say "Đã ký" or leave room to sign by hand. Every organisation keeps
 * what its documents showed so far ("Đã ký").
 */
export class Migration20261130160000_signs_electronically extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organisation" add column "signs_electronically" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop column "signs_electronically";`);
  }
}
