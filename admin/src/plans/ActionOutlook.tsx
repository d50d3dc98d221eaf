import { Box, DialogContentText, List, ListItem, ListItemText } from '@mui/material';
import { useGetMany, useTranslate } from 'react-admin';
import { deliveryLabels } from '@backend/core/plan-content';
import type { Organisation, Plan } from '../types';
import type { ButtonAction } from './planActions';

/**
 * What confirming an action will do for this plan: FORWARD names its next step as the server's machine
 * says (the co-issuers still to sign, or the leader's approval), DISTRIBUTE the organisations it delivers
 * to; other actions say what they do in general.
 */
export const ActionOutlook = ({ plan, action }: { plan: Plan; action: ButtonAction }) => {
  if (action === 'FORWARD') return <ForwardOutlook plan={plan} />;
  if (action === 'DISTRIBUTE') return <DistributeOutlook plan={plan} />;
  return <GeneralOutlook plan={plan} action={action} />;
};

const GeneralOutlook = ({ plan, action }: { plan: Plan; action: ButtonAction }) => {
  const translate = useTranslate();
  return <DialogContentText>{translate(`resources.plans.actions.${action}.confirm`, { title: plan.title })}</DialogContentText>;
};

const ForwardOutlook = ({ plan }: { plan: Plan }) => {
  const translate = useTranslate();
  const pending = plan.coordination.filter((part) => part.state === 'pending').map((part) => part.organisationId);
  const names = useOrganisationNames(pending);
  const next = plan.nextStatus.FORWARD;
  if (next === 'in_coordination') {
    return (
      <DialogContentText data-testid="action-outlook">
        {translate('resources.plans.actions.FORWARD.next_coordination', { title: plan.title, count: pending.length, names: names.join(', ') })}
      </DialogContentText>
    );
  }
  if (next === 'awaiting_approval') {
    return <DialogContentText data-testid="action-outlook">{translate('resources.plans.actions.FORWARD.next_approval', { title: plan.title })}</DialogContentText>;
  }
  return <GeneralOutlook plan={plan} action="FORWARD" />;
};

const DistributeOutlook = ({ plan }: { plan: Plan }) => {
  const translate = useTranslate();
  const recipients = [...deliveryLabels(plan.recipients).keys()];
  const names = useOrganisationNames(recipients);
  if (!recipients.length) {
    return <DialogContentText data-testid="action-outlook">{translate('resources.plans.actions.DISTRIBUTE.deliver_to_none', { title: plan.title })}</DialogContentText>;
  }
  return (
    <Box data-testid="action-outlook">
      <DialogContentText>{translate('resources.plans.actions.DISTRIBUTE.deliver_to', { title: plan.title, count: recipients.length })}</DialogContentText>
      <List dense disablePadding sx={{ maxHeight: 240, overflowY: 'auto' }}>
        {names.map((name) => (
          <ListItem key={name} disableGutters>
            <ListItemText primary={name} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
};

/** The organisations' names in the order given, once loaded. */
function useOrganisationNames(ids: string[]): string[] {
  const { data } = useGetMany<Organisation>('organisations', { ids }, { enabled: ids.length > 0 });
  const byId = new Map((data ?? []).filter(Boolean).map((organisation) => [organisation.id, organisation.name]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
