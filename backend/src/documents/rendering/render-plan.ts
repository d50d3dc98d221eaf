/**
 * Renders a plan into its issued document (DOCX) from a docxtemplater template.
 * Pure: no I/O except reading the shipped templates once; the same input gives the same bytes.
 */
import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module';
import type PizZip from 'pizzip';
import { InlineRunsModule, InlineTagError } from './docx/inline-runs-module';
import { NATIVE_DEFLATE } from './docx/native-deflate';
import { DocxPackageError, openDocx } from '../../common/safe-zip';
import { buildPlanView } from './plan-view-model';
import type { RenderInput } from './render-input';
import { defaultTemplate } from './template-files';
import { templateKindOf } from '../../core/template-kinds';

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
  const kind = templateKindOf(input.content.kind);
  const template = templates[kind] ?? defaultTemplate(kind);
  return renderReusingCompiled(template, buildPlanView(input));
}

/**
 * Compiled templates, by the very Buffer they were compiled from: the shipped ones (read once and
 * kept, template-files.ts) and a template the acceptance check renders four times. A template
 * loaded anew for each request misses, and its entry goes with its bytes.
 */
const compiledTemplates = new WeakMap<Buffer, Docxtemplater<PizZip>>();

/** The per-render state of docxtemplater 3.71 (package.json pins it) that reuse resets. */
interface RenderState {
  rendered: boolean;
  zip: PizZip;
  /** which data each part renders with: built on the first render from that render's data */
  mapper?: unknown;
  /** each part's scope over the data, made on the first render */
  scopeManagers: Record<string, unknown>;
  compiled: Record<string, { allErrors?: unknown[] }>;
}

function renderState(document: Docxtemplater<PizZip>): RenderState | null {
  const state = document as unknown as Partial<RenderState>;
  const usable = typeof state.rendered === 'boolean' && state.zip !== undefined && typeof state.scopeManagers === 'object' && typeof state.compiled === 'object' && state.compiled !== null;
  return usable ? (state as RenderState) : null;
}

/**
 * Renders with the template compiled by an earlier call when there is one. docxtemplater compiles
 * in its constructor and renders once: compiling is about a third of a plan's rendering, and the
 * same for every plan. A compiled template renders again given a fresh copy of the package (its
 * parts are overwritten by rendering) with the "rendered" flag, the map of the data each part
 * renders with, the scopes made over that data and the files' last errors cleared;
 * the bytes are those of a fresh compile (tests/documents/inline-runs.spec.ts). An instance
 * whose render failed is dropped; one whose state is not as expected (another docxtemplater) is
 * never kept, so every render compiles as before.
 */
function renderReusingCompiled(template: Buffer, view: object): Buffer {
  const cached = compiledTemplates.get(template);
  compiledTemplates.delete(template);
  const state = cached ? renderState(cached) : null;
  let document: Docxtemplater<PizZip>;
  if (cached && state) {
    state.rendered = false;
    state.zip = openDocx(template);
    state.mapper = undefined;
    state.scopeManagers = {};
    for (const file of Object.values(state.compiled)) file.allErrors = [];
    document = cached;
  } else {
    document = compileTemplate(template);
  }
  const bytes = renderTemplate(document, view);
  if (renderState(document)) compiledTemplates.set(template, document);
  return bytes;
}

/** Fills a compiled template; the same view gives the same bytes. Throws TemplateRenderError. */
export function renderTemplate(document: Docxtemplater<PizZip>, view: object): Buffer {
  try {
    document.render(view);
  } catch (error) {
    throw toTemplateRenderError(error);
  }
  return deterministicBytes(document);
}

/**
 * The tags the template uses, whether or not rendering would reach them: as a tree (a section's
 * tags under its name: "body" → "label", "text"…), and how many there are, each occurrence
 * counted. Throws TemplateRenderError like rendering.
 */
export function inspectTemplate(template: Buffer): TemplateInspection {
  const inspector = new InspectModule();
  compileTemplate(template, [inspector]);
  return { tags: inspector.getAllTags() as TagTree, tagCount: countTags(inspector.getAllStructuredTags()) };
}

