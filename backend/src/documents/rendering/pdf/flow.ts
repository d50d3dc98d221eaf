/**
 * The layout engine: paragraphs and tables become slices (a line, a table row, a rule) stacked
 * down the pages as LibreOffice stacks the DOCX — spacing between paragraphs is the larger of the
 * upper one's "after" and the lower one's "before", and none at the top of a page; a
 * keep-with-next paragraph stays whole and on the page of what follows; table rows never split
 * and a table's header row is repeated on every page.
 */
import type { PDFPage } from 'pdf-lib';
import { breakLines, type Line, type TextRun } from './line-breaking';
import { lineHeight, PAGE, PARAGRAPH_BORDER, TABLE_BORDER, type ParagraphStyle } from './styles';
import { num, TINOS_METRICS, type TinosFonts } from '../../../typesetting/tinos';

export interface Paragraph {
  kind: 'paragraph';
  style: ParagraphStyle;
  runs: TextRun[];
  /** records where the paragraph lands (signature blocks) */
  mark?: string;
}

export interface TableCell {
  width: number;
  paragraphs: Paragraph[];
}

export interface Table {
  kind: 'table';
  rows: TableCell[][];
  bordered: boolean;
  /** left and right room inside each cell */
  cellMargin: number;
  /** rows repeated at the top of every page the table continues on */
  headerRows: number;
}

export type Block = Paragraph | Table;

