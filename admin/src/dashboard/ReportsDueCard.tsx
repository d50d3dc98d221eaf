import { List, ListItemButton, ListItemText, ListSubheader, Typography } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';
import { daysUntil, formatDate } from '../common/dates';
import { reportFormPath, reportSummaryPath } from '../reports/reportPaths';
import { useDueText } from '../reports/useDueText';
import type { Task } from '../types';
import { DashboardCard } from './DashboardCard';
import { useReportsToFollow } from './useReportsToFollow';
import { useTasks } from './useTasks';

type ReportTask = Task & { dueDate: string; deadlineName: string; deadline: number };

const isReportTask = (task: Task): task is ReportTask => task.type === 'report_due' || task.type === 'report_overdue';

/**
 * The reports the caller's organisation owes, soonest (or most overdue) first, each opening its
 * form; and, for the issuer's staff, the deadlines of its own distributed plans, each opening the summary.
 */
export const ReportsDueCard = () => {
  const translate = useTranslate();
  const { data: tasks, isPending } = useTasks();
  const toSubmit = (tasks?.data ?? []).filter(isReportTask).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const toFollow = useReportsToFollow();
  const both = toSubmit.length > 0 && toFollow.length > 0;
  return (
    <DashboardCard title="kehoach.dashboard.reports_due" testId="reports-due">
      {!isPending && !toSubmit.length && !toFollow.length && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {translate('kehoach.dashboard.no_reports_due')}
        </Typography>
      )}
      {toSubmit.length > 0 && (
        <List dense disablePadding subheader={both ? <ListSubheader disableGutters>{translate('kehoach.dashboard.reports_to_submit')}</ListSubheader> : undefined}>
          {toSubmit.map((report) => (
            <DeadlineItem key={`${report.planId}-${report.deadline}`} to={reportFormPath(report.planId, report.deadline)} name={report.deadlineName} dueDate={report.dueDate} title={report.title} />
          ))}
        </List>
      )}
      {toFollow.length > 0 && (
        <List dense disablePadding data-testid="reports-to-follow" subheader={<ListSubheader disableGutters>{translate('kehoach.dashboard.reports_to_follow')}</ListSubheader>}>
          {toFollow.map((due) => (
            <DeadlineItem key={`${due.planId}-${due.deadline}`} to={reportSummaryPath(due.planId, due.deadline)} name={due.name} dueDate={due.dueDate} title={due.title} />
          ))}
        </List>
      )}
    </DashboardCard>
  );
};

const DeadlineItem = ({ to, name, dueDate, title }: { to: string; name: string; dueDate: string; title: string }) => {
  const dueText = useDueText();
  return (
    <ListItemButton component={LinkBase} to={to} divider sx={{ px: 1 }}>
      <ListItemText
        primary={`${name} · ${formatDate(dueDate)} — ${dueText(dueDate)}`}
        secondary={title}
        slotProps={{ primary: { sx: { color: daysUntil(dueDate) < 0 ? 'error.main' : 'text.primary' } } }}
      />
    </ListItemButton>
  );
};
