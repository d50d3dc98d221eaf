/** FORMAT.md "Header" and "Title": the two-column header table, number, date, heading, title. */
import type { WordParagraph, WordTable } from '../docx/word-document';
import type { FormatExpectations } from '../format-check';
import type { PlanLayout } from './layout';
import {
  describeSizes,
  excerpt,
  hasRuleAfter,
  isBlank,
  isBold,
  isCentred,
  isItalic,
  isUpperCase,
  normalise,
  sizeWithin,
} from './paragraphs';

const NATIONAL_NAME = /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/;
const MOTTO = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/;
const SYMBOL = '[\\p{Lu}\\d]+(?:-[\\p{Lu}\\d]+)+';
const ISSUED_NUMBER = new RegExp(`^Số: (?:0[1-9]|[1-9]\\d+)/${SYMBOL}$`, 'u');
const BLANK_NUMBER = new RegExp(`^Số:\\s+/${SYMBOL}$`, 'u');
const ISSUED_DATE = /^\S.*, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/;
const BLANK_DATE = /^\S.*, ngày\s+tháng\s+năm \d{4}$/;
const DRAFT_MARK = 'DỰ THẢO';

interface Located {
  paragraph: WordParagraph;
  row: number;
  column: number;
}

function locate(table: WordTable, test: (text: string) => boolean): Located | undefined {
  for (const [row, cells] of table.rows.entries()) {
    for (const [column, paragraphs] of cells.entries()) {
      const paragraph = paragraphs.find((p) => test(normalise(p.text)));
      if (paragraph) return { paragraph, row, column };
    }
  }
  return undefined;
}

/** Upper organisation line(s) not bold, then the issuing body in bold, all capitals, then a rule. */
function checkOrganisation(cell: WordParagraph[]): string[] {
  const lines = cell.filter((p) => !isBlank(p));
  const bodyIndex = lines.findIndex(isBold);
  const problems: string[] = [];
  if (bodyIndex < 1) {
    problems.push('Góc trái tiêu đề phải có tên cơ quan cấp trên (không đậm) rồi tên cơ quan ban hành (đậm).');
  }
  const wrong = lines.filter((p) => !isUpperCase(p) || !sizeWithin(p, 24, 26));
  if (wrong.length) {
    problems.push(`Tên cơ quan phải viết in hoa, cỡ 12–13: đoạn ${excerpt(wrong[0])} (cỡ ${describeSizes(wrong[0])}).`);
  }
  if (bodyIndex >= 1 && !hasRuleAfter(cell, cell.indexOf(lines[lines.length - 1]))) {
    problems.push('Thiếu đường kẻ ngang dưới tên cơ quan ban hành.');
  }
  return problems;
}

function checkNationalMotto(table: WordTable): string[] {
  const name = locate(table, (text) => NATIONAL_NAME.test(text));
  const motto = locate(table, (text) => MOTTO.test(text));
  const problems: string[] = [];
  if (!name || !isBold(name.paragraph) || !sizeWithin(name.paragraph, 24, 26)) {
    problems.push('Thiếu Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” (in hoa, đậm, cỡ 12–13) trong bảng tiêu đề.');
  }
  if (!motto || !isBold(motto.paragraph) || !sizeWithin(motto.paragraph, 26, 28)) {
    problems.push('Thiếu tiêu ngữ “Độc lập - Tự do - Hạnh phúc” (đậm, cỡ 13–14) trong bảng tiêu đề.');
  } else {
    const cell = table.rows[motto.row][motto.column];
    if (!hasRuleAfter(cell, cell.indexOf(motto.paragraph))) problems.push('Thiếu đường kẻ ngang dưới tiêu ngữ.');
  }
  return problems;
}

