/**
 * Mammoth's HTML of a Word document as source items. Mammoth writes a small, regular HTML
 * (p, h1–h6, ol/ul/li, table/tr/td, strong, em, a, br, sup, sub, s, img, all escaped), so a tag
 * scanner is enough: no DOM. Word's list numbering arrives as nested ol/ul, its italics as em.
 */
import { normaliseRuns, runsText, type Run } from '../../core/text-blocks/classify';
import type { ListPosition, SourceItem, SourceLine } from './source';

const TOKEN = /<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/gu;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

interface Row {
  cells: SourceLine[][];
}

/** Walks the tags once, keeping what encloses the text: lists, table cells, emphasis. */
class HtmlWalker {
  readonly items: SourceItem[] = [];
  /** open lists, innermost last, and whether their current item has shown text */
  private readonly lists: Array<{ kind: 'ol' | 'ul'; itemHasText: boolean }> = [];
  private readonly rows: Row[] = [];
  private runs: Run[] = [];
  private list: ListPosition | undefined;
  private italic = 0;
  private bold = 0;

  open(tag: string): void {
    if (tag === 'ol' || tag === 'ul') {
      this.flush();
      this.lists.push({ kind: tag, itemHasText: false });
    } else if (tag === 'li') {
      this.flush();
      this.openItem();
    } else if (tag === 'tr') {
      this.flush();
      this.rows.push({ cells: [] });
    } else if (tag === 'td' || tag === 'th') {
      this.flush();
      this.rows[this.rows.length - 1]?.cells.push([]);
    } else if (tag === 'em' || tag === 'i') this.italic++;
    else if (tag === 'strong' || tag === 'b') this.bold++;
    else if (isBlock(tag)) this.flush();
  }

  close(tag: string): void {
    if (tag === 'ol' || tag === 'ul') {
      this.flush();
      this.list = undefined;
      this.lists.pop();
    } else if (tag === 'li') {
      this.flush();
      this.list = undefined;
    } else if (tag === 'tr') {
      this.flush();
      const row = this.rows.pop();
      if (row) this.emitRow(row);
    } else if (tag === 'em' || tag === 'i') this.italic = Math.max(0, this.italic - 1);
    else if (tag === 'strong' || tag === 'b') this.bold = Math.max(0, this.bold - 1);
    else if (isBlock(tag) || tag === 'td' || tag === 'th') this.flush();
  }

  /**
   * Mammoth nests an item that starts deeper than the list around it (after a paragraph, say) in
   * empty items of implied lists: depth still counts Word's level, and only an item with text makes
   * the items under it its parts.
   */
  private openItem(): void {
    const current = this.lists[this.lists.length - 1];
    if (!current) return;
    current.itemHasText = false;
    const underBullet = this.lists.slice(0, -1).some((list) => list.kind === 'ul' && list.itemHasText);
    this.list = { ordered: current.kind === 'ol', depth: this.lists.length, underBullet };
  }

  /** A line break inside a paragraph starts a new line, as the page shows it. */
  lineBreak(): void {
    this.flush();
  }

  text(text: string): void {
    const run: Run = { text: decodeEntities(text) };
    if (this.italic) run.italic = true;
    if (this.bold) run.bold = true;
    this.runs.push(run);
  }

  finish(): SourceItem[] {
    this.flush();
    while (this.rows.length) this.emitRow(this.rows.pop()!);
    return this.items;
  }

  private flush(): void {
    const runs = normaliseRuns(this.runs);
    this.runs = [];
    // An empty flush (a <p> opening inside an <li>) keeps the list position for the text to come.
    if (!runs.length) return;
    const list = this.list;
    this.list = undefined;
    const line: SourceLine = list ? { runs, list } : { runs };
    const top = this.lists.at(-1);
    if (list && top) top.itemHasText = true;
    const cell = this.currentCell();
    if (cell) cell.push(line);
    else this.items.push({ lines: [line] });
  }

  private currentCell(): SourceLine[] | undefined {
    const row = this.rows[this.rows.length - 1];
    return row?.cells[row.cells.length - 1];
  }

  /** A row of a nested table stays inside the enclosing cell, as lines. */
  private emitRow(row: Row): void {
    const lines = row.cells.flat();
    const enclosing = this.currentCell();
    if (enclosing) enclosing.push(...lines);
    else if (lines.length) {
      const cells = row.cells.map((cell) => cell.map((line) => runsText(line.runs)).join(' '));
      this.items.push({ lines, cells, columns: cells });
    }
  }
}

const isBlock = (tag: string) => tag === 'p' || /^h[1-6]$/u.test(tag) || tag === 'table' || tag === 'div' || tag === 'blockquote';

export function htmlItems(html: string): SourceItem[] {
  const walker = new HtmlWalker();
  for (const [, closing, tag, selfClosing, text] of html.matchAll(TOKEN)) {
    if (text !== undefined) walker.text(text);
    else if (tag.toLowerCase() === 'br') walker.lineBreak();
    else if (closing) walker.close(tag.toLowerCase());
    else if (!selfClosing) walker.open(tag.toLowerCase());
  }
  return walker.finish();
}
