import { Grid } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import { PlansByMonthChart } from './PlansByMonthChart';
import { ReportsDueCard } from './ReportsDueCard';
import { StatusCountsCard } from './StatusCountsCard';
import { FollowingCard, TasksCard } from './TasksCard';
import { IncomingToHandleCard } from './IncomingToHandleCard';

/** What waits for me (tasks, incoming documents), what is due, what I follow, and where the plans stand. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { data: stats } = useKehoachQuery(['plans', 'stats'], (methods) => methods.getPlanStats());
  return (
    <Grid container spacing={2} sx={{ mt: { xs: 1, sm: 2 }, mb: 2 }}>
      <Title title={translate('kehoach.dashboard.title')} />
      <Grid size={{ xs: 12, md: 7 }}>
        <TasksCard />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <ReportsDueCard />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <FollowingCard />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <IncomingToHandleCard />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <StatusCountsCard stats={stats} />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <PlansByMonthChart stats={stats} />
      </Grid>
    </Grid>
  );
};
