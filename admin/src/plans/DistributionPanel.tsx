import { Card, CardContent, CardHeader, List, ListItem, ListItemText } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import type { Delivery, Plan } from '../types';
import { useDistribution } from './useDistribution';

/** The issuer's view of a distributed plan: each recipient organisation, and whether it acknowledged receipt. */
export const DistributionPanel = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const { data: distribution } = useDistribution(plan);
  if (!plan || !distribution?.deliveries.length) return null;
  const acknowledged = distribution.deliveries.filter((delivery) => delivery.acknowledgedAt).length;
  return (
    <Card variant="outlined" data-testid="distribution-panel">
      <CardHeader
        title={translate('resources.plans.distribution.title')}
        subheader={translate('resources.plans.distribution.acknowledged_count', { count: acknowledged, total: distribution.deliveries.length })}
        slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 }, subheader: { variant: 'body2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <List dense disablePadding>
          {distribution.deliveries.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} />
          ))}
          {distribution.external.map(({ label, note }) => (
            <ListItem key={label} disableGutters>
              <ListItemText primary={note ? `${label} (${note})` : label} secondary={translate('resources.plans.distribution.external')} />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};

const DeliveryRow = ({ delivery }: { delivery: Delivery }) => {
  const translate = useTranslate();
  const { acknowledgedAt, acknowledgedBy } = delivery;
  return (
    <ListItem disableGutters>
      <ListItemText
        primary={delivery.organisationName}
        secondary={
          acknowledgedAt
            ? translate('resources.plans.distribution.acknowledged', { name: acknowledgedBy?.fullName ?? '', at: formatDateTime(acknowledgedAt) })
            : translate('resources.plans.distribution.not_acknowledged')
        }
        slotProps={{ secondary: { sx: { color: acknowledgedAt ? 'success.main' : 'warning.main' } } }}
      />
    </ListItem>
  );
};
