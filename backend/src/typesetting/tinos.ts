import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { CustomFontSubsetEmbedder, PDFDocument, PDFFont, PDFName, PDFOperator, PDFOperatorNames, PDFPage, RGB, rgb } from 'pdf-lib';
import { woffToSfnt } from './woff';

/**
 * Tinos (metric-compatible with Times New Roman, SIL OFL 1.1) from `@fontsource/tinos`. Fontsource
 * splits every style by unicode range, so one style is several faces and every character is drawn
 * with the first face whose cmap has it (FACE_RANGES order). Font bytes and their parsed fontkit
 * objects are cached per process; a document gets, as subsets, the faces it drew with.
 */

export type TinosStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface DrawTextOptions {
  /** Left end of the baseline, PDF points. */
  x: number;
  y: number;
  size: number;
  style: TinosStyle;
  color?: RGB;
  /** extra room after every space, points (a justified line) */
  wordSpacing?: number;
}

export interface TinosFonts {
  /** Advance width of `text` in points (no kerning: what drawText puts on the page). */
  widthOf(text: string, style: TinosStyle, size: number): number;
  /** Draws `text` on one line starting at (x, y); returns its width, word spacing included. */
  drawText(page: PDFPage, text: string, options: DrawTextOptions): number;
  /**
   * The content-stream operators drawing `text` (what drawText adds to the page), for a caller
   * that writes a page's content itself; the page gets the fonts' resources. Without `color` the
   * text takes the current fill colour.
   */
  textOperators(page: PDFPage, text: string, options: DrawTextOptions): { operators: string; width: number };
  /** The font of the face drawing `text`'s first character, e.g. for a form field's appearance. */
  fontFor(text: string, style: TinosStyle): PDFFont;
  /**
   * Writes the subsets of the faces used so far into the document. doc.save() does it itself;
   * call it before writing the document's objects any other way (an incremental update).
   */
  embedUsed(): Promise<void>;
}

/** Line metrics shared by every Tinos face, as fractions of the font size. */
export const TINOS_METRICS = {
  /** hhea/win ascent 1825 / 2048 units. */
  ascent: 1825 / 2048,
  /** hhea/win descent 443 / 2048 units. */
  descent: 443 / 2048,
};

const FACE_RANGES = ['latin', 'vietnamese', 'latin-ext'] as const;
const STYLE_FILES: Record<TinosStyle, string> = {
  regular: '400-normal',
  bold: '700-normal',
  italic: '400-italic',
  boldItalic: '700-italic',
};
const BLACK = rgb(0, 0, 0);
const STYLES = Object.keys(STYLE_FILES) as TinosStyle[];
const POSTSCRIPT_STYLE: Record<TinosStyle, string> = {
  regular: 'Regular',
  bold: 'Bold',
  italic: 'Italic',
  boldItalic: 'BoldItalic',
};
/** Layout tables left out of the embedded faces (see woffToSfnt): text is drawn by plain cmap lookup. */
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF'];

interface FontkitGlyph {
  advanceWidth: number;
}
interface FontkitFont {
  unitsPerEm: number;
  createSubset(): { encodeStream(): unknown };
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
}
interface Face {
  name: string;
  bytes: Uint8Array;
  font: FontkitFont;
}

let faces: Record<TinosStyle, Face[]> | undefined;

/**
 * Per style, for each code point below TABLE_SIZE (Latin and Vietnamese letters): the index of the
 * face drawing it and its advance in em, filled on first use (NaN: not yet). Measuring is most of
 * the layout's time, and fontkit's cmap lookup is slow.
 */
const TABLE_SIZE = 0x2000;
interface StyleTable {
  face: Int8Array;
  em: Float64Array;
}
const styleTables = new Map<Face[], StyleTable>();

