/** checkTemplate: what an organisation's own template must satisfy before it is stored. */
import PizZip from 'pizzip';
import { checkTemplate } from '../../backend/src/documents/rendering';
import { TEMPLATE_KINDS } from '../../backend/src/core/template-kinds';
import { defaultTemplate } from '../../backend/src/documents/rendering/template-files';
import { editPart } from './support';

/** The shipped template of `kind` with its document.xml edited. */
const withDocument = (kind: 'single' | 'joint', edit: (xml: string) => string) => editPart(defaultTemplate(kind), 'word/document.xml', edit);

/** Replaces the `{~inline}` inside `{#basis}`: a branch none of the example plans takes as written. */
const renameBasisTag = (tag: string) => (xml: string) => {
  const item = xml.indexOf('{~inline}', xml.indexOf('{#basis}'));
  return `${xml.slice(0, item)}{${tag}}${xml.slice(item + '{~inline}'.length)}`;
};

describe('checkTemplate', () => {
  it.each(TEMPLATE_KINDS)('accepts the shipped %s template', (kind) => {
    expect(checkTemplate(defaultTemplate(kind), kind)).toEqual([]);
  });

  it('reports a broken rule once, however many renderings show it', () => {
    const letter = withDocument('single', (xml) => xml.replace('w:w="11906" w:h="16838"', 'w:w="12240" w:h="15840"'));
    expect(checkTemplate(letter, 'single')).toEqual(['Khổ giấy phải là A4 dọc (w:pgSz 11906 × 16838), đang là 12240 × 15840.']);
  });

  it('names the renderings that show a problem when not all of them do', () => {
    const sameSection = editPart(defaultTemplate('joint'), 'word/styles.xml', (xml) => xml.replace('<w:pageBreakBefore/>', ''));
    expect(checkTemplate(sameSection, 'joint')).toEqual([
      'Phụ lục phải bắt đầu ở trang mới. (kế hoạch phối hợp có biểu báo cáo, bản dự thảo; kế hoạch phối hợp có biểu báo cáo, bản ban hành)',
    ]);
  });

  it('refuses a tag the plan data does not have, even in a branch the examples do not take', () => {
    expect(checkTemplate(withDocument('single', (xml) => xml.replace('{title}', '{tieuDe}')), 'single')).toEqual([
      'Thẻ {tieuDe} không có trong dữ liệu kế hoạch (danh sách thẻ: templates/README.md).',
    ]);
    expect(checkTemplate(withDocument('single', renameBasisTag('canCu')), 'single')).toEqual([
      'Thẻ {canCu} trong {#preambleLines}/{#basis} không có trong dữ liệu kế hoạch (danh sách thẻ: templates/README.md).',
    ]);
  });

  it('finds names of enclosing sections inside a section, as docxtemplater does', () => {
    // {number} inside {#form} is the plan's number: the shipped appendix relies on it.
    expect(checkTemplate(withDocument('single', renameBasisTag('title')), 'single')).toEqual([]);
    const inLeft = withDocument('joint', (xml) => xml.replace('{signerName}', '{signer}'));
    expect(checkTemplate(inLeft, 'joint')).toEqual([
      'Thẻ {signer} trong {#signatureRows}/{#left} không có trong dữ liệu kế hoạch (danh sách thẻ: templates/README.md).',
    ]);
  });

  it('explains broken tag syntax in Vietnamese', () => {
    expect(checkTemplate(withDocument('single', (xml) => xml.replace('{/body}', '')), 'single')).toEqual([
      'Lỗi cú pháp thẻ: khối {#body} chưa có thẻ đóng {/body}.',
    ]);
  });

  it('refuses what is not a Word document, and Word templates (.dotx) or macro files (.docm)', () => {
    expect(checkTemplate(Buffer.from('%PDF-1.7'), 'single')).toEqual(['Tệp không phải văn bản Word (.docx): không đọc được nội dung nén.']);
    const zip = new PizZip();
    zip.file('hello.txt', 'xin chào');
    expect(checkTemplate(zip.generate({ type: 'nodebuffer' }), 'single')).toEqual([
      'Tệp không phải văn bản Word (.docx): thiếu phần nội dung word/document.xml.',
    ]);
    const dotx = editPart(defaultTemplate('single'), '[Content_Types].xml', (xml) =>
      xml.replace('wordprocessingml.document.main+xml', 'wordprocessingml.template.main+xml'),
    );
    expect(checkTemplate(dotx, 'single')).toEqual([
      'Mẫu phải được lưu dưới dạng tài liệu Word (.docx), không phải mẫu .dotx hay tệp có macro .docm.',
    ]);
  });

  it('checks the joint template against the joint plans: six signature blocks', () => {
    expect(checkTemplate(defaultTemplate('single'), 'joint')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Phải có 6 khối chữ ký, đang có 1\./)]),
    );
  });
});
