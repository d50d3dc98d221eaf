import type { PlanStatus } from '../core/plan-lifecycle';
import type { AuditRecord } from './audit-record.entity';

/** One line of a plan's history as the API shows it. */
export function presentHistoryEntry(record: AuditRecord) {
  return {
    id: record.id,
    seq: record.seq,
    at: record.at,
    actorId: record.actor.id,
    actorName: record.actor.fullName,
    event: record.event,
    // The chain stores states as text; they are always the machine's (core/plan-lifecycle.ts).
    fromState: record.fromState as PlanStatus | null,
    toState: record.toState as PlanStatus,
    comment: record.comment,
    contentHash: record.contentHash,
    details: record.details as { contentVersion?: number; number?: string } | null,
    hash: record.hash,
  };
}
