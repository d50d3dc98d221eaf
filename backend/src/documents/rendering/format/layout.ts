/**
 * Finds the parts of a plan in a Word document by their content, not by style names, so that an
 * organisation's restyled template is read the same way as the shipped one:
 * header table → "KẾ HOẠCH" → title → body → signature/recipients → optional appendix.
 */
import type { WordBlock, WordDocument, WordParagraph, WordTable } from '../docx/word-document';
import { firstChild, type XmlElement } from '../docx/xml-tree';
import { isBlank, isUpperCase, normalise } from './paragraphs';

export interface AppendixLayout {
  title: WordParagraph;
  citation: WordParagraph;
  startsNewPage: boolean;
  table?: WordTable;
}

export interface PlanLayout {
  /** top-level paragraphs above the "KẾ HOẠCH" heading (the draft mark lives there) */
  beforeHeading: WordParagraph[];
  headerTable?: WordTable;
  heading?: WordParagraph;
  title?: WordParagraph;
  /** top-level paragraphs from the heading up to the first table after it: heading, title, rule, body */
  opening: WordParagraph[];
  /** non-empty top-level paragraphs between the title and the signature table */
  body: WordParagraph[];
  /**
   * The cells of the tables after the body, where signature blocks live; a cell without an
   * authority line ("TM. …") joins the block above it in its column (a grid row split in two so
   * that the blocks of a pair line up).
   */
  signatureCells: WordParagraph[][];
  /** the tables after the body that hold a signature block */
  signatureTables: WordTable[];
  /** those cells and the runs of top-level paragraphs between them: where "Nơi nhận" lives */
  closingGroups: WordParagraph[][];
  appendix?: AppendixLayout;
}

const HEADING = /^KẾ HOẠCH\b/;
// TM. on behalf of a body, KT. deputy for the head, Q. acting, TL. by order, TUQ. by authorisation.
export const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\.\s*\S/;
const APPENDIX_CITATION = /^\(Kèm theo\b/;

function paragraphAt(blocks: WordBlock[], index: number): WordParagraph | undefined {
  const block = blocks[index];
  return block?.kind === 'paragraph' ? block.paragraph : undefined;
}

function findIndex(blocks: WordBlock[], from: number, test: (block: WordBlock) => boolean): number {
  const index = blocks.slice(from).findIndex(test);
  return index < 0 ? -1 : from + index;
}

const isParagraphMatching = (pattern: RegExp) => (block: WordBlock) =>
  block.kind === 'paragraph' && pattern.test(normalise(block.paragraph.text));

/** Paragraph groups: one per table cell, and one per run of consecutive top-level paragraphs. */
function groups(blocks: WordBlock[]): WordParagraph[][] {
  const result: WordParagraph[][] = [];
  let run: WordParagraph[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      run.push(block.paragraph);
      continue;
    }
    if (run.length) result.push(run);
    run = [];
    result.push(...block.table.rows.flat());
  }
  if (run.length) result.push(run);
  return result;
}

const holdsAuthority = (cell: WordParagraph[]) => cell.some((p) => AUTHORITY.test(normalise(p.text)));

/** A table's cells, each column's cells below an authority cell joined to it (see PlanLayout). */
function signatureBlocks(table: WordTable): WordParagraph[][] {
  const blocks: WordParagraph[][] = [];
  const openBlocks: (WordParagraph[] | undefined)[] = [];
  for (const row of table.rows) {
    row.forEach((cell, column) => {
      const open = openBlocks[column];
      if (open && !holdsAuthority(cell)) {
        open.push(...cell);
        return;
      }
      const block = [...cell];
      blocks.push(block);
      openBlocks[column] = holdsAuthority(cell) ? block : undefined;
    });
  }
  return blocks;
}

function isContinuous(sectionProperties: XmlElement): boolean {
  return firstChild(sectionProperties, 'w:type')?.attributes['w:val'] === 'continuous';
}

