/**
 * Effective formatting of Word paragraphs and runs. A secretariat restyles a template through its
 * styles, so a format check must read formatting the way Word does: document defaults, then the
 * table style, the paragraph style (with its basedOn chain), the character style, and finally
 * direct formatting, each layer overriding the one before (ECMA-376 §17.7.2).
 */
import { childElements, firstChild, type XmlElement } from './xml-tree';

/** Font per script slot; a theme font is recorded as "theme:<name>". */
export interface RunFonts {
  ascii?: string;
  hAnsi?: string;
  cs?: string;
}

export interface RunFormat {
  fonts: RunFonts;
  /** half-points (w:sz) */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** hex colour, or "auto" */
  color?: string;
}

export interface ParagraphFormat {
  alignment?: string;
  /** twips from the text area's left and right edges (w:ind w:left/w:start, w:right/w:end) */
  indentLeft?: number;
  indentRight?: number;
  firstLine?: number;
  hanging?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  line?: number;
  lineRule?: string;
  pageBreakBefore?: boolean;
  /** stays on the page of the next paragraph (w:keepNext) */
  keepNext?: boolean;
  /** edges with a visible border: "top", "bottom", … */
  borders: string[];
}

interface Style {
  basedOn?: string;
  paragraph?: XmlElement;
  run?: XmlElement;
  table?: XmlElement;
}

const FONT_SLOTS = ['ascii', 'hAnsi', 'cs'] as const;
const THEME_ATTRIBUTES: Record<(typeof FONT_SLOTS)[number], string> = {
  ascii: 'w:asciiTheme',
  hAnsi: 'w:hAnsiTheme',
  cs: 'w:cstheme',
};
const INVISIBLE_BORDERS = ['nil', 'none'];

function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attributes[name];
}

function numberAttribute(element: XmlElement | undefined, name: string): number | undefined {
  const value = attribute(element, name);
  return value === undefined ? undefined : Number(value);
}

/** w:b, w:i, …: present means on unless w:val says "0"/"false"/"off". */
function toggle(element: XmlElement | undefined): boolean | undefined {
  if (!element) return undefined;
  return !['0', 'false', 'off'].includes(attribute(element, 'w:val') ?? 'true');
}

function applyRunProperties(format: RunFormat, rPr: XmlElement | undefined): void {
  if (!rPr) return;
  const fonts = firstChild(rPr, 'w:rFonts');
  for (const slot of FONT_SLOTS) {
    const theme = attribute(fonts, THEME_ATTRIBUTES[slot]);
    const font = theme ? `theme:${theme}` : attribute(fonts, `w:${slot}`);
    if (font) format.fonts[slot] = font;
  }
  format.size = numberAttribute(firstChild(rPr, 'w:sz'), 'w:val') ?? format.size;
  format.bold = toggle(firstChild(rPr, 'w:b')) ?? format.bold;
  format.italic = toggle(firstChild(rPr, 'w:i')) ?? format.italic;
  format.color = attribute(firstChild(rPr, 'w:color'), 'w:val') ?? format.color;
}

function applyParagraphProperties(format: ParagraphFormat, pPr: XmlElement | undefined): void {
  if (!pPr) return;
  format.alignment = attribute(firstChild(pPr, 'w:jc'), 'w:val') ?? format.alignment;
  const indent = firstChild(pPr, 'w:ind');
  if (indent) {
    format.indentLeft = numberAttribute(indent, 'w:left') ?? numberAttribute(indent, 'w:start') ?? format.indentLeft;
    format.indentRight = numberAttribute(indent, 'w:right') ?? numberAttribute(indent, 'w:end') ?? format.indentRight;
    const firstLine = numberAttribute(indent, 'w:firstLine');
    const hanging = numberAttribute(indent, 'w:hanging');
    // firstLine and hanging exclude each other: whichever a layer sets replaces the other.
    if (firstLine !== undefined || hanging !== undefined) {
      format.firstLine = firstLine;
      format.hanging = hanging;
    }
  }
  const spacing = firstChild(pPr, 'w:spacing');
  format.spacingBefore = numberAttribute(spacing, 'w:before') ?? format.spacingBefore;
  format.spacingAfter = numberAttribute(spacing, 'w:after') ?? format.spacingAfter;
  format.line = numberAttribute(spacing, 'w:line') ?? format.line;
  format.lineRule = attribute(spacing, 'w:lineRule') ?? format.lineRule;
  format.pageBreakBefore = toggle(firstChild(pPr, 'w:pageBreakBefore')) ?? format.pageBreakBefore;
  format.keepNext = toggle(firstChild(pPr, 'w:keepNext')) ?? format.keepNext;
  const borders = firstChild(pPr, 'w:pBdr');
  if (borders) {
    format.borders = childElements(borders)
      .filter((edge) => !INVISIBLE_BORDERS.includes(attribute(edge, 'w:val') ?? 'nil'))
      .map((edge) => edge.name.replace('w:', ''));
  }
}

