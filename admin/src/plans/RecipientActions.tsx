import { useGetIdentity, useRecordContext, useRedirect } from 'react-admin';
import { useAbility } from '../ability';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Plan, PlanStatus } from '../types';
import { ActionButton } from './ActionButtons';
import { useDistribution } from './useDistribution';

/** A recalled plan is not implemented; the others can be (DESIGN §8). */
const DERIVABLE: PlanStatus[] = ['issued', 'distributed', 'closed'];

/**
 * What a recipient organisation does with a plan delivered to it: acknowledge receipt, and (a
 * committee's drafter) start its own implementing plan, which opens in the editor.
 */
export const RecipientActions = () => {
  const plan = useRecordContext<Plan>();
  const { identity } = useGetIdentity();
  const ability = useAbility();
  const methods = useKehoachDataProvider();
  const redirect = useRedirect();
  const { data: distribution } = useDistribution(plan);
  const ours = distribution?.deliveries.find((delivery) => delivery.organisationId === identity?.organisation?.id);
  if (!plan || !ours) return null;
  return (
    <>
      {!ours.acknowledgedAt && plan.status !== 'recalled' && (
        <ActionButton plan={plan} action="ACKNOWLEDGE" run={() => methods.acknowledge(plan.id)} />
      )}
      {DERIVABLE.includes(plan.status) && ability.can('create', 'Plan') && (
        <ActionButton plan={plan} action="DERIVE" run={() => methods.derivePlan(plan.id)} onDone={(derived) => redirect('edit', 'plans', derived.id)} />
      )}
    </>
  );
};
