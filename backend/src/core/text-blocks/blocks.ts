/**
 * The one place where a recognised line becomes part of the content model (plans/plan-content.ts):
 * body blocks, preamble kinds, and emphasis as the model's inline markup. Everything before this
 * file recognises lines; nothing after it knows how a line was typed.
 *
 * Pure TypeScript without Node APIs: the admin UI imports it to split pasted paragraphs.
 */
import { parseInline, plainText, toInlineMarkup } from '../inline-markup';
import type { BodyBlock, PreambleKind } from '../plan-content';
import { classifyLine, dropPrefix, isHeadingText, isRuleLine, normaliseRuns, numberedLevel, runsText, type Run } from './classify';

export type BodyLine =
  | { role: 'numbered'; level: 1 | 2 | 3; heading: boolean; runs: Run[] }
  | { role: 'bullet' | 'subbullet' | 'paragraph'; runs: Run[] };

/** A typed line of the body: its marker decides the role, a numbered item's text whether it is a heading. */
export function typedBodyLine(runs: Run[]): BodyLine {
  const { marker, markerText } = classifyLine(runsText(runs));
  const rest = dropPrefix(runs, markerText.length);
  const level = numberedLevel(marker);
  if (level) return numberedLine(level, rest);
  if (marker === 'dash') return { role: 'bullet', runs: rest };
  if (marker === 'plus') return { role: 'subbullet', runs: rest };
  return { role: 'paragraph', runs };
}

/** A numbered item whose number is derived (typed, or Word's list numbering). */
export function numberedLine(level: 1 | 2 | 3, runs: Run[]): BodyLine {
  return { role: 'numbered', level, heading: isHeadingText(runsText(runs)), runs };
}

const NUMBERED_TYPES = { 1: 'heading1', 2: 'heading2', 3: 'heading3' } as const;

/** A numbered item keeps its level's type; running text is marked `asParagraph` (body weight after its number). */
export function toBodyBlock(line: BodyLine): BodyBlock {
  const text = inlineText(line.runs);
  if (line.role !== 'numbered') return { type: line.role, text };
  return line.heading ? { type: NUMBERED_TYPES[line.level], text } : { type: NUMBERED_TYPES[line.level], text, asParagraph: true };
}

/**
 * The model's inline markup of styled runs. Text without emphasis that already reads as itself
 * ("* Ghi chú:", "5 * 3") is kept as typed; anything else is written by the shared markup writer,
 * which escapes literal stars.
 */
export function inlineText(runs: readonly Run[]): string {
  const plain = runsText(runs);
  const unstyled = runs.every((run) => !run.italic && !run.bold);
  if (unstyled && plainText(plain) === plain && parseInline(plain).every((run) => !run.italic && !run.bold)) return plain;
  return toInlineMarkup(runs);
}

/**
 * "Căn cứ …", "Thực hiện …": a basis of the plan (italic by practice). The line that announces the
 * plan ("… xây dựng kế hoạch … như sau:") states, upright, even when it opens with "Căn cứ".
 */
export function preambleKind(text: string): PreambleKind {
  return !text.endsWith(':') && /^(căn cứ|thực hiện|theo|thi hành)(?=[\s,:])/iu.test(text) ? 'basis' : 'statement';
}

/** Pasted paragraphs as body blocks, by the import's rules; empty lines and rules dropped. */
export function textToBlocks(text: string): BodyBlock[] {
  return text
    .split(/\r\n|\r|\n/u)
    .map((line) => normaliseRuns(parseInline(line)))
    .filter((runs) => runs.length && !isRuleLine(runsText(runs)))
    .map((runs) => toBodyBlock(typedBodyLine(runs)));
}
