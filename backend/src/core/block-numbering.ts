/**
 * Derived numbering of a plan's body (DESIGN.md §3): drafters never type numbers.
 * heading1 → "I.", "II."; heading2 → "1.", "2." (restarting under each heading1);
 * heading3 → "1.1.", "1.2." (restarting under each heading2); bullet → "-"; subbullet → "+";
 * paragraph → "".
 *
 * Kept free of runtime imports: the admin UI (Vite) imports this very file for a live preview.
 */
import type { BlockType, BodyBlock } from './plan-content';

export interface NumberedBlock {
  type: BlockType;
  text: string;
  label: string;
  /** a numbered item set as a paragraph (plan-content.ts); false for the other blocks */
  asParagraph: boolean;
}

const ROMAN_DIGITS: ReadonlyArray<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(value: number): string {
  let rest = value;
  let roman = '';
  for (const [amount, digits] of ROMAN_DIGITS) {
    while (rest >= amount) {
      roman += digits;
      rest -= amount;
    }
  }
  return roman;
}

export function numberBlocks(blocks: readonly BodyBlock[]): NumberedBlock[] {
  let section = 0;
  let item = 0;
  let subItem = 0;
  return blocks.map(({ type, text, asParagraph = false }): NumberedBlock => {
    switch (type) {
      case 'heading1':
        section += 1;
        item = 0;
        subItem = 0;
        return { type, text, label: `${toRoman(section)}.`, asParagraph };
      case 'heading2':
        item += 1;
        subItem = 0;
        return { type, text, label: `${item}.`, asParagraph };
      case 'heading3':
        // A heading3 with no heading2 above it in its section shows "0.1.": the slip stays
        // visible in the preview instead of silently duplicating a heading2 number.
        subItem += 1;
        return { type, text, label: `${item}.${subItem}.`, asParagraph };
      case 'bullet':
        return { type, text, label: '-', asParagraph: false };
      case 'subbullet':
        return { type, text, label: '+', asParagraph: false };
      case 'paragraph':
        return { type, text, label: '', asParagraph: false };
    }
  });
}
