import { Box, Chip, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCreatePath, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import { StatusChip } from '../plans/StatusChip';
import type { Task } from '../types';
import { DashboardCard } from './DashboardCard';

/** "Việc cần xử lý": the plans waiting for something the caller can do, with what that is. */
export const TasksCard = () => {
  const translate = useTranslate();
  const dataProvider = useKehoachDataProvider();
  const { data: tasks, isPending } = useQuery({ queryKey: ['tasks'], queryFn: () => dataProvider.getTasks() });
  return (
    <DashboardCard title="kehoach.dashboard.tasks" testId="tasks-card">
      {!isPending && !tasks?.length && (
        <Typography variant="body2" color="text.secondary">
          {translate('kehoach.dashboard.no_tasks')}
        </Typography>
      )}
      <List dense disablePadding>
        {tasks?.map((task) => <TaskItem key={task.planId} task={task} />)}
      </List>
    </DashboardCard>
  );
};

const TaskItem = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <ListItemButton component={Link} to={createPath({ resource: 'plans', id: task.planId, type: 'show' })} divider sx={{ px: 1 }}>
      <ListItemText
        primary={task.title}
        secondary={
          <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
            <Stack component="span" direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              <StatusChip status={task.status} />
              {task.actions.map((action) => (
                <Chip key={action} size="small" variant="outlined" color="primary" label={translate(`resources.plans.actions.${action}.label`)} />
              ))}
            </Stack>
          </Box>
        }
        slotProps={{ secondary: { component: 'span' } }}
      />
    </ListItemButton>
  );
};
