/**
 * Turns the issuer's summary of one reporting deadline into the data the tags of
 * templates/tong-hop-bao-cao.docx read (templates/README.md lists them). Wording that depends on
 * the data (statuses, numbers, dates) is decided here; the template holds the rest.
 */
import { plainText } from '../../core/inline-markup';
import type { IndicatorType } from '../../core/plan-content';
import type { DocumentOrganisation } from './render-input';
import { formatLongDate, formatShortDate, type CalendarDate } from '../../core/vietnamese-date';
import { bodyNameInSentence, cleanAllText, upperCaseVietnamese } from '../../core/vietnamese-text';

export type ReportRowStatus = 'submitted' | 'late' | 'overdue' | 'draft' | 'pending';

export interface SummaryIndicator {
  code: string;
  /** inline markup (plans/inline-markup.ts): the summary's tables print its plain text */
  label: string;
  unit: string;
  type: IndicatorType;
}

export interface ReportSummaryRow {
  organisationName: string;
  status: ReportRowStatus;
  submittedAt: Date | null;
  /** the submitted report's values; null until it is submitted */
  values: Record<string, number | string | null> | null;
  note: string | null;
  /** totals of the organisation's own recipients, when it derived an implementing plan */
  rollup: { submitted: number; reporters: number; totals: Record<string, number | null> } | null;
}

/** What ReportsService.summary() answers, plus the issuer and the date the document is made. */
export interface ReportSummaryInput {
  issuer: DocumentOrganisation;
  /** "227/KH-MTTQ-BTT"; null while the plan has no number */
  planNumber: string | null;
  planIssuedAt: Date | null;
  planTitle: string;
  deadlineName: string;
  /** "YYYY-MM-DD" */
  dueDate: string;
  /** the date line ("Sơn La, ngày 25 tháng 11 năm 2026") and "số liệu tổng hợp đến ngày …" */
  generatedAt: Date;
  indicators: SummaryIndicator[];
  /** integers and decimals summed, percentages averaged, text: the number of answers */
  totals: Record<string, number | null>;
  rolledUpTotals: Record<string, number | null>;
  counts: { recipients: number; submitted: number; late: number; overdue: number; draft: number; pending: number };
  rows: ReportSummaryRow[];
}

/** A status as the summary writes it, in the status table and over each unit's figures. */
export const REPORT_STATUS_LABELS: Record<ReportRowStatus, string> = {
  submitted: 'Đã nộp đúng hạn',
  late: 'Nộp muộn',
  overdue: 'Quá hạn, chưa nộp',
  draft: 'Đang soạn, chưa nộp',
  pending: 'Chưa nộp, chưa đến hạn',
};

interface IndicatorTotalView {
  code: string;
  label: string;
  unit: string;
  total: string;
  /** the total is an average (a percentage indicator) */
  average: boolean;
  /** the total counts the units that answered (a text indicator) */
  answers: boolean;
  rolledUp: string;
}

interface StatusRowView {
  index: string;
  organisationName: string;
  status: string;
  rollup: { reported: string } | false;
  submittedOn: string;
  note: string;
}

interface FigureView {
  code: string;
  label: string;
  unit: string;
  value: string;
  /** centred when a number, left-aligned when a text answer */
  numeric: boolean;
  rolledUp: string;
}

interface FiguresGroupView {
  index: string;
  organisationName: string;
  status: string;
  values: FigureView[];
}

export interface SummaryView {
  organisationName: string;
  bodyName: string;
  number: string;
  symbol: string;
  place: string;
  date: string;
  deadlineName: string;
  planReference: string;
  planTitle: string;
  dueDate: string;
  asOf: string;
  recipients: string;
  submitted: string;
  late: string;
  overdue: string;
  drafting: string;
  pending: string;
  hasForm: boolean;
  withRollup: boolean;
  indicators: IndicatorTotalView[];
  hasRows: boolean;
  rows: StatusRowView[];
  hasGroups: boolean;
  groups: FiguresGroupView[];
}

