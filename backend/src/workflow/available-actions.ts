import { PLAN_EVENTS, PlanEvent, type AppAbility } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { planSubject, type PlanAccessView } from '../plans/plan-access';
import type { Plan } from '../plans/plan.entity';
import { legalEventsFor } from './plan.machine';

/** Exactly the events this caller may send on this plan now: both CASL and the machine agree. */
export function availableActions(plan: PlanAccessView & Pick<Plan, 'machineState'>, user: AuthUser, ability: AppAbility): PlanEvent[] {
  const planForRules = planSubject(plan);
  const allowed = PLAN_EVENTS.filter((type) => ability.can(type, planForRules));
  return legalEventsFor(plan.machineState, user.organisationId, allowed);
}
