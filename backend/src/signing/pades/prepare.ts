/**
 * Step 1 of signing: append one revision with everything the signature covers (field fills,
 * stamps, the signature field and its appearance) and an empty /Contents, then hash the ByteRange.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { SigningError } from '../errors';
import { AppearanceText, fieldAppearance, imageAppearance, sealBox, textAppearance } from './appearance';
import {
  ANNOTATION_LOCKED, ANNOTATION_PRINT, FieldNode, N, acroForm, addAnnotation, findField, fontSizeOf, hasSignedField,
  inherited, setReadOnly, terminalFields, textOf, widgetRect,
} from './form';
import { IncrementalUpdate } from './incremental';
import { pdfText } from './pdf-text';
import { addStamp, assertAnnotationsAllowed, assertPlacements } from './stamp';
import { pdfDate } from './time';
import { ByteRange, FieldFill, PdfBox, PreparedSignature, SignatureRequest } from './types';

/** Default room for the CMS: signer + 2 CA certificates (~1.5 KB each), signature, and an RFC 3161 token (~5 KB). */
export const DEFAULT_CONTENTS_SIZE = 16384;
const BYTE_RANGE_PLACEHOLDER = '**********'; // ten characters: room for any offset below 10 GB

export async function prepareSignature(pdf: Buffer, request: SignatureRequest): Promise<PreparedSignature> {
  const update = await IncrementalUpdate.open(pdf);
  const { doc } = update;
  validateRequest(doc, request);
  const needsText = (request.fills?.length ?? 0) > 0 || (request.stamps?.length ?? 0) > 0 || request.appearance.kind === 'text' || ('caption' in request.appearance && request.appearance.caption !== undefined);
  const text = needsText ? await AppearanceText.create(doc) : undefined;
  for (const fill of request.fills ?? []) fillField(doc, text!, fill, request.lockFilledFields ?? true);
  for (const [index, stamp] of (request.stamps ?? []).entries()) addStamp(doc, text!, stamp, `${request.fieldName}-stamp-${index + 1}`, request.signingTime);
  const contentsSize = request.contentsSize ?? DEFAULT_CONTENTS_SIZE;
  const signatureRef = doc.context.register(signatureDictionary(doc, request, contentsSize));
  await addSignatureField(doc, request, signatureRef, text);
  if (request.certify) {
    doc.catalog.set(N('Perms'), doc.context.obj({ DocMDP: signatureRef }));
  }
  await text?.embedUsed();
  const { bytes, objects } = update.serialise();
  const written = objects.find((object) => object.ref === signatureRef)!;
  const byteRange = fillByteRange(bytes, written.offset, written.end);
  return { prepared: bytes, byteRange, documentDigest: digestOfByteRange(bytes, byteRange) };
}

function validateRequest(doc: PDFDocument, request: SignatureRequest): void {
  const stamps = request.stamps ?? [];
  assertPlacements(doc, [request.box, ...stamps.flatMap((stamp) => (stamp.box ? [stamp.box] : []))], stamps);
  if (terminalFields(doc).some((field) => field.name === request.fieldName)) {
    throw new SigningError('FIELD_EXISTS', `Trường chữ ký "${request.fieldName}" đã có trong tài liệu.`);
  }
  if (request.certify && hasSignedField(doc)) {
    throw new SigningError('CERTIFY_NOT_FIRST', 'Chỉ chữ ký đầu tiên của tài liệu mới được là chữ ký chứng nhận (DocMDP).');
  }
  // A certification signature limits what later revisions may do; breaking it would void it.
  assertAnnotationsAllowed(doc, stamps.length);
}

function signatureDictionary(doc: PDFDocument, request: SignatureRequest, contentsSize: number): PDFDict {
  const placeholder = PDFName.of(BYTE_RANGE_PLACEHOLDER);
  const dict = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, placeholder, placeholder, placeholder],
    Contents: PDFHexString.of('0'.repeat(contentsSize * 2)),
    M: PDFString.of(pdfDate(request.signingTime)),
    Name: pdfText(request.signerName),
  });
  if (request.reason) dict.set(N('Reason'), pdfText(request.reason));
  if (request.location) dict.set(N('Location'), pdfText(request.location));
  if (request.certify) {
    dict.set(N('Reference'), doc.context.obj([{
      Type: 'SigRef',
      TransformMethod: 'DocMDP',
      TransformParams: { Type: 'TransformParams', P: request.certify.permission, V: '1.2' },
    }]));
  }
  return dict;
}

