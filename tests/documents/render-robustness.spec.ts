import PizZip from 'pizzip';
import type { BlockType, PlanContent } from '../../backend/src/core/plan-content';
import { checkDocxFormat, renderPlanDocx, TemplateRenderError } from '../../backend/src/documents/rendering';
import { parseXml } from '../../backend/src/documents/rendering/docx/xml-tree';
import { defaultTemplate } from '../../backend/src/documents/rendering/template-files';
import { draftInput, editPart, issuedInput, loadExample, paragraphTexts } from './support';

/** Every XML part of the package parses (strictly). */
function expectWellFormed(docx: Buffer): void {
  const zip = new PizZip(docx);
  const parts = Object.values(zip.files).filter((file) => !file.dir && /\.(xml|rels)$/.test(file.name));
  expect(parts.length).toBeGreaterThanOrEqual(9);
  for (const part of parts) expect(() => parseXml(part.asText())).not.toThrow();
}

const base = loadExample('003');

describe('renderPlanDocx — user text is data, never markup', () => {
  const hostile = [
    'Dấu ngoặc "kép" và \'đơn\', <b>thẻ</b> & ký hiệu &amp; <w:p/> ]]> <!-- -->',
    'Thẻ docxtemplater {title} {#body}{/body} {{x}} {-w:p x} {@raw} {^draft}{/draft}',
    'Unicode: 𝔗𝔦ế𝔫𝔤 Việt, emoji 🇻🇳👍🏽, chữ Hán 越南, RTL עברית',
  ];
  const content: PlanContent = {
    ...base,
    title: hostile[1],
    preamble: hostile,
    body: hostile.map((text) => ({ type: 'paragraph', text })),
    recipients: [{ label: '<Sở & Ban>', note: '"b/c" {note}' }],
  };
  const docx = renderPlanDocx(issuedInput(content));
  const all = paragraphTexts(docx);

  it('produces well-formed XML', () => expectWellFormed(docx));

  it('shows the text exactly as typed', () => {
    for (const text of hostile) expect(all).toContain(text.replace(/\s+/g, ' '));
    expect(all).toContain('- <Sở & Ban> ("b/c" {note});');
    expect(all.filter((t) => t === hostile[1])).toHaveLength(3); // title, preamble, body
  });
});

describe('renderPlanDocx — text normalisation', () => {
  it('stores text in Unicode NFC', () => {
    const decomposed = 'Hội Liên hiệp Phụ nữ'.normalize('NFD');
    const docx = renderPlanDocx(issuedInput({ ...base, title: decomposed }));
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    expect(paragraphTexts(docx)).toContain('Hội Liên hiệp Phụ nữ'.normalize('NFC'));
  });

  it('turns pasted line breaks into line breaks and drops characters XML cannot hold', () => {
    const pasted = 'dòng một\vdòng hai\r\ndòng ba\u0001\u0008\uFFFF\uD800 hết';
    const docx = renderPlanDocx(issuedInput({ ...base, body: [{ type: 'paragraph', text: pasted }] }));
    expectWellFormed(docx);
    expect(paragraphTexts(docx)).toContain('dòng một dòng hai dòng ba hết');
    const xml = new PizZip(docx).file('word/document.xml')!.asText();
    expect(xml).toMatch(/dòng một<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t xml:space="preserve">dòng hai/);
  });
});

describe('renderPlanDocx — sizes and empty sections', () => {
  it('renders a very long paragraph', () => {
    const long = 'Nội dung rất dài. '.repeat(8000).trim();
    const docx = renderPlanDocx(issuedInput({ ...base, body: [{ type: 'paragraph', text: long }] }));
    expectWellFormed(docx);
    expect(paragraphTexts(docx)).toContain(long);
  });

  it('renders 200 body blocks, numbered, and still passes the format check', () => {
    const types: BlockType[] = ['heading1', 'heading2', 'heading3', 'paragraph', 'bullet', 'subbullet', 'heading3', 'paragraph'];
    const body = Array.from({ length: 200 }, (_, i) => ({ type: types[i % types.length], text: `Khối số ${i + 1}` }));
    const docx = renderPlanDocx(issuedInput({ ...base, body }));
    const all = paragraphTexts(docx);
    expect(all).toContain('XXV. Khối số 193');
    expect(all).toContain('1.2. Khối số 199');
    expect(all).toContain('+ Khối số 198');
    expect(checkDocxFormat(docx, { draft: false, signatureBlocks: 1 })).toEqual([]);
  });

  it.each([
    ['no preamble, closing, recipients or form', { preamble: [], closing: [], recipients: [], form: null }],
    ['an empty body', { body: [] }],
    ['a form without indicators', { form: { title: 'Biểu báo cáo', indicators: [] } }],
    ['a joint plan without co-issuers', { kind: 'joint_plan', coIssuerIds: [] }],
  ] as [string, Partial<PlanContent>][])('renders %s', (_, change) => {
    const content = { ...base, ...change };
    for (const input of [issuedInput(content), draftInput(content)]) {
      const docx = renderPlanDocx(input);
      expectWellFormed(docx);
      expect(paragraphTexts(docx)).toContain('- Lưu: VT, BPT.');
    }
  });
});

describe('renderPlanDocx — organisation templates', () => {
  it('refuses a template using a tag the plan does not provide', () => {
    const template = editPart(defaultTemplate('single'), 'word/document.xml', (xml) => xml.replace('{title}', '{tieuDe}'));
    expect(() => renderPlanDocx(issuedInput(base), { single: template })).toThrow(TemplateRenderError);
    expect(() => renderPlanDocx(issuedInput(base), { single: template })).toThrow(/\{tieuDe\}/);
  });

  it('refuses a template with an unclosed section', () => {
    const template = editPart(defaultTemplate('single'), 'word/document.xml', (xml) => xml.replace('{/closingLines}', ''));
    const error = (() => {
      try {
        renderPlanDocx(issuedInput(base), { single: template });
      } catch (caught) {
        return caught as TemplateRenderError;
      }
    })();
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error!.details).toEqual(['khối {#closingLines} chưa có thẻ đóng {/closingLines}']);
  });

  it('uses the template given for the kind and falls back to the shipped one for the other', () => {
    const marked = editPart(defaultTemplate('joint'), 'word/document.xml', (xml) => xml.replace('Nơi nhận:', 'Nơi nhận (mẫu riêng):'));
    expect(paragraphTexts(renderPlanDocx(issuedInput(loadExample('002')), { joint: marked }))).toContain('Nơi nhận (mẫu riêng):');
    expect(paragraphTexts(renderPlanDocx(issuedInput(base), { joint: marked }))).toContain('Nơi nhận:');
  });
});
