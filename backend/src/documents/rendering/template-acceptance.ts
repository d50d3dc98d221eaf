/**
 * Whether an organisation may use its own version of a template (DESIGN §7, FORMAT.md): it must
 * be a Word document within the size limits of docx/safe-zip.ts, every tag in it must be one the
 * plan data fills, none may repeat a whole list per item of another, and the example plans
 * rendered with it, as drafts and as issued documents, must pass checkDocxFormat.
 */
import type PizZip from 'pizzip';
import type { PlanContent, PreambleKind } from '../../core/plan-content';
import { exampleContent, exampleOrganisations } from './example-fixtures';
import { DocxPackageError, openDocx } from '../../common/safe-zip';
import { checkDocxFormat, type FormatExpectations } from './format-check';
import { buildPlanView } from './plan-view-model';
import type { RenderInput } from './render-input';
import { inspectTemplate, renderPlanDocx, TemplateRenderError } from './render-plan';
import type { TemplateKind } from '../../core/template-kinds';
import { multiplyingTags, shapeOfViews, unknownTags } from './template-tags';

interface SamplePlan {
  /** what the sample shows, for messages: "kế hoạch có biểu báo cáo" */
  label: string;
  content: PlanContent;
}

interface Sample {
  label: string;
  input: RenderInput;
  expect: FormatExpectations;
}

/**
 * The shipped templates have about 90 tags; templates made before `{~inline}` (each text with
 * emphasis a loop of four run variants) about 220, and restyling adds none: 600 is plenty.
 */
const MAX_TAGS = 600;

const ISSUED_NUMBER = 227;
const ISSUED_AT = new Date('2022-04-15T03:00:00Z'); // 15/4/2022 in Vietnam
const ISSUED_DATE = 'ngày 15 tháng 4 năm 2022';
const RENDERED_AT = new Date('2026-03-02T02:00:00Z');
// Any names do; real-looking ones make messages such as "Họ tên người ký “…” phải in đậm" readable.
const SIGNER_NAMES = ['Nguyễn Thị Hồng Vân', 'Lò Văn Hải', 'Cầm Thị Mai', 'Quàng Thị Lan', 'Lường Văn Sơn', 'Hà Trung Kiên'];

/**
 * Plans that between them take every branch of the templates: a form or none, a preamble as
 * prose or as one basis per line, one signature or a grid of six.
 */
function samplePlans(kind: TemplateKind): SamplePlan[] {
  const withForm = exampleContent('000');
  if (kind === 'single') {
    const withoutForm = exampleContent('003');
    const bases = ['Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;', ...withoutForm.preamble];
    const kinds: PreambleKind[] = ['basis', ...(withoutForm.preambleKinds ?? [])];
    return [
      { label: 'kế hoạch có biểu báo cáo', content: withForm },
      { label: 'kế hoạch có căn cứ từng dòng, không có biểu báo cáo', content: { ...withoutForm, preamble: bases, preambleKinds: kinds } },
    ];
  }
  const joint = exampleContent('002');
  return [
    { label: 'kế hoạch phối hợp', content: joint },
    { label: 'kế hoạch phối hợp có biểu báo cáo', content: { ...joint, form: withForm.form } },
  ];
}

function samples(kind: TemplateKind): Sample[] {
  const organisations = exampleOrganisations();
  return samplePlans(kind).flatMap(({ label, content }) => {
    const issuer = organisations[content.issuerId];
    const coIssuers = content.coIssuerIds.map((id) => organisations[id]);
    const symbol = `KH-${issuer.symbol}`;
    const signatureBlocks = 1 + (content.kind === 'joint_plan' ? coIssuers.length : 0);
    const appendix = content.form !== null;
    const signerNames = Object.fromEntries([issuer, ...coIssuers].map((o, i) => [o.id, SIGNER_NAMES[i % SIGNER_NAMES.length]]));
    const base = { content, issuer, coIssuers, renderedAt: RENDERED_AT };
    return [
      {
        label: `${label}, bản dự thảo`,
        input: { ...base, numbering: { number: null, symbol, issuedAt: null }, signerNames: {}, draft: true },
        expect: { draft: true, signatureBlocks, appendix },
      },
      {
        label: `${label}, bản ban hành`,
        input: { ...base, numbering: { number: ISSUED_NUMBER, symbol, issuedAt: ISSUED_AT }, signerNames, draft: false },
        expect: { draft: false, number: `${ISSUED_NUMBER}/${symbol}`, date: ISSUED_DATE, signatureBlocks, appendix },
      },
    ];
  });
}

