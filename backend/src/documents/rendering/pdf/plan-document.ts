/**
 * The plan as blocks for the layout engine, in the order and styles of the Word templates
 * (templates/build-templates.js: planDocumentXml, singleSignature, jointSignatures, appendix).
 */
import type { FormRowView } from '../form-view-model';
import type { MarkupView } from '../inline-view';
import type { BodyBlockView, PlanView, SignatureBlockView } from '../plan-view-model';
import type { TemplateKind } from '../../../core/template-kinds';
import type { Block, Paragraph, Table, TableCell } from './flow';
import type { TextRun } from './line-breaking';
import { CELL_MARGIN, FORM_COLUMNS, HEADER_COLUMNS, SIGNATURE_COLUMNS, STYLES, tinosStyle, type StyleId } from './styles';
import type { TinosFonts } from '../../../typesetting/tinos';

/** The AcroForm fields the clerk fills at issue, in the header's number and date lines. */
export const ISSUE_FIELDS = ['so', 'ngay', 'thang', 'nam'] as const;
export type IssueField = (typeof ISSUE_FIELDS)[number];

/** Each blank's width, in digits of its line's face: a number of up to four digits; day, month and year with a digit to spare. */
const BLANK_DIGITS: Record<IssueField, number> = { so: 4, ngay: 3, thang: 3, nam: 5 };

/** Marks naming where a signature block's room and its signer's name land (flow.ts `placed`). */
export const signatureMark = (index: number, part: 'room' | 'name') => `signature:${index}:${part}`;

/** The AcroForm field over the title line of the document's index-th co-issuer block, and its line's mark. */
export const titleField = (index: number) => `chuc_danh_${index + 1}`;

/** Which lines are left to AcroForm fields, for a PDF prepared for signing. */
export interface DocumentFields {
  /** the number and the date, which the clerk's signature fills at issue */
  issueFields: boolean;
  /** each co-issuer's title line, which its signature fills with the title signed under */
  titleFields: boolean;
}

/** A co-issuer's title line under its field: whose block, and the title it shows until its signature. */
export interface TitleLine {
  organisationId: string;
  title: string;
}

export interface PlanDocument {
  blocks: Block[];
  /** the owner of each signature block, by the block's index in the marks */
  signatureOwners: string[];
  /** the co-issuers' title lines under fields, by the index of titleField */
  titleLines: TitleLine[];
  /** index of the appendix's first block (blocks.length without a form) */
  appendixStart: number;
}

/** Signature blocks and title lines met while building, in document order. */
interface Builder {
  signatureOwners: string[];
  titleLines: TitleLine[];
  titleFields: boolean;
}

function paragraph(styleId: StyleId, runs: TextRun[] | string, mark?: string): Paragraph {
  const style = STYLES[styleId];
  const text = typeof runs === 'string' ? [{ text: runs, style: tinosStyle(style.bold, style.italic) }] : runs;
  return { kind: 'paragraph', style, runs: text, mark };
}

/** Markup runs in the paragraph's style, emphasis added (a bold run in an italic style is bold italic). */
function markupParagraph(styleId: StyleId, markup: MarkupView, prefix = ''): Paragraph {
  const style = STYLES[styleId];
  const runs: TextRun[] = prefix ? [{ text: prefix, style: tinosStyle(style.bold, style.italic) }] : [];
  for (const run of markup.runs) {
    runs.push({ text: run.text, style: tinosStyle(style.bold || run.bold || run.boldItalic, style.italic || run.italic || run.boldItalic) });
  }
  return paragraph(styleId, runs);
}

const table = (widths: number[], rows: Paragraph[][][], options: Partial<Table> = {}): Table => ({
  kind: 'table',
  rows: rows.map((cells) => cells.map((paragraphs, i): TableCell => ({ width: widths[i], paragraphs }))),
  bordered: false,
  cellMargin: CELL_MARGIN,
  headerRows: 0,
  ...options,
});

