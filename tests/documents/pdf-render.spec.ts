/**
 * The plan as PDF (backend/src/documents/rendering/pdf): laid out as LibreOffice lays out the
 * plan's DOCX, with its fonts embedded, its issue fields and its signature boxes where the signing
 * code will look for them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFTextField } from 'pdf-lib';
import { renderPlanDocx, type RenderInput } from '../../backend/src/documents/rendering';
import type { BodyBlock, PlanContent } from '../../backend/src/core/plan-content';
import { buildPlanView } from '../../backend/src/documents/rendering/plan-view-model';
import { renderPlanPdfFromInput, type RenderedPlanPdf } from '../../backend/src/documents/rendering/pdf/render-plan-pdf';
import { RenderPool } from '../../backend/src/documents/render-pool';
import { CONVERSION_TIMEOUT_MS, pdfPages as pdfTextPages, withoutSpaces } from './libreoffice';
import { convertWithTinos, describeWithTinosOracle, pageLines, wordBoxes } from './pdf-oracle';
import { draftInput, issuedInput, loadExample, ORGANISATIONS, SIGNER_NAMES } from './support';

/** Bold, italic and bold italic words in a text: **3rd–4th**, *6th*, ***8th***. */
function emphasise(text: string): string {
  const words = text.split(' ');
  if (words.length < 9) return `**${text}**`;
  words[2] = `**${words[2]}`;
  words[3] = `${words[3]}**`;
  words[5] = `*${words[5]}*`;
  words[7] = `***${words[7]}***`;
  return words.join(' ');
}

/** 003 with emphasis in a third of its texts, sub-bullets, and 000's form with a subtitle and a note. */
function withMarkup(): PlanContent {
  const content = loadExample('003');
  content.preamble = content.preamble.map(emphasise);
  content.body = content.body.flatMap((block, i): BodyBlock[] => {
    const emphasised = i % 3 === 1 ? { ...block, text: emphasise(block.text) } : block;
    return block.type === 'bullet' ? [emphasised, { type: 'subbullet', text: emphasise(block.text) }] : [emphasised];
  });
  content.closing = content.closing.map(emphasise);
  const form = loadExample('000').form!;
  content.form = { ...form, subtitle: emphasise(`Biểu mẫu ${form.title}`), note: emphasise('Biểu này dùng cho báo cáo 6 tháng và báo cáo năm của Ủy ban MTTQ các cấp') };
  return content;
}

/** The examples (000 has the reporting form, 002 is the joint plan), a draft, and one with emphasis. */
const CASES: Record<string, RenderInput> = {
  '000': issuedInput(loadExample('000')),
  '002': issuedInput(loadExample('002')),
  '003': issuedInput(loadExample('003')),
  'draft-003': draftInput(loadExample('003')),
  'markup': issuedInput(withMarkup()),
};
const NAMES = Object.keys(CASES);

/** The pages' text (pdftotext ends the last page with a form feed too: no empty page after it). */
const pdfPages = (file: string) => pdfTextPages(file).slice(0, -1);

const directory = mkdtempSync(join(tmpdir(), 'kehoach-pdf-'));
const rendered: Record<string, RenderedPlanPdf> = {};
const pdfFile = (name: string) => join(directory, `${name}.pdf`);

