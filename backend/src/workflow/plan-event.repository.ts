import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuditRecordData } from '../audit/audit.service';
import { PLAN_EVENTS, SEND_BACK_EVENTS, type PlanEvent } from '../core/plan-lifecycle';
import type { Organisation } from '../organisations/organisation.entity';
import type { Plan } from '../plans/plan.entity';
import type { DraftingUnitView, SignatureView } from '../plans/plan.presenter';

/**
 * SQL of the plan aggregate for events (DESIGN §4), the app's hottest write. Why SQL here and not the
 * ORM: an event is always the same two statements — lock and read the plan with what the machine,
 * CASL and the answer need; then write the plan's changed columns and the audit record together —
 * and through the unit of work it cost ~7 round trips and most of the CPU of a transition. It is
 * still the one path of every event (WorkflowService.send), inside the ORM's transaction: side
 * effects that create other rows (signatures, deliveries, register entries, rounds) use the ORM's
 * `em` and are flushed before `write`.
 */

/** A signature as `lockForEvent` reads it: the fields of the Signature entity the answer shows. */
export interface SignatureRow extends SignatureView {
  organisation: { id: string };
  user: { id: string; fullName: string };
}

/**
 * The plan row as `lockForEvent` reads it, fields named as on the Plan entity; relations are
 * their ids (the issuer with what the answer names). Events change it in place, and `write` stores it.
 */
export interface PlanRow
  extends Pick<
    Plan,
    | 'id' | 'kind' | 'status' | 'machineState' | 'issuerLineage' | 'coIssuerIds' | 'sharedWithCoIssuers' | 'recipientOrgIds'
    | 'content' | 'contentVersion' | 'contentHash' | 'title' | 'year' | 'symbol' | 'number' | 'issuedAt' | 'documentHash'
    | 'auditSeq' | 'auditHead' | 'version' | 'createdAt' | 'updatedAt' | 'issuedAs'
  > {
  issuer: Pick<Organisation, 'id' | 'name' | 'shortName'>;
  createdBy: { id: string };
  draftingUnit: DraftingUnitView | null;
  approvedBy: { id: string } | null;
  parent: { id: string } | null;
  /** the issued plan this one replaces (Điều 18): its ISSUE marks that one replaced */
  replaces: { id: string } | null;
  /** the plan that replaced this one: no event changes it any more */
  replacedBy: { id: string } | null;
}

/** What `lockForEvent` answers: the plan and its signatures (oldest first), as they are now. */
export interface LockedPlan {
  plan: PlanRow;
  signatures: SignatureRow[];
}

/** The row of LOCK_SQL: PlanRow with the signatures aggregated, dates of the JSON as text. */
type LockedPlanRow = PlanRow & { signatures: (Omit<SignatureRow, 'signedAt' | 'voidedAt'> & { signedAt: string; voidedAt: string | null })[] };

const LOCK_SQL = `
  select p."id", p."kind", p."status", p."machine_state" as "machineState", p."issuer_lineage" as "issuerLineage",
    p."co_issuer_ids" as "coIssuerIds", p."shared_with_co_issuers" as "sharedWithCoIssuers", p."recipient_org_ids" as "recipientOrgIds",
    p."content", p."content_version" as "contentVersion", p."content_hash" as "contentHash", p."title", p."year", p."symbol",
    p."number", p."issued_at" as "issuedAt", p."issued_as" as "issuedAs", p."document_hash" as "documentHash", p."audit_seq" as "auditSeq", p."audit_head" as "auditHead",
    p."version", p."created_at" as "createdAt", p."updated_at" as "updatedAt",
    json_build_object('id', o."id", 'name', o."name", 'shortName', o."short_name") as "issuer",
    json_build_object('id', p."created_by_id") as "createdBy",
    (select json_build_object('id', du."id", 'name', du."name", 'code', du."code") from "organisation_unit" du where du."id" = p."drafting_unit_id") as "draftingUnit",
    case when p."approved_by_id" is null then null else json_build_object('id', p."approved_by_id") end as "approvedBy",
    case when p."parent_id" is null then null else json_build_object('id', p."parent_id") end as "parent",
    case when p."replaces_id" is null then null else json_build_object('id', p."replaces_id") end as "replaces",
    case when p."replaced_by_id" is null then null else json_build_object('id', p."replaced_by_id") end as "replacedBy",
    coalesce((
      select json_agg(json_build_object(
        'id', s."id", 'kind', s."kind", 'organisation', json_build_object('id', s."organisation_id"),
        'user', json_build_object('id', u."id", 'fullName', u."full_name"), 'signedAt', s."signed_at", 'contentHash', s."content_hash",
        'contentVersion', s."content_version", 'comment', s."comment", 'title', s."title", 'voidedAt', s."voided_at") order by s."signed_at", s."id")
      from "signature" s join "user" u on u."id" = s."user_id"
      where s."plan_id" = p."id"
    ), '[]') as "signatures"
  from "plan" p
  join "organisation" o on o."id" = p."issuer_id"
  where p."id" = ?
  for update of p`;

