import { List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import { formatDate, todayInVietnam } from '../common/dates';
import type { Task } from '../types';
import { DashboardCard } from './DashboardCard';
import { useTasks } from './useTasks';

const DAY = 24 * 60 * 60 * 1000;

type ReportTask = Task & { dueDate: string; deadlineName: string };

const isReportTask = (task: Task): task is ReportTask => task.type === 'report_due' || task.type === 'report_overdue';

/** The reports the caller's organisation owes, soonest (or most overdue) first. */
export const ReportsDueCard = () => {
  const translate = useTranslate();
  const { data: tasks, isPending } = useTasks();
  const reports = (tasks ?? []).filter(isReportTask).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <DashboardCard title="kehoach.dashboard.reports_due" testId="reports-due">
      {!isPending && !reports.length && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {translate('kehoach.dashboard.no_reports_due')}
        </Typography>
      )}
      <List dense disablePadding>
        {reports.map((report) => (
          <ReportItem key={`${report.planId}-${report.deadlineName}`} report={report} />
        ))}
      </List>
    </DashboardCard>
  );
};

const ReportItem = ({ report }: { report: ReportTask }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const daysLeft = Math.round((Date.parse(report.dueDate) - Date.parse(todayInVietnam())) / DAY);
  const when =
    daysLeft < 0
      ? translate('kehoach.dashboard.days_overdue', { smart_count: -daysLeft })
      : daysLeft === 0
        ? translate('kehoach.dashboard.due_today')
        : translate('kehoach.dashboard.days_left', { smart_count: daysLeft });
  return (
    <ListItemButton component={LinkBase} to={createPath({ resource: 'plans', id: report.planId, type: 'show' })} divider sx={{ px: 1 }}>
      <ListItemText
        primary={`${report.deadlineName} · ${formatDate(report.dueDate)} — ${when}`}
        secondary={report.title}
        slotProps={{ primary: { sx: { color: daysLeft < 0 ? 'error.main' : 'text.primary' } } }}
      />
    </ListItemButton>
  );
};