/** Where something landed: the page and the top/bottom edges (from the page's top) and x range. */
export interface Placed {
  page: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface DrawContext {
  page: PDFPage;
  /** the page's content-stream operators, written as one stream once the page is drawn */
  content: string[];
  pageIndex: number;
  fonts: TinosFonts;
  /** paragraph marks and blanks, by name */
  placed: Map<string, Placed>;
}

interface Slice {
  height: number;
  before: number;
  after: number;
  keepWithNext: boolean;
  pageBreakBefore: boolean;
  /** the table header row to put above this row when it starts a page */
  header?: Slice;
  /** a paragraph that may break across pages, line by line */
  lines?: { count: number; height: number };
  /** draws the slice, or lines [from, to) of a paragraph */
  draw(context: DrawContext, top: number, lines?: [number, number]): void;
}

export interface Placement {
  slice: Slice;
  page: number;
  top: number;
  lines?: [number, number];
}

// ---------------------------------------------------------------------------------------------
// Paragraph layout

interface LaidParagraph {
  paragraph: Paragraph;
  lines: Line[];
  lineHeight: number;
  /** height of the content: lines, plus borders */
  height: number;
  draw(context: DrawContext, top: number, left: number, width: number, lines?: [number, number]): void;
}

const ASCENT = TINOS_METRICS.ascent;

/** A black line between two points given from the page's top. */
function strokeLine(content: string[], width: number, [x1, y1, x2, y2]: number[]): void {
  const y = (fromTop: number) => num(PAGE.height - fromTop);
  content.push(`q 0 0 0 RG ${num(width)} w ${num(x1)} ${y(y1)} m ${num(x2)} ${y(y2)} l S Q`);
}

function layParagraph(paragraph: Paragraph, width: number, fonts: TinosFonts): LaidParagraph {
  const { style } = paragraph;
  const available = width - style.indentLeft - style.indentRight;
  const lines = style.border === 'top' ? [] : breakLines(paragraph.runs, fonts, style.size, (i) => available - (i === 0 ? style.firstLine : 0));
  const step = lineHeight(style.size, style.line);
  const borderRoom = PARAGRAPH_BORDER.width + PARAGRAPH_BORDER.space;
  const height =
    style.border === 'top' ? borderRoom + step : lines.length * step + (style.border === 'box' ? 2 * borderRoom : 0);
  return {
    paragraph,
    lines,
    lineHeight: step,
    height,
    draw(context, top, left, areaWidth, range = [0, lines.length]) {
      if (style.border) drawBorder(context.content, style, top, left, areaWidth, height);
      const textTop = top + (style.border === 'box' ? borderRoom : 0);
      for (let i = range[0]; i < range[1]; i++) {
        drawLine(context, paragraph, lines[i], i, textTop + (i - range[0]) * step, left, areaWidth);
      }
      if (paragraph.mark) {
        context.placed.set(paragraph.mark, { page: context.pageIndex, top, bottom: top + height, left, right: left + areaWidth });
      }
    },
  };
}

function drawBorder(content: string[], style: ParagraphStyle, top: number, left: number, width: number, height: number): void {
  const x1 = left + style.indentLeft;
  const x2 = left + width - style.indentRight;
  const half = PARAGRAPH_BORDER.width / 2;
  const line = (...points: number[]) => strokeLine(content, PARAGRAPH_BORDER.width, points);
  if (style.border === 'top') {
    line(x1, top + half, x2, top + half);
    return;
  }
  // A box is drawn outside the text's indents, as Word draws paragraph borders.
  const outside = PARAGRAPH_BORDER.space + half;
  const [bx1, bx2, by1, by2] = [x1 - outside, x2 + outside, top + half, top + height - half];
  line(bx1, by1, bx2, by1);
  line(bx1, by2, bx2, by2);
  line(bx1, by1, bx1, by2);
  line(bx2, by1, bx2, by2);
}

function drawLine(context: DrawContext, paragraph: Paragraph, line: Line, index: number, top: number, left: number, width: number): void {
  const { style } = paragraph;
  const start = left + style.indentLeft + (index === 0 ? style.firstLine : 0);
  const available = left + width - style.indentRight - start;
  const justify = style.align === 'both' && !line.ends && line.spaces > 0;
  const wordSpacing = justify ? (available - line.width) / line.spaces : 0;
  const offsets = { left: 0, both: 0, center: (available - line.width) / 2, right: available - line.width };
  let x = start + offsets[style.align];
  const baseline = PAGE.height - (top + ASCENT * style.size);
  const lineBox = lineHeight(style.size, style.line);
  for (const run of line.runs) {
    if (run.blank) {
      context.placed.set(run.blank.name, { page: context.pageIndex, top, bottom: top + lineBox, left: x, right: x + run.blank.width });
      x += run.blank.width;
    } else {
      const { operators, width: drawn } = context.fonts.textOperators(context.page, run.text, { x, y: baseline, size: style.size, style: run.style, wordSpacing });
      context.content.push(operators);
      x += drawn;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Slices

function paragraphSlice(paragraph: Paragraph, fonts: TinosFonts, left: number, width: number): Slice {
  const laid = layParagraph(paragraph, width, fonts);
  const { style } = paragraph;
  // Bordered and keep-with-next paragraphs stay whole; others break between lines.
  const splittable = !style.border && !style.keepNext && laid.lines.length > 1;
  return {
    before: style.before,
    after: style.after,
    pageBreakBefore: style.pageBreakBefore,
    keepWithNext: style.keepNext,
    height: laid.height,
    lines: splittable ? { count: laid.lines.length, height: laid.lineHeight } : undefined,
    draw: (context, top, lines) => laid.draw(context, top, left, width, lines),
  };
}

/** A cell's paragraphs stacked, spacing collapsed as between body paragraphs. */
function layCell(cell: TableCell, fonts: TinosFonts, margin: number) {
  const width = cell.width - 2 * margin;
  const laid = cell.paragraphs.map((paragraph) => layParagraph(paragraph, width, fonts));
  const tops: number[] = [];
  let y = 0;
  laid.forEach((paragraph, i) => {
    const previousAfter = i === 0 ? 0 : laid[i - 1].paragraph.style.after;
    y += Math.max(previousAfter, paragraph.paragraph.style.before);
    tops.push(y);
    y += paragraph.height;
  });
  const height = y + (laid.length ? laid[laid.length - 1].paragraph.style.after : 0);
  const keepNext = cell.paragraphs.every((paragraph) => paragraph.style.keepNext);
  return { laid, tops, height, keepNext, width };
}

function tableSlices(table: Table, fonts: TinosFonts, left: number): Slice[] {
  const border = table.bordered ? TABLE_BORDER : 0;
  const slices = table.rows.map((cells, rowIndex): Slice => {
    const laidCells = cells.map((cell) => layCell(cell, fonts, table.cellMargin));
    const last = rowIndex === table.rows.length - 1;
    const height = border + Math.max(0, ...laidCells.map((cell) => cell.height)) + (last ? border : 0);
    return {
      height,
      before: 0,
      after: 0,
      pageBreakBefore: false,
      // As LibreOffice lays out a DOCX: a row stays with what follows when its first cell's
      // paragraphs do (a form's group row does; "Nơi nhận" beside the signature does not).
      keepWithNext: laidCells[0]?.keepNext ?? false,
      draw(context, top) {
        let x = left;
        laidCells.forEach((cell, i) => {
          const textLeft = x + table.cellMargin;
          cell.laid.forEach((paragraph, p) => paragraph.draw(context, top + border + cell.tops[p], textLeft, cell.width));
          x += cells[i].width;
        });
        if (table.bordered) drawRowBorders(context.content, cells.map((cell) => cell.width), left, top, height - (last ? border : 0), last);
      },
    };
  });
  for (let i = table.headerRows; i < slices.length; i++) slices[i].header = slices[table.headerRows - 1];
  return slices;
}

/** The row's top edge, its cells' sides, and the bottom edge under the table's last row. */
function drawRowBorders(content: string[], widths: number[], left: number, top: number, height: number, last: boolean): void {
  const right = left + widths.reduce((sum, width) => sum + width, 0);
  const line = (...points: number[]) => strokeLine(content, TABLE_BORDER, points);
  const half = TABLE_BORDER / 2;
  line(left - half, top + half, right + half, top + half);
  const bottom = top + height + (last ? TABLE_BORDER : 0);
  if (last) line(left - half, bottom - half, right + half, bottom - half);
  let x = left;
  for (const width of [0, ...widths]) {
    x += width;
    line(x, top, x, bottom);
  }
}

export function slicesOf(blocks: Block[], fonts: TinosFonts): Slice[] {
  return blocks.flatMap((block) =>
    block.kind === 'paragraph' ? [paragraphSlice(block, fonts, PAGE.left, PAGE.width - PAGE.left - PAGE.right)] : tableSlices(block, fonts, PAGE.left),
  );
}

// ---------------------------------------------------------------------------------------------
// Pagination

const PAGE_BOTTOM = PAGE.height - PAGE.bottom;
/** LibreOffice lays out in whole twips: a line may overrun the bottom margin by rounding. */
const FIT = 0.1;

/** Lines a paragraph keeps together at the foot of a page (orphans) and at the top of the next (widows). */
const ORPHANS = 2;
const WIDOWS = 2;

/** The fewest lines of a paragraph that must fit at the foot of a page for it to start there. */
function firstPartLines(count: number): number {
  return count < ORPHANS + WIDOWS ? count : ORPHANS;
}

/** Places the slices on pages; returns each slice's page and top edge (from the page's top). */
export function paginate(slices: Slice[]): Placement[] {
  const placements: Placement[] = [];
  let page = 0;
  let y = PAGE.top;
  let atTop = true;
  let previousAfter = 0;
  const newPage = () => {
    page += 1;
    y = PAGE.top;
    atTop = true;
    previousAfter = 0;
  };
  const gapBefore = (slice: Slice) => (atTop ? 0 : Math.max(previousAfter, slice.before));
  const put = (slice: Slice, lines?: [number, number]) => {
    if (atTop && slice.header && placements[placements.length - 1]?.slice !== slice.header) put(slice.header);
    const first = !lines || lines[0] === 0;
    const last = !lines || lines[1] === slice.lines!.count;
    if (first) y += gapBefore(slice);
    placements.push({ slice, page, top: y, lines });
    y += lines ? (lines[1] - lines[0]) * slice.lines!.height : slice.height;
    previousAfter = last ? slice.after : 0;
    atTop = false;
  };
  /** One slice, on a new page when it does not fit here. */
  const flow = (slice: Slice) => {
    if (slice.lines) return flowLines(slice, slice.lines);
    if (!atTop && y + gapBefore(slice) + slice.height > PAGE_BOTTOM + FIT) newPage();
    put(slice);
  };
  /** A paragraph's lines, broken across pages with at least two lines on either side of a break. */
  const flowLines = (slice: Slice, { count, height }: { count: number; height: number }) => {
    let from = 0;
    while (from < count) {
      const gap = from === 0 ? gapBefore(slice) : 0;
      const room = Math.floor((PAGE_BOTTOM + FIT - y - gap) / height);
      const remaining = count - from;
      if (room >= remaining) {
        put(slice, [from, count]);
        return;
      }
      let lines = Math.min(room, remaining - WIDOWS);
      if (lines < ORPHANS) {
        if (!atTop) {
          newPage();
          continue;
        }
        lines = Math.max(1, room);
      }
      put(slice, [from, from + lines]);
      newPage();
      from += lines;
    }
  };
  for (let i = 0; i < slices.length; ) {
    let end = i;
    while (slices[end].keepWithNext && end + 1 < slices.length) end += 1;
    const group = slices.slice(i, end + 1);
    if (group[0].pageBreakBefore && !atTop) newPage();
    if (!atTop && !fitsHere(group, y, previousAfter)) newPage();
    // A group taller than a page flows like any other text.
    group.forEach(flow);
    i = end + 1;
  }
  return placements;
}

/** Whether the group's slices fit below y, the last one by its first lines when it may break. */
function fitsHere(group: Slice[], y: number, previousAfter: number): boolean {
  let bottom = y;
  let after = previousAfter;
  group.forEach((slice, i) => {
    const height = slice.lines && i === group.length - 1 ? firstPartLines(slice.lines.count) * slice.lines.height : slice.height;
    bottom += Math.max(after, slice.before) + height;
    after = slice.after;
  });
  return bottom <= PAGE_BOTTOM + FIT;
}
