/** FORMAT.md "Page": paper, margins, font, colour, page numbers. */
import type { WordDocument, WordParagraph } from '../docx/word-document';
import { firstChild, type XmlElement } from '../docx/xml-tree';
import { excerpt, isCentred, sizeWithin, summarise } from './paragraphs';

const A4 = { width: 11906, height: 16838 };
const PAGE_SIZE_TOLERANCE = 2; // some writers round A4 to 11907 × 16839
const FONT = 'Times New Roman';

const MARGINS = [
  { attribute: 'w:top', name: 'Lề trên', min: 1134, max: 1417, mm: '20–25' },
  { attribute: 'w:bottom', name: 'Lề dưới', min: 1134, max: 1417, mm: '20–25' },
  { attribute: 'w:left', name: 'Lề trái', min: 1701, max: 1984, mm: '30–35' },
  { attribute: 'w:right', name: 'Lề phải', min: 850, max: 1134, mm: '15–20' },
];

function twipsToMm(twips: number): string {
  return (twips / 56.7).toFixed(1).replace('.', ',');
}

function checkSection(section: XmlElement): string[] {
  const problems: string[] = [];
  const size = firstChild(section, 'w:pgSz');
  const width = Number(size?.attributes['w:w']);
  const height = Number(size?.attributes['w:h']);
  const isA4 = Math.abs(width - A4.width) <= PAGE_SIZE_TOLERANCE && Math.abs(height - A4.height) <= PAGE_SIZE_TOLERANCE;
  if (!isA4 || size?.attributes['w:orient'] === 'landscape') {
    problems.push(`Khổ giấy phải là A4 dọc (w:pgSz 11906 × 16838), đang là ${width || '?'} × ${height || '?'}.`);
  }
  const margins = firstChild(section, 'w:pgMar');
  for (const { attribute, name, min, max, mm } of MARGINS) {
    const value = Math.abs(Number(margins?.attributes[attribute]));
    if (!(value >= min && value <= max)) {
      const actual = Number.isFinite(value) ? `${twipsToMm(value)} mm (${value})` : 'không có';
      problems.push(`${name} phải từ ${mm} mm (${min}–${max} twip), đang là ${actual}.`);
    }
  }
  return problems;
}

export function checkPage(document: WordDocument): string[] {
  if (!document.sections.length) return ['Thiếu thiết lập trang (w:sectPr).'];
  return [...new Set(document.sections.flatMap(checkSection))];
}

function fontsUsed(paragraph: WordParagraph): string[] {
  return paragraph.runs.flatMap((run) => [run.fonts.ascii, run.fonts.hAnsi, run.fonts.cs]).map((font) => font ?? '(không đặt)');
}

export function checkFonts(document: WordDocument): string[] {
  const wrongFont = document.allParagraphs.filter((p) => fontsUsed(p).some((font) => font !== FONT));
  const notBlack = document.allParagraphs.filter((p) =>
    p.runs.some((run) => run.color !== undefined && !['auto', '000000'].includes(run.color.toLowerCase())),
  );
  return [
    ...summarise(wrongFont, `Phông chữ phải là ${FONT} (w:rFonts ascii/hAnsi/cs)`, (p) =>
      `dùng ${[...new Set(fontsUsed(p).filter((font) => font !== FONT))].join(', ')}`,
    ),
    ...summarise(notBlack, 'Chữ phải màu đen'),
  ];
}

/** Arabic page numbers centred in the header, 13–14pt, none on the first page. */
export function checkPageNumbers(document: WordDocument): string[] {
  const problems: string[] = [];
  const main = document.sections.at(-1);
  const titlePage = firstChild(main, 'w:titlePg');
  if (!titlePage || ['0', 'false', 'off'].includes(titlePage.attributes['w:val'] ?? '')) {
    problems.push('Không được đánh số trang đầu tiên: cần bật “trang đầu khác” (w:titlePg).');
  }
  const numbered = document.headers.filter((header) => header.type === 'default' && header.hasPageNumber);
  if (!numbered.length) problems.push('Thiếu số trang (trường PAGE) ở phần đầu trang.');
  for (const header of numbered) {
    const paragraph = header.paragraphs.find((p) => p.runs.length > 0);
    if (paragraph && (!isCentred(paragraph) || !sizeWithin(paragraph, 26, 28))) {
      problems.push(`Số trang phải căn giữa, cỡ 13–14: đoạn ${excerpt(paragraph)}.`);
    }
  }
  if (document.headers.some((header) => header.type === 'first' && header.hasPageNumber)) {
    problems.push('Trang đầu không được có số trang.');
  }
  return problems;
}
