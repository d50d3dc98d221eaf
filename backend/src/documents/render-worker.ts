/**
 * The task a rendering worker thread runs (render-pool.ts): it only calls the pure rendering code.
 * A template's own errors come back as a result, because an Error crossing threads loses its
 * class and details; anything else is thrown and fails the task.
 */
import { checkTemplate, renderPlanDocx, renderReportSummaryDocx, TemplateRenderError, type PlanTemplates, type RenderInput, type ReportSummaryInput } from './rendering';
import { renderPlanPdfFromInput, type RenderedPlanPdf } from './rendering/pdf/render-plan-pdf';
import type { TemplateKind } from '../core/template-kinds';

export type RenderTask =
  | { kind: 'plan'; input: RenderInput; templates: PlanTemplates }
  | { kind: 'planPdf'; input: RenderInput; issueFields: boolean }
  | { kind: 'reportSummary'; input: ReportSummaryInput }
  | { kind: 'checkTemplate'; template: Uint8Array; templateKind: TemplateKind };

export type RenderResult = { bytes: Uint8Array } | { problems: string[] } | { templateErrors: string[] } | RenderedPlanPdf;

export default function runRenderTask(task: RenderTask): RenderResult | Promise<RenderResult> {
  try {
    switch (task.kind) {
      case 'plan':
        return { bytes: renderPlanDocx(task.input, buffers(task.templates)) };
      case 'planPdf':
        return renderPlanPdfFromInput(task.input, { issueFields: task.issueFields });
      case 'reportSummary':
        return { bytes: renderReportSummaryDocx(task.input) };
      case 'checkTemplate':
        return { problems: checkTemplate(asBuffer(task.template), task.templateKind) };
    }
  } catch (error) {
    if (error instanceof TemplateRenderError) return { templateErrors: error.details };
    throw error;
  }
}

/** Buffers arrive as plain Uint8Arrays: a structured clone keeps the bytes, not the class. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function buffers(templates: PlanTemplates): PlanTemplates {
  return Object.fromEntries(Object.entries(templates).map(([kind, bytes]) => [kind, asBuffer(bytes)]));
}
