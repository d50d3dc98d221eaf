import { subject } from '@casl/ability';
import { rulesToCondition } from '@casl/ability/extra';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Action, AppAbility, PlanAccessFields } from '../access/ability.factory';
import type { Plan } from './plan.entity';

/** What the rules read of a plan: the entity, or the row a plan event locks. */
export type PlanAccessView = Pick<Plan, 'issuerLineage' | 'coIssuerIds' | 'sharedWithCoIssuers' | 'recipientOrgIds' | 'status'> & { issuer: { id: string } };

/** The plan as the CASL rules see it (fields named as on the entity). */
export function planSubject(plan: PlanAccessView) {
  const fields: PlanAccessFields = {
    issuer: plan.issuer.id,
    issuerLineage: plan.issuerLineage,
    coIssuerIds: plan.coIssuerIds,
    sharedWithCoIssuers: plan.sharedWithCoIssuers,
    recipientOrgIds: plan.recipientOrgIds,
    status: plan.status,
  };
  return subject('Plan', fields);
}

/** A plan not yet created, as the `create` rule sees it: only its issuer matters. */
export function newPlanSubject(issuerId: string) {
  return subject('Plan', { issuer: issuerId } as PlanAccessFields);
}

/**
 * The same rules as a MikroORM `where`, so lists are filtered by the database. The rules' Mongo
 * operators map to MikroORM's, except `$all` on array columns, which is PostgreSQL's `@>` (`$contains`).
 * Null means the caller may see no plan at all.
 */
export function accessiblePlansWhere(ability: AppAbility, action: Action = 'read'): FilterQuery<Plan> | null {
  return rulesToCondition(
    ability.rulesFor(action, 'Plan'),
    (rule) => {
      const conditions = toMikroOrm(rule.conditions ?? {}) as FilterQuery<Plan>;
      return rule.inverted ? { $not: conditions } : conditions;
    },
    {
      and: (conditions) => ({ $and: conditions }) as FilterQuery<Plan>,
      or: (conditions) => ({ $or: conditions }) as FilterQuery<Plan>,
      empty: () => ({}) as FilterQuery<Plan>,
    },
  );
}

function toMikroOrm(condition: unknown): unknown {
  if (Array.isArray(condition)) return condition.map(toMikroOrm);
  if (!condition || typeof condition !== 'object') return condition;
  return Object.fromEntries(
    Object.entries(condition).map(([key, value]) => [key === '$all' ? '$contains' : key, toMikroOrm(value)]),
  );
}