beforeAll(async () => {
  for (const name of NAMES) {
    rendered[name] = await renderPlanPdfFromInput(CASES[name], { issueFields: false });
    writeFileSync(pdfFile(name), rendered[name].pdf);
  }
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeWithTinosOracle('the PDF against LibreOffice’s rendering of the DOCX', () => {
  const oracle = join(directory, 'oracle');
  const lines: Record<string, { docx: string[][]; pdf: string[][] }> = {};

  beforeAll(() => {
    execFileSync('mkdir', ['-p', oracle]);
    const files = NAMES.map((name) => {
      const file = join(oracle, `${name}.docx`);
      writeFileSync(file, renderPlanDocx(CASES[name]));
      return file;
    });
    convertWithTinos(files, oracle);
    for (const name of NAMES) lines[name] = { docx: pageLines(join(oracle, `${name}.pdf`)), pdf: pageLines(pdfFile(name)) };
  }, CONVERSION_TIMEOUT_MS);

  // Line by line, page by page: the same words on each line means the same line breaks, and the
  // same lines on each page the same page breaks (whitespace aside: see pageLines).
  it.each(NAMES)('%s: the same pages, each with the same lines', (name) => {
    const { docx, pdf } = lines[name];
    expect(rendered[name].layout.pageCount).toBe(docx.length);
    expect(pdf).toHaveLength(docx.length);
    docx.forEach((page, i) => expect({ page: i + 1, lines: pdf[i] }).toEqual({ page: i + 1, lines: page }));
  });
});

describe('fonts and text', () => {
  it.each(NAMES)('%s: every font is an embedded Tinos subset with a Unicode map', (name) => {
    const table = execFileSync('pdffonts', [pdfFile(name)], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(table.length).toBeGreaterThan(0);
    for (const row of table) expect(row).toMatch(/^[A-Z]{6}\+Tinos-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('extracts Vietnamese text as written', () => {
    const text = pdfPages(pdfFile('000')).join(' ');
    for (const expected of ['ỦY BAN MTTQ VIỆT NAM', 'Ủy ban', 'Mặt trận Tổ quốc Việt Nam', 'Sơn La, ngày 15 tháng 4 năm 2022', 'Số: 227/KH-MTTQ-BTT', 'bền vững']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/ệ/);
    expect(text).toMatch(/ữ/);
  });

  it('numbers the pages from the second one, and marks a draft', () => {
    const pages = pdfPages(pdfFile('000'));
    expect(pages[0]).toMatch(/^ỦY BAN MTTQ VIỆT NAM/);
    pages.slice(1).forEach((page, i) => expect(page).toMatch(new RegExp(`^${i + 2} `)));
    expect(pdfPages(pdfFile('draft-003'))[0]).toMatch(/^DỰ THẢO /);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await renderPlanPdfFromInput(CASES['002'], { issueFields: false });
    expect(Buffer.from(again.pdf).equals(Buffer.from(rendered['002'].pdf))).toBe(true);
  });
});

describe('pagination', () => {
  it('002: the closing line, the six signature blocks and "Nơi nhận" on one page', () => {
    const { signatureBlocks, pageCount } = rendered['002'].layout;
    expect(signatureBlocks.map((block) => block.organisationId)).toEqual(['ORG:LDLD', 'ORG:MTTQ', 'ORG:HND', 'ORG:HLHPN', 'ORG:HCCB', 'ORG:TD']);
    const pages = new Set(signatureBlocks.map((block) => block.box.page));
    expect([...pages]).toEqual([pageCount - 1]);
    const page = withoutSpaces(pdfPages(pdfFile('002'))[pageCount - 1]);
    for (const line of ['Trên đây là kế hoạch phối hợp', 'Nơi nhận:', ...Object.values(SIGNER_NAMES)]) expect(page).toContain(withoutSpaces(line));
  });

  it.each(NAMES)('%s: no heading ends a page', (name) => {
    const headings = buildPlanView(CASES[name])
      .body.filter((block) => (block.heading1 || block.heading2 || block.heading3) && !block.asParagraph)
      .map((block) => withoutSpaces(`${block.label} ${block.text}`));
    const pages = pdfPages(pdfFile(name)).map(withoutSpaces).filter(Boolean);
    for (const page of pages.slice(0, -1)) expect(headings.filter((heading) => page.endsWith(heading))).toEqual([]);
  });

  it('000: the appendix starts on a page of its own', () => {
    const { appendixFirstPage, pageCount } = rendered['000'].layout;
    const pages = pdfPages(pdfFile('000'));
    expect(appendixFirstPage).toBe(pages.findIndex((page) => page.includes('BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ')));
    expect(pages[appendixFirstPage!]).not.toContain('Nơi nhận');
    expect(pageCount).toBe(pages.length);
    expect(rendered['002'].layout.appendixFirstPage).toBeNull();
  });
});

describe('signature boxes', () => {
  it.each(NAMES)('%s: each lies on its page between its head lines and its signer’s name', (name) => {
    const pdf = wordBoxes(pdfFile(name));
    const [width, height] = [595.3, 841.9];
    for (const { organisationId, box } of rendered[name].layout.signatureBlocks) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      expect(box.height).toBeGreaterThan(40);
      // Words of the box's column, measured from the page's top as poppler gives them.
      const top = height - (box.y + box.height);
      const bottom = height - box.y;
      const column = pdf.filter((word) => word.page === box.page && word.xMin >= box.x && word.xMax <= box.x + box.width);
      const inside = column.filter((word) => (word.yMin + word.yMax) / 2 > top && (word.yMin + word.yMax) / 2 < bottom);
      const signed = Boolean(CASES[name].signerNames[organisationId]);
      expect(inside.map((word) => word.text).join(' ')).toBe(signed ? 'Đã ký' : '');
      const above = column.filter((word) => word.yMax <= top + 1).sort((a, b) => b.yMax - a.yMax)[0];
      const below = column.filter((word) => word.yMin >= bottom - 1).sort((a, b) => a.yMin - b.yMin)[0];
      const organisation = ORGANISATIONS[organisationId];
      const lead = organisationId === CASES[name].content.issuerId;
      const title = lead ? CASES[name].content.signer.title : organisation.signerTitle;
      expect(title.toUpperCase().split(' ')).toContain(above.text);
      if (signed) expect(SIGNER_NAMES[organisationId].split(' ')).toContain(below.text);
    }
  });
});

describe('issue fields', () => {
  let pdf: Uint8Array;
  let layout: RenderedPlanPdf['layout'];

  beforeAll(async () => {
    ({ pdf, layout } = await renderPlanPdfFromInput(issuedInput(loadExample('002')), { issueFields: true }));
    writeFileSync(pdfFile('fields'), pdf);
  });

  it('creates the fields so, ngay, thang, nam over the blanks, empty, in Tinos', async () => {
    const form = (await PDFDocument.load(pdf)).getForm();
    const boxes = layout.issueFields!;
    const fields = { so: boxes.number, ngay: boxes.day, thang: boxes.month, nam: boxes.year };
    expect(form.getFields().map((field) => field.getName()).sort()).toEqual(Object.keys(fields).sort());
    for (const [name, box] of Object.entries(fields)) {
      const field: PDFTextField = form.getTextField(name);
      expect(field.getText()).toBeUndefined();
      expect(field.isReadOnly()).toBe(false);
      const [widget] = field.acroField.getWidgets();
      const rect = widget.getRectangle();
      expect([rect.x, rect.y, rect.width, rect.height].map((n) => Math.round(n * 100) / 100)).toEqual(
        [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 100) / 100),
      );
      expect(box.page).toBe(0);
    }
    expect(execFileSync('pdffonts', [pdfFile('fields')], { encoding: 'utf8' })).not.toMatch(/Helvetica/);
  });

  it('prints no number and no date under the fields', () => {
    const first = pdfPages(pdfFile('fields'))[0];
    expect(first).toMatch(/Số: \/KH-MTTQ-BTT/);
    expect(first).toMatch(/Sơn La, ngày tháng năm(?! \d)/);
    const words = wordBoxes(pdfFile('fields')).filter((word) => word.page === 0);
    const number = layout.issueFields!.number;
    // The blank lies between "Số:" and "/KH-MTTQ-BTT".
    const so = words.find((word) => word.text === 'Số:')!;
    const symbol = words.find((word) => word.text.startsWith('/KH-'))!;
    expect(so.xMax).toBeLessThanOrEqual(number.x + 0.5);
    expect(symbol.xMin).toBeGreaterThanOrEqual(number.x + number.width - 0.5);
  });
});

describe('title fields', () => {
  // As before the first signature: no number yet, no one has signed.
  const input = issuedInput(loadExample('002'), { numbering: { number: null, symbol: 'KH-MTTQ-BTT', issuedAt: null }, signerNames: {} });
  let layout: RenderedPlanPdf['layout'];

  beforeAll(async () => {
    let pdf: Uint8Array;
    ({ pdf, layout } = await renderPlanPdfFromInput(input, { issueFields: true, titleFields: true }));
    writeFileSync(pdfFile('titles'), pdf);
    writeFileSync(pdfFile('titles-printed'), (await renderPlanPdfFromInput(input, { issueFields: true })).pdf);
  });

  it('each co-issuer’s title line is a field right above its room, showing its organisation’s title; the issuer’s is text', async () => {
    const form = (await PDFDocument.load(readFileSync(pdfFile('titles')))).getForm();
    const coIssuers = layout.signatureBlocks.filter(({ organisationId }) => organisationId !== input.content.issuerId);
    expect(coIssuers.map((block) => block.titleField)).toEqual(['chuc_danh_1', 'chuc_danh_2', 'chuc_danh_3', 'chuc_danh_4', 'chuc_danh_5']);
    expect(layout.signatureBlocks.find(({ organisationId }) => organisationId === input.content.issuerId)!.titleField).toBeUndefined();
    for (const { organisationId, box, titleField } of coIssuers) {
      const field = form.getTextField(titleField!);
      expect(field.getText()).toBe(ORGANISATIONS[organisationId].signerTitle.toLocaleUpperCase('vi'));
      const rect = field.acroField.getWidgets()[0].getRectangle();
      expect(rect.x).toBeCloseTo(box.x, 1);
      expect(rect.width).toBeCloseTo(box.width, 1);
      expect(rect.y).toBeGreaterThanOrEqual(box.y + box.height - 0.5);
      expect(rect.y).toBeLessThan(box.y + box.height + 20);
    }
    expect(execFileSync('pdffonts', [pdfFile('titles')], { encoding: 'utf8' })).not.toMatch(/Helvetica/);
  });

  it('reads as the page with the titles printed: each title once, where the text would be', () => {
    const page = layout.signatureBlocks[0].box.page;
    const words = (file: string) => wordBoxes(pdfFile(file)).filter((word) => word.page === page);
    const printed = words('titles-printed');
    const fields = words('titles');
    expect(fields.map((word) => word.text)).toEqual(printed.map((word) => word.text));
    fields.forEach((word, i) => {
      expect(Math.abs(word.xMin - printed[i].xMin)).toBeLessThan(1);
      expect(Math.abs(word.yMin - printed[i].yMin)).toBeLessThan(1);
    });
  });
});

describe('in the render pool', () => {
  const pool = new RenderPool();
  afterAll(() => pool.onModuleDestroy());

  it('renders in a worker thread, as in the main thread', async () => {
    const result = await pool.renderPlanPdf(CASES['002'], { issueFields: false });
    expect(Buffer.from(result.pdf).equals(Buffer.from(rendered['002'].pdf))).toBe(true);
    expect(result.layout).toEqual(rendered['002'].layout);
  });

  it('prints the time per PDF of the joint plan', async () => {
    // In the worker, as the app renders: jest's module sandbox makes the main thread slower.
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await pool.renderPlanPdf(CASES['002'], { issueFields: true });
    const perPdf = (performance.now() - started) / runs;
    console.log(`002 (joint, ${rendered['002'].layout.pageCount} pages): ${perPdf.toFixed(1)} ms per PDF in one worker thread`);
  });
});
