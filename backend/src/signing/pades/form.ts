/** AcroForm work on pdf-lib's low-level objects: fields by name, filling, the signature field, stamps. */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { SigningError } from '../errors';

export const N = (name: string): PDFName => PDFName.of(name);

/** Annotation flags (ISO 32000-1 §12.5.3): Print, and Locked so the stamp cannot be moved. */
export const ANNOTATION_PRINT = 4;
export const ANNOTATION_LOCKED = 128;
const FIELD_READ_ONLY = 1;

export interface FieldNode {
  name: string;
  ref?: PDFRef;
  dict: PDFDict;
  /** The widget annotations: the field itself when field and widget are merged. */
  widgets: PDFDict[];
}

/** Text of a /T or /V: a literal or hex string, decoded (PDFDocEncoding or UTF-16BE). */
export function textOf(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

/** The AcroForm dictionary, created (and linked from the catalog) when the document has none. */
export function acroForm(doc: PDFDocument): PDFDict {
  const existing = doc.catalog.lookupMaybe(N('AcroForm'), PDFDict);
  if (existing) return existing;
  const form = doc.context.obj({ Fields: [] });
  doc.catalog.set(N('AcroForm'), doc.context.register(form));
  return form;
}

/** Terminal fields with their fully qualified names (parents' /T joined by "."). */
export function terminalFields(doc: PDFDocument): FieldNode[] {
  const form = doc.catalog.lookupMaybe(N('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(N('Fields'), PDFArray);
  const result: FieldNode[] = [];
  const visit = (entry: PDFObject, prefix: string, depth: number) => {
    const ref = entry instanceof PDFRef ? entry : undefined;
    const dict = doc.context.lookup(entry);
    if (!(dict instanceof PDFDict) || depth > 32) return;
    const partial = textOf(dict.lookup(N('T')));
    const name = partial === undefined ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const kids = dict.lookupMaybe(N('Kids'), PDFArray);
    const kidDicts = kids ? kids.asArray().map((kid) => doc.context.lookup(kid)).filter((kid): kid is PDFDict => kid instanceof PDFDict) : [];
    const fieldKids = kids ? kids.asArray().filter((_kid, i) => kidDicts[i]?.has(N('T'))) : [];
    if (fieldKids.length > 0) {
      for (const kid of fieldKids) visit(kid, name, depth + 1);
      return;
    }
    result.push({ name, ref, dict, widgets: kidDicts.length > 0 ? kidDicts : [dict] });
  };
  for (const entry of fields?.asArray() ?? []) visit(entry, '', 0);
  return result;
}

/** An inheritable field attribute (ISO 32000-1 §12.7.3.1): the field's or its nearest ancestor's. */
export function inherited(dict: PDFDict, key: string): PDFObject | undefined {
  for (let node: PDFDict | undefined = dict, depth = 0; node && depth < 32; depth++) {
    const value = node.lookup(N(key));
    if (value !== undefined) return value;
    node = node.lookupMaybe(N('Parent'), PDFDict);
  }
  return undefined;
}

export function findField(doc: PDFDocument, name: string): FieldNode {
  const field = terminalFields(doc).find((candidate) => candidate.name === name);
  if (!field) throw new SigningError('FIELD_NOT_FOUND', `Không tìm thấy trường "${name}" trong tệp PDF.`);
  return field;
}

export function setReadOnly(field: FieldNode): void {
  const flags = field.dict.lookupMaybe(N('Ff'), PDFNumber)?.asNumber() ?? 0;
  field.dict.set(N('Ff'), PDFNumber.of(flags | FIELD_READ_ONLY));
}

/** Rect of a widget as [x, y, width, height], normalised. */
export function widgetRect(widget: PDFDict): [number, number, number, number] {
  const rect = widget.lookupMaybe(N('Rect'), PDFArray);
  const [x1, y1, x2, y2] = (rect?.asArray() ?? []).map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
  return [Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1)];
}

/** Font size in a default appearance string such as "/Helv 0 Tf 0 g" (0 means auto). */
export function fontSizeOf(da: string | undefined): number {
  const match = da ? /([\d.]+)\s+Tf/.exec(da) : null;
  return match ? Number(match[1]) : 0;
}

/** Adds an annotation to the page's /Annots (creating the array when the page has none). */
export function addAnnotation(doc: PDFDocument, pageIndex: number, annotation: PDFRef): PDFRef {
  const page = doc.getPages()[pageIndex];
  const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
  if (annots) annots.push(annotation);
  else page.node.set(N('Annots'), doc.context.obj([annotation]));
  return page.ref;
}

export function hasSignedField(doc: PDFDocument): boolean {
  return terminalFields(doc).some((field) => field.dict.lookup(N('FT')) === N('Sig') && field.dict.has(N('V')));
}

/** The DocMDP permission of the document's certification signature, if it has one. */
export function certificationPermission(doc: PDFDocument): number | undefined {
  const signature = doc.catalog.lookupMaybe(N('Perms'), PDFDict)?.lookupMaybe(N('DocMDP'), PDFDict);
  if (!signature) return undefined;
  const references = signature.lookupMaybe(N('Reference'), PDFArray)?.asArray() ?? [];
  for (const entry of references) {
    const reference = doc.context.lookup(entry);
    if (!(reference instanceof PDFDict) || reference.lookup(N('TransformMethod')) !== N('DocMDP')) continue;
    const permission = reference.lookupMaybe(N('TransformParams'), PDFDict)?.lookup(N('P'));
    return permission instanceof PDFNumber ? permission.asNumber() : 2; // ISO 32000-1 Table 254: default 2
  }
  return 2;
}