export interface TemplateInspection {
  tags: TagTree;
  tagCount: number;
}

export interface TagTree {
  [tag: string]: TagTree;
}

/** A section counts once (its opening and closing tags together) plus what it holds. */
function countTags(parts: Docxtemplater.DXT.Part[]): number {
  return parts.reduce((count, part) => count + 1 + countTags(part.subparsed ?? []), 0);
}

/**
 * A template ready to render, with the options every shipped template is built for (one paragraph
 * per loop item, "\n" as line breaks, unknown tags refused). Throws TemplateRenderError.
 */
export function compileTemplate(template: Buffer, modules: Docxtemplater.DXT.Module[] = []): Docxtemplater<PizZip> {
  try {
    return new Docxtemplater(openDocx(template), {
      modules: [new InlineRunsModule(), ...modules],
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

interface DocxtemplaterErrorProperties {
  id?: string;
  explanation?: string;
  xtag?: string;
  openingtag?: string;
  closingtag?: string;
  errors?: DocxtemplaterErrorDetail[];
}

interface DocxtemplaterErrorDetail {
  message?: string;
  properties?: DocxtemplaterErrorProperties;
}

/**
 * The mistakes someone restyling a template in Word makes, said in Vietnamese for the admin who
 * uploads it; anything rarer keeps docxtemplater's English explanation.
 */
const EXPLANATIONS: Record<string, (p: DocxtemplaterErrorProperties) => string> = {
  unclosed_loop: (p) => `khối {#${p.xtag}} chưa có thẻ đóng {/${p.xtag}}`,
  unopened_loop: (p) => `thẻ đóng {/${p.xtag}} không có thẻ mở {#${p.xtag}}`,
  closing_tag_does_not_match_opening_tag: (p) => `khối {#${p.openingtag}} lại được đóng bằng {/${p.closingtag}}`,
  unclosed_tag: (p) => `thẻ bắt đầu bằng “{${p.xtag}” thiếu dấu “}”`,
  unopened_tag: (p) => `thẻ kết thúc bằng “${p.xtag}}” thiếu dấu “{”`,
  duplicate_open_tag: (p) => `thẻ “${p.xtag}” có hai dấu “{” liền nhau`,
  duplicate_close_tag: (p) => `thẻ “${p.xtag}” có hai dấu “}” liền nhau`,
  loop_position_invalid: (p) => `thẻ mở và thẻ đóng của khối “${p.xtag}” phải cùng ở trong (hoặc cùng ở ngoài) một bảng`,
  unbalanced_loop_tags: () => 'các khối {#…}{/…} lồng nhau sai thứ tự',
  malformed_xml: () => 'nội dung XML của tệp bị hỏng',
  file_has_invalid_xml: () => 'nội dung XML của tệp bị hỏng',
};

function explain(detail: DocxtemplaterErrorDetail): string {
  const properties = detail.properties ?? {};
  const vietnamese = properties.id ? EXPLANATIONS[properties.id] : undefined;
  return vietnamese?.(properties) ?? properties.explanation ?? String(detail.message ?? 'lỗi không rõ');
}

function toTemplateRenderError(error: unknown): TemplateRenderError {
  if (error instanceof TemplateRenderError) return error;
  if (error instanceof DocxPackageError) return new TemplateRenderError(error.problems);
  if (error instanceof InlineTagError) return new TemplateRenderError([error.detail]);
  const detail = error as DocxtemplaterErrorDetail;
  const nested = detail.properties?.errors;
  return new TemplateRenderError(nested?.length ? nested.map(explain) : [explain(detail)]);
}

function deterministicBytes(document: Docxtemplater<PizZip>): Buffer {
  for (const entry of Object.values(document.getZip().files)) entry.date = FIXED_ZIP_DATE;
  // PizZip's types know only its own method names.
  return document.toBuffer({ compression: NATIVE_DEFLATE as 'DEFLATE' });
}
