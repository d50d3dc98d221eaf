import { Migration } from '@mikro-orm/migrations';

/**
 * Sessions (a token is valid only while its session is) and login failures counted for all instances.
 * The trigger ends a user's sessions in the same transaction that changes what a token vouches for —
 * password, roles, organisation, deactivation — whichever code path (or person with psql) changes it.
 */
export class Migration20261130120000_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "session" ("id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "login_failure" ("kind" text not null, "key" text not null, "window_start" timestamptz not null, "failures" int not null, constraint "login_failure_pkey" primary key ("kind", "key", "window_start"));`);
    this.addSql(`create index "login_failure_window_start_index" on "login_failure" ("window_start");`);

    this.addSql(`create function "end_sessions_of_user"() returns trigger language plpgsql as $$
      begin
        update "session" set "revoked_at" = now() where "user_id" = new."id" and "revoked_at" is null;
        return new;
      end $$;`);
    this.addSql(`create trigger "user_access_changed" after update of "password_hash", "roles", "organisation_id", "active" on "user"
      for each row when (old."password_hash" is distinct from new."password_hash" or old."roles" is distinct from new."roles"
        or old."organisation_id" is distinct from new."organisation_id" or (old."active" and not new."active"))
      execute function "end_sessions_of_user"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "user_access_changed" on "user";`);
    this.addSql(`drop function "end_sessions_of_user"();`);
    this.addSql(`drop table if exists "login_failure" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
  }
}
