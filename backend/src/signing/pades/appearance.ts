/** Appearance streams (form XObjects) for signature widgets, filled fields and text stamps. */
import {
  PDFContext,
  PDFDocument,
  PDFFont,
  PDFImage,
  PDFName,
  PDFOperator,
  PDFRef,
  beginMarkedContent,
  beginText,
  concatTransformationMatrix,
  drawObject,
  endMarkedContent,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
} from 'pdf-lib';
import { TINOS_METRICS, TinosFonts, TinosStyle, embedTinos } from '../../typesetting/tinos';
import { SigningError } from '../errors';
import { PdfBox, SignatureCaption, TextColor } from './types';

const POINTS_PER_MM = 72 / 25.4;
/** The red of seals and of marks that must not be missed (a recall). */
const RED = [0.8, 0, 0] as const;

/** Where the seal goes: true size, right edge one third into the leader's box, vertically centred. */
export function sealBox(leaderBox: PdfBox, diameterMm: number): PdfBox {
  const diameter = diameterMm * POINTS_PER_MM;
  return {
    page: leaderBox.page,
    x: leaderBox.x + leaderBox.width / 3 - diameter,
    y: leaderBox.y + leaderBox.height / 2 - diameter / 2,
    width: diameter,
    height: diameter,
  };
}

export function defaultSignatureText(signerName: string, organisation: string | undefined, time: string): string[] {
  return [`Ký bởi: ${signerName}`, ...(organisation ? [organisation] : []), `Thời gian: ${time}`];
}

/**
 * Text in Tinos for appearance streams. One instance per revision: it remembers which faces were
 * used, so that only those are embedded (as subsets, after all text is known).
 */
export class AppearanceText {
  private readonly names = new Map<PDFFont, PDFName>();

  private constructor(private readonly tinos: TinosFonts) {}

  static async create(doc: PDFDocument): Promise<AppearanceText> {
    return new AppearanceText(await embedTinos(doc));
  }

  /** Over the faces a document is already drawn with (the renderer's), so no face is embedded twice. */
  static over(tinos: TinosFonts): AppearanceText {
    return new AppearanceText(tinos);
  }

  width(text: string, size: number, style: TinosStyle = 'regular'): number {
    return this.tinos.widthOf(text, style, size);
  }

  /** Operators drawing one line with its baseline starting at (x, y), black unless a colour is given. */
  line(text: string, x: number, y: number, size: number, style: TinosStyle = 'regular', color: TextColor = 'black'): PDFOperator[] {
    const operators: PDFOperator[] = [beginText(), color === 'red' ? setFillingRgbColor(...RED) : setFillingGrayscaleColor(0)];
    let cursor = x;
    for (const run of this.runs(text, style)) {
      operators.push(setFontAndSize(this.nameOf(run.font), size), setTextMatrix(1, 0, 0, 1, cursor, y), showText(run.font.encodeText(run.text)));
      cursor += this.width(run.text, size, style);
    }
    operators.push(endText());
    return operators;
  }

  /** The /Font resources of every face used so far. */
  fontResources(): Record<string, PDFRef> {
    return Object.fromEntries([...this.names].map(([font, name]) => [name.asString().slice(1), font.ref]));
  }

  /** Writes the used faces into the document (subsets of the glyphs drawn). */
  async embedUsed(): Promise<void> {
    for (const font of this.names.keys()) await font.embed();
  }

  private nameOf(font: PDFFont): PDFName {
    let name = this.names.get(font);
    if (!name) this.names.set(font, (name = PDFName.of(`KhF${this.names.size}`)));
    return name;
  }

  private runs(text: string, style: TinosStyle): Array<{ font: PDFFont; text: string }> {
    const runs: Array<{ font: PDFFont; text: string }> = [];
    for (const char of text) {
      const font = this.tinos.fontFor(char, style);
      const last = runs[runs.length - 1];
      if (last?.font === font) last.text += char;
      else runs.push({ font, text: char });
    }
    return runs;
  }
}

function formXObject(context: PDFContext, width: number, height: number, operators: PDFOperator[], resources: Record<string, unknown>): PDFRef {
  const stream = context.formXObject(operators, {
    BBox: [0, 0, width, height],
    Resources: resources as never,
  });
  return context.register(stream);
}

