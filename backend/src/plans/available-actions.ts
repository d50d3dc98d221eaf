import { type AppAbility } from '../access/ability.factory';
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

type PlanForActions = PlanAccessView & Pick<Plan, 'kind' | 'contentHash' | 'machineState'>;

/** Exactly the events this caller may send on this plan now: both CASL and the machine agree. */
export function availableActions(plan: PlanForActions, signatures: readonly CountedSignature[], user: AuthUser, ability: AppAbility): PlanEvent[] {
  const planForRules = planSubject(plan);
  const allowed = PLAN_EVENTS.filter((type) => ability.can(type, planForRules));
  return legalEventsFor(plan.machineState, planFacts(plan, signatures), user.organisationId, allowed);
}

/** The caller's events on a plan, and the state each would lead to now (what the confirm dialog announces). */
export interface PlanActions {
  available: PlanEvent[];
  /** e.g. FORWARD → in_coordination (co-issuers still to sign) or awaiting_approval, as the machine decides */
  nextStatus: Partial<Record<PlanEvent, PlanStatus>>;
}

export function planActions(plan: PlanForActions, signatures: readonly CountedSignature[], user: AuthUser, ability: AppAbility): PlanActions {
  const available = availableActions(plan, signatures, user, ability);
  return { available, nextStatus: nextStatusesFor(plan.machineState, planFacts(plan, signatures), user.organisationId, available) };
}
