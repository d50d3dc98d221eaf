import { Box, Button, Chip, Link, ListItem, Stack, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import { ActionButton } from '../plans/ActionButtons';
import { StatusChip } from '../plans/StatusChip';
import { reportFormPath } from '../reports/reportPaths';
import { useDueText } from '../reports/useDueText';
import type { Plan, PlanAction, Task } from '../types';

/**
 * One row of the inbox (tasks or following): the plan's title is a link that opens it (a report
 * task: its form); each action is a real button that acts, through the plan page's own confirm dialog.
 */
export const InboxItem = ({ task }: { task: Task }) => {
  const createPath = useCreatePath();
  const to = task.deadline !== undefined ? reportFormPath(task.planId, task.deadline) : createPath({ resource: 'plans', id: task.planId, type: 'show' });
  return (
    <ListItem divider disableGutters sx={{ display: 'block', py: 1 }} data-task-type={task.type} data-plan-id={task.planId}>
      <Link component={LinkBase} to={to} variant="body2" underline="hover" color="text.primary" sx={{ fontWeight: 500, display: 'block' }}>
        {task.title}
      </Link>
      <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 0.5 }}>
        <StatusChip status={task.status} />
        <TaskFacts task={task} />
      </Stack>
      {task.sentBack && <SentBackNote sentBack={task.sentBack} />}
      {task.actions.length > 0 && (
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 1 }} data-testid="task-actions">
          {task.actions.map((action) => (
            <TaskAction key={action} task={task} action={action} />
          ))}
        </Stack>
      )}
    </ListItem>
  );
};

/** What else the row says: a recall notice, a report's deadline and the time left (red once overdue). */
const TaskFacts = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const dueText = useDueText();
  if (task.type === 'recalled') return <Chip size="small" variant="outlined" color="error" label={translate('kehoach.dashboard.recall_notice')} />;
  if (task.type === 'correction') return <Chip size="small" variant="outlined" color="warning" label={translate('kehoach.dashboard.correction_notice')} />;
  if (!task.deadlineName || !task.dueDate) return null;
  const overdue = task.type === 'report_overdue';
  return (
    <Typography component="span" variant="caption" sx={{ color: overdue ? 'error.main' : 'text.secondary', fontWeight: overdue ? 600 : undefined }} data-overdue={overdue}>
      {task.deadlineName} · {translate('kehoach.reports.due_on', { date: formatDate(task.dueDate) })} — {dueText(task.dueDate)}
    </Typography>
  );
};

/** A draft sent back: who did it, when, and the reason they gave. */
const SentBackNote = ({ sentBack }: { sentBack: NonNullable<Task['sentBack']> }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 0.5, pl: 1, borderLeft: 3, borderColor: 'warning.main' }} data-testid="sent-back">
      <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
        {translate('kehoach.dashboard.sent_back', {
          name: sentBack.by.fullName,
          organisation: sentBack.by.organisationName,
          event: translate(`resources.plans.history_events.${sentBack.event}`),
          at: formatDateTime(sentBack.at),
        })}
      </Typography>
      {sentBack.comment && (
        <Typography variant="body2" component="div" sx={{ fontStyle: 'italic', whiteSpace: 'pre-line' }}>
          “{sentBack.comment}”
        </Typography>
      )}
    </Box>
  );
};

/** A report opens its form; every other action sends its event after the same confirm dialog as on the plan page. */
const TaskAction = ({ task, action }: { task: Task; action: PlanAction }) => {
  const translate = useTranslate();
  const methods = useKehoachDataProvider();
  if (action === 'REPORT') {
    return (
      <Button size="small" variant="contained" component={LinkBase} to={reportFormPath(task.planId, task.deadline ?? 0)} data-action="REPORT">
        {translate('resources.plans.actions.REPORT.label')}
      </Button>
    );
  }
  if (action === 'DERIVE') return null;
  // The dialog reads only the plan's id and title, which the task carries.
  const plan = { id: task.planId, title: task.title } as Plan;
  if (action === 'ACKNOWLEDGE') return <ActionButton plan={plan} action={action} run={() => methods.acknowledge(task.planId)} />;
  if (action === 'READ_CORRECTION') return <ActionButton plan={plan} action={action} run={() => methods.correctionStep(task.planId, task.correctionId!, 'read')} />;
  if (action === 'REPLACE') return null;
  return <ActionButton plan={plan} action={action} run={(comment, pin) => methods.sendEvent(task.planId, action, comment, pin)} />;
};