async function embedPng(doc: PDFDocument, png: Buffer): Promise<PDFImage> {
  try {
    const image = await doc.embedPng(png);
    await image.embed();
    return image;
  } catch (error) {
    throw new SigningError('INVALID_IMAGE', 'Ảnh chữ ký hoặc con dấu không phải tệp PNG hợp lệ.', { cause: error });
  }
}

/** The caption's operators (bold, centred in the bottom strip) and the height left above it. */
function captionOperators(text: AppearanceText | undefined, caption: SignatureCaption | undefined, width: number): PDFOperator[] {
  if (!caption || !text) return [];
  const size = Math.min(caption.fontSize, (width - 4) / Math.max(text.width(caption.text, 1, 'bold'), 0.01));
  const y = (caption.height - size * (TINOS_METRICS.ascent - TINOS_METRICS.descent)) / 2 - size * TINOS_METRICS.descent;
  return text.line(caption.text, (width - text.width(caption.text, size, 'bold')) / 2, y, size, 'bold');
}

/** The image scaled to fit the box above the caption (aspect kept) and centred; a seal box is square, so it fills it. */
export async function imageAppearance(doc: PDFDocument, png: Buffer, width: number, height: number, caption?: SignatureCaption, text?: AppearanceText): Promise<PDFRef> {
  const image = await embedPng(doc, png);
  const below = caption?.height ?? 0;
  const room = height - below;
  const scale = Math.min(width / image.width, room / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  const operators = [
    pushGraphicsState(),
    concatTransformationMatrix(w, 0, 0, h, (width - w) / 2, below + (room - h) / 2),
    drawObject('Im0'),
    popGraphicsState(),
    ...captionOperators(text, caption, width),
  ];
  return formXObject(doc.context, width, height, operators, { XObject: { Im0: image.ref }, ...(caption && text ? { Font: text.fontResources() } : {}) });
}

/** Lines of text, left-aligned, vertically centred; the size shrinks until the longest line fits. */
export function textAppearance(
  doc: PDFDocument,
  text: AppearanceText,
  lines: string[],
  width: number,
  fullHeight: number,
  preferredSize = 10,
  caption?: SignatureCaption,
  color: TextColor = 'black',
): PDFRef {
  const padding = 2;
  const lineFactor = 1.2;
  const below = caption?.height ?? 0;
  const height = fullHeight - below;
  const longest = Math.max(...lines.map((line) => text.width(line, 1)), 0.01);
  const size = Math.max(4, Math.min(preferredSize, (width - 2 * padding) / longest, (height - 2 * padding) / (lines.length * lineFactor)));
  const blockHeight = lines.length * size * lineFactor;
  let baseline = below + (height + blockHeight) / 2 - size * TINOS_METRICS.ascent;
  const operators: PDFOperator[] = [...captionOperators(text, caption, width)];
  for (const line of lines) {
    operators.push(...text.line(line, padding, baseline, size, 'regular', color));
    baseline -= size * lineFactor;
  }
  return formXObject(doc.context, width, fullHeight, operators, { Font: text.fontResources() });
}

/**
 * A filled text field's appearance: marked content /Tx, one line, aligned per /Q, in the given face
 * (default regular). A value wider than the field at its font size (a long title) is set smaller, not cut.
 */
export function fieldAppearance(
  doc: PDFDocument,
  text: AppearanceText,
  value: string,
  width: number,
  height: number,
  options: { fontSize: number; align: 0 | 1 | 2; style?: TinosStyle },
): PDFRef {
  const padding = 2;
  const style = options.style ?? 'regular';
  const fit = (width - 2 * padding) / Math.max(text.width(value, 1, style), 0.01);
  const size = options.fontSize > 0 ? Math.min(options.fontSize, fit) : Math.max(4, Math.min(12, height * 0.7, fit));
  const lineWidth = text.width(value, size, style);
  const x = options.align === 1 ? (width - lineWidth) / 2 : options.align === 2 ? width - padding - lineWidth : padding;
  // Centre the glyphs' ascent-descent band in the field.
  const y = (height - size * (TINOS_METRICS.ascent - TINOS_METRICS.descent)) / 2;
  const operators = [
    beginMarkedContent('Tx'),
    pushGraphicsState(),
    ...text.line(value, x, y, size, style),
    popGraphicsState(),
    endMarkedContent(),
  ];
  return formXObject(doc.context, width, height, operators, { Font: text.fontResources() });
}
