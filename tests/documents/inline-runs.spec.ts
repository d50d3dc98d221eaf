/**
 * `{~inline}`: a text with its emphasis as ready-made Word runs (one tag per paragraph instead of a
 * `{#runs}` loop), the one place user text becomes raw XML; templates made with the loop still
 * render the same; a compiled template reused across renders gives the bytes of a fresh compile.
 */
import { checkTemplate, renderPlanDocx } from '../../backend/src/documents/rendering';
import { emphasisRunsXml, escapeXmlText } from '../../backend/src/documents/rendering/docx/word-runs';
import { readWordDocument } from '../../backend/src/documents/rendering/docx/word-document';
import { buildPlanView } from '../../backend/src/documents/rendering/plan-view-model';
import { compileTemplate, renderTemplate } from '../../backend/src/documents/rendering/render-plan';
import { defaultTemplate } from '../../backend/src/documents/rendering/template-files';
import { draftInput, editPart, issuedInput, loadExample } from './support';

const INLINE_RUN = '<w:r><w:t xml:space="preserve">{~inline}</w:t></w:r>';

/** The shipped template as it was before `{~inline}`: each text a `{#runs}` loop of four run variants. */
function withRunsLoops(template: Buffer): Buffer {
  const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const loop =
    run('{#runs}') +
    run('{#plain}{text}{/plain}') +
    run('{#italic}{text}{/italic}', '<w:i/><w:iCs/>') +
    run('{#bold}{text}{/bold}', '<w:b/><w:bCs/>') +
    run('{#boldItalic}{text}{/boldItalic}', '<w:b/><w:bCs/><w:i/><w:iCs/>') +
    run('{/runs}');
  return editPart(template, 'word/document.xml', (xml) => {
    expect(xml).toContain(INLINE_RUN);
    return xml.split(INLINE_RUN).join(loop);
  });
}

/** Each paragraph's text and the emphasis of its runs: what a reader sees. */
function printed(docx: Buffer) {
  return readWordDocument(docx).allParagraphs.map((p) => ({ text: p.text, runs: p.runs.map((r) => [Boolean(r.bold), Boolean(r.italic), r.size]) }));
}

describe('{~inline}', () => {
  it('escapes the five XML characters, and only them', () => {
    expect(escapeXmlText(`a & b < c > d "e" 'f' Điều 1`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; Điều 1');
    expect(escapeXmlText('&amp;')).toBe('&amp;amp;');
  });

  it('writes one run per emphasis, line breaks as docxtemplater does, nothing for empty text', () => {
    expect(
      emphasisRunsXml([
        { text: 'Căn cứ ', italic: false, bold: false },
        { text: '<Luật>', italic: true, bold: false },
        { text: '', italic: false, bold: true },
        { text: 'a\nb', italic: true, bold: true },
      ]),
    ).toBe(
      '<w:r><w:t xml:space="preserve">Căn cứ </w:t></w:r>' +
        '<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">&lt;Luật&gt;</w:t></w:r>' +
        '<w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">a</w:t></w:r>' +
        '<w:r><w:br/></w:r>' +
        '<w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">b</w:t></w:r>',
    );
  });

  it('keeps markup-looking and XML-looking text as text', () => {
    const content = loadExample('000');
    content.closing = ['Dấu <w:p/> & "kép" *nghiêng <b>* **đậm** ]]>'];
    const closing = readWordDocument(renderPlanDocx(issuedInput(content))).allParagraphs.find((p) => p.text.startsWith('Dấu'));
    expect(closing?.text).toBe('Dấu <w:p/> & "kép" nghiêng <b> đậm ]]>');
  });

  it.each([
    ['{~title}', 'thẻ {~title} không có; chỉ {~inline} chèn được đoạn chữ có định dạng'],
    ['{inline}', 'thẻ {inline} phải viết là {~inline} (đoạn chữ có in nghiêng, in đậm)'],
  ])('refuses %s in an uploaded template', (tag, reason) => {
    const template = editPart(defaultTemplate('single'), 'word/document.xml', (xml) => xml.replace('{title}', tag));
    expect(checkTemplate(template, 'single')).toEqual([`Lỗi cú pháp thẻ: ${reason}.`]);
  });

  it.each(['single', 'joint'] as const)('still accepts and renders the same a %s template made with {#runs} loops', (kind) => {
    const legacy = withRunsLoops(defaultTemplate(kind));
    expect(checkTemplate(legacy, kind)).toEqual([]);
    const content = loadExample(kind === 'single' ? '000' : '002');
    content.closing = ['Có *nghiêng*, **đậm** và ***cả hai***.', ...content.closing];
    for (const input of [issuedInput(content), draftInput(content)]) {
      expect(printed(renderPlanDocx(input, { [kind]: legacy }))).toEqual(printed(renderPlanDocx(input)));
    }
  });

  it('gives the bytes of a fresh compile when a compiled template is reused, after a failed render too', () => {
    const fresh = (input: ReturnType<typeof issuedInput>) => renderTemplate(compileTemplate(defaultTemplate('single')), buildPlanView(input));
    const plan = loadExample('000');
    const other = loadExample('003');
    const inputs = [issuedInput(plan), draftInput(plan), issuedInput(other), draftInput(other), issuedInput(plan)];
    for (const input of inputs) expect(renderPlanDocx(input).equals(fresh(input))).toBe(true);
    const broken = editPart(defaultTemplate('single'), 'word/document.xml', (xml) => xml.replace('{title}', '{tieuDe}'));
    expect(() => renderPlanDocx(issuedInput(plan), { single: broken })).toThrow('tieuDe');
    expect(() => renderPlanDocx(issuedInput(plan), { single: broken })).toThrow('tieuDe');
    for (const input of inputs) expect(renderPlanDocx(input).equals(fresh(input))).toBe(true);
  });
});