// The summary is not numbered by the system: room for the clerk, as on an unnumbered plan.
const BLANK_NUMBER = ' '.repeat(5);

export function buildSummaryView(input: ReportSummaryInput): SummaryView {
  const { issuer, counts, indicators } = input;
  const withRollup = input.rows.some((row) => row.rollup !== null);
  const rows = input.rows.map((row, i) => ({ row, index: String(i + 1) }));
  const groups = indicators.length ? rows.filter(({ row }) => row.values !== null || row.rollup !== null) : [];
  const view: SummaryView = {
    organisationName: upperCaseVietnamese(issuer.name),
    bodyName: upperCaseVietnamese(issuer.bodyName),
    number: BLANK_NUMBER,
    symbol: `BC-${issuer.symbol}`,
    place: issuer.place,
    date: formatLongDate(input.generatedAt),
    deadlineName: input.deadlineName,
    planReference: planReference(input),
    planTitle: input.planTitle,
    dueDate: formatShortDate(parseDay(input.dueDate)),
    asOf: formatShortDate(input.generatedAt),
    recipients: String(counts.recipients),
    submitted: String(counts.submitted),
    late: String(counts.late),
    overdue: String(counts.overdue),
    drafting: String(counts.draft),
    pending: String(counts.pending),
    hasForm: indicators.length > 0,
    withRollup,
    indicators: indicators.map((indicator) => {
      const total = input.totals[indicator.code] ?? null;
      return {
        code: indicator.code,
        label: plainText(indicator.label),
        unit: indicator.unit,
        total: formatValue(total),
        average: indicator.type === 'percent' && total !== null,
        answers: indicator.type === 'text',
        rolledUp: formatValue(input.rolledUpTotals[indicator.code]),
      };
    }),
    hasRows: rows.length > 0,
    rows: rows.map(({ row, index }) => ({
      index,
      organisationName: row.organisationName,
      status: REPORT_STATUS_LABELS[row.status],
      rollup: row.rollup ? { reported: `${row.rollup.submitted}/${row.rollup.reporters}` } : false,
      submittedOn: row.submittedAt ? formatShortDate(row.submittedAt) : '',
      note: row.note?.trim() ?? '',
    })),
    hasGroups: groups.length > 0,
    groups: groups.map(({ row, index }) => ({
      index,
      organisationName: row.organisationName,
      status: REPORT_STATUS_LABELS[row.status],
      values: indicators.map((indicator) => {
        const value = row.values?.[indicator.code] ?? null;
        return {
          code: indicator.code,
          label: plainText(indicator.label),
          unit: indicator.unit,
          value: formatValue(value),
          numeric: typeof value !== 'string',
          rolledUp: formatValue(row.rollup?.totals[indicator.code]),
        };
      }),
    })),
  };
  return cleanAllText(view);
}

/**
 * "Kế hoạch số 227/KH-MTTQ-BTT ngày 15/4/2026 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La";
 * without a number (not issued) the plan is cited by its issuer only, its title following anyway.
 */
function planReference({ issuer, planNumber, planIssuedAt }: ReportSummaryInput): string {
  const issuerFullName = `${issuer.bodyNameInSentence ?? bodyNameInSentence(issuer.bodyName)} ${issuer.name}`;
  if (planNumber === null) return `Kế hoạch của ${issuerFullName}`;
  const issued = planIssuedAt ? ` ngày ${formatShortDate(planIssuedAt)}` : '';
  return `Kế hoạch số ${planNumber}${issued} của ${issuerFullName}`;
}

function parseDay(day: string): CalendarDate {
  const [year, month, date] = day.split('-').map(Number);
  return { year, month, day: date };
}

/**
 * Numbers as Vietnamese documents write them — "1.234", "87,5" — and text answers as typed; an
 * absent value is left blank.
 */
export function formatValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const rounded = Math.round(value * 100) / 100;
  const [whole, fraction] = Math.abs(rounded).toFixed(2).replace(/\.?0+$/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}
