import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../common/canonical-json';
import type { Plan } from '../plans/plan.entity';
import type { User } from '../users/user.entity';
import { AUDIT_GENESIS, AuditRecord } from './audit-record.entity';

export interface AuditFacts {
  event: string;
  fromState: string | null;
  toState: string;
  comment?: string | null;
  details?: Record<string, unknown> | null;
}

export interface ChainVerdict {
  valid: boolean;
  records: number;
  /** seq of the first record that does not fit the chain */
  brokenAt?: number;
}

/** What extending a plan's chain reads of the plan. */
export type AuditChainHead = Pick<Plan, 'id' | 'auditSeq' | 'auditHead' | 'contentHash'>;

/** An audit record as written: every hashed field, its id and its hash. */
export interface AuditRecordData extends HashedFields {
  id: string;
  hash: string;
}

/**
 * The record that extends the plan's chain, hashed; its seq and hash are the plan's new head. Pure:
 * the caller writes record and head at once, holding the plan row lock (or having just created the
 * plan), so two appends to one chain cannot interleave.
 */
export function nextAuditRecord(plan: AuditChainHead, actorId: string, facts: AuditFacts, at = new Date()): AuditRecordData {
  const fields: HashedFields = {
    planId: plan.id,
    seq: plan.auditSeq + 1,
    at,
    actorId,
    event: facts.event,
    fromState: facts.fromState,
    toState: facts.toState,
    comment: facts.comment ?? null,
    contentHash: plan.contentHash,
    details: facts.details ?? null,
    prevHash: plan.auditHead,
  };
  return { ...fields, id: randomUUID(), hash: hashOf(fields) };
}

/** The audit chain of each plan (DESIGN §9). */
@Injectable()
export class AuditService {
  /**
   * Appends to the plan's chain within the caller's transaction, which holds the plan row lock (or
   * has just created the plan), so two appends to one chain cannot interleave; the plan row keeps the
   * new head.
   */
  append(em: EntityManager, plan: Plan, actor: User, facts: AuditFacts): AuditRecord {
    const { planId, actorId, ...data } = nextAuditRecord(plan, actor.id, facts);
    plan.auditSeq = data.seq;
    plan.auditHead = data.hash;
    return em.create(AuditRecord, { ...data, plan, actor });
  }

  history(em: EntityManager, planId: string): Promise<AuditRecord[]> {
    return em.find(AuditRecord, { plan: planId }, { orderBy: { seq: 'ASC' }, populate: ['actor'] });
  }

  /** Recomputes every hash and link: an edited, removed or reordered record breaks the chain. */
  async verify(em: EntityManager, planId: string): Promise<ChainVerdict> {
    const records = await em.find(AuditRecord, { plan: planId }, { orderBy: { seq: 'ASC' } });
    let prevHash = AUDIT_GENESIS;
    for (const [index, record] of records.entries()) {
      if (record.seq !== index + 1 || record.prevHash !== prevHash || record.hash !== hashOf({ ...record, planId: record.plan.id, actorId: record.actor.id })) {
        return { valid: false, records: records.length, brokenAt: record.seq };
      }
      prevHash = record.hash;
    }
    return { valid: records.length > 0, records: records.length };
  }
}

/** Every field of an audit record that its hash covers. */
interface HashedFields {
  planId: string;
  seq: number;
  at: Date;
  actorId: string;
  event: string;
  fromState: string | null;
  toState: string;
  comment: string | null;
  contentHash: string;
  details: Record<string, unknown> | null;
  prevHash: string;
}

function hashOf(record: HashedFields): string {
  return sha256Hex(
    canonicalJson({
      planId: record.planId,
      seq: record.seq,
      at: record.at.toISOString(),
      actorId: record.actorId,
      event: record.event,
      fromState: record.fromState,
      toState: record.toState,
      comment: record.comment,
      contentHash: record.contentHash,
      details: record.details,
      prevHash: record.prevHash,
    }),
  );
}
