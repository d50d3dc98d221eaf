/**
 * Renders a plan into its issued document (DOCX) from a docxtemplater template.
 * Pure: no I/O except reading the shipped templates once; the same input gives the same bytes.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { buildPlanView } from './plan-view-model';
import type { RenderInput } from './render-input';
import { defaultTemplate, type TemplateKind } from './template-files';

export type { DocumentNumbering, DocumentOrganisation, RenderInput } from './render-input';

/** Organisation-specific templates; a missing one falls back to the shipped template. */
export interface PlanTemplates {
  single?: Buffer;
  joint?: Buffer;
}

/** A template that cannot be rendered: malformed tags, or tags the plan data does not provide. */
export class TemplateRenderError extends Error {
  constructor(readonly details: string[]) {
    super(`Mẫu văn bản không dùng được: ${details.join('; ')}`);
    this.name = 'TemplateRenderError';
  }
}

// Every entry of the output gets this date, so rendering twice gives identical bytes. Built from
// local fields because PizZip writes local DOS time: the bytes do not depend on the time zone.
const FIXED_ZIP_DATE = new Date(2026, 0, 1, 0, 0, 0);

export function renderPlanDocx(input: RenderInput, templates: PlanTemplates = {}): Buffer {
  const kind: TemplateKind = input.content.kind === 'joint_plan' ? 'joint' : 'single';
  const template = templates[kind] ?? defaultTemplate(kind);
  const document = compile(template);
  try {
    document.render(buildPlanView(input));
  } catch (error) {
    throw toTemplateRenderError(error);
  }
  return deterministicBytes(document);
}

function compile(template: Buffer): Docxtemplater<PizZip> {
  try {
    return new Docxtemplater(new PizZip(template), {
      paragraphLoop: true,
      linebreaks: true,
      nullGetter: rejectUnknownTag,
      // Errors reach the caller as TemplateRenderError; docxtemplater's own console dump is noise.
      errorLogging: false,
    });
  } catch (error) {
    throw toTemplateRenderError(error);
  }
}

/**
 * The view model defines every tag the templates may use, so a missing value means a tag
 * that does not exist (a typo in an organisation's template): refuse it rather than print blank.
 */
function rejectUnknownTag(part: { value: string }): never {
  throw new TemplateRenderError([`thẻ {${part.value}} không có trong dữ liệu kế hoạch`]);
}

interface DocxtemplaterErrorDetail {
  message?: string;
  properties?: { explanation?: string; errors?: DocxtemplaterErrorDetail[] };
}

function toTemplateRenderError(error: unknown): TemplateRenderError {
  if (error instanceof TemplateRenderError) return error;
  const detail = error as DocxtemplaterErrorDetail;
  const nested = detail.properties?.errors;
  if (!nested?.length) return new TemplateRenderError([detail.properties?.explanation ?? String(detail.message ?? error)]);
  return new TemplateRenderError(nested.map((item) => item.properties?.explanation ?? item.message ?? 'lỗi không rõ'));
}

function deterministicBytes(document: Docxtemplater<PizZip>): Buffer {
  for (const entry of Object.values(document.getZip().files)) entry.date = FIXED_ZIP_DATE;
  return document.toBuffer({ compression: 'DEFLATE' });
}
