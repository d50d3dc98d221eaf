import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { Plan, PlanStatus } from '../types';

/** Deliveries exist from DISTRIBUTE on. */
const DISTRIBUTED: PlanStatus[] = ['distributed', 'closed', 'recalled'];

/** Who the plan was delivered to and who acknowledged it (a recipient sees only its own line). */
export const useDistribution = (plan: Plan | undefined) =>
  useKehoachQuery(['plans', 'distribution', plan?.id], (methods) => methods.getDistribution(plan!.id), Boolean(plan && DISTRIBUTED.includes(plan.status)));