function checkNumberAndDate(table: WordTable, expect: FormatExpectations): string[] {
  const number = locate(table, (text) => text.startsWith('Số'));
  const date = locate(table, (text) => /, ngày\b/.test(text));
  const problems: string[] = [];
  const numberText = number ? normalise(number.paragraph.text) : '';
  const dateText = date ? normalise(date.paragraph.text) : '';
  const numberPattern = expect.draft === true ? BLANK_NUMBER : expect.draft === false ? ISSUED_NUMBER : undefined;
  const numberOk = numberPattern ? numberPattern.test(numberText) : ISSUED_NUMBER.test(numberText) || BLANK_NUMBER.test(numberText);
  if (!number || !numberOk) {
    problems.push(`Số, ký hiệu phải có dạng “Số: 227/KH-MTTQ-BTT” (để trống số khi chưa ban hành), đang là “${numberText}”.`);
  } else if (expect.number !== undefined && numberText !== `Số: ${expect.number}`) {
    problems.push(`Số, ký hiệu phải là “Số: ${expect.number}”, đang là “${numberText}”.`);
  } else if (!sizeWithin(number.paragraph, 26, 26)) {
    problems.push(`Số, ký hiệu phải cỡ 13, đang là cỡ ${describeSizes(number.paragraph)}.`);
  }
  const datePattern = expect.draft === true ? BLANK_DATE : expect.draft === false ? ISSUED_DATE : undefined;
  const dateOk = datePattern ? datePattern.test(dateText) : ISSUED_DATE.test(dateText) || BLANK_DATE.test(dateText);
  if (!date || !dateOk || !isItalic(date.paragraph)) {
    problems.push(`Địa danh, ngày tháng phải in nghiêng, dạng “Sơn La, ngày 15 tháng 4 năm 2022”, đang là “${dateText}”.`);
  } else if (expect.date !== undefined && !dateText.endsWith(`, ${expect.date}`)) {
    problems.push(`Ngày ban hành phải là “${expect.date}”, đang là “${dateText}”.`);
  }
  if (number && date && (number.row !== date.row || number.column === date.column)) {
    problems.push('Địa danh, ngày tháng phải nằm cùng hàng với số, ký hiệu, ở cột bên phải.');
  }
  return problems;
}

export function checkHeaderTable({ headerTable }: PlanLayout, expect: FormatExpectations): string[] {
  if (!headerTable || headerTable.rows[0]?.length !== 2) {
    return ['Thiếu bảng tiêu đề hai cột (cơ quan ban hành | Quốc hiệu, tiêu ngữ) phía trên “KẾ HOẠCH”.'];
  }
  return [
    ...(headerTable.visibleBorders.length ? [`Bảng tiêu đề không được có đường viền (${headerTable.visibleBorders.join(', ')}).`] : []),
    ...checkOrganisation(headerTable.rows[0][0]),
    ...checkNationalMotto(headerTable),
    ...checkNumberAndDate(headerTable, expect),
  ];
}

/** "DỰ THẢO" near the top: above the header table or inside it. */
export function checkDraftMark({ beforeHeading, headerTable }: PlanLayout, expect: FormatExpectations): string[] {
  if (expect.draft === undefined) return [];
  const top = [...beforeHeading, ...(headerTable?.rows.flat(2) ?? [])];
  const marked = top.some((p) => normalise(p.text).includes(DRAFT_MARK));
  if (expect.draft && !marked) return [`Bản dự thảo phải có dấu “${DRAFT_MARK}” ở đầu trang.`];
  if (!expect.draft && marked) return [`Văn bản đã ban hành không được có dấu “${DRAFT_MARK}”.`];
  return [];
}

/** "KẾ HOẠCH" in bold capitals, centred; the title bold and centred with a short rule under it. */
export function checkTitle({ heading, title, opening }: PlanLayout): string[] {
  if (!heading) return ['Thiếu tên loại văn bản “KẾ HOẠCH” (in hoa, đậm, căn giữa).'];
  const problems: string[] = [];
  if (!isBold(heading) || !isCentred(heading) || !isUpperCase(heading) || !sizeWithin(heading, 26, 28)) {
    problems.push(`Tên loại văn bản ${excerpt(heading)} phải in hoa, đậm, căn giữa, cỡ 13–14.`);
  }
  if (!title || !isBold(title) || !isCentred(title)) {
    problems.push('Trích yếu (tên kế hoạch) phải in đậm, căn giữa, ngay dưới “KẾ HOẠCH”.');
  } else if (!hasRuleAfter(opening, opening.indexOf(title))) {
    problems.push('Thiếu đường kẻ ngang dưới trích yếu.');
  }
  return problems;
}