/** The number line and the place-and-date line, with blanks for the fields or the view's text. */
function numberAndDate(view: PlanView, issueFields: boolean, fonts: TinosFonts): [Paragraph, Paragraph] {
  if (!issueFields) {
    return [paragraph('KHSoKyHieu', `Số: ${view.number}/${view.symbol}`), paragraph('KHDiaDanhNgay', `${view.place}, ${view.date}`)];
  }
  const blank = (name: IssueField, styleId: StyleId): TextRun => {
    const style = STYLES[styleId];
    const face = tinosStyle(style.bold, style.italic);
    return { text: '', style: face, blank: { name, width: fonts.widthOf('0'.repeat(BLANK_DIGITS[name]), face, style.size) } };
  };
  const number = [{ text: 'Số: ', style: 'regular' as const }, blank('so', 'KHSoKyHieu'), { text: `/${view.symbol}`, style: 'regular' as const }];
  const text = (value: string): TextRun => ({ text: value, style: 'italic' });
  const date = [
    text(`${view.place}, ngày `),
    blank('ngay', 'KHDiaDanhNgay'),
    text(' tháng '),
    blank('thang', 'KHDiaDanhNgay'),
    text(' năm '),
    blank('nam', 'KHDiaDanhNgay'),
  ];
  return [paragraph('KHSoKyHieu', number), paragraph('KHDiaDanhNgay', date)];
}

function header(view: PlanView, issueFields: boolean, fonts: TinosFonts): Block[] {
  const [number, date] = numberAndDate(view, issueFields, fonts);
  const blocks: Block[] = view.draft ? [paragraph('KHDuThao', 'DỰ THẢO')] : [];
  blocks.push(
    table(HEADER_COLUMNS, [
      [
        [paragraph('KHCoQuanChuQuan', view.organisationName), paragraph('KHCoQuanBanHanh', view.bodyName), paragraph('KHGachCoQuan', '')],
        [paragraph('KHQuocHieu', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), paragraph('KHTieuNgu', 'Độc lập - Tự do - Hạnh phúc'), paragraph('KHGachTieuNgu', '')],
      ],
      [[number], [date]],
    ]),
    paragraph('KHTenLoai', view.heading),
    paragraph('KHTrichYeu', view.title),
    paragraph('KHGachTrichYeu', ''),
  );
  return blocks;
}

const BODY_STYLES = { heading1: 'KHMuc1', heading2: 'KHMuc2', heading3: 'KHMuc3', paragraph: 'KHDoanVan', bullet: 'KHGach', subbullet: 'KHGachCon' } as const;

function bodyParagraph(block: BodyBlockView): Paragraph {
  const type = (Object.keys(BODY_STYLES) as (keyof typeof BODY_STYLES)[]).find((kind) => block[kind]) ?? 'paragraph';
  if (type === 'paragraph') return markupParagraph('KHDoanVan', block);
  const numbered = type.startsWith('heading');
  return markupParagraph(numbered && block.asParagraph ? 'KHDoanCoSo' : BODY_STYLES[type], block, `${block.label} `);
}

/**
 * Authority, deputy and title lines. A co-issuer's title (its last line: plan-view-model
 * `coIssuerSignature`) may be left empty under a field that shows it, until the signature fills in
 * the title signed under.
 */
function headLines(block: SignatureBlockView, builder: Builder, coIssuer: boolean): Paragraph[] {
  const lines = block.headLines.map((line) => paragraph('KHChucDanh', line));
  if (!coIssuer || !builder.titleFields) return lines;
  const index = builder.titleLines.push({ organisationId: block.organisationId, title: block.headLines[lines.length - 1] }) - 1;
  lines[lines.length - 1] = paragraph('KHChucDanh', '', titleField(index));
  return lines;
}

/** Room to sign (or "Đã ký"), then the signer's name; both marked for the signature's box. */
function roomAndName(block: SignatureBlockView, builder: Builder): Paragraph[] {
  const index = builder.signatureOwners.push(block.organisationId) - 1;
  const room = block.signed ? ['', 'Đã ký', ''] : ['', '', '', ''];
  return [
    ...room.map((text, i) => paragraph('KHChoKy', text, i === 0 ? signatureMark(index, 'room') : undefined)),
    paragraph('KHHoTen', block.signerName, signatureMark(index, 'name')),
  ];
}

