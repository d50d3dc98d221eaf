/**
 * Inline emphasis inside a plan's texts (preamble, body, closing, the form's labels): a tiny markup
 * that the DOCX renderer, the preview, the editor and the importer share, so text stays a plain
 * string (diffs, search and hashes keep working, old content stays valid):
 *   *italic*   **bold**   ***bold italic***   \* a literal star   \\ a literal backslash
 * A run of 1–3 stars toggles italic (1), bold (2) or both (3). It opens only before a non-space
 * character and closes only after one; stars that neither open nor close, or are never closed, are
 * literal — so text typed before the markup existed ("* Ghi chú:", "5 * 3") reads as typed.
 *
 * Kept free of runtime imports: the admin UI (Vite) imports this very file.
 */
export interface InlineRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

type Style = 'italic' | 'bold';

const STYLES_OF_RUN: Record<number, Style[]> = { 1: ['italic'], 2: ['bold'], 3: ['italic', 'bold'] };

/** A run of stars in the text, and the styles it turned on or off. */
interface Delimiter {
  kind: 'delimiter';
  stars: string;
  toggles: Style[];
}

type Token = { kind: 'text'; text: string } | Delimiter;

const isSpace = (char: string | undefined) => char === undefined || /\s/u.test(char);

/** Splits into literal text (escapes resolved) and star runs, with what each star run may do. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pushText = (chunk: string) => {
    const last = tokens.at(-1);
    if (last?.kind === 'text') last.text += chunk;
    else tokens.push({ kind: 'text', text: chunk });
  };
  const open: Record<Style, Delimiter | null> = { italic: null, bold: null };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\' && (text[i + 1] === '*' || text[i + 1] === '\\')) {
      pushText(text[i + 1]);
      i += 2;
      continue;
    }
    if (char !== '*') {
      pushText(char);
      i += 1;
      continue;
    }
    let end = i;
    while (text[end] === '*') end += 1;
    const stars = text.slice(i, end);
    const styles = STYLES_OF_RUN[stars.length];
    const canOpen = !isSpace(text[end]);
    const canClose = !isSpace(text[i - 1]);
    const delimiter: Delimiter = { kind: 'delimiter', stars, toggles: [] };
    for (const style of styles ?? []) {
      if (open[style] && canClose) {
        open[style] = null;
        delimiter.toggles.push(style);
      } else if (!open[style] && canOpen) {
        open[style] = delimiter;
        delimiter.toggles.push(style);
      }
    }
    tokens.push(delimiter);
    i = end;
  }
  // A style never closed: the stars that opened it are text after all.
  for (const style of ['italic', 'bold'] as const) {
    const opener = open[style];
    if (opener) opener.toggles = opener.toggles.filter((s) => s !== style);
  }
  return tokens;
}

/** The styled runs a text shows; adjacent runs of one style are merged, empty ones dropped. */
export function parseInline(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  const on: Record<Style, boolean> = { italic: false, bold: false };
  const append = (chunk: string) => {
    if (!chunk) return;
    const last = runs.at(-1);
    if (last && Boolean(last.italic) === on.italic && Boolean(last.bold) === on.bold) last.text += chunk;
    else runs.push({ text: chunk, ...(on.italic ? { italic: true } : {}), ...(on.bold ? { bold: true } : {}) });
  };
  for (const token of tokenize(text)) {
    if (token.kind === 'text') {
      append(token.text);
      continue;
    }
    const literalStars = token.stars.length - token.toggles.reduce((n, style) => n + (style === 'italic' ? 1 : 2), 0);
    // Literal stars of a run that also toggles print before the toggle when it closes, after when it opens.
    const closes = token.toggles.some((style) => on[style]);
    if (closes) append('*'.repeat(literalStars));
    for (const style of token.toggles) on[style] = !on[style];
    if (!closes) append('*'.repeat(literalStars));
  }
  return runs;
}

/** The text without its markup: what a reader sees, for lists, searches and checks. */
export function plainText(text: string): string {
  return parseInline(text).map((run) => run.text).join('');
}

/** Literal text as markup: every star and backslash escaped. */
export function escapeInline(plain: string): string {
  return plain.replace(/[\\*]/g, (char) => `\\${char}`);
}

const stylesOf = (run: InlineRun): Style[] => [...(run.italic ? ['italic' as const] : []), ...(run.bold ? ['bold' as const] : [])];

const starsFor = (styles: Style[]) => '*'.repeat(styles.reduce((n, style) => n + (style === 'italic' ? 1 : 2), 0));

/**
 * Markup for styled runs (Word's italics, the importer): parseInline(toInlineMarkup(runs)) gives the
 * same text and styles. Styles change right at the edges of the non-space text, where stars may
 * open and close; spaces between runs stay outside the stars.
 */
export function toInlineMarkup(runs: readonly InlineRun[]): string {
  let out = '';
  let pendingSpace = '';
  let current: Style[] = [];
  for (const run of runs) {
    const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(run.text)!;
    if (!core) {
      pendingSpace += run.text;
      continue;
    }
    const target = stylesOf(run);
    out += starsFor(current.filter((style) => !target.includes(style)));
    out += pendingSpace + lead + starsFor(target.filter((style) => !current.includes(style))) + escapeInline(core);
    current = target;
    pendingSpace = trail;
  }
  return out + starsFor(current) + pendingSpace;
}
