import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useTranslate } from 'react-admin';
import { daysUntil } from '../common/dates';
import type { ReportSummary } from '../types';
import { REPORT_STATUS_COLOURS } from './reportStatuses';

/** Submitted on time, late, and still missing, as a ring; missing turns red once the due date has passed. */
export const SummaryChart = ({ summary }: { summary: ReportSummary }) => {
  const translate = useTranslate();
  const { counts } = summary;
  const slices = [
    { key: 'submitted', value: counts.submitted, colour: REPORT_STATUS_COLOURS.submitted },
    { key: 'late', value: counts.late, colour: REPORT_STATUS_COLOURS.late },
    {
      key: 'missing',
      value: counts.recipients - counts.submitted - counts.late,
      colour: daysUntil(summary.dueDate) < 0 ? REPORT_STATUS_COLOURS.overdue : REPORT_STATUS_COLOURS.pending,
    },
  ].map((slice) => ({ ...slice, name: translate(`kehoach.reports.summary.chart.${slice.key}`) }));
  const shown = slices.filter((slice) => slice.value > 0);
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="summary-chart">
      <CardHeader title={translate('kehoach.reports.summary.chart_title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0, display: 'flex', alignItems: 'center', gap: 2 }}>
        <Box sx={{ width: 180, height: 180, flexShrink: 0 }}>
          <ResponsiveContainer width="100%" height="100%">
            <PieChart>
              <Pie data={shown} dataKey="value" nameKey="name" innerRadius={48} outerRadius={82} paddingAngle={shown.length > 1 ? 2 : 0} isAnimationActive={false}>
                {shown.map((slice) => (
                  <Cell key={slice.key} fill={slice.colour} />
                ))}
              </Pie>
              <Tooltip />
            </PieChart>
          </ResponsiveContainer>
        </Box>
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, minWidth: 0 }}>
          {slices.map((slice) => (
            <Box component="li" key={slice.key} data-slice={slice.key} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}>
              <Box sx={{ width: 12, height: 12, borderRadius: '50%', backgroundColor: slice.colour, flexShrink: 0 }} />
              <Typography variant="body2">
                {slice.name}: <strong>{slice.value}</strong>
              </Typography>
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};
