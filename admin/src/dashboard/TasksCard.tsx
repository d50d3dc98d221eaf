import { Chip, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import { StatusChip } from '../plans/StatusChip';
import type { Task } from '../types';
import { DashboardCard } from './DashboardCard';
import { useTasks } from './useTasks';

/** "Việc cần xử lý": the plans waiting for something the caller can do, with what that is. */
export const TasksCard = () => {
  const translate = useTranslate();
  const { data: tasks, isPending } = useTasks();
  return (
    <DashboardCard title="kehoach.dashboard.tasks" testId="tasks-card">
      {!isPending && !tasks?.length && (
        <Typography variant="body2" color="text.secondary">
          {translate('kehoach.dashboard.no_tasks')}
        </Typography>
      )}
      <List dense disablePadding>
        {tasks?.map((task) => <TaskItem key={`${task.type ?? 'workflow'}-${task.planId}-${task.deadlineName ?? ''}`} task={task} />)}
      </List>
    </DashboardCard>
  );
};

const TaskItem = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <ListItemButton component={LinkBase} to={createPath({ resource: 'plans', id: task.planId, type: 'show' })} divider sx={{ px: 1 }}>
      <ListItemText
        primary={task.title}
        secondary={
          <Stack component="span" direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 0.5 }}>
            <StatusChip status={task.status} />
            {task.actions.map((action) => (
              <Chip key={action} size="small" variant="outlined" color="primary" label={translate(`resources.plans.actions.${action}.label`)} />
            ))}
          </Stack>
        }
        slotProps={{ secondary: { component: 'span' } }}
      />
    </ListItemButton>
  );
};
