/**
 * The import's rules one at a time, without the app: what a typed line is, which numbered item is a
 * heading, emphasis, deadlines, the signature area, the reporting form, Word's lists and italics.
 */
import { textToBlocks } from '../../backend/src/core/text-blocks/blocks';
import { findDeadlines } from '../../backend/src/plans/import/deadlines';
import { htmlItems } from '../../backend/src/plans/import/html-items';
import { parsePlan } from '../../backend/src/plans/import/parse-plan';
import { readDocx } from '../../backend/src/plans/import/read-docx';
import { readReportingForm } from '../../backend/src/plans/import/reporting-form';
import { readSignatureArea } from '../../backend/src/plans/import/signature-area';
import { readText } from '../../backend/src/plans/import/source';
import { makeDocx, textParagraph } from './make-docx';

const parse = (text: string) => parsePlan(readText(text), { currentYear: 2026 });

describe('body lines', () => {
  it('typed numbers give the level; a short line without final punctuation is a heading, running text a numbered paragraph', () => {
    expect(textToBlocks(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '1.1. Tổ chức tập huấn cho cán bộ các cấp.', '2. Liên đoàn Lao động tỉnh:', '- Phát động;', '+ Về nhà ở: xóa nhà tạm.', 'Đoạn văn thường.'].join('\n'))).toEqual([
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'heading2', text: 'Mục đích' },
      { type: 'heading3', text: 'Tổ chức tập huấn cho cán bộ các cấp.', asParagraph: true },
      { type: 'heading2', text: 'Liên đoàn Lao động tỉnh:' },
      { type: 'bullet', text: 'Phát động;' },
      { type: 'subbullet', text: 'Về nhà ở: xóa nhà tạm.' },
      { type: 'paragraph', text: 'Đoạn văn thường.' },
    ]);
  });

  it('a long item is a numbered paragraph even without a final stop; rules and blank lines go, dashes that start no item stay', () => {
    const long = `2. ${'Tuyên truyền, vận động nhân dân '.repeat(5)}trọng tâm là`;
    expect(textToBlocks(`${long}\n\n-----\n-5 độ C là nhiệt độ\n--- ghi chú`)).toEqual([
      { type: 'heading2', text: long.slice(3), asParagraph: true },
      { type: 'bullet', text: '5 độ C là nhiệt độ' },
      { type: 'paragraph', text: '--- ghi chú' },
    ]);
  });

  it('"*…*" is italic and "**…**" bold; a lone star stays a star, as typed', () => {
    expect(textToBlocks('Cuộc vận động *“Toàn dân đoàn kết”* và **trọng tâm**\n* Ghi chú: 5 * 3')).toEqual([
      { type: 'paragraph', text: 'Cuộc vận động *“Toàn dân đoàn kết”* và **trọng tâm**' },
      { type: 'paragraph', text: '* Ghi chú: 5 * 3' },
    ]);
  });
});

describe('reporting deadlines', () => {
  it('a day and month without a year take the plan\'s year; an impossible day is reported, not guessed', () => {
    const text = 'Định kỳ báo cáo 6 tháng gửi trước ngày 10/6 và báo cáo năm gửi về Ban Thường trực trước ngày 05/12/2022; báo cáo quý I gửi trước ngày 31/4.';
    expect(findDeadlines([text], 2022)).toEqual({
      deadlines: [
        { name: 'Báo cáo 6 tháng', dueDate: '2022-06-10' },
        { name: 'Báo cáo năm', dueDate: '2022-12-05' },
      ],
      invalid: ['báo cáo quý I gửi trước ngày 31/4'],
    });
  });
});

