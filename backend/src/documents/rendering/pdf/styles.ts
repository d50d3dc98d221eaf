/**
 * Page geometry and paragraph styles of the Word templates (templates/build-templates.js), in PDF
 * points: the PDF is laid out as LibreOffice lays out the DOCX. Twips (1/20 pt) are converted
 * here, once, so the numbers can be compared with build-templates.js.
 */
import type { TinosStyle } from '../../../typesetting/tinos';

const pt = (twips: number) => twips / 20;

export const PAGE = {
  width: pt(11906),
  height: pt(16838),
  top: pt(1134),
  bottom: pt(1134),
  left: pt(1701),
  right: pt(850),
  /** distance of the page-number header from the page's top edge */
  header: pt(567),
};
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const HEADER_COLUMNS = [pt(3686), TEXT_WIDTH - pt(3686)];
export const SIGNATURE_COLUMNS = [pt(Math.floor(9355 / 2)), TEXT_WIDTH - pt(Math.floor(9355 / 2))];
export const FORM_COLUMNS = [pt(1134), pt(4961), pt(1559), TEXT_WIDTH - pt(1134 + 4961 + 1559)];
export const CELL_MARGIN = pt(108);
/** single table borders (w:sz 4, eighths of a point) */
export const TABLE_BORDER = 0.5;
/** paragraph borders: w:sz 6 eighths of a point, w:space 1 point */
export const PARAGRAPH_BORDER = { width: 0.75, space: 1 };

export type Alignment = 'left' | 'center' | 'right' | 'both';

export interface ParagraphStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  align: Alignment;
  firstLine: number;
  indentLeft: number;
  indentRight: number;
  before: number;
  after: number;
  /** proportional line spacing, 1 = single (w:line / 240) */
  line: number;
  keepNext: boolean;
  pageBreakBefore: boolean;
  border?: 'top' | 'box';
}

const NORMAL: ParagraphStyle = {
  size: 14,
  bold: false,
  italic: false,
  align: 'left',
  firstLine: 0,
  indentLeft: 0,
  indentRight: 0,
  before: 0,
  after: 0,
  line: 1,
  keepNext: false,
  pageBreakBefore: false,
};

const style = (base: ParagraphStyle, changes: Partial<ParagraphStyle>): ParagraphStyle => ({ ...base, ...changes });

/** Indent on each side that centres a rule of `ruleWidth` in `availableWidth`. */
const ruleIndent = (availableWidth: number, ruleWidth: number) => (availableWidth - ruleWidth) / 2;
const cellTextWidth = (columnWidth: number) => columnWidth - 2 * CELL_MARGIN;

const BODY = style(NORMAL, { align: 'both', firstLine: pt(567), before: pt(120), line: 276 / 240 });
const HEADER_LINE = style(NORMAL, { align: 'center' });
const RULE = style(NORMAL, { size: 1, before: pt(80), border: 'top' });
const centredRule = (available: number, rule: number) =>
  style(RULE, { indentLeft: ruleIndent(available, rule), indentRight: ruleIndent(available, rule) });
const TABLE = style(NORMAL, { size: 12, before: pt(40), after: pt(40) });

/** The templates' "KH …" styles, by their style id. */
export const STYLES = {
  KHNoiDung: BODY,
  KHCanCu: BODY,
  KHCanCuNghieng: style(BODY, { italic: true }),
  KHMuc1: style(BODY, { bold: true, keepNext: true }),
  KHMuc2: style(BODY, { bold: true, keepNext: true }),
  KHMuc3: style(BODY, { bold: true, italic: true, keepNext: true }),
  KHDoanCoSo: BODY,
  KHDoanVan: BODY,
  KHGach: BODY,
  KHGachCon: BODY,
  KHKetThuc: style(BODY, { keepNext: true }),
  KHDuThao: style(HEADER_LINE, { bold: true, after: pt(120), indentLeft: TEXT_WIDTH - pt(1800), border: 'box' }),
  KHCoQuanChuQuan: style(HEADER_LINE, { size: 13 }),
  KHCoQuanBanHanh: style(HEADER_LINE, { size: 13, bold: true }),
  KHGachCoQuan: centredRule(cellTextWidth(HEADER_COLUMNS[0]), pt(1300)),
  KHQuocHieu: style(HEADER_LINE, { size: 12, bold: true }),
  KHTieuNgu: style(HEADER_LINE, { size: 13, bold: true }),
  KHGachTieuNgu: centredRule(cellTextWidth(HEADER_COLUMNS[1]), pt(3330)),
  KHSoKyHieu: style(HEADER_LINE, { size: 13, before: pt(120) }),
  KHDiaDanhNgay: style(HEADER_LINE, { italic: true, before: pt(120) }),
  KHTenLoai: style(HEADER_LINE, { bold: true, before: pt(480), keepNext: true }),
  KHTrichYeu: style(HEADER_LINE, { bold: true, keepNext: true }),
  KHGachTrichYeu: style(centredRule(TEXT_WIDTH, pt(3400)), { after: pt(120), keepNext: true }),
  KHKhoangTruocChuKy: style(NORMAL, { keepNext: true }),
  KHNoiNhanTieuDe: style(NORMAL, { size: 12, bold: true, italic: true }),
  KHNoiNhan: style(NORMAL, { size: 11 }),
  KHChucDanh: style(HEADER_LINE, { size: 13, bold: true, keepNext: true }),
  KHChoKy: style(HEADER_LINE, { italic: true, keepNext: true }),
  KHHoTen: style(HEADER_LINE, { bold: true, after: pt(240), keepNext: true }),
  KHPhuLucTieuDe: style(HEADER_LINE, { bold: true, pageBreakBefore: true, keepNext: true }),
  KHPhuLucPhuDe: style(HEADER_LINE, { bold: true, keepNext: true }),
  KHPhuLucKemTheo: style(HEADER_LINE, { italic: true, after: pt(240), keepNext: true }),
  KHBangTieuDe: style(HEADER_LINE, { size: 12, bold: true, before: pt(40), after: pt(40) }),
  KHBang: TABLE,
  KHBangGiua: style(TABLE, { align: 'center' }),
  KHBangMuc: style(TABLE, { bold: true, keepNext: true }),
  KHBangMucGiua: style(TABLE, { bold: true, keepNext: true, align: 'center' }),
  KHGhiChuPhuLuc: style(BODY, { size: 12 }),
  KHSoTrang: HEADER_LINE,
  /** Word's empty paragraph (<w:p/>) after the single signature's table */
  Normal: NORMAL,
} satisfies Record<string, ParagraphStyle>;

export type StyleId = keyof typeof STYLES;

/** The face of a run: the paragraph style's weight and slant, plus the run's own emphasis. */
export function tinosStyle(bold: boolean, italic: boolean): TinosStyle {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/** The face of a signature block's title line, which a co-issuer's title field and its fill take too. */
export const TITLE_LINE_STYLE = tinosStyle(STYLES.KHChucDanh.bold, STYLES.KHChucDanh.italic);

/** Tinos' ascent + descent + line gap, in em: LibreOffice's single line height for it. */
const SINGLE_LINE_EM = (1825 + 443 + 87) / 2048;

/** Line height as LibreOffice computes it: single spacing rounded to twips, then the proportion. */
export function lineHeight(size: number, proportion: number): number {
  const singleTwips = Math.round(size * 20 * SINGLE_LINE_EM);
  return Math.round(singleTwips * proportion) / 20;
}
