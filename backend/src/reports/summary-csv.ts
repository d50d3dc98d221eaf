import type { ReportsService } from './reports.service';

type Summary = Awaited<ReturnType<ReportsService['summary']>>;

const STATUS_LABELS: Record<string, string> = {
  submitted: 'Đã nộp', late: 'Nộp muộn', overdue: 'Quá hạn, chưa nộp', draft: 'Đang soạn', pending: 'Chưa đến hạn',
};

/** The summary as CSV for Excel: UTF-8 with BOM, one row per organisation, then the totals. */
export function summaryToCsv(summary: Summary): string {
  const header = ['STT', 'Đơn vị', 'Trạng thái', 'Ngày nộp', ...summary.indicators.map((i) => `${i.code}. ${i.label}${i.unit ? ` (${i.unit})` : ''}`), 'Ghi chú'];
  const rows = summary.rows.map((row, index) => [
    String(index + 1),
    row.organisationName,
    STATUS_LABELS[row.status],
    row.submittedAt ? row.submittedAt.toISOString() : '',
    ...summary.indicators.map((i) => format(row.values?.[i.code])),
    row.note ?? '',
  ]);
  const totals = ['', 'Tổng cộng', '', '', ...summary.indicators.map((i) => format(summary.totals[i.code])), ''];
  return '\uFEFF' + [header, ...rows, totals].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}

const format = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** RFC 4180 quoting; a leading = + - @ is neutralised so a typed value never runs as a spreadsheet formula. */
function quote(cell: string): string {
  const safe = /^[=+\-@]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
