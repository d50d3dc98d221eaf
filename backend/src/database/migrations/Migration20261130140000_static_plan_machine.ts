import { Migration } from '@mikro-orm/migrations';

/**
 * One static plan machine (workflow/plan.machine.ts): a persisted snapshot is its state alone,
 * `{"value": "in_coordination"}`. It was `{value, context: {kind, coIssuerIds, signedBy}}` with one
 * parallel region per co-issuer in coordination; kind and co-issuers are read from the plan row and
 * who signed from the valid signatures now. `status` was always written with the snapshot, so it is
 * the state (every combination of regions is `in_coordination`).
 */
export class Migration20261130140000_static_plan_machine extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "plan" set "machine_state" = jsonb_build_object('value', "status"::text);`);
  }

  /** Back to regions and context, with `signedBy` rebuilt from the signatures that count. */
  override async down(): Promise<void> {
    this.addSql(`update "plan" p set "machine_state" = jsonb_build_object(
        'value', case when p."status" = 'in_coordination'
          then jsonb_build_object('in_coordination', coalesce((
            select jsonb_object_agg('co_' || c, case when c = any(s.signed) then 'signed' else 'pending' end) from unnest(p."co_issuer_ids") c), '{}'::jsonb))
          else to_jsonb(p."status"::text) end,
        'context', jsonb_build_object('kind', p."kind", 'coIssuerIds', to_jsonb(p."co_issuer_ids"), 'signedBy', to_jsonb(s.signed)))
      from "plan" q cross join lateral (
        select array(select g."organisation_id"::text from "signature" g
          where g."plan_id" = q."id" and g."kind" = 'co_issuer' and g."voided_at" is null and g."content_hash" = q."content_hash"
            and g."organisation_id"::text = any(q."co_issuer_ids") order by g."signed_at") as signed
      ) s
      where q."id" = p."id";`);
  }
}
