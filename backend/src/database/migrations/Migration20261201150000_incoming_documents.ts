import { Migration } from '@mikro-orm/migrations';

/**
 * The incoming documents register (issue 15, item 5): entries, their arrival-number counters and their
 * history; each entry's words for search folded like the plans' (kehoach_fold, migration "search") into
 * a tsvector kept by a trigger, with a GIN index. Plans already delivered inside the system enter their
 * recipients' registers here, numbered per organisation and year in the order they arrived, received
 * the day they were acknowledged.
 */
export class Migration20261201150000_incoming_documents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "incoming_urgency" as enum ('normal', 'urgent', 'very_urgent', 'flash');`);
    this.addSql(`create type "incoming_status" as enum ('pending', 'received', 'assigned', 'in_progress', 'done');`);
    this.addSql(`create table "incoming_counter" ("organisation_id" uuid not null, "year" int not null, "last_number" int not null, constraint "incoming_counter_pkey" primary key ("organisation_id", "year"));`);
    this.addSql(`create table "incoming_document" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "organisation_id" uuid not null, "year" int not null, "arrival_number" int not null, "received_at" date null, "sender" text not null, "document_number" text not null, "document_date" date not null, "document_type" text not null, "summary" text not null, "urgency" "incoming_urgency" not null default 'normal', "assignee_unit" text null, "assignee_id" uuid null, "direction" text null, "deadline" date null, "status" "incoming_status" not null default 'received', "plan_id" uuid null, "derived_plan_ids" text[] not null, "acknowledged_at" timestamptz null, "registered_by_id" uuid null, "file_name" text null, "file_type" text null, "file_size" int null, "file_bytes" bytea null, "search_vector" tsvector null, constraint "incoming_document_pkey" primary key ("id"));`);
    this.addSql(`create index "incoming_document_organisation_id_received_at_index" on "incoming_document" ("organisation_id", "received_at");`);
    this.addSql(`alter table "incoming_document" add constraint "incoming_document_plan_document_unique" unique ("plan_id", "organisation_id", "document_number");`);
    this.addSql(`alter table "incoming_document" add constraint "incoming_document_organisation_id_year_arrival_number_unique" unique ("organisation_id", "year", "arrival_number");`);
    this.addSql(`create table "incoming_document_change" ("id" uuid not null, "document_id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "action" text not null, "changes" jsonb not null, constraint "incoming_document_change_pkey" primary key ("id"));`);
    this.addSql(`create index "incoming_document_change_document_id_at_index" on "incoming_document_change" ("document_id", "at");`);
    this.addSql(`alter table "incoming_counter" add constraint "incoming_counter_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "incoming_document" add constraint "incoming_document_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "incoming_document" add constraint "incoming_document_assignee_id_foreign" foreign key ("assignee_id") references "user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "incoming_document" add constraint "incoming_document_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "incoming_document" add constraint "incoming_document_registered_by_id_foreign" foreign key ("registered_by_id") references "user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "incoming_document_change" add constraint "incoming_document_change_document_id_foreign" foreign key ("document_id") references "incoming_document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "incoming_document_change" add constraint "incoming_document_change_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on update cascade on delete restrict;`);

    this.addSql(`create or replace function incoming_document_search_vector() returns trigger language plpgsql as $$
begin
  new.search_vector :=
    setweight(to_tsvector('simple', kehoach_fold(concat_ws(' ', new.summary, translate(new.document_number, '/-', '  '), new.arrival_number))), 'A') ||
    setweight(to_tsvector('simple', kehoach_fold(new.sender)), 'B');
  return new;
end $$;`);
    this.addSql(`create trigger "incoming_document_search_vector_insert" before insert on "incoming_document" for each row execute function incoming_document_search_vector();`);
    this.addSql(`create trigger "incoming_document_search_vector_update" before update of "summary", "document_number", "sender", "arrival_number" on "incoming_document" for each row
  when (old."summary" is distinct from new."summary" or old."document_number" is distinct from new."document_number"
    or old."sender" is distinct from new."sender" or old."arrival_number" is distinct from new."arrival_number")
  execute function incoming_document_search_vector();`);
    this.addSql(`create index "incoming_document_search_idx" on "incoming_document" using gin ("search_vector");`);

    // Plans delivered before this register existed: one entry per delivery, numbered in arrival order.
    this.addSql(`insert into "incoming_document" ("id", "created_at", "updated_at", "organisation_id", "year", "arrival_number", "received_at", "sender",
    "document_number", "document_date", "document_type", "summary", "status", "plan_id", "derived_plan_ids", "acknowledged_at")
  select gen_random_uuid(), d.delivered_at, d.delivered_at, d.organisation_id, extract(year from d.delivered_at at time zone 'Asia/Ho_Chi_Minh')::int,
    row_number() over (partition by d.organisation_id, extract(year from d.delivered_at at time zone 'Asia/Ho_Chi_Minh') order by d.delivered_at, d.id)::int,
    (d.acknowledged_at at time zone 'Asia/Ho_Chi_Minh')::date, o.name, lpad(p.number::text, 2, '0') || '/' || p.symbol,
    (p.issued_at at time zone 'Asia/Ho_Chi_Minh')::date, 'KH', p.title, case when d.acknowledged_at is null then 'pending' else 'received' end::"incoming_status",
    p.id, coalesce((select array_agg(c.id::text order by c.created_at) from "plan" c where c.parent_id = p.id and c.issuer_id = d.organisation_id), '{}'), d.acknowledged_at
  from "delivery" d join "plan" p on p.id = d.plan_id join "organisation" o on o.id = p.issuer_id;`);
    this.addSql(`insert into "incoming_counter" ("organisation_id", "year", "last_number")
  select "organisation_id", "year", max("arrival_number") from "incoming_document" group by 1, 2;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "incoming_document_change" cascade;`);
    this.addSql(`drop table if exists "incoming_document" cascade;`);
    this.addSql(`drop function if exists incoming_document_search_vector();`);
    this.addSql(`drop table if exists "incoming_counter" cascade;`);
    this.addSql(`drop type "incoming_status";`);
    this.addSql(`drop type "incoming_urgency";`);
  }
}
