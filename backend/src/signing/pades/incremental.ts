/**
 * Appending a revision to a PDF (ISO 32000-1 §7.5.6, incremental update) with pdf-lib as the object
 * model. pdf-lib can only rewrite whole files, which would break earlier signatures, so this keeps
 * the original bytes untouched and writes after them only the objects that are new or changed.
 *
 * Changed objects are found by comparison, not by bookkeeping: right after loading, every indirect
 * object's serialisation is hashed; at the end, objects whose hash differs (or that did not exist)
 * are written. Whatever pdf-lib touched is therefore included, and nothing else.
 */
import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFName, PDFObject, PDFRef } from 'pdf-lib';
import { SigningError } from '../errors';

const hashOf = (object: PDFObject): string => {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return createHash('sha1').update(bytes).digest('base64');
};

export interface WrittenObject {
  ref: PDFRef;
  /** Offset of "n g obj" in the final file. */
  offset: number;
  /** Offset just after "endobj". */
  end: number;
}

export class IncrementalUpdate {
  private readonly snapshot = new Map<string, string>();

  private constructor(
    readonly original: Buffer,
    readonly doc: PDFDocument,
  ) {
    for (const [ref, object] of doc.context.enumerateIndirectObjects()) this.snapshot.set(ref.tag, hashOf(object));
  }

  static async open(pdf: Buffer): Promise<IncrementalUpdate> {
    let doc: PDFDocument;
    try {
      // updateMetadata: false, or pdf-lib would rewrite /Producer and /ModDate in the Info dictionary.
      doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
    } catch (error) {
      throw new SigningError('INVALID_PDF', 'Tệp PDF không đọc được.', { cause: error });
    }
    if (doc.isEncrypted) throw new SigningError('ENCRYPTED_PDF', 'Tệp PDF đã mã hóa: không ký được.');
    // pdf-lib forgets the numbers of object streams and xref streams it consumed; new objects must
    // not reuse them, or the previous revision's objects would be shadowed.
    doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, highestObjectNumber(pdf));
    // Building the page list may normalise page objects; do it before the snapshot.
    doc.getPages();
    return new IncrementalUpdate(pdf, doc);
  }

  /** New and changed objects, in object-number order. */
  changedObjects(): Array<[PDFRef, PDFObject]> {
    return this.doc.context
      .enumerateIndirectObjects()
      .filter(([ref, object]) => this.snapshot.get(ref.tag) !== hashOf(object))
      .sort(([a], [b]) => a.objectNumber - b.objectNumber);
  }

  /** The original bytes followed by the new revision: objects, xref section and trailer. */
  serialise(): { bytes: Buffer; objects: WrittenObject[] } {
    const parts: Buffer[] = [this.original];
    let offset = this.original.length;
    const push = (part: Buffer) => {
      parts.push(part);
      offset += part.length;
    };
    // The previous revision must end with an end-of-line before new objects start.
    const last = this.original[this.original.length - 1];
    if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n'));
    const objects: WrittenObject[] = [];
    for (const [ref, object] of this.changedObjects()) {
      const start = offset;
      const body = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      push(Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`), body, Buffer.from('\nendobj\n')]));
      objects.push({ ref, offset: start, end: offset });
    }
    const xrefOffset = offset;
    push(Buffer.from(xrefSection(objects) + this.trailer() + `startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
    return { bytes: Buffer.concat(parts), objects };
  }

  private trailer(): string {
    const { context } = this.doc;
    const info = context.trailerInfo;
    const trailer = PDFDict.withContext(context);
    trailer.set(PDFName.of('Size'), context.obj(context.largestObjectNumber + 1));
    if (info.Root) trailer.set(PDFName.of('Root'), info.Root);
    if (info.Info) trailer.set(PDFName.of('Info'), info.Info);
    if (info.ID) trailer.set(PDFName.of('ID'), info.ID);
    trailer.set(PDFName.of('Prev'), context.obj(previousXrefOffset(this.original)));
    return `trailer\n${trailer.toString()}\n`;
  }
}

/** The highest object number the file uses: from every "n g obj" header and every /Size. */
function highestObjectNumber(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  let highest = 0;
  for (const match of text.matchAll(/(?:^|[\r\n\s])(\d+)\s+\d+\s+obj\b/g)) highest = Math.max(highest, Number(match[1]));
  for (const match of text.matchAll(/\/Size\s+(\d+)/g)) highest = Math.max(highest, Number(match[1]) - 1);
  return highest;
}

/** Byte offset of the last cross-reference section, from the last `startxref`. */
export function previousXrefOffset(pdf: Buffer): number {
  const at = pdf.lastIndexOf('startxref');
  const match = at < 0 ? null : /^startxref\s+(\d+)/.exec(pdf.toString('latin1', at, at + 40));
  if (!match) throw new SigningError('INVALID_PDF', 'Tệp PDF không có bảng tham chiếu chéo (startxref).');
  return Number(match[1]);
}

/** Classic xref section with one subsection per run of consecutive object numbers. */
function xrefSection(objects: WrittenObject[]): string {
  let text = 'xref\n';
  for (let i = 0; i < objects.length; ) {
    let j = i;
    while (j + 1 < objects.length && objects[j + 1].ref.objectNumber === objects[j].ref.objectNumber + 1) j++;
    text += `${objects[i].ref.objectNumber} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      // Each entry is exactly 20 bytes, the end-of-line included.
      text += `${String(objects[k].offset).padStart(10, '0')} ${String(objects[k].ref.generationNumber).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  return text;
}