function styleTable(styleFaces: Face[]): StyleTable {
  let table = styleTables.get(styleFaces);
  if (!table) {
    table = { face: new Int8Array(TABLE_SIZE), em: new Float64Array(TABLE_SIZE).fill(NaN) };
    styleTables.set(styleFaces, table);
  }
  return table;
}

/** Parsed fonts by their bytes: handed to pdf-lib so a document does not parse a face again. */
const parsedByBytes = new Map<Uint8Array, FontkitFont>();
const cachingFontkit = {
  create(bytes: Uint8Array, postscriptName?: string): unknown {
    return parsedByBytes.get(bytes) ?? fontkit.create(bytes, postscriptName);
  },
} as unknown as typeof fontkit;

function loadFaces(): Record<TinosStyle, Face[]> {
  if (faces) return faces;
  const filesDir = join(dirname(require.resolve('@fontsource/tinos/package.json')), 'files');
  const load = (style: TinosStyle, range: string, index: number): Face => {
    const bytes = woffToSfnt(readFileSync(join(filesDir, `tinos-${range}-${STYLE_FILES[style]}.woff`)), LAYOUT_TABLES);
    const font = fontkit.create(bytes) as unknown as FontkitFont;
    parsedByBytes.set(bytes, font);
    // A fixed subset tag instead of pdf-lib's random one keeps the output deterministic.
    const tag = `KHTN${String.fromCharCode(65 + STYLES.indexOf(style))}${String.fromCharCode(65 + index)}`;
    return { name: `${tag}+Tinos-${POSTSCRIPT_STYLE[style]}`, bytes, font };
  };
  faces = Object.fromEntries(
    STYLES.map((style) => [style, FACE_RANGES.map((range, index) => load(style, range, index))]),
  ) as Record<TinosStyle, Face[]>;
  return faces;
}

/** The face for one code point: the first that has it, else the first (drawn as .notdef). */
function findFace(styleFaces: Face[], codePoint: number): number {
  return Math.max(0, styleFaces.findIndex((face) => face.font.hasGlyphForCodePoint(codePoint)));
}

function emOf(face: Face, codePoint: number): number {
  return face.font.glyphForCodePoint(codePoint).advanceWidth / face.font.unitsPerEm;
}

/** Fills the table's entry for a code point, when in the table and not yet filled. */
function lookUp(styleFaces: Face[], table: StyleTable, codePoint: number): void {
  if (codePoint < TABLE_SIZE && Number.isNaN(table.em[codePoint])) {
    const face = findFace(styleFaces, codePoint);
    table.face[codePoint] = face;
    table.em[codePoint] = emOf(styleFaces[face], codePoint);
  }
}

function faceIndexOf(styleFaces: Face[], table: StyleTable, codePoint: number): number {
  if (codePoint >= TABLE_SIZE) return findFace(styleFaces, codePoint);
  lookUp(styleFaces, table, codePoint);
  return table.face[codePoint];
}

/** Advance of `text` in em, in the faces that draw it. */
function textEm(styleFaces: Face[], text: string): number {
  const table = styleTable(styleFaces);
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i += 1;
    if (codePoint < TABLE_SIZE) {
      lookUp(styleFaces, table, codePoint);
      em += table.em[codePoint];
    } else {
      em += emOf(styleFaces[findFace(styleFaces, codePoint)], codePoint);
    }
  }
  return em;
}

