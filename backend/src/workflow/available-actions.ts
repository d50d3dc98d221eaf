import { PLAN_EVENTS, PlanEvent, type AppAbility } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { planSubject, type PlanAccessView } from '../plans/plan-access';
import type { Plan } from '../plans/plan.entity';
import { coIssuersWhoSigned, type CountedSignature } from '../signatures/signatures.service';
import { legalEventsFor, type PlanFacts } from './plan.machine';

/** What the machine's guards read of a plan: its row and its signatures, as they are now. */
export function planFacts(plan: Pick<Plan, 'kind' | 'coIssuerIds' | 'contentHash'>, signatures: readonly CountedSignature[]): PlanFacts {
  return { kind: plan.kind, coIssuerIds: plan.coIssuerIds, signedBy: coIssuersWhoSigned(plan, signatures) };
}

/** Exactly the events this caller may send on this plan now: both CASL and the machine agree. */
export function availableActions(plan: PlanAccessView & Pick<Plan, 'kind' | 'contentHash' | 'machineState'>, signatures: readonly CountedSignature[], user: AuthUser, ability: AppAbility): PlanEvent[] {
  const planForRules = planSubject(plan);
  const allowed = PLAN_EVENTS.filter((type) => ability.can(type, planForRules));
  return legalEventsFor(plan.machineState, planFacts(plan, signatures), user.organisationId, allowed);
}
