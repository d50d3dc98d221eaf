import PizZip from 'pizzip';
import { numberBlocks } from '../../backend/src/core/block-numbering';
import type { PlanContent } from '../../backend/src/core/plan-content';
import { renderPlanDocx } from '../../backend/src/documents/rendering';
import { readWordDocument, type WordParagraph, type WordTable } from '../../backend/src/documents/rendering/docx/word-document';
import {
  documentXml,
  draftInput,
  EXAMPLES,
  expectedParagraphs,
  inTimeZone,
  issuedInput,
  loadExample,
  missingInOrder,
  normaliseSpaces,
  ORGANISATIONS,
  paragraphTexts,
} from './support';

const texts = (paragraphs: WordParagraph[]) => paragraphs.map((p) => normaliseSpaces(p.text)).filter(Boolean);
const cellTexts = (table: WordTable) => table.rows.map((cells) => cells.map(texts));

/**
 * The joint plan's grid as pairs of blocks: each pair spans two table rows (authority and title
 * lines, then the room to sign and the name), so that the two blocks line up even when one wraps.
 */
function gridCells(table: WordTable): WordParagraph[][][] {
  const pairs: WordParagraph[][][] = [];
  for (let i = 0; i < table.rows.length; i += 2) pairs.push(table.rows[i].map((cell, column) => [...cell, ...table.rows[i + 1][column]]));
  return pairs;
}

const gridTexts = (table: WordTable) => gridCells(table).map((cells) => cells.map(texts));

function tables(docx: Buffer): WordTable[] {
  return readWordDocument(docx).blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
}

function paragraphsOf(docx: Buffer): WordParagraph[] {
  return readWordDocument(docx).blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.paragraph] : []));
}

function signatureTable(docx: Buffer): WordTable {
  return tables(docx).find((table) => cellTexts(table).flat(2).some((text) => text.startsWith('TM.')))!;
}

