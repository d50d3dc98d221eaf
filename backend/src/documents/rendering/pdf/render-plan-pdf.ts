/**
 * Renders a plan as PDF, laid out as LibreOffice lays out the DOCX of the same view (the shipped
 * templates), in Tinos, with no system package. Rendered once before the first signature: with
 * `issueFields` the number and date are blanks under AcroForm text fields (so, ngay, thang, nam)
 * that the clerk fills at issue; with `titleFields` each co-issuer's title line is a field
 * (chuc_danh_1, …) that its signature fills with the title signed under. The classic
 * cross-reference table (no object streams) lets the signing code append incremental updates; the
 * same input gives the same bytes.
 */
import { PDFDocument, PDFPage, rgb, TextAlignment } from 'pdf-lib';
import { buildPlanView, type PlanView } from '../plan-view-model';
import type { RenderInput } from '../render-input';
import { templateKindOf, type TemplateKind } from '../../../core/template-kinds';
import { paginate, slicesOf, type DrawContext, type Placed, type Placement } from './flow';
import { useNativeFlate } from './native-flate';
import type { PdfBox } from '../../../typesetting/pdf-box';
import { ISSUE_FIELDS, planDocument, signatureMark, titleField, type IssueField, type TitleLine } from './plan-document';
import { PAGE, STYLES, TEXT_WIDTH, TITLE_LINE_STYLE } from './styles';
import { AppearanceText, fieldAppearance } from '../../../signing/pades/appearance';
import { embedTinos, TINOS_METRICS, type TinosFonts } from '../../../typesetting/tinos';

export interface RenderPlanPdfOptions {
  /** the template's layout: one signature beside "Nơi nhận", or the joint plan's grid */
  kind: TemplateKind;
  /** true: blanks and AcroForm fields for number and date; false: the view's number and date as text */
  issueFields: boolean;
  /**
   * true: each co-issuer's title line an AcroForm field, showing the view's title until the
   * co-issuer's signature fills in the one signed under; false (default): the view's titles as text
   */
  titleFields?: boolean;
  /** the document's creation and modification date in its metadata; none when absent */
  createdAt?: Date;
}

export interface PlanPdfLayout {
  /** For every signature block in the document: whose block (organisation id) and the free room
   *  between its title line(s) and the signer's name, where a signature image and seal go; a
   *  co-issuer's block rendered with `titleFields` also names the field of its title line. */
  signatureBlocks: { organisationId: string; box: PdfBox; titleField?: string }[];
  /** The blanks the clerk fills at issue: AcroForm text fields created by the renderer. */
  issueFields: { number: PdfBox; day: PdfBox; month: PdfBox; year: PdfBox } | null;
  /** 0-based page where the appendix starts, or null */
  appendixFirstPage: number | null;
  pageCount: number;
}

export interface RenderedPlanPdf {
  pdf: Uint8Array;
  layout: PlanPdfLayout;
}

const PRODUCER = 'kehoach';

export async function renderPlanPdf(view: PlanView, options: RenderPlanPdfOptions): Promise<RenderedPlanPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  useNativeFlate(doc);
  const fonts = await embedTinos(doc);
  const fields = { issueFields: options.issueFields, titleFields: options.titleFields ?? false };
  const { blocks, signatureOwners, titleLines, appendixStart } = planDocument(view, options.kind, fields, fonts);
  const body = slicesOf(blocks.slice(0, appendixStart), fonts);
  const appendix = slicesOf(blocks.slice(appendixStart), fonts);
  const placements = paginate([...body, ...appendix]);
  const { pages, placed } = drawPages(doc, placements, fonts);
  const titleFields = addTitleFields(doc, pages, placed, fonts, titleLines);
  const layout: PlanPdfLayout = {
    signatureBlocks: signatureOwners.map((organisationId, i) => ({ organisationId, box: signatureBox(placed, i), titleField: titleFields.get(organisationId) })),
    issueFields: options.issueFields ? addIssueFields(doc, pages, placed, fonts) : null,
    appendixFirstPage: appendix.length ? placements.find(({ slice }) => slice === appendix[0])!.page : null,
    pageCount: pages.length,
  };
  setMetadata(doc, view, options.createdAt);
  // objectsPerTick: pdf-lib otherwise yields to the event loop every 50 objects, a third of the time.
  // The fields' appearances were made with Tinos by addToPage: no refresh, which would embed Helvetica.
  const pdf = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity, updateFieldAppearances: false });
  return { pdf, layout };
}

/** The pages with what was placed on them, each written as one content stream; where marks landed. */
function drawPages(doc: PDFDocument, placements: Placement[], fonts: TinosFonts) {
  const pageCount = placements[placements.length - 1].page + 1;
  const placed = new Map<string, Placed>();
  const pages = Array.from({ length: pageCount }, () => doc.addPage([PAGE.width, PAGE.height]));
  const contexts = pages.map((page, pageIndex): DrawContext => ({ page, content: [], pageIndex, fonts, placed }));
  for (const { slice, page, top, lines } of placements) slice.draw(contexts[page], top, lines);
  contexts.forEach((context, i) => {
    if (i > 0) drawPageNumber(context, i + 1);
    // Written here rather than through pdf-lib's operator objects, which cost more than the layout.
    context.page.node.addContentStream(doc.context.register(doc.context.flateStream(context.content.join('\n'))));
  });
  return { pages, placed };
}

