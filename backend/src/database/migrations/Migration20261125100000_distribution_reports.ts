import { Migration } from '@mikro-orm/migrations';

export class Migration20261125100000_distribution_reports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "reminder_kind" as enum ('due_soon', 'overdue');`);
    this.addSql(`create type "report_state" as enum ('draft', 'submitted');`);
    this.addSql(`create table "reminder_run" ("day" text not null, "ran_at" timestamptz not null, "created" int not null, constraint "reminder_run_pkey" primary key ("day"));`);

    this.addSql(`create table "report_round_closure" ("id" uuid not null, "plan_id" uuid not null, "deadline" int not null, "closed_by_id" uuid not null, "closed_at" timestamptz not null, constraint "report_round_closure_pkey" primary key ("id"));`);
    this.addSql(`alter table "report_round_closure" add constraint "report_round_closure_plan_id_deadline_unique" unique ("plan_id", "deadline");`);

    this.addSql(`create table "report_reminder" ("id" uuid not null, "plan_id" uuid not null, "deadline" int not null, "organisation_id" uuid not null, "kind" "reminder_kind" not null, "due_date" text not null, "created_at" timestamptz not null, constraint "report_reminder_pkey" primary key ("id"));`);
    this.addSql(`create index "report_reminder_organisation_id_index" on "report_reminder" ("organisation_id");`);
    this.addSql(`alter table "report_reminder" add constraint "report_reminder_plan_id_deadline_organisation_id_kind_unique" unique ("plan_id", "deadline", "organisation_id", "kind");`);

    this.addSql(`create table "report" ("id" uuid not null, "plan_id" uuid not null, "deadline" int not null, "organisation_id" uuid not null, "state" "report_state" not null default 'draft', "values" jsonb not null, "note" text not null, "submitted_at" timestamptz null, "submitted_by_id" uuid null, "revision" int not null default 1, "updated_at" timestamptz not null, "version" int not null default 1, constraint "report_pkey" primary key ("id"));`);
    this.addSql(`create index "report_organisation_id_plan_id_index" on "report" ("organisation_id", "plan_id");`);
    this.addSql(`alter table "report" add constraint "report_plan_id_deadline_organisation_id_unique" unique ("plan_id", "deadline", "organisation_id");`);

    this.addSql(`create table "report_revision" ("id" uuid not null, "report_id" uuid not null, "revision" int not null, "state" "report_state" not null, "values" jsonb not null, "note" text not null, "saved_by_id" uuid not null, "saved_at" timestamptz not null, constraint "report_revision_pkey" primary key ("id"));`);
    this.addSql(`alter table "report_revision" add constraint "report_revision_report_id_revision_unique" unique ("report_id", "revision");`);

    this.addSql(`create table "delivery" ("id" uuid not null, "plan_id" uuid not null, "organisation_id" uuid not null, "label" text not null, "delivered_at" timestamptz not null, "acknowledged_at" timestamptz null, "acknowledged_by_id" uuid null, "recall_seen_at" timestamptz null, constraint "delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_organisation_id_delivered_at_index" on "delivery" ("organisation_id", "delivered_at");`);
    this.addSql(`alter table "delivery" add constraint "delivery_plan_id_organisation_id_unique" unique ("plan_id", "organisation_id");`);

    this.addSql(`alter table "report_round_closure" add constraint "report_round_closure_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_round_closure" add constraint "report_round_closure_closed_by_id_foreign" foreign key ("closed_by_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "report_reminder" add constraint "report_reminder_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_reminder" add constraint "report_reminder_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "report" add constraint "report_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report" add constraint "report_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "report" add constraint "report_submitted_by_id_foreign" foreign key ("submitted_by_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "report_revision" add constraint "report_revision_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_revision" add constraint "report_revision_saved_by_id_foreign" foreign key ("saved_by_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "delivery" add constraint "delivery_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "delivery" add constraint "delivery_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "delivery" add constraint "delivery_acknowledged_by_id_foreign" foreign key ("acknowledged_by_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "issued_document" add column "recalled_at" timestamptz null, add column "recall_reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "report_revision" drop constraint "report_revision_report_id_foreign";`);

    this.addSql(`drop table if exists "reminder_run" cascade;`);

    this.addSql(`drop table if exists "report_round_closure" cascade;`);

    this.addSql(`drop table if exists "report_reminder" cascade;`);

    this.addSql(`drop table if exists "report" cascade;`);

    this.addSql(`drop table if exists "report_revision" cascade;`);

    this.addSql(`drop table if exists "delivery" cascade;`);

    this.addSql(`alter table "issued_document" drop column "recalled_at", drop column "recall_reason";`);

    this.addSql(`drop type "reminder_kind";`);
    this.addSql(`drop type "report_state";`);
  }

}