/** Splits text into maximal runs drawn by one face. */
function runsOf(styleFaces: Face[], text: string): { face: number; text: string }[] {
  const runs: { face: number; text: string }[] = [];
  const table = styleTable(styleFaces);
  for (const char of text) {
    const face = faceIndexOf(styleFaces, table, char.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += char;
    else runs.push({ face, text: char });
  }
  return runs;
}

/** Hex digits as the bytes of a literal string, escaped where PDF strings need it (7.3.4.2). */
function literalBytes(hex: string): string {
  let bytes = '';
  for (let i = 0; i < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    const char = String.fromCharCode(byte);
    if (char === '(' || char === ')' || char === '\\') bytes += `\\${char}`;
    else if (byte === 0x0d) bytes += '\\r';
    else if (byte === 0x0a) bytes += '\\n';
    else bytes += char;
  }
  return bytes;
}

/** A number for a content stream: two decimals are a hundredth of a point, finer than any printer. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

interface EncodeStream {
  end(): void;
  read(): Uint8Array | null;
}
type EncodeStreamClass = new () => EncodeStream;
const encodeStreamClasses = new WeakMap<FontkitFont, EncodeStreamClass>();

/**
 * Makes the embedder write its subset synchronously. pdf-lib reads fontkit's encodeStream(),
 * which starts encoding on the next tick of fontkit's bundled nextTick, a setTimeout: each font
 * waited a timer, a good part of a document's time spent idle. The same encoder writes the same
 * bytes into the same kind of stream, read here at once.
 */
function encodeSubsetAtOnce(embedder: CustomFontSubsetEmbedder, face: Face): void {
  const internals = embedder as unknown as { subset: { encode(stream: EncodeStream): void }; serializeFont(): Promise<Uint8Array> };
  let EncodeStream = encodeStreamClasses.get(face.font);
  if (!EncodeStream) {
    // The stream class is not exported: taken from one stream, made once per face and process.
    EncodeStream = (face.font.createSubset().encodeStream() as object).constructor as EncodeStreamClass;
    encodeStreamClasses.set(face.font, EncodeStream);
  }
  const Stream = EncodeStream;
  internals.serializeFont = () => {
    const stream = new Stream();
    internals.subset.encode(stream);
    stream.end();
    const parts: Uint8Array[] = [];
    for (let chunk = stream.read(); chunk !== null; chunk = stream.read()) parts.push(chunk);
    return Promise.resolve(Buffer.concat(parts));
  };
}

/**
 * The faces' embedders: made up front because pdf-lib makes them asynchronously and drawing is
 * synchronous; cheap, as the fonts are parsed once per process.
 */
async function faceEmbedders(all: Record<TinosStyle, Face[]>): Promise<Map<Face, CustomFontSubsetEmbedder>> {
  const entries = await Promise.all(
    STYLES.flatMap((style) =>
      all[style].map(async (face): Promise<[Face, CustomFontSubsetEmbedder]> => {
        const embedder = await CustomFontSubsetEmbedder.for(cachingFontkit, face.bytes, face.name);
        encodeSubsetAtOnce(embedder, face);
        return [face, embedder];
      }),
    ),
  );
  return new Map(entries);
}

/**
 * Makes doc.save() first write the subsets of the faces something was drawn with: a style is three
 * faces and most documents use two, and an unused face would still cost its subset. pdf-lib itself
 * embeds at save only the fonts made by doc.embedFont, which these are not.
 */
function embedOnSave(doc: PDFDocument, embedUsed: () => Promise<void>): void {
  const save = doc.save.bind(doc);
  doc.save = async (options) => {
    await embedUsed();
    return save(options);
  };
}

/** Adds Tinos to `doc`; a face is written into the document (as a subset) when the document is saved, if used. */
export async function embedTinos(doc: PDFDocument): Promise<TinosFonts> {
  const all = loadFaces();
  const embedders = await faceEmbedders(all);
  const faceOrder = [...embedders.keys()];
  /** The document's font of each face drawn with, made (an object number taken) on first use. */
  const used = new Map<Face, PDFFont>();
  const use = (face: Face): PDFFont => {
    let font = used.get(face);
    if (!font) used.set(face, (font = PDFFont.of(doc.context.nextRef(), doc, embedders.get(face)!)));
    return font;
  };
  const pageFontKeys = new WeakMap<PDFPage, Map<Face, PDFName>>();
  /**
   * A piece of text as a PDF string of its two-byte glyph codes. pdf-lib's encodeText lays out the
   * whole string each time; a subset numbers a glyph once per document, so the code of each
   * character is kept after its first use.
   */
  const glyphCodes = new Map<Face, Map<string, string>>();
  /** Whole pieces too: a document's syllables repeat. */
  const pieces = new Map<Face, Map<string, string>>();
  const encode = (face: Face, text: string): string => {
    let known = pieces.get(face);
    if (!known) pieces.set(face, (known = new Map()));
    let encoded = known.get(text);
    if (encoded !== undefined) return encoded;
    let codes = glyphCodes.get(face);
    if (!codes) glyphCodes.set(face, (codes = new Map()));
    encoded = '(';
    for (const char of text) {
      let code = codes.get(char);
      if (code === undefined) {
        code = literalBytes(use(face).encodeText(char).toString().slice(1, -1));
        codes.set(char, code);
      }
      encoded += code;
    }
    encoded += ')';
    known.set(text, encoded);
    return encoded;
  };
  /** The page's resource name for a face, added on its first use there: short (K0…K11) unless taken. */
  const fontKey = (page: PDFPage, face: Face): PDFName => {
    let keys = pageFontKeys.get(page);
    if (!keys) pageFontKeys.set(page, (keys = new Map()));
    let key = keys.get(face);
    if (!key) {
      const font = use(face);
      const short = PDFName.of(`K${faceOrder.indexOf(face)}`);
      const taken = page.node.normalizedEntries().Font.has(short);
      key = taken ? page.node.newFontDictionary(font.name, font.ref) : short;
      if (!taken) page.node.setFontDictionary(short, font.ref);
      keys.set(face, key);
    }
    return key;
  };
  const fonts: TinosFonts = {
    widthOf(text, style, size) {
      return textEm(all[style], text) * size;
    },
    drawText(page, text, options) {
      // In a page of other content the fill colour may be anything: black unless told.
      const { operators, width } = fonts.textOperators(page, text, { color: BLACK, ...options });
      // One raw operator: pdf-lib's page.drawText re-lays out and re-validates every call.
      page.pushOperators(PDFOperator.of(operators as PDFOperatorNames));
      return width;
    },
    textOperators(page, text, { x, y, size, style, color, wordSpacing = 0 }) {
      // One text object: after the first Tm each run starts where the previous one ended.
      const position = `BT 1 0 0 1 ${num(x)} ${num(y)} Tm`;
      const parts = [color ? `q ${num(color.red)} ${num(color.green)} ${num(color.blue)} rg ${position}` : position];
      const fontSize = num(size);
      // Tw does not widen the spaces of a two-byte (Identity-H) font: a TJ shift follows each space.
      const shift = ` ${num((-wordSpacing * 1000) / size)} `;
      let width = 0;
      let spaces = 0;
      for (const run of runsOf(all[style], text)) {
        const face = all[style][run.face];
        width += fonts.widthOf(run.text, style, size);
        let shown = '';
        if (wordSpacing) {
          // A piece per space-ended word, the shift after it.
          let start = 0;
          for (let end = run.text.indexOf(' '); end >= 0; end = run.text.indexOf(' ', start)) {
            shown += encode(face, run.text.slice(start, end + 1)) + shift;
            spaces += 1;
            start = end + 1;
          }
          if (start < run.text.length) shown += encode(face, run.text.slice(start));
        } else {
          shown = encode(face, run.text);
        }
        parts.push(`${fontKey(page, face).asString()} ${fontSize} Tf [${shown}] TJ`);
      }
      parts.push(color ? 'ET Q' : 'ET');
      return { operators: parts.join('\n'), width: width + spaces * wordSpacing };
    },
    fontFor(text, style) {
      const styleFaces = all[style];
      return use(styleFaces[faceIndexOf(styleFaces, styleTable(styleFaces), text.codePointAt(0) ?? 32)]);
    },
    async embedUsed() {
      for (const font of used.values()) await font.embed();
    },
  };
  embedOnSave(doc, () => fonts.embedUsed());
  return fonts;
}