async function addSignatureField(doc: PDFDocument, request: SignatureRequest, signatureRef: PDFRef, text: AppearanceText | undefined): Promise<void> {
  const { appearance } = request;
  const box: PdfBox = appearance.kind === 'seal' ? sealBox(request.box, appearance.diameterMm)
    : appearance.kind === 'invisible' ? { ...request.box, width: 0, height: 0 } : request.box;
  const pageRef = doc.getPages()[box.page].ref;
  const widget = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: pdfText(request.fieldName),
    V: signatureRef,
    Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
    P: pageRef,
    F: ANNOTATION_PRINT | ANNOTATION_LOCKED,
  });
  const normal = appearance.kind === 'image' ? await imageAppearance(doc, appearance.image, box.width, box.height, appearance.caption, text)
    : appearance.kind === 'seal' ? await imageAppearance(doc, appearance.image, box.width, box.height)
    : appearance.kind === 'text' ? textAppearance(doc, text!, appearance.lines, box.width, box.height, appearance.fontSize, appearance.caption)
    : undefined;
  if (normal) widget.set(N('AP'), doc.context.obj({ N: normal }));
  const widgetRef = doc.context.register(widget);
  const form = acroForm(doc);
  const fields = form.lookupMaybe(N('Fields'), PDFArray);
  if (fields) fields.push(widgetRef);
  else form.set(N('Fields'), doc.context.obj([widgetRef]));
  // SignaturesExist | AppendOnly: viewers must save incrementally from now on.
  form.set(N('SigFlags'), PDFNumber.of(3));
  addAnnotation(doc, box.page, widgetRef);
}

function fillField(doc: PDFDocument, text: AppearanceText, fill: FieldFill, lock: boolean): void {
  const field: FieldNode = findField(doc, fill.name);
  const form = acroForm(doc);
  field.dict.set(N('V'), pdfText(fill.value));
  const da = textOf(inherited(field.dict, 'DA')) ?? textOf(form.lookup(N('DA')));
  const q = (inherited(field.dict, 'Q') as PDFNumber | undefined)?.asNumber?.() ?? 0;
  for (const widget of field.widgets) {
    const [, , width, height] = widgetRect(widget);
    const normal = fieldAppearance(doc, text, fill.value, width, height, { fontSize: fontSizeOf(da), align: (q === 1 || q === 2 ? q : 0), style: fill.style });
    widget.set(N('AP'), doc.context.obj({ N: normal }));
  }
  if (lock) setReadOnly(field);
  // Our appearances are final: a viewer regenerating them would change the signed document.
  if (form.has(N('NeedAppearances'))) form.set(N('NeedAppearances'), doc.context.obj(false));
}

/** Writes the real offsets over the placeholder, padded with spaces to the same length. */
function fillByteRange(bytes: Buffer, from: number, to: number): ByteRange {
  const object = bytes.toString('latin1', from, to);
  const rangeStart = from + object.indexOf('/ByteRange');
  const open = bytes.indexOf('[', rangeStart);
  const close = bytes.indexOf(']', open);
  const contentsStart = bytes.indexOf('<', from + object.indexOf('/Contents'));
  const contentsEnd = bytes.indexOf('>', contentsStart) + 1;
  const byteRange: ByteRange = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const text = `[${byteRange.join(' ')}`;
  if (text.length > close - open) throw new SigningError('INVALID_PDF', 'Tệp PDF quá lớn để ký.');
  bytes.write(text.padEnd(close - open, ' '), open, 'latin1');
  return byteRange;
}

export function digestOfByteRange(bytes: Buffer, [start1, length1, start2, length2]: ByteRange): Buffer {
  return createHash('sha256').update(bytes.subarray(start1, start1 + length1)).update(bytes.subarray(start2, start2 + length2)).digest();
}