/** The plan's columns an event may change, and the audit record, in one statement. */
const WRITE_SQL = `
  with "written" as (
    update "plan" set "status" = ?, "machine_state" = ?::jsonb, "version" = "version" + 1, "updated_at" = ?,
      "shared_with_co_issuers" = ?, "approved_by_id" = ?, "number" = ?, "issued_at" = ?, "year" = ?, "document_hash" = ?,
      "recipient_org_ids" = ?::text[], "audit_seq" = ?, "audit_head" = ?
    where "id" = ?
    returning "version", "updated_at"
  ), "audited" as (
    insert into "audit_record" ("id", "plan_id", "seq", "at", "actor_id", "event", "from_state", "to_state", "comment", "content_hash", "details", "prev_hash", "hash")
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
  )
  select "version", "updated_at" as "updatedAt" from "written"`;

/** An organisation row as render-input.ts's DocumentOrganisation. */
const DOCUMENT_ORGANISATION = `json_build_object('id', o."id", 'name', o."name", 'bodyName', o."body_name", 'symbol', o."symbol", 'place', o."place",
  'signatureAuthority', o."signature_authority", 'signerTitle', o."signer_title", 'signsElectronically', o."signs_electronically")`;

/** At ISSUE: the plan's issuer and co-issuers (content order) as the document prints them, kept on the plan (Plan.issuedAs). */
const SNAPSHOT_ISSUED_AS_SQL = `
  update "plan" p set "issued_as" = json_build_object(
    'issuer', (select ${DOCUMENT_ORGANISATION} from "organisation" o where o."id" = p."issuer_id"),
    'coIssuers', coalesce((select json_agg(${DOCUMENT_ORGANISATION} order by array_position(p."co_issuer_ids", o."id"::text))
      from "organisation" o where o."id"::text = any(p."co_issuer_ids")), '[]'::json))
  where p."id" = ?`;

/** Who sent a plan back to its drafter (RETURN, REQUEST_CHANGES), when and why: the plan's latest workflow event. */
export interface SentBack {
  planId: string;
  event: PlanEvent;
  at: Date;
  comment: string | null;
  by: { fullName: string; organisationName: string };
}

/** Per plan, its latest audit record of a workflow event, if that sent it back: the (plan, seq) key read backwards. */
const SENT_BACK_SQL = `
  select * from (
    select distinct on (a."plan_id") a."plan_id" as "planId", a."event", a."at", a."comment",
      json_build_object('fullName', u."full_name", 'organisationName', o."name") as "by"
    from "audit_record" a
    join "user" u on u."id" = a."actor_id"
    join "organisation" o on o."id" = u."organisation_id"
    where a."plan_id" = any(?::uuid[]) and a."event" = any(?::text[])
    order by a."plan_id", a."seq" desc
  ) latest
  where latest."event" = any(?::text[])`;

@Injectable()
export class PlanEventRepository {
  /** For each of these plans that was last sent back to its drafter: by whom, when and why. */
  async sentBack(em: EntityManager, planIds: readonly string[]): Promise<SentBack[]> {
    if (!planIds.length) return [];
    const platform = em.getPlatform();
    const rows = await em.execute<(Omit<SentBack, 'at'> & { at: Date | string })[]>(SENT_BACK_SQL, [
      platform.marshallArray([...planIds]),
      platform.marshallArray([...PLAN_EVENTS]),
      platform.marshallArray([...SEND_BACK_EVENTS]),
    ]);
    return rows.map((row) => ({ ...row, at: new Date(row.at) }));
  }

  /** Inside ISSUE (the plan row locked): the names it is issued under, one statement. */
  async snapshotIssuedAs(em: EntityManager, planId: string): Promise<void> {
    await em.execute(SNAPSHOT_ISSUED_AS_SQL, [planId]);
  }

  /** The plan row locked (FOR UPDATE, the plan alone), its issuer, author and signatures: one statement. Null if there is none. */
  async lockForEvent(em: EntityManager, planId: string): Promise<LockedPlan | null> {
    const [row] = await em.execute<LockedPlanRow[]>(LOCK_SQL, [planId]);
    if (!row) return null;
    const { signatures, ...plan } = row;
    return {
      plan: { ...plan, issuedAt: dateOrNull(plan.issuedAt), createdAt: new Date(plan.createdAt), updatedAt: new Date(plan.updatedAt) },
      signatures: signatures.map((s) => ({ ...s, signedAt: new Date(s.signedAt), voidedAt: s.voidedAt === null ? null : new Date(s.voidedAt) })),
    };
  }

  /**
   * Stores the plan as the event left it (state, version + 1, the columns side effects set, the new
   * audit head) and appends `record` to its chain; the plan takes the new version and updated_at.
   */
  async write(em: EntityManager, plan: PlanRow, record: AuditRecordData): Promise<void> {
    const platform = em.getPlatform();
    const [written] = await em.execute<{ version: number; updatedAt: Date | string }[]>(WRITE_SQL, [
      plan.status,
      JSON.stringify(plan.machineState),
      new Date(),
      plan.sharedWithCoIssuers,
      plan.approvedBy?.id ?? null,
      plan.number,
      plan.issuedAt,
      plan.year,
      plan.documentHash,
      platform.marshallArray(plan.recipientOrgIds),
      record.seq,
      record.hash,
      plan.id,
      record.id,
      record.planId,
      record.seq,
      record.at,
      record.actorId,
      record.event,
      record.fromState,
      record.toState,
      record.comment,
      record.contentHash,
      record.details === null ? null : JSON.stringify(record.details),
      record.prevHash,
      record.hash,
    ]);
    plan.version = written.version;
    plan.updatedAt = new Date(written.updatedAt);
    plan.auditSeq = record.seq;
    plan.auditHead = record.hash;
  }
}

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));
