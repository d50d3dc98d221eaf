import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { canOnPlan, useAbility } from '../ability';
import { formatDate } from '../common/dates';
import { DownloadButton } from '../common/DownloadButton';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { Plan, ReportSummary } from '../types';
import { CloseRoundButton } from './CloseRoundButton';
import { DeadlineTitle } from './DeadlineTitle';
import { useDueText } from './useDueText';

/** The deadline and its plan, the downloads, and closing the round (the issuer's leader or clerk). */
export const SummaryHeading = ({ plan, summary }: { plan: Plan; summary: ReportSummary }) => {
  const translate = useTranslate();
  const ability = useAbility();
  const methods = useKehoachDataProvider();
  const dueText = useDueText();
  const download = (format: 'csv' | 'docx') => () => methods.downloadReportSummary(plan.id, summary.deadline, format);
  return (
    <Card variant="outlined">
      <CardContent>
        <DeadlineTitle overline="kehoach.reports.summary.heading" name={summary.name} planId={plan.id} planNumber={summary.planNumber} planTitle={summary.planTitle} />
        <Typography variant="body2" sx={{ mt: 1, mb: 2 }}>
          {translate('kehoach.reports.due_on', { date: formatDate(summary.dueDate) })}
          {!summary.closed && ` (${dueText(summary.dueDate)})`}
          {' · '}
          {translate('kehoach.reports.summary.recipients', { smart_count: summary.counts.recipients })}
        </Typography>
        {summary.closed && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="round-closed">
            {translate('kehoach.reports.summary.closed')}
          </Alert>
        )}
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <DownloadButton
            download={download('csv')}
            label={translate('kehoach.reports.summary.download_csv')}
            failedMessage="kehoach.reports.summary.download_failed"
            testId="download-summary-csv"
          />
          <DownloadButton
            download={download('docx')}
            label={translate('kehoach.reports.summary.download_docx')}
            failedMessage="kehoach.reports.summary.download_failed"
            testId="download-summary-docx"
          />
          {!summary.closed && canOnPlan(ability, 'CLOSE_ROUND', plan) && <CloseRoundButton planId={plan.id} summary={summary} />}
        </Stack>
      </CardContent>
    </Card>
  );
};
