/** Small readings of paragraphs shared by the format rules. */
import type { WordParagraph } from '../docx/word-document';

/** NFC, one space between words, trimmed: text as a reader compares it. */
export function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function isBlank(paragraph: WordParagraph): boolean {
  return normalise(paragraph.text) === '';
}

/** “first words…” for messages */
export function excerpt(paragraph: WordParagraph | string): string {
  const text = normalise(typeof paragraph === 'string' ? paragraph : paragraph.text);
  return `“${text.length > 50 ? `${text.slice(0, 50)}…` : text}”`;
}

export function isBold(paragraph: WordParagraph): boolean {
  return paragraph.runs.length > 0 && paragraph.runs.every((run) => run.bold === true);
}

export function isItalic(paragraph: WordParagraph): boolean {
  return paragraph.runs.length > 0 && paragraph.runs.every((run) => run.italic === true);
}

export function isCentred(paragraph: WordParagraph): boolean {
  return paragraph.format.alignment === 'center';
}

export function isUpperCase(paragraph: WordParagraph): boolean {
  const text = normalise(paragraph.text);
  return text !== '' && text === text.toLocaleUpperCase('vi');
}

/** Every text run's size lies within [min, max] half-points (w:sz). */
export function sizeWithin(paragraph: WordParagraph, min: number, max: number): boolean {
  return paragraph.runs.every((run) => run.size !== undefined && run.size >= min && run.size <= max);
}

/** The sizes of a paragraph's runs, as points, for messages: "12", "12/14". */
export function describeSizes(paragraph: WordParagraph): string {
  const sizes = [...new Set(paragraph.runs.map((run) => (run.size === undefined ? '?' : String(run.size / 2))))];
  return sizes.join('/');
}

/**
 * A rule is drawn under `paragraphs[index]`: a bottom border on it, or a following text-less
 * paragraph with a border or a drawn line, before the next paragraph with text.
 */
export function hasRuleAfter(paragraphs: WordParagraph[], index: number): boolean {
  if (paragraphs[index]?.format.borders.includes('bottom')) return true;
  for (const next of paragraphs.slice(index + 1)) {
    if (!isBlank(next)) return false;
    if (next.hasDrawing || next.format.borders.some((edge) => edge === 'top' || edge === 'bottom')) return true;
  }
  return false;
}

/**
 * One message for a rule broken by several paragraphs: the first offender, and how many more.
 */
export function summarise(offenders: WordParagraph[], message: string, detail?: (p: WordParagraph) => string): string[] {
  if (!offenders.length) return [];
  const [first] = offenders;
  const more = offenders.length > 1 ? ` (và ${offenders.length - 1} đoạn khác)` : '';
  return [`${message}: đoạn ${excerpt(first)}${detail ? ` ${detail(first)}` : ''}${more}.`];
}