describe('the signature area', () => {
  it('authority, KT. line, title and name; recipients with notes, a note wrapped to the next line, the archive', () => {
    const area = readSignatureArea([
      'Nơi nhận:', '- UB TW MTTQ Việt Nam (B/c);', '- Thường trực BCĐ tỉnh', '(Sở VHTTDL);', '- Lưu VT, BPT.',
      'TM. BAN THƯỜNG TRỰC', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đã ký', 'Nguyễn Thị Hồng Vân',
    ]);
    expect(area).toEqual({
      blocks: [{ authority: 'TM. BAN THƯỜNG TRỰC', deputy: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }],
      recipients: [{ label: 'UB TW MTTQ Việt Nam', note: 'B/c' }, { label: 'Thường trực BCĐ tỉnh', note: 'Sở VHTTDL' }],
      archive: 'Lưu: VT, BPT.',
      names: ['Nguyễn Thị Hồng Vân'],
      unplaced: [],
    });
  });
});

describe('the reporting form', () => {
  it('a tab-separated table with a header row: sections, units, types', () => {
    const { form } = readReportingForm(readText(['BIỂU BÁO CÁO', 'STT\tChỉ tiêu\tĐơn vị tính', 'I\tSỐ LIỆU CHUNG\t', '1\tTổng số khu dân cư\tkhu', '2\tTỷ lệ hộ văn hóa\t%', '3\tĐường giao thông làm mới\tkm', '4\tMô hình hiệu quả\t'].join('\n')));
    expect(form).toEqual({
      title: 'BIỂU BÁO CÁO',
      indicators: [
        { code: 'I.1', label: 'Tổng số khu dân cư', unit: 'khu', type: 'integer', section: 'SỐ LIỆU CHUNG' },
        { code: 'I.2', label: 'Tỷ lệ hộ văn hóa', unit: '%', type: 'percent' },
        { code: 'I.3', label: 'Đường giao thông làm mới', unit: 'km', type: 'decimal' },
        { code: 'I.4', label: 'Mô hình hiệu quả', unit: '', type: 'text' },
      ],
    });
  });

  it('a Word table reads the same as the text one', async () => {
    const docx = makeDocx([
      textParagraph('BIỂU BÁO CÁO'),
      { kind: 'table', rows: [['STT', 'Chỉ tiêu', 'Đơn vị tính'], ['1', 'Tổng số khu dân cư', 'khu'], ['2', 'Tỷ lệ hộ văn hóa', '%']] },
    ]);
    expect(readReportingForm(await readDocx(docx)).form?.indicators).toEqual([
      { code: '1', label: 'Tổng số khu dân cư', unit: 'khu', type: 'integer' },
      { code: '2', label: 'Tỷ lệ hộ văn hóa', unit: '%', type: 'percent' },
    ]);
  });
});

describe('Word files', () => {
  it('italic runs become "*…*", literal stars are escaped, typed text keeps its numbers', async () => {
    const docx = makeDocx([{ kind: 'paragraph', runs: [{ text: '1. Thực hiện Cuộc vận động ' }, { text: '“Toàn dân đoàn kết”', italic: true }, { text: ' với 5 * 3 điểm.' }] }]);
    expect(parsePlan(await readDocx(docx), { currentYear: 2026 }).body).toEqual([
      { type: 'heading2', text: 'Thực hiện Cuộc vận động *“Toàn dân đoàn kết”* với 5 \\* 3 điểm.', asParagraph: true },
    ]);
  });

  it('list nesting gives the level, counted from the level typed above the list; an item starting deeper keeps its level', () => {
    const html = '<p>I. MỤC ĐÍCH</p><ol><li>Mục đích<ol><li>Tổ chức tập huấn.</li></ol></li></ol><p>Đoạn xen giữa.</p>'
      + '<ul><li><ol><li>Nội dung</li></ol></li></ul><ul><li>gạch<ul><li>cộng</li></ul></li></ul>';
    expect(parsePlan(htmlItems(html), { currentYear: 2026 }).body).toEqual([
      { type: 'heading1', text: 'MỤC ĐÍCH' },
      { type: 'heading2', text: 'Mục đích' },
      { type: 'heading3', text: 'Tổ chức tập huấn.', asParagraph: true },
      { type: 'paragraph', text: 'Đoạn xen giữa.' },
      { type: 'heading3', text: 'Nội dung' },
      { type: 'bullet', text: 'gạch' },
      { type: 'subbullet', text: 'cộng' },
    ]);
  });
});

