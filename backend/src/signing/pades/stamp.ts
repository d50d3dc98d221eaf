/**
 * Text stamps: FreeText annotations with their own appearance, printed and locked. The clerk's
 * appendix stamp goes into the organisation's signature revision; a later mark (a recall) is a
 * revision of its own, which leaves every signature valid while showing it no longer covers the file.
 */
import { PDFDocument, PDFString } from 'pdf-lib';
import { SigningError } from '../errors';
import { AppearanceText, textAppearance } from './appearance';
import { ANNOTATION_LOCKED, ANNOTATION_PRINT, addAnnotation, certificationPermission } from './form';
import { IncrementalUpdate } from './incremental';
import { pdfText } from './pdf-text';
import { pdfDate } from './time';
import { PdfBox, TextStamp } from './types';

const MM = 72 / 25.4;

/** Appends one unsigned revision holding the stamps; `id` names them (each annotation's /NM). */
export async function appendStamps(pdf: Buffer, stamps: TextStamp[], id: string, time: Date): Promise<Buffer> {
  const update = await IncrementalUpdate.open(pdf);
  const { doc } = update;
  assertPlacements(doc, stamps.flatMap((stamp) => (stamp.box ? [stamp.box] : [])), stamps);
  assertAnnotationsAllowed(doc, stamps.length);
  const text = await AppearanceText.create(doc);
  for (const [index, stamp] of stamps.entries()) addStamp(doc, text, stamp, `${id}-${index + 1}`, time);
  await text.embedUsed();
  return update.serialise().bytes;
}

/** A certification signature (DocMDP) that allows no annotations would be voided by a stamp. */
export function assertAnnotationsAllowed(doc: PDFDocument, stampCount: number): void {
  const permission = certificationPermission(doc);
  if (permission === 1 || (permission === 2 && stampCount > 0)) {
    throw new SigningError('CERTIFICATION_FORBIDS', permission === 1
      ? 'Tài liệu đã được chứng nhận không cho phép thay đổi: không ký thêm được.'
      : 'Tài liệu đã được chứng nhận chỉ cho phép điền biểu mẫu và ký: không thêm được dấu văn bản (annotation).');
  }
}

/** Every box finite and not negative, and every page one of the document's. */
export function assertPlacements(doc: PDFDocument, boxes: PdfBox[], stamps: TextStamp[]): void {
  const pageCount = doc.getPageCount();
  const badBox = boxes.some((box) => ![box.x, box.y, box.width, box.height].every(Number.isFinite) || box.width < 0 || box.height < 0);
  const pages = [...boxes.map((box) => box.page), ...stamps.map((stamp) => stamp.page)];
  if (badBox || pages.some((page) => !Number.isInteger(page) || page < 0 || page >= pageCount)) {
    throw new SigningError('INVALID_BOX', `Vị trí chữ ký không hợp lệ (tài liệu có ${pageCount} trang).`);
  }
}

export function addStamp(doc: PDFDocument, text: AppearanceText, stamp: TextStamp, id: string, time: Date): void {
  const size = stamp.fontSize ?? 10;
  const box = stamp.box ?? topRightBox(doc, stamp, text, size);
  const normal = textAppearance(doc, text, stamp.lines, box.width, box.height, size, undefined, stamp.color);
  const pageRef = doc.getPages()[stamp.page].ref;
  const annotation = doc.context.obj({
    Type: 'Annot',
    Subtype: 'FreeText',
    Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
    Contents: pdfText(stamp.lines.join('\n')),
    DA: PDFString.of(`${stamp.color === 'red' ? '0.8 0 0 rg' : '0 g'} /Helv ${size} Tf`),
    BS: { W: 0 },
    F: ANNOTATION_PRINT | ANNOTATION_LOCKED,
    P: pageRef,
    NM: pdfText(id),
    M: PDFString.of(pdfDate(time)),
    AP: { N: normal },
  });
  addAnnotation(doc, stamp.page, doc.context.register(annotation));
}

/** Phụ lục I: top right of the page; 20 mm from the right edge, 10 mm from the top. */
function topRightBox(doc: PDFDocument, stamp: TextStamp, text: AppearanceText, size: number): PdfBox {
  const media = doc.getPages()[stamp.page].getMediaBox();
  const width = Math.max(...stamp.lines.map((line) => text.width(line, size))) + 4;
  const height = stamp.lines.length * size * 1.2 + 4;
  return { page: stamp.page, x: media.x + media.width - 20 * MM - width, y: media.y + media.height - 10 * MM - height, width, height };
}
