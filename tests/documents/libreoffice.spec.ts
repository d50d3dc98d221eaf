/**
 * Opens rendered documents in a real word processor: LibreOffice converts them to PDF and
 * pdftotext reads the pages back. Skipped (with the reason printed) when soffice is not
 * installed, except in CI where it must be.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocxFormat, checkTemplate, renderPlanDocx } from '../../backend/src/documents/rendering';
import { defaultTemplate } from '../../backend/src/documents/rendering/template-files';
import { convert, CONVERSION_TIMEOUT_MS, describeWithLibreOffice, missingInPdfOrder, pdfPage, pdfPages, withoutSpaces } from './libreoffice';
import { draftInput, expectedParagraphs, issuedInput, loadExample, normaliseSpaces, SIGNER_NAMES } from './support';

describeWithLibreOffice('LibreOffice opens the rendered documents', () => {
  const directory = mkdtempSync(join(tmpdir(), 'kehoach-lo-'));
  const plan = loadExample('000');
  const documents = {
    issued: renderPlanDocx(issuedInput(plan)),
    joint: renderPlanDocx(issuedInput(loadExample('002'))),
    draft: renderPlanDocx(draftInput(loadExample('003'))),
    conferences: renderPlanDocx(issuedInput(loadExample('003'))),
    hostile: renderPlanDocx(
      issuedInput({ ...loadExample('003'), title: 'Ký hiệu <b>thẻ</b> & “ngoặc” {title}' }),
    ),
  };
  let pages: Record<keyof typeof documents, string[]>;

  beforeAll(() => {
    const files = Object.entries(documents).map(([name, bytes]) => {
      const file = join(directory, `${name}.docx`);
      writeFileSync(file, bytes);
      return file;
    });
    convert(files, 'pdf', directory);
    pages = Object.fromEntries(Object.keys(documents).map((name) => [name, pdfPages(join(directory, `${name}.pdf`))])) as typeof pages;
  }, CONVERSION_TIMEOUT_MS);

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('shows the number, date, title and signer of the issued plan', () => {
    const text = pages.issued.join(' ');
    expect(text).toContain('Số: 227/KH-MTTQ-BTT');
    expect(text).toContain('Sơn La, ngày 15 tháng 4 năm 2022');
    expect(text).toContain(normaliseSpaces(plan.title));
    expect(text).toContain('TM. BAN THƯỜNG TRỰC PHÓ CHỦ TỊCH Đã ký Nguyễn Thị Hồng Vân');
  });

  it('numbers pages from the second one, and starts the appendix on a page of its own', () => {
    const { issued } = pages;
    expect(issued[0]).toMatch(/^ỦY BAN MTTQ VIỆT NAM/);
    expect(issued[1]).toMatch(/^2 /);
    const appendixPage = issued.findIndex((page) => page.includes('BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ'));
    expect(issued[appendixPage]).toMatch(new RegExp(`^${appendixPage + 1} BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ`));
    expect(issued[appendixPage]).not.toContain('Nơi nhận');
  });

  it('shows all six signature blocks of the joint plan', () => {
    const text = pages.joint.join(' ');
    for (const authority of [
      'TM. BAN THƯỜNG VỤ LĐLĐ TỈNH',
      'TM. BAN THƯỜNG TRỰC',
      'TM. BAN THƯỜNG VỤ HND TỈNH',
      'TM. BAN THƯỜNG VỤ HLHPN TỈNH',
      'TM. BAN CHẤP HÀNH HCCB TỈNH',
      'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN',
    ]) {
      expect(text).toContain(authority);
    }
  });

  it.each([
    ['000', 'issued'],
    ['002', 'joint'],
    ['003', 'conferences'],
  ] as const)('%s: the PDF holds every paragraph of the original, in order', (name, document) => {
    expect(missingInPdfOrder(pages[document], expectedParagraphs(name))).toEqual([]);
  });

  it('keeps the joint plan’s six signature blocks on one page, with the closing line above them', () => {
    const pdf = join(directory, 'joint.pdf');
    const pageOf = (text: string) => pages.joint.findIndex((page) => withoutSpaces(page).includes(withoutSpaces(text))) + 1;
    const first = pageOf('TM. BAN THƯỜNG VỤ LĐLĐ TỈNH');
    expect(first).toBeGreaterThan(1);
    const grid = withoutSpaces(pdfPage(pdf, first));
    for (const line of ['Trên đây là kế hoạch phối hợp', 'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN', ...Object.values(SIGNER_NAMES)]) {
      expect(grid).toContain(withoutSpaces(line));
    }
    expect(withoutSpaces(pdfPage(pdf, first - 1))).not.toContain(withoutSpaces('TM. BAN'));
  });

  it('marks the draft and leaves its number blank', () => {
    expect(pages.draft[0]).toMatch(/^DỰ THẢO /);
    // pdftotext reads the blank before the symbol as a column gap: check that no number fills it.
    expect(pages.draft[0]).toMatch(/Số:\D*\/KH-MTTQ-BTT/);
    expect(pages.draft[0]).not.toMatch(/\d\/KH-MTTQ-BTT/);
  });

  it('prints markup-like user text literally', () => {
    expect(pages.hostile.join(' ')).toContain('Ký hiệu <b>thẻ</b> & “ngoặc” {title}');
  });

  it('accepts a template re-saved by LibreOffice: it still renders and passes the format check', () => {
    const output = join(directory, 'resaved');
    mkdirSync(output);
    const original = join(directory, 'ke-hoach.docx');
    writeFileSync(original, defaultTemplate('single'));
    convert([original], 'docx:MS Word 2007 XML', output);
    const resaved = readFileSync(join(output, 'ke-hoach.docx'));
    expect(resaved.equals(defaultTemplate('single'))).toBe(false);
    const docx = renderPlanDocx(issuedInput(plan), { single: resaved });
    expect(
      checkDocxFormat(docx, { draft: false, number: '227/KH-MTTQ-BTT', date: 'ngày 15 tháng 4 năm 2022', signatureBlocks: 1, appendix: true }),
    ).toEqual([]);
    // …and so the upload check accepts it as an organisation's own template.
    expect(checkTemplate(resaved, 'single')).toEqual([]);
  }, CONVERSION_TIMEOUT_MS);
});
