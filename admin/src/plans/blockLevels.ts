import type { BlockType, BodyBlock } from '../types';

/**
 * The one ladder Tab walks down and Shift+Tab walks up, in the order the document nests its levels:
 * Mục lớn (I.) → Mục (1.) → Tiểu mục (1.1.) → Đoạn văn → Gạch đầu dòng (-) → Ý nhỏ (+).
 * One ladder rather than two (headings, running text) so that every type is reachable from the keyboard.
 */
const LEVEL_LADDER: readonly BlockType[] = ['heading1', 'heading2', 'heading3', 'paragraph', 'bullet', 'subbullet'];

/** The type one rung deeper (`step` 1) or higher (-1); null past either end of the ladder. */
export function shiftLevel(type: BlockType, step: 1 | -1): BlockType | null {
  return LEVEL_LADDER[LEVEL_LADDER.indexOf(type) + step] ?? null;
}

/**
 * The block Enter adds after `block`: the same kind of block — a numbered paragraph is followed by
 * the next numbered paragraph ("1.1. …", "1.2. …"), a bullet by a bullet — except after a heading,
 * whose next line is the running text under it: a paragraph.
 */
export function nextBlock({ type, asParagraph }: Pick<BodyBlock, 'type' | 'asParagraph'>, text: string): BodyBlock {
  if (type.startsWith('heading')) return asParagraph ? { type, text, asParagraph } : { type: 'paragraph', text };
  return { type, text };
}
