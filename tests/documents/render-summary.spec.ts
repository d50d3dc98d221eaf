/**
 * renderReportSummaryDocx: the issuer's summary of one reporting deadline as a DOCX
 * (templates/tong-hop-bao-cao.docx), read back from the XML and, where installed, through LibreOffice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { renderReportSummaryDocx, type ReportSummaryInput } from '../../backend/src/documents/rendering';
import { readWordDocument, type WordParagraph, type WordTable } from '../../backend/src/documents/rendering/docx/word-document';
import { parseXml } from '../../backend/src/documents/rendering/docx/xml-tree';
import { convert, CONVERSION_TIMEOUT_MS, describeWithLibreOffice, pdfPages } from './libreoffice';
import { summaryInput } from './summary-sample';
import { documentXml, inTimeZone, loadExample, normaliseSpaces, paragraphTexts } from './support';

const texts = (paragraphs: WordParagraph[]) => paragraphs.map((p) => normaliseSpaces(p.text)).filter(Boolean);
const cellTexts = (table: WordTable) => table.rows.map((cells) => cells.map(texts));

function tables(docx: Buffer): WordTable[] {
  return readWordDocument(docx).blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
}

/** The table whose header row starts with these column titles. */
function tableHeaded(docx: Buffer, ...titles: string[]): string[][][] {
  const found = tables(docx).map(cellTexts).find((rows) => titles.every((title, i) => rows[0]?.[i]?.[0] === title));
  if (!found) throw new Error(`no table headed ${titles.join(' | ')}`);
  return found;
}

function paragraphNamed(docx: Buffer, text: string): WordParagraph {
  const found = readWordDocument(docx).allParagraphs.find((p) => normaliseSpaces(p.text) === text);
  if (!found) throw new Error(`no paragraph “${text}”`);
  return found;
}