/** From the second page on, the number centred in the top margin (the template's w:titlePg header). */
function drawPageNumber({ page, content, fonts }: DrawContext, number: number): void {
  const { size } = STYLES.KHSoTrang;
  const text = String(number);
  const x = PAGE.left + (TEXT_WIDTH - fonts.widthOf(text, 'regular', size)) / 2;
  content.push(fonts.textOperators(page, text, { x, y: PAGE.height - PAGE.header - TINOS_METRICS.ascent * size, size, style: 'regular' }).operators);
}

/** A box from top/bottom edges measured from the page's top. */
function toBox({ page, top, bottom, left, right }: Placed): PdfBox {
  return { page, x: left, y: PAGE.height - bottom, width: right - left, height: bottom - top };
}

/** The room between the head lines and the name: from the first empty line to the name's top. */
function signatureBox(placed: Map<string, Placed>, index: number): PdfBox {
  const room = placed.get(signatureMark(index, 'room'))!;
  const name = placed.get(signatureMark(index, 'name'))!;
  return toBox({ ...room, bottom: name.top });
}

const FIELD_ALIGNMENT: Record<IssueField, TextAlignment> = {
  so: TextAlignment.Right,
  ngay: TextAlignment.Center,
  thang: TextAlignment.Center,
  nam: TextAlignment.Left,
};
const FIELD_LENGTH: Record<IssueField, number> = { so: 6, ngay: 2, thang: 2, nam: 4 };

/**
 * Text fields over the blanks: no border or background, the face and size of their line, empty
 * until the clerk fills them. Each covers its line's height.
 */
function addIssueFields(doc: PDFDocument, pages: PDFPage[], placed: Map<string, Placed>, fonts: TinosFonts) {
  const form = doc.getForm();
  const boxes = {} as Record<IssueField, PdfBox>;
  for (const name of ISSUE_FIELDS) {
    const style = name === 'so' ? STYLES.KHSoKyHieu : STYLES.KHDiaDanhNgay;
    const box = toBox(placed.get(name)!);
    const font = fonts.fontFor('0', name === 'so' ? 'regular' : 'italic');
    const field = form.createTextField(name);
    field.setMaxLength(FIELD_LENGTH[name]);
    field.setAlignment(FIELD_ALIGNMENT[name]);
    field.addToPage(pages[box.page], {
      ...box,
      font,
      textColor: rgb(0, 0, 0),
      borderWidth: 0,
      borderColor: undefined,
      backgroundColor: undefined,
    });
    // The size is kept in the field's default appearance, which addToPage creates.
    field.setFontSize(style.size);
    field.updateAppearances(font);
    boxes[name] = box;
  }
  return { number: boxes.so, day: boxes.ngay, month: boxes.thang, year: boxes.nam };
}

/**
 * Text fields over the co-issuers' empty title lines: as wide as the block, centred, in the line's
 * face and size, no border or background, showing the view's title (before anyone signs, the
 * organisation's signerTitle) until the signature fills in the one signed under. Answers each
 * co-issuer's field by its organisation.
 */
function addTitleFields(doc: PDFDocument, pages: PDFPage[], placed: Map<string, Placed>, fonts: TinosFonts, lines: TitleLine[]): Map<string, string> {
  const fields = new Map<string, string>();
  if (!lines.length) return fields;
  const form = doc.getForm();
  const { size } = STYLES.KHChucDanh;
  const text = AppearanceText.over(fonts);
  lines.forEach(({ organisationId, title }, index) => {
    const name = titleField(index);
    const box = toBox(placed.get(name)!);
    const field = form.createTextField(name);
    field.setAlignment(TextAlignment.Center);
    field.addToPage(pages[box.page], {
      ...box,
      font: fonts.fontFor('A', TITLE_LINE_STYLE),
      textColor: rgb(0, 0, 0),
      borderWidth: 0,
      borderColor: undefined,
      backgroundColor: undefined,
    });
    field.setFontSize(size);
    field.setText(title);
    // pdf-lib's appearance would draw with one face, which lacks most Vietnamese letters: the signing
    // code's, as its fill will draw the title signed under.
    field.acroField.getWidgets()[0].setNormalAppearance(fieldAppearance(doc, text, title, box.width, box.height, { fontSize: size, align: 1, style: TITLE_LINE_STYLE }));
    fields.set(organisationId, name);
  });
  return fields;
}

function setMetadata(doc: PDFDocument, view: PlanView, createdAt: Date | undefined): void {
  doc.setTitle(`${view.heading} ${view.title}`);
  doc.setAuthor(view.issuerFullName);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setLanguage('vi-VN');
  if (createdAt) {
    doc.setCreationDate(createdAt);
    doc.setModificationDate(createdAt);
  }
}

/** Which lines of the PDF are form fields (a PDF prepared for signing). */
export type PlanPdfFields = Pick<RenderPlanPdfOptions, 'issueFields' | 'titleFields'>;

/**
 * The plan's PDF from the same input as its DOCX: the template kind from the plan's kind, the
 * metadata dates from the issue date (else the rendering date), so a given input gives given bytes.
 */
export function renderPlanPdfFromInput(input: RenderInput, fields: PlanPdfFields): Promise<RenderedPlanPdf> {
  return renderPlanPdf(buildPlanView(input), {
    kind: templateKindOf(input.content.kind),
    ...fields,
    createdAt: input.numbering.issuedAt ?? input.renderedAt,
  });
}
