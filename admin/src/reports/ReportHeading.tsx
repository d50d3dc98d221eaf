import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { isLate } from '@backend/core/reporting-calendar';
import { useTranslate } from 'react-admin';
import { daysUntil, formatDate, formatDateTime } from '../common/dates';
import type { MyReport, Plan } from '../types';
import { DeadlineTitle } from './DeadlineTitle';
import { useDueText } from './useDueText';

/** Which plan and deadline, when it is due, and where the organisation's report stands (on time or late). */
export const ReportHeading = ({ plan, mine }: { plan: Plan; mine: MyReport }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <DeadlineTitle overline="kehoach.reports.form.heading" name={mine.name} planId={plan.id} planNumber={plan.number} planTitle={plan.title} />
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 1.5 }}>
          <Typography variant="body2" data-testid="report-due-date">
            {translate('kehoach.reports.due_on', { date: formatDate(mine.dueDate) })}
          </Typography>
          <ReportStateChip mine={mine} />
        </Stack>
      </CardContent>
    </Card>
  );
};

/** "Đã nộp 25/11/2026 09:30", "Nộp muộn …", "Chưa nộp — còn 5 ngày", "Đang soạn — quá hạn 3 ngày". */
const ReportStateChip = ({ mine }: { mine: MyReport }) => {
  const translate = useTranslate();
  const dueText = useDueText();
  const { report, dueDate } = mine;
  if (report?.state === 'submitted' && report.submittedAt) {
    const late = isLate(new Date(report.submittedAt), dueDate);
    const label = translate(`kehoach.reports.mine_states.${late ? 'late' : 'submitted'}`);
    return <Chip size="small" color={late ? 'warning' : 'success'} label={`${label} ${formatDateTime(report.submittedAt)}`} data-testid="report-state" />;
  }
  const overdue = daysUntil(dueDate) < 0;
  const label = translate(`kehoach.reports.mine_states.${report ? 'draft' : 'none'}`);
  return <Chip size="small" color={overdue ? 'error' : 'default'} variant={overdue ? 'filled' : 'outlined'} label={`${label} — ${dueText(dueDate)}`} data-testid="report-state" />;
};