describe('a whole plan', () => {
  it('header, heading, a title over two lines, preamble kinds, closing, signature and recipients, in their places', () => {
    const parsed = parse([
      'ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BAN THƯỜNG TRỰC      Độc lập - Tự do - Hạnh phúc',
      'Số: 05/KH-MTTQ-BTT      Sơn La, ngày 05 tháng 02 năm 2022',
      'KẾ HOẠCH',
      'Tổ chức hội nghị tuyên truyền',
      'về xây dựng nông thôn mới',
      'Căn cứ Công văn số 156/CV-VPĐP;',
      'Ban Thường trực xây dựng kế hoạch như sau:',
      'I. MỤC ĐÍCH',
      'Nâng cao nhận thức.',
      'Trên đây là kế hoạch. Báo cáo năm gửi trước ngày 10/12.',
      'Nơi nhận:      TM. BAN THƯỜNG TRỰC',
      '- Ban Phong trào;      PHÓ CHỦ TỊCH',
      '- Lưu: VT, BPT.',
    ].join('\n'));
    expect(parsed).toMatchObject({
      heading: 'KẾ HOẠCH',
      joint: false,
      title: 'Tổ chức hội nghị tuyên truyền về xây dựng nông thôn mới',
      preamble: ['Căn cứ Công văn số 156/CV-VPĐP;', 'Ban Thường trực xây dựng kế hoạch như sau:'],
      preambleKinds: ['basis', 'statement'],
      body: [{ type: 'heading1', text: 'MỤC ĐÍCH' }, { type: 'paragraph', text: 'Nâng cao nhận thức.' }],
      closing: ['Trên đây là kế hoạch. Báo cáo năm gửi trước ngày 10/12.'],
      reporting: [{ name: 'Báo cáo năm', dueDate: '2022-12-10' }],
      header: { issuerLines: ['ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA', 'BAN THƯỜNG TRỰC'], number: '05/KH-MTTQ-BTT', place: 'Sơn La', date: { year: 2022, month: 2, day: 5 } },
      signature: { blocks: [{ authority: 'TM. BAN THƯỜNG TRỰC', deputy: null, title: 'PHÓ CHỦ TỊCH' }], recipients: [{ label: 'Ban Phong trào' }], archive: 'Lưu: VT, BPT.' },
    });
  });

  it('text without numbered items: the leading bases stay the preamble, the rest is body', () => {
    const parsed = parse('Căn cứ Nghị quyết số 01;\nThực hiện Chương trình công tác năm:\nTổ chức hội nghị.\n- Thành phần: 80 người.');
    expect(parsed.preamble).toEqual(['Căn cứ Nghị quyết số 01;', 'Thực hiện Chương trình công tác năm:']);
    expect(parsed.body).toEqual([{ type: 'paragraph', text: 'Tổ chức hội nghị.' }, { type: 'bullet', text: 'Thành phần: 80 người.' }]);
  });

  it('a line that fits nowhere becomes a paragraph with a warning', () => {
    const parsed = parse('KẾ HOẠCH\nTiêu đề\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:\n- Ban Phong trào;\ncâu lạc giữa phần chữ ký');
    expect(parsed.body.at(-1)).toEqual({ type: 'paragraph', text: 'câu lạc giữa phần chữ ký' });
    expect(parsed.warnings).toEqual(['Dòng “câu lạc giữa phần chữ ký” ở phần chữ ký, nơi nhận không thuộc phần nào đã biết: đã đưa vào cuối nội dung dưới dạng đoạn văn.']);
  });
});
