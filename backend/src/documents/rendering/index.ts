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
export { registerPeriod, renderNumberRegisterDocx, type NumberRegisterInput, type NumberRegisterRow } from './render-register';
export type { DocumentNumbering, DocumentOrganisation, RenderInput } from './render-input';
export { checkDocxFormat, type FormatExpectations } from './format-check';
export {
  defaultTemplate,
  defaultTemplatesDirectory,
  NUMBER_REGISTER_TEMPLATE_FILE_NAME,
  REPORT_SUMMARY_TEMPLATE_FILE_NAME,
  TEMPLATE_FILE_NAMES,
} from './template-files';
export { checkTemplate } from './template-acceptance';
