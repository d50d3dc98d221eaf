import { Button, Card, CardContent, CardHeader, List, ListItem, ListItemText } from '@mui/material';
import { LinkBase, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { daysUntil, formatDate } from '../common/dates';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import { useDistribution } from '../plans/useDistribution';
import type { Plan, ReportingDeadline } from '../types';
import { reportFormPath, reportSummaryPath } from './reportPaths';
import { myReportKey } from './useReportEditor';
import { useDueText } from './useDueText';

/**
 * The plan's reporting deadlines once it is out: a recipient organisation opens its report for
 * each (and sees whether it is in), the issuer its follow-up of each.
 */
export const ReportingPanel = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { data: distribution } = useDistribution(plan);
  if (!plan?.reporting.length || !distribution) return null;
  const organisationId = identity?.organisation?.id;
  const isIssuer = organisationId === plan.issuerId;
  const isRecipient = distribution.deliveries.some((delivery) => delivery.organisationId === organisationId);
  if (!isIssuer && !isRecipient) return null;
  const collecting = plan.status === 'distributed';
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="reporting-panel">
      <CardHeader title={translate('kehoach.reports.panel.title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0 }}>
        <List dense disablePadding>
          {plan.reporting.map((due, deadline) =>
            isIssuer ? (
              <DeadlineRow key={deadline} due={due} to={reportSummaryPath(plan.id, deadline)} action="open_summary" state={collecting ? undefined : ''} />
            ) : (
              <OwnReportRow key={deadline} planId={plan.id} deadline={deadline} due={due} collecting={collecting} />
            ),
          )}
        </List>
      </CardContent>
    </Card>
  );
};

interface DeadlineRowProps {
  due: ReportingDeadline;
  to: string;
  action: 'open_summary' | 'open_form' | 'view_report' | 'view_only';
  /** what the caller's own report says, instead of the time left ("" for nothing: the plan no longer collects) */
  state?: string;
  /** the caller's organisation owes this report and its deadline has passed: said in red */
  overdue?: boolean;
}

const DeadlineRow = ({ due, to, action, state, overdue = false }: DeadlineRowProps) => {
  const translate = useTranslate();
  const dueText = useDueText();
  return (
    // The button follows the text in the row, and goes under it where the row is too narrow for both (a phone).
    <ListItem disableGutters sx={{ flexWrap: 'wrap', columnGap: 2 }}>
      <ListItemText
        primary={due.name}
        secondary={[translate('kehoach.reports.due_on', { date: formatDate(due.dueDate) }), state ?? dueText(due.dueDate)].filter(Boolean).join(' — ')}
        sx={{ flex: '1 1 200px' }}
        slotProps={{ secondary: overdue ? { sx: { color: 'error.main', fontWeight: 600 } } : undefined }}
        data-overdue={overdue}
      />
      <Button size="small" variant={action === 'open_form' ? 'contained' : 'outlined'} component={LinkBase} to={to} data-testid="open-report" sx={{ flexShrink: 0 }}>
        {translate(`kehoach.reports.panel.${action}`)}
      </Button>
    </ListItem>
  );
};

interface OwnReportRowProps {
  planId: string;
  deadline: number;
  due: ReportingDeadline;
  /** the plan still takes reports (not recalled or closed) */
  collecting: boolean;
}

/** A recipient's line: submitted (when), or still to do; only to look at once the round or the plan is closed. */
const OwnReportRow = ({ planId, deadline, due, collecting }: OwnReportRowProps) => {
  const translate = useTranslate();
  const dueText = useDueText();
  const { data: mine } = useKehoachQuery(myReportKey(planId, deadline), (methods) => methods.getMyReport(planId, deadline));
  // The round's due date, as the inbox and the issuer's summary count it (the content's, until it is read).
  const round = { ...due, dueDate: mine?.dueDate ?? due.dueDate };
  const report = mine?.report;
  const submitted = report?.state === 'submitted' && report.submittedAt;
  const state = submitted
    ? `${translate('kehoach.reports.mine_states.submitted')} ${formatDate(report.submittedAt!)}`
    : report
      ? `${translate('kehoach.reports.mine_states.draft')}, ${dueText(round.dueDate)}`
      : collecting
        ? undefined
        : translate('kehoach.reports.mine_states.none');
  const action = !collecting || mine?.closed ? 'view_only' : submitted ? 'view_report' : 'open_form';
  const overdue = action === 'open_form' && daysUntil(round.dueDate) < 0;
  return <DeadlineRow due={round} to={reportFormPath(planId, deadline)} action={action} state={state} overdue={overdue} />;
};
