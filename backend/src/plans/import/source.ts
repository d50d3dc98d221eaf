/**
 * A source document as read, before any meaning is given to it: items in reading order, each one
 * paragraph or one table row. Both readers (plain text, Word) produce this; the plan parser reads it.
 */
import { parseInline } from '../../core/inline-markup';
import { normaliseRuns, type Run } from '../../core/text-blocks/classify';

/** Word's list numbering: the number is not in the text, only the list's nesting. */
export interface ListPosition {
  ordered: boolean;
  /** Word's list level + 1: lists nested, counting those Word implies above an item that starts deeper */
  depth: number;
  /** inside an unordered item that has text: a "+" under a "-" */
  underBullet: boolean;
}

export interface SourceLine {
  /** whitespace collapsed, never empty */
  runs: Run[];
  list?: ListPosition;
}

export interface SourceItem {
  /** the item as lines: a paragraph, a text line, or a table row's cells one after the other */
  lines: SourceLine[];
  /** a table row, or a text line split at tabs or "|": each cell's text (some may be empty) */
  cells?: string[];
  /** a text line laid out in columns (cells, or wide gaps of spaces: "TM. A        TM. B") */
  columns?: string[];
}

const CELL_SEPARATOR = /\t+|\s*\|\s*/u;
/** Where a text export of a two-column table put its columns: a cell separator or a wide gap of spaces. */
const COLUMN_SEPARATOR = /\t+|\s*\|\s*| {5,}/u;

const split = (line: string, separator: RegExp) => {
  const cells = line.trim().replace(/^\|(.*)\|$/u, '$1').split(separator).map((cell) => cell.trim());
  return cells.filter(Boolean).length >= 2 ? cells : undefined;
};

/** Pasted or .txt text: one item per non-empty line; "*…*" and "**…**" are emphasis. */
export function readText(text: string): SourceItem[] {
  const items: SourceItem[] = [];
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const runs = normaliseRuns(parseInline(raw));
    if (!runs.length) continue;
    const item: SourceItem = { lines: [{ runs }] };
    const cells = split(raw, CELL_SEPARATOR);
    const columns = split(raw, COLUMN_SEPARATOR);
    if (cells) item.cells = cells;
    if (columns) item.columns = columns;
    items.push(item);
  }
  return items;
}