function recipients(view: PlanView): Paragraph[] {
  return [
    paragraph('KHNoiNhanTieuDe', 'Nơi nhận:'),
    ...view.recipients.map(({ label, note }) => paragraph('KHNoiNhan', `- ${label}${note ? ` (${note})` : ''};`)),
    paragraph('KHNoiNhan', `- ${view.archive}`),
  ];
}

/** One issuer: "Nơi nhận" beside the signature, then Word's empty paragraph after a table. */
function singleSignature(view: PlanView, builder: Builder): Block[] {
  const signature = [...headLines(view.signature, builder, false), ...roomAndName(view.signature, builder)];
  return [
    paragraph('KHKhoangTruocChuKy', ''),
    table(SIGNATURE_COLUMNS, [[recipients(view), signature]], { cellMargin: 0 }),
    paragraph('Normal', ''),
  ];
}

/** Joint plan: per pair of blocks a row of head lines, then a row of room and names. */
function jointSignatures(view: PlanView, builder: Builder): Block[] {
  const empty = [paragraph('Normal', '')];
  const rows = view.signatureRows.flatMap(({ left, right }) => {
    const cells = [left, right];
    return [
      cells.map((block) => (block ? headLines(block, builder, block.organisationId !== view.signature.organisationId) : empty)),
      cells.map((block) => (block ? roomAndName(block, builder) : empty)),
    ];
  });
  return [paragraph('KHKhoangTruocChuKy', ''), table(SIGNATURE_COLUMNS, rows, { cellMargin: 0 }), ...recipients(view)];
}

function formRow(row: FormRowView): Paragraph[][] {
  const heading = row.section || row.group;
  return [
    [paragraph(heading ? 'KHBangMucGiua' : 'KHBangGiua', row.number)],
    [markupParagraph(heading ? 'KHBangMuc' : 'KHBang', row)],
    [paragraph('KHBangGiua', row.unit)],
    [paragraph('KHBang', '')],
  ];
}

function appendix(view: PlanView): Block[] {
  const { form } = view;
  if (!form) return [];
  const headerRow = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu'].map((title) => [paragraph('KHBangTieuDe', title)]);
  return [
    paragraph('KHPhuLucTieuDe', form.formTitle),
    ...(form.subtitle ? [markupParagraph('KHPhuLucPhuDe', form.subtitle)] : []),
    paragraph('KHPhuLucKemTheo', `(Kèm theo ${view.documentName} số ${view.number}/${view.symbol} ngày ${view.shortDate} của ${view.issuerFullName})`),
    table(FORM_COLUMNS, [headerRow, ...form.rows.map(formRow)], { bordered: true, headerRows: 1 }),
    ...(form.note ? [markupParagraph('KHGhiChuPhuLuc', form.note, 'Ghi chú: ')] : []),
  ];
}

/** The plan's blocks; `kind` chooses the single or the joint signature layout, as the template does. */
export function planDocument(view: PlanView, kind: TemplateKind, { issueFields, titleFields }: DocumentFields, fonts: TinosFonts): PlanDocument {
  const builder: Builder = { signatureOwners: [], titleLines: [], titleFields };
  const blocks: Block[] = [
    ...header(view, issueFields, fonts),
    ...view.preambleLines.map((line) => markupParagraph(line.basis ? 'KHCanCuNghieng' : 'KHCanCu', line)),
    ...view.body.map(bodyParagraph),
    ...view.closingLines.map((line) => markupParagraph('KHKetThuc', line)),
    ...(kind === 'joint' ? jointSignatures(view, builder) : singleSignature(view, builder)),
  ];
  const appendixStart = blocks.length;
  blocks.push(...appendix(view));
  return { blocks, signatureOwners: builder.signatureOwners, titleLines: builder.titleLines, appendixStart };
}
