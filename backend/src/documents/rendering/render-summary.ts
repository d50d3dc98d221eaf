/**
 * Renders the issuer's summary of one reporting deadline (DESIGN §8) into a DOCX from
 * templates/tong-hop-bao-cao.docx: the issuer's header, "BÁO CÁO TỔNG HỢP KẾT QUẢ", the counts,
 * the form with the totals, who submitted, and each unit's figures.
 * Pure: no I/O except reading the shipped template once; the same input gives the same bytes.
 */
import { compileTemplate, renderTemplate } from './render-plan';
import { buildSummaryView, type ReportSummaryInput } from './summary-view-model';
import { REPORT_SUMMARY_TEMPLATE_FILE_NAME, shippedTemplate } from './template-files';

export type { ReportRowStatus, ReportSummaryInput, ReportSummaryRow, SummaryIndicator } from './summary-view-model';
export { REPORT_STATUS_LABELS } from './summary-view-model';

export function renderReportSummaryDocx(input: ReportSummaryInput): Buffer {
  return renderTemplate(compileTemplate(shippedTemplate(REPORT_SUMMARY_TEMPLATE_FILE_NAME)), buildSummaryView(input));
}
