import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { REPORT_STATUSES, type ReportSummary } from '../types';
import { REPORT_STATUS_COLOURS } from './reportStatuses';

/** How many recipients stand in each state: submitted, late, overdue, drafting, not yet due. */
export const SummaryCounts = ({ summary }: { summary: ReportSummary }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="summary-counts">
      <CardHeader title={translate('kehoach.reports.summary.counts_title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0, display: 'grid', gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(3, 1fr)' }, gap: 1.5 }}>
        {REPORT_STATUSES.map((status) => (
          <Box key={status} data-count={status} sx={{ borderLeft: 4, borderColor: REPORT_STATUS_COLOURS[status], pl: 1.5, py: 0.5 }}>
            <Typography variant="h5" component="p" sx={{ fontWeight: 700, color: REPORT_STATUS_COLOURS[status] }}>
              {summary.counts[status]}
            </Typography>
            <Typography variant="body2">{translate(`kehoach.reports.statuses.${status}`)}</Typography>
          </Box>
        ))}
        <Box sx={{ borderLeft: 4, borderColor: 'divider', pl: 1.5, py: 0.5 }}>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
            {summary.counts.recipients}
          </Typography>
          <Typography variant="body2">{translate('kehoach.reports.summary.all_recipients')}</Typography>
        </Box>
      </CardContent>
    </Card>
  );
};
