import { Chip, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { StatusChip } from '../plans/StatusChip';
import { reportFormPath } from '../reports/reportPaths';
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

/** A report task opens the report form; everything else (a recall notice too) the plan. */
const TaskItem = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const to = task.deadline !== undefined ? reportFormPath(task.planId, task.deadline) : createPath({ resource: 'plans', id: task.planId, type: 'show' });
  return (
    <ListItemButton component={LinkBase} to={to} divider sx={{ px: 1 }} data-task-type={task.type ?? 'plan'}>
      <ListItemText
        primary={task.title}
        secondary={
          <Stack component="span" direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 0.5 }}>
            <StatusChip status={task.status} />
            {task.type === 'recalled' && <Chip size="small" variant="outlined" color="error" label={translate('kehoach.dashboard.recall_notice')} />}
            {task.actions.map((action) => (
              <Chip key={action} size="small" variant="outlined" color="primary" label={translate(`resources.plans.actions.${action}.label`)} />
            ))}
            {task.deadlineName && task.dueDate && (
              <Typography component="span" variant="caption" sx={{ color: task.type === 'report_overdue' ? 'error.main' : 'text.secondary' }}>
                {task.deadlineName} · {translate('kehoach.reports.due_on', { date: formatDate(task.dueDate) })}
              </Typography>
            )}
          </Stack>
        }
        slotProps={{ secondary: { component: 'span' } }}
      />
    </ListItemButton>
  );
};
