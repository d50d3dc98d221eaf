import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuditRecordData } from '../audit/audit.service';
import type { Plan } from '../plans/plan.entity';
import type { PlanView, SignatureView } from '../plans/plan.presenter';

/**
 * The plan as an event sees it: its row as a plain object. Side effects change the fields an event
 * may change (status, machine state, sharing, recipients, number, approval, document); `save`
 * writes exactly those.
 */
export interface EventPlan extends PlanView, Pick<Plan, 'title' | 'year' | 'auditSeq' | 'auditHead'> {
  approvedById: string | null;
}

/**
 * SQL of plan events (DESIGN §4), the app's hottest path: every click on a workflow button. Two
 * statements — read (locked, when the event writes other rows); then plan row, audit record and
 * signatures together, only if the plan is still the version read — where the ORM's entity path
 * took five round trips and most of the request's CPU (figures in the bench). Everything else an event touches
 * (signatures, deliveries, numbers, documents) stays on entities.
 */
@Injectable()
export class PlanEventStore {
  /**
   * The plan row with its issuer's names; null if there is no such plan. With `lock`, the row stays
   * locked until the caller's transaction ends.
   */
  async read(em: EntityManager, planId: string, { lock }: { lock: boolean }): Promise<EventPlan | null> {
    const [row] = await em.execute<PlanRow[]>(lock ? `${READ_SQL} for update of p` : READ_SQL, [planId]);
    return row ? eventPlanOf(row) : null;
  }

  /**
   * Writes the plan's changed fields (new version, chain head) and the event's audit record, and
   * reads the plan's signatures as they now are, in one statement; only if the plan still has the
   * version it was read with, else nothing is written and the answer is null. Entities created by
   * the event's side effects must be flushed before, so the signatures include a new one.
   */
  async save(em: EntityManager, plan: EventPlan, record: AuditRecordData): Promise<{ version: number; signatures: SignatureView[] } | null> {
    const [row] = await em.execute<{ version: number; signatures: SignatureJson[] }[]>(SAVE_SQL, [
      plan.status, json(plan.machineState), plan.sharedWithCoIssuers, json(plan.recipientOrgIds), plan.number, plan.issuedAt, plan.year,
      plan.approvedById, plan.documentHash, record.seq, record.hash, record.at, plan.id, plan.version,
      record.id, record.planId, record.seq, record.at, record.actorId, record.event, record.fromState, record.toState,
      record.comment, record.contentHash, json(record.details), record.prevHash, record.hash,
      plan.id,
    ]);
    return row ? { version: row.version, signatures: row.signatures.map(signatureOf) } : null;
  }
}

const READ_SQL = `
  select p.*, i.name as issuer_name, i.short_name as issuer_short_name
  from plan p join organisation i on i.id = p.issuer_id
  where p.id = ?`;

// The audit record is inserted from the updated row: no update, no record.
const SAVE_SQL = `
  with saved as (
    update plan set status = ?, machine_state = ?, shared_with_co_issuers = ?, recipient_org_ids = array(select jsonb_array_elements_text(?::jsonb)), number = ?, issued_at = ?, year = ?,
      approved_by_id = ?, document_hash = ?, audit_seq = ?, audit_head = ?, updated_at = ?, version = version + 1
    where id = ? and version = ? returning version
  ), audit as (
    insert into audit_record (id, plan_id, seq, at, actor_id, event, from_state, to_state, comment, content_hash, details, prev_hash, hash)
    select ?::uuid, ?::uuid, ?::int, ?::timestamptz, ?::uuid, ?, ?, ?, ?, ?, ?::jsonb, ?, ? from saved
  )
  select saved.version, (
    select coalesce(json_agg(json_build_object(
      'id', s.id, 'kind', s.kind, 'organisation', json_build_object('id', s.organisation_id), 'user', json_build_object('id', s.user_id, 'fullName', u.full_name),
      'signedAt', s.signed_at, 'contentHash', s.content_hash, 'contentVersion', s.content_version, 'comment', s.comment, 'voidedAt', s.voided_at
    ) order by s.signed_at), '[]'::json)
    from signature s join "user" u on u.id = s.user_id where s.plan_id = ?
  ) as signatures
  from saved`;

/** JSON parameters go as text: the query builder would spread a JS array into a list of parameters. */
const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The ORM has the driver hand over timestamps as text ("2026-11-25 09:58:56.685+00"). */
interface PlanRow {
  id: string;
  kind: Plan['kind'];
  status: Plan['status'];
  version: number;
  machine_state: Plan['machineState'];
  issuer_id: string;
  issuer_name: string;
  issuer_short_name: string;
  issuer_lineage: string[];
  co_issuer_ids: string[];
  shared_with_co_issuers: boolean;
  recipient_org_ids: string[];
  content: Plan['content'];
  content_hash: string;
  content_version: number;
  title: string;
  year: number;
  symbol: string;
  number: number | null;
  issued_at: string | null;
  created_by_id: string;
  approved_by_id: string | null;
  document_hash: string | null;
  audit_seq: number;
  audit_head: string;
  created_at: string;
  updated_at: string;
}

function eventPlanOf(row: PlanRow): EventPlan {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    version: row.version,
    machineState: row.machine_state,
    issuer: { id: row.issuer_id, name: row.issuer_name, shortName: row.issuer_short_name },
    issuerLineage: row.issuer_lineage,
    coIssuerIds: row.co_issuer_ids,
    sharedWithCoIssuers: row.shared_with_co_issuers,
    recipientOrgIds: row.recipient_org_ids,
    content: row.content,
    contentHash: row.content_hash,
    contentVersion: row.content_version,
    title: row.title,
    year: row.year,
    symbol: row.symbol,
    number: row.number,
    issuedAt: row.issued_at === null ? null : new Date(row.issued_at),
    createdBy: { id: row.created_by_id },
    approvedById: row.approved_by_id,
    documentHash: row.document_hash,
    auditSeq: row.audit_seq,
    auditHead: row.audit_head,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** A SignatureView as json_build_object writes it: timestamps are text. */
type SignatureJson = Omit<SignatureView, 'signedAt' | 'voidedAt'> & { signedAt: string; voidedAt: string | null };

function signatureOf(row: SignatureJson): SignatureView {
  return { ...row, signedAt: new Date(row.signedAt), voidedAt: row.voidedAt === null ? null : new Date(row.voidedAt) };
}
