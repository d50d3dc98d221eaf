import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { AuthUser } from '../access/auth-user';
import { formatDocumentNumber } from '../core/document-number';
import type { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
import { IncomingDocumentChange } from './incoming-document-change.entity';
import { IncomingDocument } from './incoming-document.entity';

/** A line of the entry's history: who, what (the fields with their new values); when is now. */
export function recordChange(em: EntityManager, entry: IncomingDocument, user: AuthUser, action: string, changes: Record<string, unknown>): void {
  em.create(IncomingDocumentChange, { document: entry, actor: em.getReference(User, user.id), action, changes });
}

/**
 * An implementing plan drafted from the entry, in the transaction that creates it: listed on the entry
 * (oldest first) and in its history. Whichever way it was derived (from the entry, or from the plan the
 * entry is), the entry records it alike; its status stays as it is: drafting is part of the handling,
 * which the assignee reports.
 */
export function recordImplementingPlan(em: EntityManager, entry: IncomingDocument, user: AuthUser, planId: string): void {
  entry.derivedPlanIds = [...entry.derivedPlanIds, planId];
  recordChange(em, entry, user, 'derive', { planId });
}

/**
 * The organisation's entry of a plan delivered in the system (the plan itself, by its number, not a
 * correction notice of it), row-locked so that links appended at the same time queue; null when the
 * plan never landed in that register.
 */
export function lockEntryOfPlan(em: EntityManager, plan: Pick<Plan, 'id' | 'number' | 'symbol'>, organisationId: string): Promise<IncomingDocument | null> {
  return em.findOne(
    IncomingDocument,
    { plan: plan.id, organisation: organisationId, documentNumber: formatDocumentNumber(plan.number!, plan.symbol) },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}
