import { Migration } from '@mikro-orm/migrations';

/**
 * Search as people type (issue "registers and 2026"): each plan's words — title, number and symbol
 * (weight A), issuer (B), preamble, body and closing (D) — folded like core/search-text.ts (unaccent,
 * lower case) into a tsvector kept by a trigger, so every path that writes a plan keeps it current,
 * and a GIN index over it. Existing plans are filled here.
 */
export class Migration20261201130000_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    // unaccent() is stable (it reads a dictionary by name); with the dictionary named, it is safe to call immutable.
    this.addSql(`create or replace function kehoach_fold(text) returns text language sql immutable parallel safe as $$ select lower(public.unaccent('public.unaccent'::regdictionary, coalesce($1, ''))) $$;`);
    this.addSql(`alter table "plan" add column "search_vector" tsvector null;`);
    this.addSql(`create or replace function plan_search_vector() returns trigger language plpgsql as $$
begin
  new.search_vector :=
    setweight(to_tsvector('simple', kehoach_fold(new.title)), 'A') ||
    setweight(to_tsvector('simple', kehoach_fold(concat_ws(' ', new.number, lpad(new.number::text, 2, '0'), translate(new.symbol, '/-', '  ')))), 'A') ||
    setweight(to_tsvector('simple', kehoach_fold((select o.name from organisation o where o.id = new.issuer_id))), 'B') ||
    setweight(to_tsvector('simple', kehoach_fold(
      (jsonb_path_query_array(new.content, '$.preamble[*]') || jsonb_path_query_array(new.content, '$.body[*].text') || jsonb_path_query_array(new.content, '$.closing[*]'))::text
    )), 'D');
  return new;
end $$;`);
    this.addSql(`create trigger "plan_search_vector_insert" before insert on "plan" for each row execute function plan_search_vector();`);
    // Every event's UPDATE sets "number" (plan-event.repository.ts): only a real change recomputes the words.
    this.addSql(`create trigger "plan_search_vector_update" before update of "title", "number", "symbol", "content", "issuer_id" on "plan" for each row
  when (old."title" is distinct from new."title" or old."number" is distinct from new."number" or old."symbol" is distinct from new."symbol"
    or old."issuer_id" is distinct from new."issuer_id" or old."content" is distinct from new."content")
  execute function plan_search_vector();`);
    this.addSql(`update "plan" set "title" = "title";`);
    this.addSql(`create index "plan_search_idx" on "plan" using gin ("search_vector");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "plan_search_idx";`);
    this.addSql(`drop trigger "plan_search_vector_update" on "plan";`);
    this.addSql(`drop trigger "plan_search_vector_insert" on "plan";`);
    this.addSql(`drop function plan_search_vector();`);
    this.addSql(`alter table "plan" drop column "search_vector";`);
    this.addSql(`drop function kehoach_fold(text);`);
  }
}