describe('renderPlanDocx — the issued plan 000 (one issuer, appendix)', () => {
  const content = loadExample('000');
  const docx = renderPlanDocx(issuedInput(content));
  const xml = documentXml(docx);

  it('is an A4 page with the margins of FORMAT.md', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    const margins = Object.fromEntries([...xml.matchAll(/w:(top|bottom|left|right)="(\d+)"/g)].map(([, k, v]) => [k, Number(v)]));
    expect(margins.top).toBeGreaterThanOrEqual(1134);
    expect(margins.top).toBeLessThanOrEqual(1417);
    expect(margins.bottom).toBeGreaterThanOrEqual(1134);
    expect(margins.bottom).toBeLessThanOrEqual(1417);
    expect(margins.left).toBeGreaterThanOrEqual(1701);
    expect(margins.left).toBeLessThanOrEqual(1984);
    expect(margins.right).toBeGreaterThanOrEqual(850);
    expect(margins.right).toBeLessThanOrEqual(1134);
  });

  it('names Times New Roman for every script and every run, in black', () => {
    const styles = new PizZip(docx).file('word/styles.xml')!.asText();
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"\/>/);
    const runs = readWordDocument(docx).allParagraphs.flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(100);
    for (const run of runs) {
      expect(run.fonts).toEqual({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' });
      expect(run.color).toBe('000000');
    }
  });

  it('puts page numbers centred in the header, not on the first page', () => {
    const zip = new PizZip(docx);
    expect(xml).toMatch(/<w:headerReference w:type="default" r:id="(\w+)"\/>/);
    expect(xml).toMatch(/<w:headerReference w:type="first" r:id="(\w+)"\/>/);
    expect(xml).toContain('<w:titlePg/>');
    const headers = readWordDocument(docx).headers;
    expect(headers.find((h) => h.type === 'default')).toMatchObject({ hasPageNumber: true });
    expect(headers.find((h) => h.type === 'first')).toMatchObject({ hasPageNumber: false });
    expect(zip.file('word/header1.xml')!.asText()).toContain('w:instr=" PAGE "');
  });

  it('opens with the borderless two-column header table', () => {
    const [header] = tables(docx);
    expect(header.visibleBorders).toEqual([]);
    expect(cellTexts(header)).toEqual([
      [
        ['ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA', 'BAN THƯỜNG TRỰC'],
        ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
      ],
      [['Số: 227/KH-MTTQ-BTT'], ['Sơn La, ngày 15 tháng 4 năm 2022']],
    ]);
    const [[organisation, motto], [number, date]] = header.rows;
    const [upperLine, body] = organisation.filter((p) => p.text);
    expect(upperLine.runs.every((r) => !r.bold && r.size === 26)).toBe(true);
    expect(body.runs.every((r) => r.bold && r.size === 26)).toBe(true);
    expect(motto[0].runs.every((r) => r.bold && r.size === 24)).toBe(true);
    expect(motto[1].runs.every((r) => r.bold && r.size === 26)).toBe(true);
    expect(number[0].runs.every((r) => r.size === 26)).toBe(true);
    expect(date[0].runs.every((r) => r.italic && r.size === 28)).toBe(true);
  });

  it('shows "KẾ HOẠCH" and the title bold and centred, then the preamble', () => {
    const [heading, title, preamble] = paragraphsOf(docx).filter((p) => p.text.trim());
    expect(heading.text).toBe('KẾ HOẠCH');
    expect(title.text).toBe(content.title);
    for (const p of [heading, title]) {
      expect(p.format.alignment).toBe('center');
      expect(p.runs.every((r) => r.bold && r.size === 28)).toBe(true);
    }
    expect(preamble.text).toBe(content.preamble[0]);
    expect(preamble.runs.every((r) => !r.italic)).toBe(true);
  });

  it('renders every body block in order with its derived number and its level’s formatting', () => {
    const body = paragraphsOf(docx).filter((p) => p.text.trim());
    const expected = numberBlocks(content.body);
    const start = body.findIndex((p) => p.text === `${expected[0].label} ${expected[0].text}`);
    expect(start).toBeGreaterThan(0);
    expected.forEach((block, i) => {
      const paragraph = body[start + i];
      expect(paragraph.text).toBe(block.label ? `${block.label} ${block.text}` : block.text);
      expect(paragraph.format).toMatchObject({ alignment: 'both', firstLine: 567 });
      expect(paragraph.runs.every((r) => r.size === 28)).toBe(true);
      // A numbered item written as running text (asParagraph) is in body weight: before the model
      // had it, 000's long items were headings and printed bold.
      const heading = ['heading1', 'heading2', 'heading3'].includes(block.type) && !block.asParagraph;
      expect(paragraph.runs.every((r) => Boolean(r.bold) === heading)).toBe(true);
      expect(paragraph.runs.every((r) => Boolean(r.italic) === (heading && block.type === 'heading3'))).toBe(true);
      expect(paragraph.format.keepNext ?? false).toBe(heading);
    });
    expect(body[start + expected.length].text).toBe(content.closing[0]);
  });

  it('signs beside "Nơi nhận": recipients with notes on the left, the leader on the right', () => {
    const [[recipients, signature]] = cellTexts(signatureTable(docx));
    expect(recipients).toEqual([
      'Nơi nhận:',
      '- UB TW MTTQ Việt Nam (B/c);',
      '- BTT MTTQ tỉnh;',
      '- Thường trực BCĐ PT “TDĐKXDĐSVH” tỉnh (Sở VHTTDL);',
      '- Văn phòng Điều phối xây dựng NTM tỉnh;',
      '- Các tổ chức thành viên Ủy ban MTTQ tỉnh;',
      '- Uỷ ban MTTQ các huyện, TP;',
      '- Lưu: VT, BPT.',
    ]);
    expect(signature).toEqual(['TM. BAN THƯỜNG TRỰC', 'PHÓ CHỦ TỊCH', 'Đã ký', 'Nguyễn Thị Hồng Vân']);
    const [[left, right]] = signatureTable(docx).rows;
    expect(left[0].runs.every((r) => r.bold && r.italic && r.size === 24)).toBe(true);
    expect(left.slice(1).every((p) => p.runs.every((r) => !r.bold && r.size === 22))).toBe(true);
    const named = right.filter((p) => p.text && p.text !== 'Đã ký');
    expect(named.every((p) => p.format.alignment === 'center' && p.runs.every((r) => r.bold))).toBe(true);
  });

  it('ends with the reporting form on a new page', () => {
    const paragraphs = paragraphsOf(docx);
    const title = paragraphs.find((p) => p.text === 'BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ')!;
    expect(title.format).toMatchObject({ pageBreakBefore: true, alignment: 'center' });
    expect(title.runs.every((r) => r.bold)).toBe(true);
    const [subtitle, citation] = paragraphs.slice(paragraphs.indexOf(title) + 1).filter((p) => p.text.trim());
    expect(subtitle.text).toBe(content.form!.subtitle);
    expect(citation.text).toBe(
      '(Kèm theo Kế hoạch số 227/KH-MTTQ-BTT ngày 15/4/2022 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La)',
    );
    expect(citation.runs.every((r) => r.italic)).toBe(true);
    const form = tables(docx).at(-1)!;
    const rows = cellTexts(form).map((cells) => cells.map((lines) => lines.join(' ')));
    expect(rows[0]).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']);
    // Section rows (I, II), group rows (1, 2… within a section), indicators counted within each.
    expect(rows.slice(1, 4)).toEqual([
      ['I', 'SỐ LIỆU CHUNG', '', ''],
      ['1', 'Các văn bản chỉ đạo của cấp ủy', 'văn bản', ''],
      ['2', 'Các văn bản phối hợp thực hiện Cuộc vận động như: kế hoạch, chương trình...', 'văn bản', ''],
    ]);
    const resultsSection = rows.findIndex(([number]) => number === 'II');
    expect(rows.slice(resultsSection, resultsSection + 3)).toEqual([
      ['II', 'KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG CUỘC VẬN ĐỘNG', '', ''],
      ['1', 'Phát triển kinh tế, giúp nhau giảm nghèo bền vững', '', ''],
      ['1', 'Xây dựng nông thôn mới: số tiền ủng hộ, hỗ trợ', 'triệu đồng', ''],
    ]);
    const headings = content.form!.indicators.flatMap((i) => [i.section, i.group].filter(Boolean));
    expect(rows.length).toBe(1 + headings.length + content.form!.indicators.length);
    expect(form.rows.flat(2).every((p) => p.runs.every((r) => r.size === 24))).toBe(true);
    expect(paragraphs.at(-1)!.text).toBe(`Ghi chú: ${content.form!.note}`);
  });
});

describe('renderPlanDocx — the joint plan 002 (six organisations)', () => {
  const content = loadExample('002');

  it('lays out one signature block per organisation, two per row, the lead issuer right of the first row', () => {
    const grid = gridTexts(signatureTable(renderPlanDocx(issuedInput(content))));
    expect(grid).toEqual([
      [
        ['TM. BAN THƯỜNG VỤ LĐLĐ TỈNH', 'CHỦ TỊCH', 'Đã ký', 'Lò Văn Hải'],
        ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH', 'Đã ký', 'Nguyễn Thị Hồng Vân'],
      ],
      [
        ['TM. BAN THƯỜNG VỤ HND TỈNH', 'CHỦ TỊCH', 'Đã ký', 'Cầm Thị Mai'],
        ['TM. BAN THƯỜNG VỤ HLHPN TỈNH', 'CHỦ TỊCH', 'Đã ký', 'Quàng Thị Lan'],
      ],
      [
        ['TM. BAN CHẤP HÀNH HCCB TỈNH', 'CHỦ TỊCH', 'Đã ký', 'Lường Văn Sơn'],
        ['TM. BAN THƯỜNG VỤ TỈNH ĐOÀN', 'BÍ THƯ', 'Đã ký', 'Hà Trung Kiên'],
      ],
    ]);
  });

  it('leaves room for a wet signature and seal, under the name once signed, for an organisation that signs by hand', () => {
    const issuer = { ...ORGANISATIONS['ORG:MTTQ'], signsElectronically: false };
    const [[ldld, mttq]] = gridCells(signatureTable(renderPlanDocx(issuedInput(content, { issuer }))));
    expect(texts(mttq)).toEqual(['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH', 'Nguyễn Thị Hồng Vân']);
    expect(mttq.filter((p) => !p.text.trim()).length).toBeGreaterThanOrEqual(4);
    expect(texts(ldld)).toContain('Đã ký');
  });

  it('leaves room to sign (and no name) for organisations that have not signed', () => {
    const docx = renderPlanDocx(issuedInput(content, { signerNames: { 'ORG:MTTQ': 'Nguyễn Thị Hồng Vân' } }));
    const [[ldld, mttq]] = gridCells(signatureTable(docx));
    expect(texts(ldld)).toEqual(['TM. BAN THƯỜNG VỤ LĐLĐ TỈNH', 'CHỦ TỊCH']);
    expect(ldld.filter((p) => !p.text.trim()).length).toBeGreaterThanOrEqual(4);
    expect(texts(mttq)).toEqual(['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH', 'Đã ký', 'Nguyễn Thị Hồng Vân']);
  });

  it('puts "Nơi nhận" below all the signature blocks', () => {
    const docx = renderPlanDocx(issuedInput(content));
    const all = paragraphTexts(docx);
    const lastSigner = all.indexOf('Hà Trung Kiên');
    expect(all.indexOf('Nơi nhận:')).toBeGreaterThan(lastSigner);
    expect(all.slice(all.indexOf('Nơi nhận:'))).toEqual([
      'Nơi nhận:',
      '- BTT UBTWMTTQVN (b/c);',
      '- Ban Phong trào UBTWMTTQVN (b/c);',
      '- TT Tỉnh uỷ (để báo cáo);',
      '- UBND tỉnh;',
      '- Ban Dân vận TU;',
      '- BTT.UBMTTQVN tỉnh;',
      '- Các tổ chức chính trị-xã hội;',
      '- Thường trực BCĐ phong trào “TDĐKXĐSVH” tỉnh;',
      '- Thường trực BCĐ phong trào “TDBVANTQ” (CA tỉnh);',
      '- Thường trực BCĐ phong trào phòng chống tội phạm (CA tỉnh);',
      '- Lưu: VT, BPT.',
    ]);
  });

  it.each([
    [[], [[[], ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH', 'Đã ký', 'Nguyễn Thị Hồng Vân']]]],
    [
      ['ORG:HND', 'ORG:TD'],
      [
        [['TM. BAN THƯỜNG VỤ HND TỈNH', 'CHỦ TỊCH', 'Đã ký', 'Cầm Thị Mai'], ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH', 'Đã ký', 'Nguyễn Thị Hồng Vân']],
        [['TM. BAN THƯỜNG VỤ TỈNH ĐOÀN', 'BÍ THƯ', 'Đã ký', 'Hà Trung Kiên'], []],
      ],
    ],
  ])('with co-issuers %j the grid is %j', (coIssuerIds, grid) => {
    const docx = renderPlanDocx(issuedInput({ ...content, coIssuerIds }));
    expect(gridTexts(signatureTable(docx))).toEqual(grid);
  });
});

describe.each(EXAMPLES)('renderPlanDocx — example %s holds every paragraph of the original, in order', (name) => {
  it('issued', () => {
    expect(missingInOrder(paragraphTexts(renderPlanDocx(issuedInput(loadExample(name)))), expectedParagraphs(name))).toEqual([]);
  });
});

describe('renderPlanDocx — drafts', () => {
  const content = loadExample('000');
  const docx = renderPlanDocx(draftInput(content));
  const all = paragraphTexts(docx);

  it('is marked "DỰ THẢO" at the top', () => {
    expect(all.indexOf('DỰ THẢO')).toBe(0);
    expect(paragraphTexts(renderPlanDocx(issuedInput(content)))).not.toContain('DỰ THẢO');
  });

  it('leaves the number and the day blank, keeping the year', () => {
    const [header] = tables(docx);
    const [, [number, date]] = header.rows.map((cells) => cells.map((c) => c.map((p) => p.text).join('')));
    expect(number).toBe('Số:      /KH-MTTQ-BTT');
    expect(date).toBe('Sơn La, ngày    tháng    năm 2026');
    expect(all.find((t) => t.startsWith('(Kèm theo'))).toBe(
      '(Kèm theo Kế hoạch số /KH-MTTQ-BTT ngày / /2026 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La)',
    );
    expect(documentXml(docx)).not.toContain('227');
  });

  it('leaves room to sign and no name', () => {
    const [[, signature]] = signatureTable(docx).rows;
    expect(texts(signature)).toEqual(['TM. BAN THƯỜNG TRỰC', 'PHÓ CHỦ TỊCH']);
  });

  it('also leaves the number blank when not a draft but not yet numbered', () => {
    const unnumbered = renderPlanDocx({ ...issuedInput(content), numbering: { number: null, symbol: 'KH-MTTQ-BTT', issuedAt: null } });
    expect(paragraphTexts(unnumbered)).toContain('Số: /KH-MTTQ-BTT');
  });
});

describe('renderPlanDocx — wording derived from the content', () => {
  const base = loadExample('003');
  const render = (content: PlanContent, options = {}) => paragraphTexts(renderPlanDocx(issuedInput(content, options)));

  it('writes numbers below 10 with a leading zero, and the date by the FORMAT.md rule', () => {
    const all = render(base, { numbering: { number: 5, symbol: 'KH-MTTQ-BTT', issuedAt: new Date('2022-02-04T18:00:00Z') } });
    expect(all).toContain('Số: 05/KH-MTTQ-BTT');
    expect(all).toContain('Sơn La, ngày 05 tháng 02 năm 2022');
  });

  it('defaults the heading by kind and upper-cases a typed one', () => {
    expect(render({ ...base, heading: null })).toContain('KẾ HOẠCH');
    expect(render({ ...loadExample('002'), heading: undefined })).toContain('KẾ HOẠCH PHỐI HỢP');
    expect(render({ ...base, heading: 'Kế hoạch phối hợp' })).toContain('KẾ HOẠCH PHỐI HỢP');
  });

  it('adds the deputy line between authority and title ("TM. … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")', () => {
    const signer = { authority: 'TM. BAN THƯỜNG TRỰC', deputy: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' };
    const [[, signature]] = cellTexts(signatureTable(renderPlanDocx(issuedInput({ ...base, signer }))));
    expect(signature).toEqual(['TM. BAN THƯỜNG TRỰC', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đã ký', 'Nguyễn Thị Hồng Vân']);
  });

  it('sets a preamble written one basis per line in italics when the content predates preamble kinds', () => {
    const preamble = ['Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;', 'Căn cứ Chương trình phối hợp năm 2026.'];
    const paragraphs = paragraphsOf(renderPlanDocx(issuedInput({ ...base, preamble, preambleKinds: undefined })));
    for (const line of preamble) {
      expect(paragraphs.find((p) => p.text === line)!.runs.every((r) => r.italic)).toBe(true);
    }
  });

  it('sets each preamble line in its kind: a basis italic, a statement upright (004)', () => {
    const preamble = ['Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;', 'Ban Thường trực Ủy ban MTTQ tỉnh xây dựng kế hoạch cụ thể như sau:'];
    const paragraphs = paragraphsOf(renderPlanDocx(issuedInput({ ...base, preamble, preambleKinds: ['basis', 'statement'] })));
    const [basis, statement] = preamble.map((line) => paragraphs.find((p) => p.text === line)!);
    expect(basis.runs.every((r) => r.italic)).toBe(true);
    expect(statement.runs.every((r) => !r.italic)).toBe(true);
  });

  it('keeps inline emphasis of any text, and prints escaped stars as typed', () => {
    const body = [
      { type: 'heading1' as const, text: 'NỘI DUNG' },
      { type: 'paragraph' as const, text: 'Thực hiện Cuộc vận động *“Toàn dân đoàn kết”* và **phong trào** \\*5\\* * Ghi chú' },
    ];
    const paragraph = paragraphsOf(renderPlanDocx(issuedInput({ ...base, body })))
      .find((p) => p.text.startsWith('Thực hiện Cuộc vận động'))!;
    expect(paragraph.text).toBe('Thực hiện Cuộc vận động “Toàn dân đoàn kết” và phong trào *5* * Ghi chú');
    expect(paragraph.runs.map((r) => [Boolean(r.italic), Boolean(r.bold)])).toEqual([
      [false, false], [true, false], [false, false], [false, true], [false, false],
    ]);
  });

  it('writes the body name inside the appendix citation from the organisation when given', () => {
    const issuer = { ...ORGANISATIONS['ORG:MTTQ'], bodyNameInSentence: 'Ban Thường trực' };
    const all = render(loadExample('000'), { issuer });
    expect(all.find((t) => t.startsWith('(Kèm theo'))).toContain('của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La)');
  });
});

describe('renderPlanDocx — deterministic output', () => {
  const input = issuedInput(loadExample('002'));

  it('gives identical bytes for the same input', () => {
    expect(renderPlanDocx(input).equals(renderPlanDocx(input))).toBe(true);
  });

  it('gives identical bytes whatever the process time zone', () => {
    const inHanoi = inTimeZone('Asia/Ho_Chi_Minh', () => renderPlanDocx(input));
    const inLosAngeles = inTimeZone('America/Los_Angeles', () => renderPlanDocx(input));
    expect(inHanoi.equals(inLosAngeles)).toBe(true);
  });

  it('gives different bytes for different content', () => {
    const other = issuedInput({ ...loadExample('002'), title: 'Kế hoạch khác' });
    expect(renderPlanDocx(input).equals(renderPlanDocx(other))).toBe(false);
  });
});