describe('renderReportSummaryDocx — three districts, one on time, one late, one overdue with a roll-up', () => {
  const input = summaryInput();
  const docx = renderReportSummaryDocx(input);
  const xml = documentXml(docx);
  const all = paragraphTexts(docx);

  it('is a well-formed A4 Word document in Times New Roman', () => {
    const zip = new PizZip(docx);
    for (const entry of Object.values(zip.files).filter((file) => !file.dir)) expect(() => parseXml(entry.asText())).not.toThrow();
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(xml).toContain('<w:titlePg/>');
    const runs = readWordDocument(docx).allParagraphs.flatMap((p) => p.runs);
    for (const run of runs) expect(run.fonts).toEqual({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' });
  });

  it('opens with the issuer\'s two-column header: names, national title and motto, a blank number, place and date', () => {
    const [header] = tables(docx);
    expect(header.visibleBorders).toEqual([]);
    expect(cellTexts(header)).toEqual([
      [
        ['ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA', 'BAN THƯỜNG TRỰC'],
        ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
      ],
      [['Số: /BC-MTTQ-BTT'], ['Sơn La, ngày 25 tháng 11 năm 2026']],
    ]);
    const [left, right] = header.rows[0];
    expect(left[0].runs[0]).toMatchObject({ bold: false });
    expect(left[1].runs[0]).toMatchObject({ bold: true });
    expect(right.slice(0, 2).map((p) => p.runs[0].bold)).toEqual([true, true]);
    // The rules under the body's name and under the motto.
    expect(left[2].format.borders).toEqual(['top']);
    expect(right[2].format.borders).toEqual(['top']);
    expect(paragraphNamed(docx, 'Sơn La, ngày 25 tháng 11 năm 2026').runs[0]).toMatchObject({ italic: true, size: 28 });
  });

  it('has the title, the deadline and the plan it implements', () => {
    expect(all).toEqual(
      expect.arrayContaining([
        'BÁO CÁO TỔNG HỢP KẾT QUẢ',
        'Báo cáo năm',
        '(Thực hiện Kế hoạch số 227/KH-MTTQ-BTT ngày 15/4/2026 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La)',
      ]),
    );
    expect(paragraphNamed(docx, 'BÁO CÁO TỔNG HỢP KẾT QUẢ')).toMatchObject({ format: { alignment: 'center' }, runs: [{ bold: true, size: 28 }] });
    expect(paragraphNamed(docx, 'Báo cáo năm').runs[0]).toMatchObject({ bold: true });
    const citation = all.find((text) => text.startsWith('(Thực hiện'))!;
    expect(paragraphNamed(docx, citation).runs[0]).toMatchObject({ italic: true });
    expect(all).toContain(`Tên kế hoạch: ${normaliseSpaces(input.planTitle)}`);
    expect(all).toContain('Kỳ báo cáo: Báo cáo năm, hạn nộp ngày 20/11/2026; số liệu tổng hợp đến ngày 25/11/2026.');
  });

  it('counts the units by status in one paragraph of body text', () => {
    const counts =
      'Tổng số đơn vị được giao báo cáo: 3; đã nộp đúng hạn: 1; nộp muộn: 1; quá hạn chưa nộp: 1; ' +
      'đang soạn, chưa nộp: 0; chưa nộp, chưa đến hạn: 0.';
    expect(all).toContain(counts);
    expect(paragraphNamed(docx, counts)).toMatchObject({ format: { alignment: 'both' }, runs: [{ size: 28 }] });
  });

  it('fills the form with one total per indicator, saying which are averages and which count answers', () => {
    expect(tableHeaded(docx, 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng hợp', 'Cấp dưới tổng hợp')).toEqual([
      [['STT'], ['Chỉ tiêu'], ['Đơn vị tính'], ['Tổng hợp'], ['Cấp dưới tổng hợp']],
      [['1'], ['Tổng số khu dân cư'], ['khu'], ['1.359'], ['12']],
      [['2'], ['Tỷ lệ hộ gia đình văn hóa'], ['%'], ['90', '(bình quân)'], ['95']],
      [['3'], ['Mô hình hiệu quả'], [], ['1', '(số đơn vị có nội dung)'], ['0']],
    ]);
    expect(all.some((text) => text.startsWith('Ghi chú: cột “Tổng hợp” cộng số liệu của các đơn vị đã nộp'))).toBe(true);
  });

  it('lists each unit with its status in Vietnamese, the day it submitted, its note and its roll-up', () => {
    expect(tableHeaded(docx, 'STT', 'Đơn vị', 'Tình trạng')).toEqual([
      [['STT'], ['Đơn vị'], ['Tình trạng'], ['Ngày nộp'], ['Ghi chú']],
      [['1'], ['Ủy ban MTTQ Việt Nam huyện Thuận Châu'], ['Đã nộp đúng hạn'], ['18/11/2026'], []],
      [['2'], ['Ủy ban MTTQ Việt Nam huyện Mai Sơn'], ['Nộp muộn'], ['23/11/2026'], ['Số liệu <b>tạm tính</b> & chưa đủ']],
      [['3'], ['Ủy ban MTTQ Việt Nam huyện Mộc Châu'], ['Quá hạn, chưa nộp', '(cấp dưới đã nộp 1/2 đơn vị)'], [], []],
    ]);
  });

  it('gives each unit\'s figures under its name, numbers written the Vietnamese way', () => {
    const figures = tableHeaded(docx, 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu');
    expect(figures).toEqual([
      [['STT'], ['Chỉ tiêu'], ['Đơn vị tính'], ['Số liệu'], ['Cấp dưới tổng hợp']],
      [['1. Ủy ban MTTQ Việt Nam huyện Thuận Châu: Đã nộp đúng hạn']],
      [['1'], ['Tổng số khu dân cư'], ['khu'], ['125'], []],
      [['2'], ['Tỷ lệ hộ gia đình văn hóa'], ['%'], ['87,5'], []],
      [['3'], ['Mô hình hiệu quả'], [], ['Mô hình “Khu dân cư tự quản”'], []],
      [['2. Ủy ban MTTQ Việt Nam huyện Mai Sơn: Nộp muộn']],
      [['1'], ['Tổng số khu dân cư'], ['khu'], ['1.234'], []],
      [['2'], ['Tỷ lệ hộ gia đình văn hóa'], ['%'], ['92,5'], []],
      [['3'], ['Mô hình hiệu quả'], [], [], []],
      [['3. Ủy ban MTTQ Việt Nam huyện Mộc Châu: Quá hạn, chưa nộp']],
      [['1'], ['Tổng số khu dân cư'], ['khu'], [], ['12']],
      [['2'], ['Tỷ lệ hộ gia đình văn hóa'], ['%'], [], ['95']],
      [['3'], ['Mô hình hiệu quả'], [], [], ['0']],
    ]);
    // Numbers centred, a text answer left-aligned; tables at 12pt.
    const table = tables(docx).find((t) => cellTexts(t)[0][3]?.[0] === 'Số liệu')!;
    expect(table.rows[2][3][0].format.alignment).toBe('center');
    expect(table.rows[4][3][0].format.alignment).toBe('left');
    expect(table.rows[2][1][0].runs[0].size).toBe(24);
  });

  it('leaves no empty line at the foot of a table cell (the loops close inside the last paragraph)', () => {
    for (const table of tables(docx).slice(1)) {
      for (const cells of table.rows.slice(1)) {
        for (const cell of cells) {
          if (cell.length > 1) expect(normaliseSpaces(cell[cell.length - 1].text)).not.toBe('');
        }
      }
    }
  });

  it('escapes what users typed: markup and braces come out as text, control characters are dropped', () => {
    const hostile = summaryInput({
      planTitle: 'Kế hoạch <w:p>{planTitle}</w:p> & “mẫu”\u0007',
      deadlineName: 'Kỳ </w:t> {#rows}',
      rows: [{ ...summaryInput().rows[1], organisationName: 'Đơn vị <b>A</b> & {x}', note: 'dòng 1\ndòng 2\u000b' }],
    });
    const bytes = renderReportSummaryDocx(hostile);
    const zip = new PizZip(bytes);
    expect(() => parseXml(zip.file('word/document.xml')!.asText())).not.toThrow();
    const text = paragraphTexts(bytes);
    expect(text).toContain('Tên kế hoạch: Kế hoạch <w:p>{planTitle}</w:p> & “mẫu”');
    expect(text).toContain('Kỳ </w:t> {#rows}');
    expect(text).toContain('Đơn vị <b>A</b> & {x}');
    expect(documentXml(bytes)).toContain('dòng 1</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">dòng 2');
  });

  it('gives identical bytes for equal input, whatever the time zone of the server', () => {
    const again = renderReportSummaryDocx(summaryInput());
    expect(again.equals(docx)).toBe(true);
    expect(inTimeZone('America/Los_Angeles', () => renderReportSummaryDocx(summaryInput())).equals(docx)).toBe(true);
    expect(renderReportSummaryDocx(summaryInput({ deadlineName: 'Báo cáo 6 tháng' })).equals(docx)).toBe(false);
  });
});

describe('renderReportSummaryDocx — other shapes of summary', () => {
  it('without any roll-up, the tables have no "Cấp dưới tổng hợp" column', () => {
    const input = summaryInput();
    const docx = renderReportSummaryDocx({ ...input, rows: input.rows.map((row) => ({ ...row, rollup: null })) });
    expect(tableHeaded(docx, 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng hợp')[0]).toEqual([['STT'], ['Chỉ tiêu'], ['Đơn vị tính'], ['Tổng hợp']]);
    expect(tableHeaded(docx, 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu')).toHaveLength(1 + 2 * 4);
    expect(paragraphTexts(docx).some((text) => text.includes('Cấp dưới'))).toBe(false);
    expect(paragraphTexts(docx).some((text) => text.startsWith('Ghi chú: cột “Tổng hợp”'))).toBe(true);
  });

  it('a plan without a form, not issued, with nobody asked yet: says so instead of empty tables', () => {
    const docx = renderReportSummaryDocx(
      summaryInput({
        planNumber: null,
        planIssuedAt: null,
        indicators: [],
        totals: {},
        rolledUpTotals: {},
        counts: { recipients: 0, submitted: 0, late: 0, overdue: 0, draft: 0, pending: 0 },
        rows: [],
      }),
    );
    expect(tables(docx)).toHaveLength(1);
    expect(paragraphTexts(docx)).toEqual(
      expect.arrayContaining([
        '(Thực hiện Kế hoạch của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La)',
        'Kế hoạch không có biểu báo cáo số liệu.',
        'Kế hoạch chưa giao báo cáo cho đơn vị nào.',
        'Chưa có đơn vị nào nộp số liệu.',
      ]),
    );
  });

  it('the 69-indicator form of example 000 for 20 communes: every unit and indicator, one row each', () => {
    const indicators = loadExample('000').form!.indicators;
    const rows: ReportSummaryInput['rows'] = Array.from({ length: 20 }, (_, i) => ({
      organisationName: `Ủy ban MTTQ Việt Nam xã ${i + 1}`,
      status: i % 2 ? 'submitted' : 'pending',
      submittedAt: i % 2 ? new Date('2026-11-18T02:00:00Z') : null,
      values: i % 2 ? Object.fromEntries(indicators.map((indicator, j) => [indicator.code, indicator.type === 'text' ? `Nội dung ${j}` : j])) : null,
      note: null,
      rollup: null,
    }));
    const docx = renderReportSummaryDocx(summaryInput({ indicators, totals: {}, rolledUpTotals: {}, rows }));
    expect(tableHeaded(docx, 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng hợp')).toHaveLength(1 + indicators.length);
    expect(tableHeaded(docx, 'STT', 'Đơn vị', 'Tình trạng')).toHaveLength(1 + 20);
    expect(tableHeaded(docx, 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu')).toHaveLength(1 + 10 * (1 + indicators.length));
  });
});

describeWithLibreOffice('LibreOffice opens the report summary', () => {
  const directory = mkdtempSync(join(tmpdir(), 'kehoach-summary-'));
  let pages: string[];

  beforeAll(() => {
    const file = join(directory, 'tong-hop-bao-cao.docx');
    writeFileSync(file, renderReportSummaryDocx(summaryInput()));
    convert([file], 'pdf', directory);
    pages = pdfPages(join(directory, 'tong-hop-bao-cao.pdf'));
  }, CONVERSION_TIMEOUT_MS);

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('shows the header, the title, the counts and the totals', () => {
    const text = pages.join(' ');
    expect(pages[0]).toMatch(/^ỦY BAN MTTQ VIỆT NAM/);
    expect(text).toContain('BÁO CÁO TỔNG HỢP KẾT QUẢ');
    expect(text).toContain('Sơn La, ngày 25 tháng 11 năm 2026');
    expect(text).toContain('Tổng số đơn vị được giao báo cáo: 3; đã nộp đúng hạn: 1; nộp muộn: 1;');
    // pdftotext reads a table column by column where cells differ in height: check the values, not their order.
    for (const value of ['Tổng số khu dân cư', '1.359', '(bình quân)', '(số đơn vị có nội dung)', 'Nộp muộn', '23/11/2026']) {
      expect(text).toContain(value);
    }
    expect(text).toContain('Số liệu <b>tạm tính</b> & chưa đủ');
  });
});
