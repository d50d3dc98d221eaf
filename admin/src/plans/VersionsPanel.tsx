import { useState } from 'react';
import { Button, Card, CardContent, CardHeader, Dialog, DialogContent, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Plan } from '../types';
import { VersionDiff } from './VersionDiff';

/** Every saved version of the content; any earlier one can be compared with the current one. */
export const VersionsPanel = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const dataProvider = useKehoachDataProvider();
  const [compared, setCompared] = useState<number | null>(null);
  const { data: versions } = useQuery({
    queryKey: ['plans', 'versions', plan?.id],
    queryFn: () => dataProvider.getVersions(plan!.id),
    enabled: Boolean(plan),
  });
  if (!plan || !versions || versions.length < 2) return null;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('resources.plans.versions.title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0 }}>
        <List dense disablePadding>
          {[...versions].reverse().map((version) => (
            <ListItem
              key={version.contentVersion}
              disableGutters
              secondaryAction={
                version.contentVersion !== plan.contentVersion && (
                  <Button size="small" onClick={() => setCompared(version.contentVersion)}>
                    {translate('resources.plans.versions.compare')}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={translate('resources.plans.versions.version', { version: version.contentVersion })}
                secondary={`${version.createdBy.fullName} · ${formatDateTime(version.createdAt)}`}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
      {compared !== null && (
        <Dialog open onClose={() => setCompared(null)} maxWidth="md" fullWidth>
          <DialogTitle>{translate('resources.plans.versions.compare_title', { from: compared, to: plan.contentVersion })}</DialogTitle>
          <DialogContent>
            <VersionDiff planId={plan.id} from={compared} to={plan.contentVersion} />
          </DialogContent>
        </Dialog>
      )}
    </Card>
  );
};
