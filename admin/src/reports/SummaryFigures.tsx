import { useState } from 'react';
import { Card, CardContent, CardHeader, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReportSummary, ReportSummaryRow } from '../types';
import { RevisionsDialog } from './RevisionsDialog';
import { SummaryList } from './SummaryList';
import { SummaryTable } from './SummaryTable';

/**
 * Each organisation's figures and the totals: a table on a wide screen, one card per
 * organisation on a phone; either opens an organisation's report history.
 */
export const SummaryFigures = ({ summary }: { summary: ReportSummary }) => {
  const translate = useTranslate();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [history, setHistory] = useState<ReportSummaryRow | null>(null);
  return (
    <Card variant="outlined" data-testid="summary-figures">
      <CardHeader title={translate('kehoach.reports.summary.table_title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0 }}>
        {isSmall ? <SummaryList summary={summary} onHistory={setHistory} /> : <SummaryTable summary={summary} onHistory={setHistory} />}
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 1 }}>
          {translate('kehoach.reports.summary.totals_explained')}
        </Typography>
      </CardContent>
      {history && (
        <RevisionsDialog
          planId={summary.planId}
          deadline={summary.deadline}
          organisation={{ id: history.organisationId, name: history.organisationName }}
          indicators={summary.indicators}
          onClose={() => setHistory(null)}
        />
      )}
    </Card>
  );
};
