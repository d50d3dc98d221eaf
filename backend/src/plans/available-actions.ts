import type { AbilityFactory } from '../access/ability.factory';
import { PLAN_EVENTS, PlanEvent, type PlanStatus } from '../core/plan-lifecycle';
import type { AuthUser } from '../access/auth-user';
import { planSubject, type PlanAccessView } from './plan-access';
import type { Plan } from './plan.entity';
import { coIssuersWhoSigned, type CountedSignature } from './signatures.service';
import { legalEventsFor, nextStatusesFor, type PlanFacts } from '../core/plan-machine';

/** What the machine's guards read of a plan: its row and its signatures, as they are now. */
export function planFacts(plan: Pick<Plan, 'kind' | 'coIssuerIds' | 'contentHash'>, signatures: readonly CountedSignature[]): PlanFacts {
  return { kind: plan.kind, coIssuerIds: plan.coIssuerIds, signedBy: coIssuersWhoSigned(plan, signatures) };
}

type PlanForActions = PlanAccessView & Pick<Plan, 'kind' | 'contentHash' | 'machineState'> & { replacedBy: { id: string } | null };

/**
 * For each event the caller may send now, the organisations it may send it for: capacity by capacity
 * (kiêm nhiệm), both CASL and the machine agree for that capacity's organisation (a co-issuer signs
 * once, whoever signs for it).
 */
function eventOptions(plan: PlanForActions, facts: PlanFacts, user: AuthUser, abilities: AbilityFactory): Map<PlanEvent, string[]> {
  const planForRules = planSubject(plan);
  const options = new Map<PlanEvent, string[]>();
  // Replaced (Điều 18), the plan is no longer in force: its replacement is where the work goes on.
  if (plan.replacedBy) return options;
  for (const { capacity, ability } of abilities.forCapacities(user)) {
    const allowed = PLAN_EVENTS.filter((type) => ability.can(type, planForRules));
    if (!allowed.length) continue;
    for (const type of legalEventsFor(plan.machineState, facts, capacity.organisationId, allowed)) {
      options.set(type, [...(options.get(type) ?? []), capacity.organisationId]);
    }
  }
  return options;
}

/** Exactly the events this caller may send on this plan now, in the life cycle's order. */
export function availableActions(plan: PlanForActions, signatures: readonly CountedSignature[], user: AuthUser, abilities: AbilityFactory): PlanEvent[] {
  const options = eventOptions(plan, planFacts(plan, signatures), user, abilities);
  return PLAN_EVENTS.filter((type) => options.has(type));
}

/** The organisations the caller may send this event for on this plan now (none: not theirs, or not now). */
export function organisationsActingFor(plan: PlanForActions, signatures: readonly CountedSignature[], user: AuthUser, abilities: AbilityFactory, type: PlanEvent): string[] {
  return eventOptions(plan, planFacts(plan, signatures), user, abilities).get(type) ?? [];
}

/** The caller's events on a plan, and the state each would lead to now (what the confirm dialog announces). */
export interface PlanActions {
  available: PlanEvent[];
  /** e.g. FORWARD → in_coordination (co-issuers still to sign) or awaiting_approval, as the machine decides */
  nextStatus: Partial<Record<PlanEvent, PlanStatus>>;
  /**
   * The events the caller would send for another organisation than its own, or for one of several
   * (kiêm nhiệm): those organisations; with more than one, the event names its `organisationId`.
   */
  actingFor: Partial<Record<PlanEvent, string[]>>;
}

export function planActions(plan: PlanForActions, signatures: readonly CountedSignature[], user: AuthUser, abilities: AbilityFactory): PlanActions {
  const facts = planFacts(plan, signatures);
  const options = eventOptions(plan, facts, user, abilities);
  const available = PLAN_EVENTS.filter((type) => options.has(type));
  // Where each event leads, as the machine decides it for the first organisation the caller acts for.
  const nextStatus: PlanActions['nextStatus'] = {};
  for (const orgId of new Set(available.map((type) => options.get(type)![0]))) {
    Object.assign(nextStatus, nextStatusesFor(plan.machineState, facts, orgId, available.filter((type) => options.get(type)![0] === orgId)));
  }
  const actingFor = Object.fromEntries(
    [...options].filter(([, organisations]) => organisations.length > 1 || organisations[0] !== user.organisationId),
  );
  return { available, nextStatus, actingFor };
}
