/**
 * What a clerk rejects on paper although every paragraph is right on its own (issue 12): running
 * text set bold as if it were a heading, a heading left alone at the foot of a page, a signature
 * grid torn across pages — and what breaks other readers: fractional lengths, tags left unfilled.
 */
import type { WordDocument, WordParagraph, WordTable } from '../docx/word-document';
import { firstChild } from '../docx/xml-tree';
import type { PlanLayout } from './layout';
import { excerpt, isBlank, isBold, normalise, summarise } from './paragraphs';

/** About two lines of 14pt text: a heading is a few words, numbered running text is longer. */
const HEADING_MAX_LENGTH = 150;

// A docxtemplater tag left in the output: "{title}", "{#body}", "{/form}", "{^signed}", "{.}".
const LEFTOVER_TAG = /\{[#/^]?(?:[A-Za-z][A-Za-z0-9]*|\.)\}/;

const looksLikeHeading = (p: WordParagraph) => isBold(p) && normalise(p.text).length <= HEADING_MAX_LENGTH;

export function checkBodyEmphasis({ body }: PlanLayout): string[] {
  const tooLong = body.filter((p) => isBold(p) && normalise(p.text).length > HEADING_MAX_LENGTH);
  return summarise(
    tooLong,
    `Đoạn văn dài hơn ${HEADING_MAX_LENGTH} ký tự không được in đậm như đề mục (viết thành đoạn văn có số, chữ thường)`,
  );
}

/** Every heading keeps with the next paragraph; the last closing line keeps with the signatures. */
export function checkKeepWithNext({ body, signatureTables }: PlanLayout): string[] {
  const headings = body.slice(0, -1).filter(looksLikeHeading);
  const problems = summarise(headings.filter((p) => !p.format.keepNext), 'Đề mục phải đi liền đoạn sau (keep with next, w:keepNext)');
  const lastLine = body.at(-1);
  if (signatureTables.length && lastLine && !lastLine.format.keepNext) {
    problems.push(`Đoạn kết thúc ${excerpt(lastLine)} phải đi liền phần chữ ký (w:keepNext), để chữ ký không sang trang một mình.`);
  }
  return problems;
}

/** Rows that cannot split, each kept with the next: the signatures stay on one page. */
export function checkSignatureTables({ signatureTables }: PlanLayout): string[] {
  return signatureTables.flatMap((table) => {
    const problems: string[] = [];
    if (table.rowsCantSplit.some((cantSplit) => !cantSplit)) {
      problems.push(`Hàng của bảng chữ ký ${firstText(table)} không được ngắt sang trang (w:cantSplit).`);
    }
    const loose = table.rows.slice(0, -1).flat(2).filter((p) => !p.format.keepNext);
    if (loose.length) {
      problems.push(`Các hàng của bảng chữ ký ${firstText(table)} phải đi liền nhau trên một trang (w:keepNext ở mọi dòng trừ hàng cuối).`);
    }
    return problems;
  });
}

// FORMAT.md: the rule under the title is ⅓–½ of the title's line (rounding allowed).
const TITLE_RULE = { min: 0.3, max: 0.55 };
// An average letter of 14pt bold Times New Roman, in twips: enough to tell a short title's line.
const TITLE_LETTER_WIDTH = 150;

/** The text area's width of the last section: page width less the left and right margins. */
function textWidth({ sections }: WordDocument): number | undefined {
  const section = sections.at(-1);
  const page = Number(firstChild(section, 'w:pgSz')?.attributes['w:w']);
  const margins = firstChild(section, 'w:pgMar')?.attributes ?? {};
  const width = page - Number(margins['w:left']) - Number(margins['w:right']);
  return Number.isFinite(width) && width > 0 ? width : undefined;
}

/**
 * The rule under the title, drawn as an empty bordered paragraph (the shipped templates' way), is
 * ⅓–½ as long as the title's first line. Rules drawn otherwise are left to the eye.
 */
export function checkTitleRule({ title, opening }: PlanLayout, document: WordDocument): string[] {
  const width = textWidth(document);
  if (!title || width === undefined) return [];
  const rule = opening.slice(opening.indexOf(title) + 1).find((p) => !isBlank(p) || p.format.borders.includes('top'));
  if (!rule || !isBlank(rule)) return [];
  const length = width - (rule.format.indentLeft ?? 0) - (rule.format.indentRight ?? 0);
  const line = Math.min(width, normalise(title.text).length * TITLE_LETTER_WIDTH);
  const ratio = length / line;
  if (ratio >= TITLE_RULE.min && ratio <= TITLE_RULE.max) return [];
  return [`Đường kẻ dưới trích yếu phải dài bằng ⅓–½ dòng trích yếu: đang là ${Math.round(ratio * 100)}% (${length}/${Math.round(line)} twip).`];
}

export function checkFractionalMeasures({ fractionalMeasures }: WordDocument): string[] {
  if (!fractionalMeasures.length) return [];
  const more = fractionalMeasures.length > 1 ? ` (và ${fractionalMeasures.length - 1} chỗ khác)` : '';
  return [`Kích thước phải là số nguyên (twip): ${fractionalMeasures[0]}${more}.`];
}

export function checkLeftoverTags({ allParagraphs }: WordDocument): string[] {
  const offenders = allParagraphs.filter((p) => LEFTOVER_TAG.test(p.text));
  if (!offenders.length) return [];
  const [tag] = LEFTOVER_TAG.exec(offenders[0].text)!;
  const more = offenders.length > 1 ? ` (và ${offenders.length - 1} đoạn khác)` : '';
  return [`Văn bản còn thẻ mẫu ${tag} chưa được thay bằng nội dung: đoạn ${excerpt(offenders[0])}${more}.`];
}

function firstText(table: WordTable): string {
  return excerpt(table.rows.flat(2).find((p) => !isBlank(p)) ?? '');
}
