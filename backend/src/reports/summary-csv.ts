import type { ReportsService } from './reports.service';

type Summary = Awaited<ReturnType<ReportsService['summary']>>;

/** A figure stays a number; everything else — headers, names, notes, text answers — is text. */
type Cell = string | number | null | undefined;

const STATUS_LABELS: Record<string, string> = {
  submitted: 'Đã nộp', late: 'Nộp muộn', overdue: 'Quá hạn, chưa nộp', draft: 'Đang soạn', pending: 'Chưa đến hạn',
};

/** The summary as CSV for Excel: UTF-8 with BOM, one row per organisation, then the totals. */
export function summaryToCsv(summary: Summary): string {
  const header: Cell[] = ['STT', 'Đơn vị', 'Trạng thái', 'Ngày nộp', ...summary.indicators.map((i) => `${i.code}. ${i.label}${i.unit ? ` (${i.unit})` : ''}`), 'Ghi chú'];
  const rows = summary.rows.map((row, index): Cell[] => [
    index + 1,
    row.organisationName,
    STATUS_LABELS[row.status],
    row.submittedAt ? row.submittedAt.toISOString() : null,
    ...summary.indicators.map((i) => row.values?.[i.code]),
    row.note,
  ]);
  const totals: Cell[] = [null, 'Tổng cộng', null, null, ...summary.indicators.map((i) => summary.totals[i.code]), null];
  return '\uFEFF' + [header, ...rows, totals].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Where a spreadsheet may start reading a formula (OWASP "CSV injection"): the cell's first character
 * if it is = + - @, TAB, CR or LF or a full-width = + - @; and the first character after a `;` or a
 * line break inside the text (past spaces and quotes), because Excel with Vietnamese regional settings
 * splits a file on `;` and lines, ignoring our commas and quotes, and each piece becomes a cell.
 */
const FORMULA_START = /^(?=[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20])|(?<=[;\r\n][ \t"]*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * Numbers are written as numbers (a negative figure is not a formula). Text that could start a formula
 * gets a `'` there, so it is shown as typed and never runs; it is then quoted, like any text holding
 * a quote, comma or line break (RFC 4180).
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = value.replace(FORMULA_START, "'");
  return safe !== value || /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
