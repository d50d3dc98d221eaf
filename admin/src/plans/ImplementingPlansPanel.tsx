import { Box, Card, CardContent, CardHeader, List, ListItemButton, ListItemText } from '@mui/material';
import { LinkBase, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { ImplementingPlan, Plan, PlanStatus } from '../types';
import { StatusChip } from './StatusChip';

/** Only an issued plan is implemented. */
const IMPLEMENTED: PlanStatus[] = ['issued', 'distributed', 'closed', 'recalled'];

/** "Kế hoạch thực hiện": the plans recipients derived from this one (those the caller may read), with where each stands. */
export const ImplementingPlansPanel = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const { data: plans } = useKehoachQuery(
    ['plans', 'implementing', plan?.id],
    (methods) => methods.getImplementing(plan!.id),
    Boolean(plan && IMPLEMENTED.includes(plan.status)),
  );
  if (!plans?.length) return null;
  return (
    <Card variant="outlined" data-testid="implementing-plans">
      <CardHeader
        title={translate('resources.plans.implementing.title')}
        subheader={translate('resources.plans.implementing.count', { smart_count: plans.length })}
        slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 }, subheader: { variant: 'body2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <List dense disablePadding>
          {plans.map((implementing) => (
            <ImplementingPlanRow key={implementing.id} plan={implementing} />
          ))}
        </List>
      </CardContent>
    </Card>
  );
};

const ImplementingPlanRow = ({ plan }: { plan: ImplementingPlan }) => {
  const createPath = useCreatePath();
  return (
    <ListItemButton component={LinkBase} to={createPath({ resource: 'plans', id: plan.id, type: 'show' })} divider sx={{ px: 1 }}>
      <ListItemText
        primary={plan.issuerName}
        secondary={
          <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 0.5 }}>
            <StatusChip status={plan.status} />
            {plan.number ?? plan.title}
          </Box>
        }
        slotProps={{ secondary: { component: 'span' } }}
      />
    </ListItemButton>
  );
};
