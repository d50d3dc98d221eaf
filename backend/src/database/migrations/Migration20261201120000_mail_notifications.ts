import { Migration } from '@mikro-orm/migrations';

/**
 * E-mail notifications (issue 14 §2): users' addresses (none for existing accounts: they are told in
 * the app, as before), their preferences, and the outbox the worker sends from.
 */
export class Migration20261201120000_mail_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "user" add column "email" text null;`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "dedupe_key" text not null, "recipient_id" uuid not null, "to_address" text not null, "kind" text not null, "delivery" text not null, "subject" text not null, "text_body" text not null, "html_body" text not null, "state" text not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "sent_at" timestamptz null, "merged_into_id" uuid null, "created_at" timestamptz not null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "outbox_message_recipient_id_index" on "outbox_message" ("recipient_id");`);
    this.addSql(`create index "outbox_message_state_delivery_next_attempt_at_index" on "outbox_message" ("state", "delivery", "next_attempt_at");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_recipient_id_foreign" foreign key ("recipient_id") references "user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_merged_into_id_foreign" foreign key ("merged_into_id") references "outbox_message" ("id") on update cascade on delete set null;`);

    this.addSql(`create table "notification_settings" ("user_id" uuid not null, "categories" jsonb not null, "updated_at" timestamptz not null, constraint "notification_settings_pkey" primary key ("user_id"));`);
    this.addSql(`alter table "notification_settings" add constraint "notification_settings_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_settings" cascade;`);
    this.addSql(`drop table if exists "outbox_message" cascade;`);
    this.addSql(`alter table "user" drop column "email";`);
  }
}
