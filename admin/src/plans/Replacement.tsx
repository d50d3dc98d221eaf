import type { MouseEvent } from 'react';
import { Alert, Chip, Link } from '@mui/material';
import { LinkBase, useCreatePath, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { canOnPlan, useAbility } from '../ability';
import { formatDate } from '../common/dates';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Plan, PlanStatus, PlanSummary } from '../types';
import { ActionButton } from './ActionButtons';

/** A replacement (Điều 18) is made of a plan in force as issued. */
const REPLACEABLE: PlanStatus[] = ['issued', 'distributed'];

type LinkedPlan = NonNullable<Plan['replaces']>;

/**
 * Điều 18 on the plan's page: "Đã bị thay thế bởi Kế hoạch số …" on a replaced plan (its document
 * stays as issued), "Thay thế Kế hoạch số …" on its replacement; each with a link to the other.
 */
export const ReplacementBanner = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  if (!plan) return null;
  return (
    <>
      {plan.replacedBy && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="replaced-banner">
          {translate('resources.plans.replacement.replaced_by')} <PlanLink plan={plan.replacedBy} />
          {plan.replacedAt && ` (${formatDate(plan.replacedAt)})`}
        </Alert>
      )}
      {plan.replaces && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="replaces-banner">
          {translate('resources.plans.replacement.replaces')} <PlanLink plan={plan.replaces} />
        </Alert>
      )}
    </>
  );
};

/** "Kế hoạch số 12/KH-MTTQ-BTT ngày 01/12/2026", or the draft's title before it has a number. */
const PlanLink = ({ plan }: { plan: LinkedPlan }) => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  const label = plan.number
    ? translate('resources.plans.replacement.numbered', { number: plan.number, date: plan.issuedAt ? formatDate(plan.issuedAt) : '' })
    : plan.title;
  return (
    <Link component={LinkBase} to={createPath({ resource: 'plans', id: plan.id, type: 'show' })} sx={{ fontWeight: 600 }}>
      {label}
    </Link>
  );
};

/** "Thay thế kế hoạch": the issuer's drafter starts the replacing draft, which opens in the editor. */
export const ReplaceButton = () => {
  const plan = useRecordContext<Plan>();
  const ability = useAbility();
  const methods = useKehoachDataProvider();
  const redirect = useRedirect();
  if (!plan || plan.replacedBy || !REPLACEABLE.includes(plan.status) || !canOnPlan(ability, 'REPLACE', plan)) return null;
  return <ActionButton plan={plan} action="REPLACE" run={() => methods.replacePlan(plan.id)} onDone={(draft) => redirect('edit', 'plans', draft.id)} />;
};

/** In the plan list, beside the state: a replaced plan says so, the chip linking to its replacement. */
export const ReplacedChip = () => {
  const plan = useRecordContext<PlanSummary>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!plan?.replacedById) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color="warning"
      sx={{ ml: 0.5 }}
      label={translate('resources.plans.replacement.list_chip')}
      component={LinkBase}
      to={createPath({ resource: 'plans', id: plan.replacedById, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      clickable
      data-testid="replaced-chip"
    />
  );
};
