import type { ReportStatus } from '../types';

/** Green when in on time, amber when late, red when missing past the due date, grey while there is time. */
export const REPORT_STATUS_COLOURS: Record<ReportStatus, string> = {
  submitted: '#2e7d32',
  late: '#ef6c00',
  overdue: '#c62828',
  draft: '#1565c0',
  pending: '#757575',
};
