import { checkDocxFormat, renderPlanDocx, type FormatExpectations } from '../../backend/src/documents/rendering';
import { defaultTemplate } from '../../backend/src/documents/rendering/template-files';
import { type TemplateKind } from '../../backend/src/core/template-kinds';
import type { PlanContent } from '../../backend/src/core/plan-content';
import { draftInput, editPart, EXAMPLES, issuedInput, loadExample } from './support';

function expectationsFor(content: PlanContent, draft: boolean): FormatExpectations {
  return {
    draft,
    ...(draft ? {} : { number: '227/KH-MTTQ-BTT', date: 'ngày 15 tháng 4 năm 2022' }),
    signatureBlocks: 1 + (content.kind === 'joint_plan' ? content.coIssuerIds.length : 0),
    appendix: content.form !== null,
  };
}

describe('checkDocxFormat — the shipped templates', () => {
  describe.each(EXAMPLES)('example %s', (name) => {
    const content = loadExample(name);
    it('passes when issued', () => {
      expect(checkDocxFormat(renderPlanDocx(issuedInput(content)), expectationsFor(content, false))).toEqual([]);
    });
    it('passes as a draft', () => {
      expect(checkDocxFormat(renderPlanDocx(draftInput(content)), expectationsFor(content, true))).toEqual([]);
    });
  });

  it('reports a document that does not show what was expected', () => {
    const joint = loadExample('002');
    const problems = checkDocxFormat(renderPlanDocx(draftInput(joint)), {
      draft: false,
      signatureBlocks: 5,
      appendix: true,
    });
    expect(problems).toEqual([
      'Văn bản đã ban hành không được có dấu “DỰ THẢO”.',
      'Số, ký hiệu phải có dạng “Số: 227/KH-MTTQ-BTT” (để trống số khi chưa ban hành), đang là “Số: /KH-MTTQ-BTT”.',
      'Địa danh, ngày tháng phải in nghiêng, dạng “Sơn La, ngày 15 tháng 4 năm 2022”, đang là “Sơn La, ngày tháng năm 2026”.',
      'Phải có 5 khối chữ ký, đang có 6.',
      'Thiếu phụ lục biểu báo cáo (tiêu đề, dòng “(Kèm theo Kế hoạch số …)”, bảng chỉ tiêu).',
    ]);
  });

  it('refuses bytes that are not a Word document', () => {
    expect(checkDocxFormat(Buffer.from('not a zip'))).toEqual([expect.stringMatching(/^Tệp không phải văn bản Word/)]);
  });
});

/** Edits one style of styles.xml. */
const editStyle = (styleId: string, edit: (xml: string) => string) => (styles: string) =>
  styles.replace(new RegExp(`<w:style [^>]*w:styleId="${styleId}">[\\s\\S]*?</w:style>`), edit);

/** Removes the paragraphs from the one holding `fromTag` to the one holding `toTag`. */
const removeParagraphs = (fromTag: string, toTag: string) => (xml: string) => {
  const start = xml.lastIndexOf('<w:p>', xml.indexOf(fromTag));
  const end = xml.indexOf('</w:p>', xml.indexOf(toTag, xml.indexOf(fromTag))) + '</w:p>'.length;
  return xml.slice(0, start) + xml.slice(end);
};

interface Breakage {
  what: string;
  kind: TemplateKind;
  part: string;
  edit: (xml: string) => string;
  message: RegExp;
  /** render with no signatures recorded (room to sign instead of "Đã ký") */
  unsigned?: boolean;
}

