import { Migration } from '@mikro-orm/migrations';

/**
 * Reporting deadlines become rows (`reporting_round`): one per entry of the content's `reporting` list
 * of every plan that was distributed (now distributed, closed or recalled). Reports, reminders and
 * closures, which named a deadline by its index in that list, now name the round; a closure becomes
 * the round's `closed_at`/`closed_by_id`. An implementing plan's rounds link to the parent plan's round
 * at the same index, which is what roll-ups matched until now. Plans get an (issuer, status) index: the
 * inbox asks, per event, for the caller's organisation's plans in the states that accept it.
 */
export class Migration20261130150000_reporting_rounds extends Migration {
  override async up(): Promise<void> {
    this.createRounds();
    this.addSql(`insert into "reporting_round" ("id", "plan_id", "position", "name", "due_date")
      select gen_random_uuid(), p."id", d.ord - 1, d.value->>'name', (d.value->>'dueDate')::date
      from "plan" p cross join lateral jsonb_array_elements(p."content"->'reporting') with ordinality as d(value, ord)
      where p."status" in ('distributed', 'closed', 'recalled');`);
    this.addSql(`update "reporting_round" c set "parent_round_id" = pr."id"
      from "plan" cp join "reporting_round" pr on pr."plan_id" = cp."parent_id"
      where cp."id" = c."plan_id" and pr."position" = c."position";`);
    this.addSql(`update "reporting_round" r set "closed_at" = x."closed_at", "closed_by_id" = x."closed_by_id"
      from "report_round_closure" x where x."plan_id" = r."plan_id" and x."deadline" = r."position";`);
    this.addSql(`drop table "report_round_closure";`);
    this.repoint('report', 'organisation_id');
    this.repoint('report_reminder', 'organisation_id", "kind');
    this.addSql(`alter table "report_reminder" drop column "plan_id", drop column "due_date";`);
    this.addSql(`create index "plan_issuer_id_status_index" on "plan" ("issuer_id", "status");`);
  }

  private createRounds(): void {
    this.addSql(`create table "reporting_round" ("id" uuid not null, "plan_id" uuid not null, "position" int not null, "name" text not null, "due_date" date not null, "parent_round_id" uuid null, "closed_at" timestamptz null, "closed_by_id" uuid null, constraint "reporting_round_pkey" primary key ("id"));`);
    this.addSql(`alter table "reporting_round" add constraint "reporting_round_plan_id_position_unique" unique ("plan_id", "position");`);
    this.addSql(`create index "reporting_round_due_date_index" on "reporting_round" ("due_date");`);
    this.addSql(`create index "reporting_round_parent_round_id_index" on "reporting_round" ("parent_round_id");`);
    this.addSql(`alter table "reporting_round" add constraint "reporting_round_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reporting_round" add constraint "reporting_round_parent_round_id_foreign" foreign key ("parent_round_id") references "reporting_round" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "reporting_round" add constraint "reporting_round_closed_by_id_foreign" foreign key ("closed_by_id") references "user" ("id") on update cascade on delete restrict;`);
  }

  /** `table`'s (plan_id, deadline) becomes round_id; `rest` are the other columns of its unique key. */
  private repoint(table: string, rest: string): void {
    this.addSql(`alter table "${table}" add column "round_id" uuid null;`);
    this.addSql(`update "${table}" t set "round_id" = r."id" from "reporting_round" r where r."plan_id" = t."plan_id" and r."position" = t."deadline";`);
    // A row whose deadline no longer exists in its plan's list could not be reached before either.
    this.addSql(`delete from "${table}" where "round_id" is null;`);
    this.addSql(`alter table "${table}" drop constraint "${table}_plan_id_deadline_${rest.replace(/", "/g, '_')}_unique";`);
    this.addSql(`alter table "${table}" drop column "deadline", alter column "round_id" set not null;`);
    this.addSql(`alter table "${table}" add constraint "${table}_round_id_${rest.replace(/", "/g, '_')}_unique" unique ("round_id", "${rest}");`);
    this.addSql(`alter table "${table}" add constraint "${table}_round_id_foreign" foreign key ("round_id") references "reporting_round" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "plan_issuer_id_status_index";`);
    this.addSql(`alter table "report" add column "deadline" int null;`);
    this.addSql(`update "report" t set "deadline" = r."position" from "reporting_round" r where r."id" = t."round_id";`);
    this.addSql(`alter table "report" drop column "round_id", alter column "deadline" set not null;`);
    this.addSql(`alter table "report" add constraint "report_plan_id_deadline_organisation_id_unique" unique ("plan_id", "deadline", "organisation_id");`);
    this.addSql(`alter table "report_reminder" add column "plan_id" uuid null, add column "deadline" int null, add column "due_date" text null;`);
    this.addSql(`update "report_reminder" t set "plan_id" = r."plan_id", "deadline" = r."position", "due_date" = r."due_date"::text from "reporting_round" r where r."id" = t."round_id";`);
    this.addSql(`alter table "report_reminder" drop column "round_id", alter column "plan_id" set not null, alter column "deadline" set not null, alter column "due_date" set not null;`);
    this.addSql(`alter table "report_reminder" add constraint "report_reminder_plan_id_deadline_organisation_id_kind_unique" unique ("plan_id", "deadline", "organisation_id", "kind");`);
    this.addSql(`alter table "report_reminder" add constraint "report_reminder_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "report_round_closure" ("id" uuid not null, "plan_id" uuid not null, "deadline" int not null, "closed_by_id" uuid not null, "closed_at" timestamptz not null, constraint "report_round_closure_pkey" primary key ("id"));`);
    this.addSql(`insert into "report_round_closure" select gen_random_uuid(), "plan_id", "position", "closed_by_id", "closed_at" from "reporting_round" where "closed_at" is not null;`);
    this.addSql(`alter table "report_round_closure" add constraint "report_round_closure_plan_id_deadline_unique" unique ("plan_id", "deadline");`);
    this.addSql(`alter table "report_round_closure" add constraint "report_round_closure_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report_round_closure" add constraint "report_round_closure_closed_by_id_foreign" foreign key ("closed_by_id") references "user" ("id") on update cascade on delete restrict;`);
    this.addSql(`drop table "reporting_round" cascade;`);
  }
}