export class WordStyles {
  private constructor(
    private readonly styles: Map<string, Style>,
    private readonly defaultParagraphStyle: string | undefined,
    private readonly defaultTableStyle: string | undefined,
    private readonly defaults: { paragraph?: XmlElement; run?: XmlElement },
  ) {}

  static parse(stylesRoot: XmlElement | undefined): WordStyles {
    const styles = new Map<string, Style>();
    const defaultsOf: Record<string, string> = {};
    for (const style of stylesRoot ? childElements(stylesRoot, 'w:style') : []) {
      const id = attribute(style, 'w:styleId');
      if (!id) continue;
      styles.set(id, {
        basedOn: attribute(firstChild(style, 'w:basedOn'), 'w:val'),
        paragraph: firstChild(style, 'w:pPr'),
        run: firstChild(style, 'w:rPr'),
        table: firstChild(style, 'w:tblPr'),
      });
      if (['1', 'true', 'on'].includes(attribute(style, 'w:default') ?? '')) {
        defaultsOf[attribute(style, 'w:type') ?? ''] = id;
      }
    }
    const docDefaults = firstChild(stylesRoot, 'w:docDefaults');
    return new WordStyles(styles, defaultsOf.paragraph, defaultsOf.table, {
      paragraph: firstChild(firstChild(docDefaults, 'w:pPrDefault'), 'w:pPr'),
      run: firstChild(firstChild(docDefaults, 'w:rPrDefault'), 'w:rPr'),
    });
  }

  /** The style and its ancestors, root first. */
  private chain(styleId: string | undefined): Style[] {
    const chain: Style[] = [];
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const style = this.styles.get(id);
      if (style) chain.unshift(style);
    }
    return chain;
  }

  private paragraphStyleId(paragraph: XmlElement): string | undefined {
    return attribute(firstChild(firstChild(paragraph, 'w:pPr'), 'w:pStyle'), 'w:val') ?? this.defaultParagraphStyle;
  }

  private tableStyles(tableStyleId: string | undefined): Style[] {
    return this.chain(tableStyleId ?? this.defaultTableStyle);
  }

  paragraphFormat(paragraph: XmlElement, tableStyleId?: string): ParagraphFormat {
    const format: ParagraphFormat = { borders: [] };
    const layers = [
      this.defaults.paragraph,
      ...this.tableStyles(tableStyleId).map((style) => style.paragraph),
      ...this.chain(this.paragraphStyleId(paragraph)).map((style) => style.paragraph),
      firstChild(paragraph, 'w:pPr'),
    ];
    for (const layer of layers) applyParagraphProperties(format, layer);
    return format;
  }

  runFormat(run: XmlElement, paragraph: XmlElement, tableStyleId?: string): RunFormat {
    const format: RunFormat = { fonts: {} };
    const runProperties = firstChild(run, 'w:rPr');
    const characterStyle = attribute(firstChild(runProperties, 'w:rStyle'), 'w:val');
    const layers = [
      this.defaults.run,
      ...this.tableStyles(tableStyleId).map((style) => style.run),
      ...this.chain(this.paragraphStyleId(paragraph)).map((style) => style.run),
      ...this.chain(characterStyle).map((style) => style.run),
      runProperties,
    ];
    for (const layer of layers) applyRunProperties(format, layer);
    return format;
  }

  /** The borders a table's style gives it, for tables without their own w:tblBorders. */
  tableStyleBorders(tableStyleId: string | undefined): XmlElement | undefined {
    let borders: XmlElement | undefined;
    for (const style of this.tableStyles(tableStyleId)) borders = firstChild(style.table, 'w:tblBorders') ?? borders;
    return borders;
  }
}
