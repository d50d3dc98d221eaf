/**
 * Renders the outgoing register (sổ đăng ký văn bản đi, Nghị định 30/2020 Phụ lục IV) from
 * templates/so-dang-ky-van-ban-di.docx: the organisation, the period, one table row per number.
 * Pure: no I/O except reading the shipped template once; the same input gives the same bytes.
 */
import { formatShortDate, type CalendarDate } from '../../core/vietnamese-date';
import { cleanAllText, upperCaseVietnamese } from '../../core/vietnamese-text';
import { compileTemplate, renderTemplate } from './render-plan';
import { NUMBER_REGISTER_TEMPLATE_FILE_NAME, shippedTemplate } from './template-files';

/** One number of the register, as its ten columns hold it; blank ("" or null) where the app cannot know. */
export interface NumberRegisterRow {
  /** "05/KH-MTTQ-BTT" */
  numberAndSymbol: string;
  issuedAt: Date;
  /** "Kế hoạch tổ chức Ngày hội …" */
  typeAndSummary: string;
  signer: string;
  /** one recipient per line */
  recipients: string;
  /** "VT, BPT" */
  fileCopy: string;
  copies: number | null;
  /** when the document was sent (DISTRIBUTE) */
  sentAt: Date | null;
  /** "3/5 đơn vị đã nhận" */
  receipt: string;
  notes: string;
}

export interface NumberRegisterInput {
  organisationName: string;
  bodyName: string;
  from: CalendarDate;
  to: CalendarDate;
  rows: NumberRegisterRow[];
}

/** "Năm 2026" for a whole calendar year, else "Từ ngày 01/3/2026 đến ngày 31/3/2026". */
export function registerPeriod(from: CalendarDate, to: CalendarDate): string {
  const wholeYear = from.year === to.year && from.month === 1 && from.day === 1 && to.month === 12 && to.day === 31;
  return wholeYear ? `Năm ${from.year}` : `Từ ngày ${formatShortDate(from)} đến ngày ${formatShortDate(to)}`;
}

export function renderNumberRegisterDocx(input: NumberRegisterInput): Buffer {
  const view = cleanAllText({
    organisationName: upperCaseVietnamese(input.organisationName),
    bodyName: upperCaseVietnamese(input.bodyName),
    period: registerPeriod(input.from, input.to),
    rows: input.rows.map((row) => ({
      numberAndSymbol: row.numberAndSymbol,
      date: formatShortDate(row.issuedAt),
      typeAndSummary: row.typeAndSummary,
      signer: row.signer,
      recipients: row.recipients,
      fileCopy: row.fileCopy,
      copies: row.copies === null ? '' : String(row.copies),
      sentOn: row.sentAt ? formatShortDate(row.sentAt) : '',
      receipt: row.receipt,
      notes: row.notes,
    })),
  });
  return renderTemplate(compileTemplate(shippedTemplate(NUMBER_REGISTER_TEMPLATE_FILE_NAME)), view);
}