const WORD_MAIN_PART = /ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml"/;

/**
 * A .docx within the size limits of safe-zip.ts, not a .dotx (Word would open every document as a
 * template) nor a macro-enabled .docm.
 */
function wordPackageProblems(template: Buffer): string[] {
  let zip: PizZip;
  try {
    zip = openDocx(template);
  } catch (error) {
    if (error instanceof DocxPackageError) return error.problems;
    throw error;
  }
  if (!zip.file('word/document.xml')) return ['Tệp không phải văn bản Word (.docx): thiếu phần nội dung word/document.xml.'];
  if (!WORD_MAIN_PART.test(zip.file('[Content_Types].xml')?.asText() ?? '')) {
    return ['Mẫu phải được lưu dưới dạng tài liệu Word (.docx), không phải mẫu .dotx hay tệp có macro .docm.'];
  }
  return [];
}

/**
 * Tags of the template that no plan fills or that multiply the document, or its syntax errors.
 * Checked before any trial rendering, which such a template could make take minutes.
 */
function tagProblems(template: Buffer): string[] {
  try {
    const { tags, tagCount } = inspectTemplate(template);
    if (tagCount > MAX_TAGS) return [`Mẫu có ${tagCount} thẻ, quá giới hạn ${MAX_TAGS} (mẫu chuẩn dùng khoảng 90; danh sách thẻ: templates/README.md).`];
    const views = [...samples('single'), ...samples('joint')].map((sample) => buildPlanView(sample.input));
    const shape = shapeOfViews(views);
    return [
      ...multiplyingTags(tags, shape).map(
        (tag) => `Thẻ ${tag} lặp lại cả một danh sách cho mỗi mục của khối bao ngoài, làm văn bản phình lên theo cấp số nhân; mẫu chuẩn không lồng danh sách như vậy (templates/README.md).`,
      ),
      ...unknownTags(tags, shape).map((tag) => `Thẻ ${tag} không có trong dữ liệu kế hoạch (danh sách thẻ: templates/README.md).`),
    ];
  } catch (error) {
    if (error instanceof TemplateRenderError) return error.details.map((detail) => `Lỗi cú pháp thẻ: ${detail}.`);
    throw error;
  }
}

/** Each problem once, followed by the renderings that show it unless all of them do. */
function formatProblems(template: Buffer, kind: TemplateKind): string[] {
  const all = samples(kind);
  const seenIn = new Map<string, string[]>();
  for (const { label, input, expect } of all) {
    let problems: string[];
    try {
      problems = checkDocxFormat(renderPlanDocx(input, { [kind]: template }), expect);
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      problems = error.details;
    }
    for (const problem of problems) seenIn.set(problem, [...(seenIn.get(problem) ?? []), label]);
  }
  return [...seenIn].map(([problem, labels]) => (labels.length === all.length ? problem : `${problem} (${labels.join('; ')})`));
}

/** The reasons to refuse `template` as an organisation's `kind` template, in Vietnamese; none: accept it. */
export function checkTemplate(template: Buffer, kind: TemplateKind): string[] {
  const packageProblems = wordPackageProblems(template);
  if (packageProblems.length) return packageProblems;
  const tags = tagProblems(template);
  return tags.length ? tags : formatProblems(template, kind);
}
