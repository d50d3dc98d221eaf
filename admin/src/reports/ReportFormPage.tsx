import { Alert, Box, Stack } from '@mui/material';
import { Loading, Title, useGetOne, useParams, useTranslate, type HttpError } from 'react-admin';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { MyReport, Plan } from '../types';
import { ReportEditor } from './ReportEditor';
import { ReportHeading } from './ReportHeading';
import { myReportKey } from './useReportEditor';

/**
 * A recipient organisation's report for one deadline of a plan it received (the inbox task
 * "Nộp báo cáo" and the plan page lead here): filled in, saved as a draft, submitted, and
 * corrected until the issuer closes the round.
 */
export const ReportFormPage = () => {
  const translate = useTranslate();
  const { id = '', deadline: deadlineParam = '' } = useParams();
  const deadline = Number(deadlineParam);
  const { data: plan } = useGetOne<Plan>('plans', { id });
  const { data: mine, error } = useKehoachQuery<MyReport>(myReportKey(id, deadline), (methods) => methods.getMyReport(id, deadline));
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as HttpError).message}</Alert>;
  if (!mine || !plan) return <Loading />;
  const collecting = plan.status === 'distributed';
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2, maxWidth: 960 }} data-testid="report-form">
      <Title title={translate('kehoach.reports.form.page_title', { name: mine.name })} />
      <Stack spacing={2}>
        <ReportHeading plan={plan} mine={mine} />
        {mine.closed && (
          <Alert severity="info" data-testid="report-closed">
            {translate('kehoach.reports.form.closed')}
          </Alert>
        )}
        {!mine.closed && !collecting && (
          <Alert severity="warning" data-testid="report-not-collecting">
            {translate('kehoach.reports.form.not_collecting', { status: translate(`resources.plans.statuses.${plan.status}`) })}
          </Alert>
        )}
        {!mine.closed && collecting && mine.report?.state === 'submitted' && (
          <Alert severity="success">{translate('kehoach.reports.form.corrections_allowed')}</Alert>
        )}
        <ReportEditor key={mine.report?.revision ?? 0} planId={id} mine={mine} readOnly={mine.closed || !collecting} />
      </Stack>
    </Box>
  );
};
