import { Box, Stack, Typography } from '@mui/material';
import SubdirectoryIcon from '@mui/icons-material/SubdirectoryArrowRight';
import { useTranslate } from 'react-admin';
import { InlineText } from '../common/InlineText';
import { formatDateTime } from '../common/dates';
import type { Indicator, IndicatorValue, ReportSummary, ReportSummaryRow } from '../types';
import { HistoryButton } from './HistoryButton';
import { ReportStatusChip } from './ReportStatusChip';
import { totalOf } from './SummaryTotals';
import { formatValue } from './reportValues';

interface SummaryListProps {
  summary: ReportSummary;
  onHistory: (row: ReportSummaryRow) => void;
}

/** On a phone: a block per organisation (its state, figures and note), then the totals. */
export const SummaryList = ({ summary, onHistory }: SummaryListProps) => {
  const translate = useTranslate();
  const reports = summary.counts.submitted + summary.counts.late;
  return (
    <Stack spacing={1.5}>
      {summary.rows.map((row) => (
        <Box key={row.organisationId} data-organisation={row.organisationName} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
          <Typography variant="subtitle2">{row.organisationName}</Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, my: 0.5 }}>
            <ReportStatusChip status={row.status} />
            {row.submittedAt && <Typography variant="caption">{formatDateTime(row.submittedAt)}</Typography>}
            {row.status !== 'pending' && <HistoryButton onClick={() => onHistory(row)} />}
          </Box>
          {row.values && <Figures indicators={summary.indicators} value={(indicator) => formatValue(indicator, row.values?.[indicator.code] as IndicatorValue)} />}
          {row.note && (
            <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
              {row.note}
            </Typography>
          )}
          {row.rollup && (
            <Typography variant="caption" component="p" sx={{ mt: 0.5, color: 'text.secondary', fontStyle: 'italic' }}>
              <SubdirectoryIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />
              {translate('kehoach.reports.summary.rollup', { submitted: row.rollup.submitted, reporters: row.rollup.reporters })}
            </Typography>
          )}
        </Box>
      ))}
      <Box sx={{ borderRadius: 1, p: 1.5, backgroundColor: 'action.hover' }} data-testid="summary-totals">
        <Typography variant="subtitle2">{translate('kehoach.reports.summary.totals')}</Typography>
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mb: 0.5 }}>
          {translate('kehoach.reports.summary.totals_over', { smart_count: reports })}
        </Typography>
        <Figures
          indicators={summary.indicators}
          value={(indicator) => `${totalOf(indicator, summary.totals[indicator.code])} (${translate(`kehoach.reports.summary.total_kinds.${indicator.type}`)})`}
        />
      </Box>
    </Stack>
  );
};

/** Each indicator's label and a value for it, one under the other. */
const Figures = ({ indicators, value }: { indicators: Indicator[]; value: (indicator: Indicator) => string }) => (
  <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: '1fr auto', columnGap: 1.5, rowGap: 0.5 }}>
    {indicators.map((indicator) => (
      <Box key={indicator.code} sx={{ display: 'contents' }}>
        <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
          {indicator.code}. <InlineText text={indicator.label} />
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0, textAlign: 'right', fontWeight: 500, maxWidth: 160, wordBreak: 'break-word' }}>
          {value(indicator)}
        </Typography>
      </Box>
    ))}
  </Box>
);