/** Index of the last paragraph with text before `index`, not looking before `from`. */
function previousTextParagraph(blocks: WordBlock[], index: number, from: number): number {
  for (let i = index - 1; i >= from; i--) {
    const paragraph = paragraphAt(blocks, i);
    if (paragraph && !isBlank(paragraph)) return i;
  }
  return index;
}

/**
 * The block at `index` starts a page: w:pageBreakBefore or a page break in it, or a page or
 * section break in the blank paragraphs between it and the content before it.
 */
function startsNewPage(blocks: WordBlock[], index: number, from: number): boolean {
  const paragraph = paragraphAt(blocks, index);
  if (paragraph?.format.pageBreakBefore || paragraph?.hasPageBreak) return true;
  for (let i = index - 1; i >= from; i--) {
    const previous = paragraphAt(blocks, i);
    if (!previous) return false;
    if (previous.hasPageBreak || (previous.sectionBreak && !isContinuous(previous.sectionBreak))) return true;
    if (!isBlank(previous)) return false;
  }
  return false;
}

/**
 * The appendix's title (in capitals) is the text line before the "(Kèm theo …)" citation, or the
 * one before that when the line between is a subtitle in normal case (the campaign's name).
 */
function appendixTitleIndex(blocks: WordBlock[], citationIndex: number, from: number): number {
  const previous = previousTextParagraph(blocks, citationIndex, from);
  const beforeThat = previousTextParagraph(blocks, previous, from);
  const inCapitals = (index: number) => isUpperCase(paragraphAt(blocks, index)!);
  return beforeThat !== previous && !inCapitals(previous) && inCapitals(beforeThat) ? beforeThat : previous;
}

function locateAppendix(blocks: WordBlock[], from: number): { start: number; appendix?: AppendixLayout } {
  const citationIndex = findIndex(blocks, from, isParagraphMatching(APPENDIX_CITATION));
  if (citationIndex < 0) return { start: blocks.length };
  const titleIndex = appendixTitleIndex(blocks, citationIndex, from);
  const tableBlock = blocks.slice(citationIndex).find((block) => block.kind === 'table');
  return {
    start: titleIndex,
    appendix: {
      title: paragraphAt(blocks, titleIndex)!,
      citation: paragraphAt(blocks, citationIndex)!,
      startsNewPage: startsNewPage(blocks, titleIndex, from),
      table: tableBlock?.kind === 'table' ? tableBlock.table : undefined,
    },
  };
}

export function locatePlanLayout(document: WordDocument): PlanLayout {
  const { blocks } = document;
  const headingIndex = findIndex(blocks, 0, isParagraphMatching(HEADING));
  const top = headingIndex < 0 ? blocks.length : headingIndex;
  const beforeHeading = blocks.slice(0, top).flatMap((block) => (block.kind === 'paragraph' ? [block.paragraph] : []));
  const headerTableBlock = blocks.slice(0, top).reverse().find((block) => block.kind === 'table');
  const headerTable = headerTableBlock?.kind === 'table' ? headerTableBlock.table : undefined;
  if (headingIndex < 0) return { beforeHeading, headerTable, opening: [], body: [], signatureCells: [], signatureTables: [], closingGroups: [] };

  const { start: appendixStart, appendix } = locateAppendix(blocks, headingIndex + 1);
  const firstTable = findIndex(blocks.slice(0, appendixStart), headingIndex + 1, (block) => block.kind === 'table');
  const signatureStart = firstTable < 0 ? appendixStart : firstTable;
  const opening = blocks
    .slice(headingIndex, signatureStart)
    .flatMap((block) => (block.kind === 'paragraph' ? [block.paragraph] : []));
  const [heading, title, ...body] = opening.filter((p) => !isBlank(p));
  const closingArea = blocks.slice(signatureStart, appendixStart);
  const closingTables = closingArea.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
  return {
    beforeHeading,
    headerTable,
    heading,
    title,
    opening,
    body,
    signatureCells: closingTables.flatMap(signatureBlocks),
    signatureTables: closingTables.filter((table) => table.rows.flat().some(holdsAuthority)),
    closingGroups: groups(closingArea),
    appendix,
  };
}
