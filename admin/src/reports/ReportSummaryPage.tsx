import { Alert, Box, Grid, Stack } from '@mui/material';
import { Loading, Title, useGetOne, useParams, useTranslate, type HttpError } from 'react-admin';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { Plan, ReportSummary } from '../types';
import { SummaryChart } from './SummaryChart';
import { SummaryCounts } from './SummaryCounts';
import { SummaryFigures } from './SummaryFigures';
import { SummaryHeading } from './SummaryHeading';

/** Organisations in alphabetical order, as in the organisation tree (the API orders them by their tree path, i.e. by uuid). */
const byName = (summary: ReportSummary): ReportSummary => ({
  ...summary,
  rows: [...summary.rows].sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'vi')),
});

const reportSummaryKey = (planId: string, deadline: number) => ['reports', 'summary', planId, deadline];

/**
 * The issuer's follow-up of one reporting deadline: who submitted, who is late, each
 * organisation's figures and the totals; downloads, and closing the round.
 */
export const ReportSummaryPage = () => {
  const translate = useTranslate();
  const { id = '', deadline: deadlineParam = '' } = useParams();
  const deadline = Number(deadlineParam);
  const { data: plan } = useGetOne<Plan>('plans', { id });
  const { data: summary, error } = useKehoachQuery<ReportSummary>(reportSummaryKey(id, deadline), async (methods) => byName(await methods.getReportSummary(id, deadline)));
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as HttpError).message}</Alert>;
  if (!summary || !plan) return <Loading />;
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2 }} data-testid="report-summary">
      <Title title={translate('kehoach.reports.summary.page_title', { name: summary.name })} />
      <Stack spacing={2}>
        <SummaryHeading plan={plan} summary={summary} />
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <SummaryCounts summary={summary} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <SummaryChart summary={summary} />
          </Grid>
        </Grid>
        <SummaryFigures summary={summary} />
      </Stack>
    </Box>
  );
};
