import { List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useCreatePath, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDate, todayInVietnam } from '../common/dates';
import { SUMMARY_QUERY } from '../plans/summaryQuery';
import type { Plan } from '../types';
import { DashboardCard } from './DashboardCard';

/** How far ahead a deadline counts as "soon". */
const HORIZON_DAYS = 45;
const DAY = 24 * 60 * 60 * 1000;

interface Deadline {
  planId: string;
  planTitle: string;
  name: string;
  dueDate: string;
  daysLeft: number;
}

/** Reporting deadlines of distributed plans falling within the horizon, soonest first. */
function upcomingDeadlines(plans: Plan[], today: string): Deadline[] {
  const start = Date.parse(today);
  return plans
    .flatMap((plan) =>
      (plan.reporting ?? []).map(({ name, dueDate }) => ({
        planId: plan.id,
        planTitle: plan.title,
        name,
        dueDate,
        daysLeft: Math.round((Date.parse(dueDate) - start) / DAY),
      })),
    )
    .filter(({ daysLeft }) => daysLeft >= 0 && daysLeft <= HORIZON_DAYS)
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

export const ReportsDueCard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data: plans, isPending } = useGetList<Plan>('plans', {
    filter: { status: 'distributed' },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'issuedAt', order: 'DESC' },
    ...SUMMARY_QUERY,
  });
  const deadlines = upcomingDeadlines(plans ?? [], todayInVietnam());
  return (
    <DashboardCard title="kehoach.dashboard.reports_due" testId="reports-due">
      {!isPending && !deadlines.length && (
        <Typography variant="body2" color="text.secondary">
          {translate('kehoach.dashboard.no_reports_due', { smart_count: HORIZON_DAYS })}
        </Typography>
      )}
      <List dense disablePadding>
        {deadlines.map((deadline) => (
          <ListItemButton
            key={`${deadline.planId}-${deadline.name}`}
            component={Link}
            to={createPath({ resource: 'plans', id: deadline.planId, type: 'show' })}
            divider
            sx={{ px: 1 }}
          >
            <ListItemText
              primary={`${deadline.name} · ${formatDate(deadline.dueDate)}`}
              secondary={`${deadline.planTitle} — ${
                deadline.daysLeft === 0 ? translate('kehoach.dashboard.due_today') : translate('kehoach.dashboard.days_left', { smart_count: deadline.daysLeft })
              }`}
            />
          </ListItemButton>
        ))}
      </List>
    </DashboardCard>
  );
};
