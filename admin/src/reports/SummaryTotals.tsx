import { Link, TableCell, TableRow, Typography } from '@mui/material';
import SubdirectoryIcon from '@mui/icons-material/SubdirectoryArrowRight';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import type { Indicator, ReportRollup, ReportSummary } from '../types';
import { formatValue } from './reportValues';

/** Integers add up, percentages are averaged, text answers are counted (backend reports/report-values.ts). */
export const totalOf = (indicator: Indicator, value: number | null | undefined) =>
  indicator.type === 'text' ? String(value ?? 0) : formatValue(indicator, value ?? null);

/** Under each total, what kind of total it is. */
const TotalCell = ({ indicator, value }: { indicator: Indicator; value: number | null | undefined }) => {
  const translate = useTranslate();
  return (
    <TableCell align={indicator.type === 'text' ? 'left' : 'right'} data-total={indicator.code}>
      <strong>{totalOf(indicator, value)}</strong>
      <Typography variant="caption" component="div" sx={{ color: 'text.secondary', fontWeight: 400 }}>
        {translate(`kehoach.reports.summary.total_kinds.${indicator.type}`)}
      </Typography>
    </TableCell>
  );
};

/** "Tổng cộng" over the submitted reports, and the roll-up of the units' own reports when there are any. */
export const TotalsRow = ({ summary }: { summary: ReportSummary }) => {
  const translate = useTranslate();
  const hasRollups = summary.rows.some((row) => row.rollup);
  const reports = summary.counts.submitted + summary.counts.late;
  return (
    <>
      <TableRow data-testid="summary-totals" sx={{ '& td': { borderTop: 2, borderTopColor: 'divider', backgroundColor: 'action.hover' } }}>
        <TableCell colSpan={4}>
          <strong>{translate('kehoach.reports.summary.totals')}</strong>
          <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
            {translate('kehoach.reports.summary.totals_over', { smart_count: reports })}
          </Typography>
        </TableCell>
        {summary.indicators.map((indicator) => (
          <TotalCell key={indicator.code} indicator={indicator} value={summary.totals[indicator.code]} />
        ))}
        <TableCell />
      </TableRow>
      {hasRollups && (
        <TableRow sx={{ '& td': { backgroundColor: 'action.hover' } }}>
          <TableCell colSpan={4}>
            <strong>{translate('kehoach.reports.summary.totals_rolled_up')}</strong>
          </TableCell>
          {summary.indicators.map((indicator) => (
            <TotalCell key={indicator.code} indicator={indicator} value={summary.rolledUpTotals[indicator.code]} />
          ))}
          <TableCell />
        </TableRow>
      )}
    </>
  );
};

/** What an organisation's own units reported under its implementing plan: "Tổng hợp từ 3/5 đơn vị cấp dưới". */
export const RollupRow = ({ rollup, indicators }: { rollup: ReportRollup; indicators: Indicator[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <TableRow data-testid="summary-rollup" sx={{ '& td': { color: 'text.secondary', fontStyle: 'italic' } }}>
      <TableCell />
      <TableCell colSpan={3}>
        <SubdirectoryIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />
        {translate('kehoach.reports.summary.rollup', { submitted: rollup.submitted, reporters: rollup.reporters })}
        {rollup.planNumber && (
          <>
            {' — '}
            <Link component={LinkBase} to={createPath({ resource: 'plans', id: rollup.planId, type: 'show' })}>
              {translate('kehoach.reports.summary.rollup_plan', { number: rollup.planNumber })}
            </Link>
          </>
        )}
      </TableCell>
      {indicators.map((indicator) => (
        <TableCell key={indicator.code} align={indicator.type === 'text' ? 'left' : 'right'}>
          {totalOf(indicator, rollup.totals[indicator.code])}
        </TableCell>
      ))}
      <TableCell />
    </TableRow>
  );
};
