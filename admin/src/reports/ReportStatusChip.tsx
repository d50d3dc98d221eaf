import { alpha, Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReportStatus } from '../types';
import { REPORT_STATUS_COLOURS } from './reportStatuses';

/** Where one organisation's report stands for a deadline, in words and colour. */
export const ReportStatusChip = ({ status }: { status: ReportStatus }) => {
  const translate = useTranslate();
  const colour = REPORT_STATUS_COLOURS[status];
  return (
    <Chip
      size="small"
      label={translate(`kehoach.reports.statuses.${status}`)}
      data-report-status={status}
      sx={{ color: colour, backgroundColor: alpha(colour, 0.12), fontWeight: 600 }}
    />
  );
};
