import { Box, Chip, Stack, Typography } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';
import { STATUS_COLOURS } from '../plans/planStatuses';
import { PLAN_STATUSES, type PlanStats } from '../types';
import { DashboardCard } from './DashboardCard';
import { planListLink } from './planListLink';

/** How many plans stand in each state; each count opens the list filtered on it. */
export const StatusCountsCard = ({ stats }: { stats?: PlanStats }) => {
  const translate = useTranslate();
  const counts = PLAN_STATUSES.filter((status) => stats?.byStatus[status]);
  return (
    <DashboardCard title="kehoach.dashboard.by_status" testId="status-counts">
      {stats && !counts.length && (
        <Typography variant="body2" color="text.secondary">
          {translate('kehoach.dashboard.no_plans')}
        </Typography>
      )}
      <Stack spacing={1}>
        {counts.map((status) => (
          <Box key={status} component={LinkBase} to={planListLink({ status })} sx={{ display: 'flex', alignItems: 'center', textDecoration: 'none', color: 'inherit', gap: 1 }}>
            <Chip size="small" sx={{ minWidth: 36, fontWeight: 700, color: '#fff', backgroundColor: STATUS_COLOURS[status].accent }} label={stats!.byStatus[status]} />
            <Typography variant="body2">{translate(`resources.plans.statuses.${status}`)}</Typography>
          </Box>
        ))}
      </Stack>
    </DashboardCard>
  );
};