const BREAKAGES: Breakage[] = [
  { what: 'Letter paper', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace('w:w="11906" w:h="16838"', 'w:w="12240" w:h="15840"'), message: /^Khổ giấy phải là A4 dọc .* đang là 12240 × 15840\.$/ },
  { what: 'a 17.6 mm left margin', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace('w:left="1701"', 'w:left="1000"'), message: /^Lề trái phải từ 30–35 mm \(1701–1984 twip\), đang là 17,6 mm \(1000\)\.$/ },
  { what: 'a 30 mm top margin', kind: 'joint', part: 'word/document.xml', edit: (x) => x.replace('w:top="1134"', 'w:top="1701"'), message: /^Lề trên phải từ 20–25 mm/ },
  { what: 'Arial as the default font', kind: 'single', part: 'word/styles.xml', edit: (x) => x.replaceAll('Times New Roman', 'Arial'), message: /^Phông chữ phải là Times New Roman \(w:rFonts ascii\/hAnsi\/cs\): đoạn “ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA” dùng Arial \(và \d+ đoạn khác\)\.$/ },
  { what: 'a theme font for the body', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHNoiDung', (s) => s.replace('<w:rPr>', '<w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>')), message: /^Phông chữ phải là Times New Roman .* dùng theme:minorHAnsi/ },
  { what: 'coloured text', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHMuc1', (s) => s.replace('<w:rPr>', '<w:rPr><w:color w:val="FF0000"/>')), message: /^Chữ phải màu đen: đoạn “I\. MỤC ĐÍCH, YÊU CẦU”/ },
  { what: 'no page numbers', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace(/<w:headerReference w:type="default"[^>]*\/>/, ''), message: /^Thiếu số trang \(trường PAGE\)/ },
  { what: 'a page number on the first page', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace('<w:titlePg/>', ''), message: /^Không được đánh số trang đầu tiên/ },
  { what: 'a bordered header table', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace('<w:top w:val="nil"/>', '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>'), message: /^Bảng tiêu đề không được có đường viền \(top\)\.$/ },
  { what: 'no motto', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace('Độc lập - Tự do - Hạnh phúc', 'Độc lập'), message: /^Thiếu tiêu ngữ/ },
  { what: 'no rule under the motto', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHGachTieuNgu', (s) => s.replace(/<w:pBdr>.*<\/w:pBdr>/, '')), message: /^Thiếu đường kẻ ngang dưới tiêu ngữ\.$/ },
  { what: 'an upright date line', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHDiaDanhNgay', (s) => s.replace('<w:i w:val="1"/>', '')), message: /^Địa danh, ngày tháng phải in nghiêng/ },
  { what: 'the number in 14pt', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHSoKyHieu', (s) => s.replace('<w:sz w:val="26"/>', '<w:sz w:val="28"/>')), message: /^Số, ký hiệu phải cỡ 13, đang là cỡ 14\.$/ },
  { what: 'an upright, left-aligned heading', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHTenLoai', (s) => s.replace('<w:jc w:val="center"/>', '').replace('<w:b w:val="1"/>', '')), message: /^Tên loại văn bản “KẾ HOẠCH” phải in hoa, đậm, căn giữa, cỡ 13–14\.$/ },
  { what: 'no rule under the title', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHGachTrichYeu', (s) => s.replace(/<w:pBdr>.*<\/w:pBdr>/, '')), message: /^Thiếu đường kẻ ngang dưới trích yếu\.$/ },
  { what: 'a 12pt body', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHNoiDung', (s) => s.replace('<w:sz w:val="28"/>', '<w:sz w:val="24"/>')), message: /^Nội dung phải cỡ chữ 13 hoặc 14 \(w:sz 26\/28\): đoạn “.*” \(cỡ 12\) \(và \d+ đoạn khác\)\.$/ },
  { what: 'a left-aligned body', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHNoiDung', (s) => s.replace('<w:jc w:val="both"/>', '')), message: /^Nội dung phải căn đều hai bên/ },
  { what: 'no first-line indent', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHNoiDung', (s) => s.replace(/<w:ind [^>]*\/>/, '')), message: /^Nội dung phải thụt đầu dòng/ },
  { what: 'no space between paragraphs', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHNoiDung', (s) => s.replace('w:before="120"', 'w:before="0"')), message: /^Khoảng cách giữa các đoạn phải ít nhất 6pt/ },
  { what: 'double line spacing', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHNoiDung', (s) => s.replace('w:line="276"', 'w:line="480"')), message: /^Giãn dòng phải từ 1 đến 1,5 dòng/ },
  { what: 'the signature block removed', kind: 'single', part: 'word/document.xml', edit: removeParagraphs('{#signature}', '{/signature}'), message: /^Thiếu khối chữ ký/ },
  { what: 'the joint signature grid removed', kind: 'joint', part: 'word/document.xml', edit: (x) => x.replace(/TM\.|\{#headLines\}[\s\S]*?\{\/headLines\}/g, ''), message: /^Thiếu khối chữ ký/ },
  { what: 'no room to sign', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace(/(<w:p><w:pPr><w:pStyle w:val="KHChoKy"\/><\/w:pPr><\/w:p>){4}/, ''), message: /^Khối chữ ký “TM\. BAN THƯỜNG TRỰC” phải chừa chỗ ký, đóng dấu/, unsigned: true },
  { what: 'the signer’s name not bold', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHHoTen', (s) => s.replace('<w:b w:val="1"/>', '')), message: /^Họ tên người ký “Nguyễn Thị Hồng Vân” phải in đậm/ },
  { what: 'no "Nơi nhận"', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace('Nơi nhận:', 'Nơi gửi:'), message: /^Thiếu phần “Nơi nhận:”/ },
  { what: '"Nơi nhận" not italic', kind: 'joint', part: 'word/styles.xml', edit: editStyle('KHNoiNhanTieuDe', (s) => s.replace('<w:i w:val="1"/>', '')), message: /^“Nơi nhận:” phải in đậm, nghiêng, cỡ 12/ },
  { what: 'recipients in 14pt', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHNoiNhan', (s) => s.replace('<w:sz w:val="22"/>', '<w:sz w:val="28"/>')), message: /^Danh sách nơi nhận phải cỡ 11/ },
  { what: 'recipients without ";"', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace('{/note};', '{/note}'), message: /^Mỗi nơi nhận phải bắt đầu bằng “- ” và kết thúc bằng “;”/ },
  { what: 'the appendix on the same page', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHPhuLucTieuDe', (s) => s.replace('<w:pageBreakBefore/>', '')), message: /^Phụ lục phải bắt đầu ở trang mới\.$/ },
  // The print defects of issue 12, which this check used to pass.
  { what: 'a title rule a fifth of the title line (the templates before issue 12)', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHGachTrichYeu', (s) => s.replace('w:left="2978" w:right="2978"', 'w:left="3678" w:right="3677"')), message: /^Đường kẻ dưới trích yếu phải dài bằng ⅓–½ dòng trích yếu: đang là 21% \(2000\/9355 twip\)\.$/ },
  { what: 'numbered running text set bold like a heading', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHDoanCoSo', (s) => s.replace('</w:style>', '<w:rPr><w:b w:val="1"/></w:rPr></w:style>')), message: /^Đoạn văn dài hơn 150 ký tự không được in đậm như đề mục .*: đoạn “1\. Phát huy vai trò/ },
  { what: 'a heading level that does not keep with the next paragraph', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHMuc2', (s) => s.replace('<w:keepNext/>', '')), message: /^Đề mục phải đi liền đoạn sau \(keep with next, w:keepNext\): đoạn “1\. Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh”/ },
  { what: 'closing lines that may leave the signatures alone on a page', kind: 'single', part: 'word/styles.xml', edit: editStyle('KHKetThuc', (s) => s.replace('<w:keepNext/>', '')), message: /^Đoạn kết thúc “Trên đây là kế hoạch.*” phải đi liền phần chữ ký/ },
  { what: 'signature rows that may split across pages', kind: 'joint', part: 'word/document.xml', edit: (x) => x.replaceAll('<w:trPr><w:cantSplit/></w:trPr>', ''), message: /^Hàng của bảng chữ ký “TM\. BAN THƯỜNG VỤ LĐLĐ TỈNH” không được ngắt sang trang/ },
  { what: 'a signature grid whose rows do not keep together', kind: 'joint', part: 'word/styles.xml', edit: editStyle('KHChucDanh', (s) => s.replace('<w:keepNext/>', '')), message: /^Các hàng của bảng chữ ký .* phải đi liền nhau trên một trang/ },
  { what: 'a fractional table width', kind: 'joint', part: 'word/document.xml', edit: (x) => x.replace('<w:gridCol w:w="4677"/>', '<w:gridCol w:w="4677.5"/>'), message: /^Kích thước phải là số nguyên \(twip\): w:gridCol w:w="4677\.5"\.$/ },
  { what: 'a tag left in the text', kind: 'single', part: 'word/document.xml', edit: (x) => x.replace('{title}', '{title} &#123;trichYeu&#125;'), message: /^Văn bản còn thẻ mẫu \{trichYeu\} chưa được thay bằng nội dung: đoạn “Thực hiện Cuộc vận động/ },
];

describe('checkDocxFormat — deliberately broken templates fail with the rule they break', () => {
  it.each(BREAKAGES)('$what', ({ kind, part, edit, message, unsigned }) => {
    const content = loadExample(kind === 'joint' ? '002' : '000');
    const template = editPart(defaultTemplate(kind), part, edit);
    expect(template.equals(defaultTemplate(kind))).toBe(false);
    const input = issuedInput(content, unsigned ? { signerNames: {} } : {});
    const problems = checkDocxFormat(renderPlanDocx(input, { [kind]: template }), expectationsFor(content, false));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});
