/** FORMAT.md "Page" (body row) and "Title and body": every body paragraph's layout. */
import type { WordParagraph } from '../docx/word-document';
import type { PlanLayout } from './layout';
import { describeSizes, summarise } from './paragraphs';

const JUSTIFIED = ['both', 'distribute'];
const FIRST_LINE = { min: 567, max: 720 };
const MIN_PARAGRAPH_GAP = 120;
const LINE = { min: 240, max: 360 };

function isJustified(p: WordParagraph): boolean {
  return JUSTIFIED.includes(p.format.alignment ?? 'left');
}

function hasFirstLineIndent(p: WordParagraph): boolean {
  const { firstLine, hanging } = p.format;
  return !hanging && firstLine !== undefined && firstLine >= FIRST_LINE.min && firstLine <= FIRST_LINE.max;
}

function hasParagraphGap(p: WordParagraph): boolean {
  return (p.format.spacingBefore ?? 0) + (p.format.spacingAfter ?? 0) >= MIN_PARAGRAPH_GAP;
}

/** Single to 1.5 lines, as a multiple of the line ("auto"); exact heights vary with the font. */
function hasLineSpacing(p: WordParagraph): boolean {
  const line = p.format.line ?? 240;
  return (p.format.lineRule ?? 'auto') === 'auto' && line >= LINE.min && line <= LINE.max;
}

function hasBodySize(p: WordParagraph): boolean {
  return p.runs.every((run) => run.size === 26 || run.size === 28);
}

export function checkBody({ heading, body }: PlanLayout): string[] {
  if (!heading) return [];
  if (!body.length) return ['Không tìm thấy nội dung kế hoạch giữa trích yếu và phần chữ ký.'];
  return [
    ...summarise(body.filter((p) => !hasBodySize(p)), 'Nội dung phải cỡ chữ 13 hoặc 14 (w:sz 26/28)', (p) => `(cỡ ${describeSizes(p)})`),
    ...summarise(body.filter((p) => !isJustified(p)), 'Nội dung phải căn đều hai bên (w:jc both)'),
    ...summarise(body.filter((p) => !hasFirstLineIndent(p)), 'Nội dung phải thụt đầu dòng 1–1,27 cm (w:firstLine 567–720)'),
    ...summarise(body.filter((p) => !hasParagraphGap(p)), 'Khoảng cách giữa các đoạn phải ít nhất 6pt (before + after ≥ 120)'),
    ...summarise(body.filter((p) => !hasLineSpacing(p)), 'Giãn dòng phải từ 1 đến 1,5 dòng (w:line 240–360, lineRule auto)'),
  ];
}
