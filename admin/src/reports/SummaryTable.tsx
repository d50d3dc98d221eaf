import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { InlineText } from '../common/InlineText';
import { formatDateTime } from '../common/dates';
import { WIDE_TABLE } from '../common/wideTable';
import type { Indicator, ReportSummary, ReportSummaryRow } from '../types';
import { HistoryButton } from './HistoryButton';
import { ReportStatusChip } from './ReportStatusChip';
import { RollupRow, TotalsRow } from './SummaryTotals';
import { formatValue } from './reportValues';

interface SummaryTableProps {
  summary: ReportSummary;
  onHistory: (row: ReportSummaryRow) => void;
}

/** One row per recipient organisation: its state, when it submitted, its figures and note; totals below. */
export const SummaryTable = ({ summary, onHistory }: SummaryTableProps) => {
  const translate = useTranslate();
  const column = (name: string) => translate(`kehoach.reports.summary.columns.${name}`);
  return (
    <TableContainer sx={WIDE_TABLE}>
      <Table size="small" sx={{ '& th': { fontWeight: 600, verticalAlign: 'bottom' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{column('index')}</TableCell>
            <TableCell sx={{ minWidth: 170 }}>{column('organisation')}</TableCell>
            <TableCell>{column('status')}</TableCell>
            <TableCell sx={{ minWidth: 100 }}>{column('submitted_at')}</TableCell>
            {summary.indicators.map((indicator) => (
              <IndicatorHeader key={indicator.code} indicator={indicator} />
            ))}
            <TableCell sx={{ minWidth: 140 }}>{column('note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {summary.rows.map((row, index) => (
            <OrganisationRows key={row.organisationId} row={row} index={index} indicators={summary.indicators} onHistory={() => onHistory(row)} />
          ))}
          <TotalsRow summary={summary} />
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const IndicatorHeader = ({ indicator }: { indicator: Indicator }) => (
  <TableCell align={indicator.type === 'text' ? 'left' : 'right'} sx={{ minWidth: indicator.type === 'text' ? 160 : 100 }}>
    {indicator.code}. <InlineText text={indicator.label} />
    {indicator.unit && ` (${indicator.unit})`}
  </TableCell>
);

interface OrganisationRowsProps {
  row: ReportSummaryRow;
  index: number;
  indicators: Indicator[];
  onHistory: () => void;
}

/** The organisation's own report, then (when it derived a plan of its own) what its units reported to it. */
const OrganisationRows = ({ row, index, indicators, onHistory }: OrganisationRowsProps) => (
  <>
    <TableRow data-organisation={row.organisationName}>
      <TableCell>{index + 1}</TableCell>
      <TableCell>{row.organisationName}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <ReportStatusChip status={row.status} />
        {row.status !== 'pending' && <HistoryButton onClick={onHistory} />}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.submittedAt && formatDateTime(row.submittedAt)}</TableCell>
      {indicators.map((indicator) => (
        <TableCell key={indicator.code} align={indicator.type === 'text' ? 'left' : 'right'} data-indicator={indicator.code}>
          {formatValue(indicator, row.values?.[indicator.code])}
        </TableCell>
      ))}
      <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{row.note}</TableCell>
    </TableRow>
    {row.rollup && <RollupRow rollup={row.rollup} indicators={indicators} />}
  </>
);
