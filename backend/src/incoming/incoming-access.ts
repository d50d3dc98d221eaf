import { subject } from '@casl/ability';
import { rulesToCondition } from '@casl/ability/extra';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { AppAbility, IncomingDocumentAccessFields } from '../access/ability.factory';
import type { IncomingDocument } from './incoming-document.entity';

/** A register entry as the CASL rules see it. */
export function incomingSubject(entry: Pick<IncomingDocument, 'organisation' | 'assignee'>) {
  const fields: IncomingDocumentAccessFields = { organisation: entry.organisation.id, assignee: entry.assignee?.id ?? null };
  return subject('IncomingDocument', fields);
}

/** A new entry of the caller's register, as the `create` rule sees it. */
export function newIncomingSubject(organisationId: string) {
  return subject('IncomingDocument', { organisation: organisationId, assignee: null } as IncomingDocumentAccessFields);
}

/**
 * The read rule as a MikroORM `where` (as plans/plan-access.ts does for plans), so search and lists
 * filter in SQL; null when the caller may read no entry at all.
 */
export function accessibleIncomingWhere(ability: AppAbility): FilterQuery<IncomingDocument> | null {
  return rulesToCondition(
    ability.rulesFor('read', 'IncomingDocument'),
    (rule) => (rule.inverted ? { $not: rule.conditions } : (rule.conditions ?? {})) as FilterQuery<IncomingDocument>,
    {
      and: (conditions) => ({ $and: conditions }) as FilterQuery<IncomingDocument>,
      or: (conditions) => ({ $or: conditions }) as FilterQuery<IncomingDocument>,
      empty: () => ({}) as FilterQuery<IncomingDocument>,
    },
  );
}
