/** Rendering of plans into their issued document (DOCX), and the format check of FORMAT.md. */
export { renderPlanDocx, TemplateRenderError, type PlanTemplates } from './render-plan';
export {
  renderReportSummaryDocx,
  REPORT_STATUS_LABELS,
  type ReportRowStatus,
  type ReportSummaryInput,
  type ReportSummaryRow,
  type SummaryIndicator,
} from './render-summary';
export type { DocumentNumbering, DocumentOrganisation, RenderInput } from './render-input';
export { checkDocxFormat, type FormatExpectations } from './format-check';
export {
  calendarDateInVietnam,
  formatLongDate,
  formatShortDate,
  VIETNAM_TIME_ZONE,
  type CalendarDate,
} from './vietnamese-date';
export {
  defaultTemplate,
  defaultTemplatesDirectory,
  REPORT_SUMMARY_TEMPLATE_FILE_NAME,
  TEMPLATE_FILE_NAMES,
  TEMPLATE_KINDS,
  templateKindOf,
  type TemplateKind,
} from './template-files';
export { checkTemplate } from './template-acceptance';
export { numberBlocks, type NumberedBlock } from '../../plans/block-numbering';
