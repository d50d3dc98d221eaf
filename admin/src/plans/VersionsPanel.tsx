import { useState } from 'react';
import { Box, Button, Card, CardContent, CardHeader, Dialog, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { Plan, PlanVersionInfo } from '../types';
import { VersionDiff } from './VersionDiff';

/** Every saved version of the content, newest first; any earlier one can be compared with the current one. */
export const VersionsPanel = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const [compared, setCompared] = useState<number | null>(null);
  const { data: versions } = useKehoachQuery(['plans', 'versions', plan?.id], (methods) => methods.getVersions(plan!.id), Boolean(plan?.internalHistory));
  if (!plan || !versions || versions.length < 2) return null;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('resources.plans.versions.title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0 }}>
        {[...versions].reverse().map((version) => (
          <VersionRow
            key={version.contentVersion}
            version={version}
            onCompare={version.contentVersion === plan.contentVersion ? undefined : () => setCompared(version.contentVersion)}
          />
        ))}
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

const VersionRow = ({ version, onCompare }: { version: PlanVersionInfo; onCompare?: () => void }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.75 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2">{translate('resources.plans.versions.version', { version: version.contentVersion })}</Typography>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {version.createdBy.fullName} · {formatDateTime(version.createdAt)}
        </Typography>
      </Box>
      {onCompare && (
        <Button size="small" onClick={onCompare} sx={{ flexShrink: 0 }}>
          {translate('resources.plans.versions.compare')}
        </Button>
      )}
    </Box>
  );
};
