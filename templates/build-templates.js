'use strict';
/**
 * Builds the templates (docxtemplater tags inside real Word files):
 *   ke-hoach.docx           one issuer, signature beside "Nơi nhận"
 *   ke-hoach-phoi-hop.docx  joint plan, a grid of signature blocks two per row, "Nơi nhận" below
 *   tong-hop-bao-cao.docx   the issuer's summary of one reporting deadline: counts, totals, each unit
 *   so-dang-ky-van-ban-di.docx  the outgoing register (Phụ lục IV), landscape, one table row per number
 * Both plans end with the reporting-form appendix, rendered only when the plan has a form.
 *
 * Layout follows /work/shared/FORMAT.md (Nghị định 30/2020/NĐ-CP). All formatting lives in named
 * styles ("KH …") so a secretariat can restyle a copy in Word without touching the tags.
 *
 * Usage: node templates/build-templates.js [outputDir]   (default: this folder)
 * The output is deterministic (fixed zip dates, fixed file order): rebuilding gives identical bytes.
 */
const fs = require('node:fs');
const path = require('node:path');
const PizZip = require('pizzip');

// ---------------------------------------------------------------------------------------------
// Page geometry (twips; 1 mm ≈ 56.7 twips). A4, top/bottom 20 mm, left 30 mm, right 15 mm.
const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850, header: 567 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
// The register is printed landscape and bound on its left edge like a plan: the same margins, turned.
const LANDSCAPE_PAGE = { ...PAGE, width: PAGE.height, height: PAGE.width };
const LANDSCAPE_TEXT_WIDTH = LANDSCAPE_PAGE.width - LANDSCAPE_PAGE.left - LANDSCAPE_PAGE.right;
const HEADER_COLUMNS = [3686, TEXT_WIDTH - 3686]; // organisation | national motto
// Whole twips: readers such as python-docx refuse a width like "4677.5".
const SIGNATURE_COLUMNS = [Math.floor(TEXT_WIDTH / 2), TEXT_WIDTH - Math.floor(TEXT_WIDTH / 2)];
const FORM_COLUMNS = [1134, 4961, 1559, TEXT_WIDTH - 1134 - 4961 - 1559]; // STT | indicator | unit | value
const CELL_MARGIN = 108;
const TITLE_RULE = 3400;
const FONT = 'Times New Roman';

// Sizes in half-points (w:sz): 11pt = 22 … 14pt = 28.
const PT = { 1: 2, 11: 22, 12: 24, 13: 26, 14: 28 };

/** Indent on each side that centres a rule of `ruleWidth` twips in `availableWidth`. */
function ruleIndent(availableWidth, ruleWidth) {
  return Math.round((availableWidth - ruleWidth) / 2);
}

/** Text width inside a table column (the column minus the cell margins). */
function cellTextWidth(columnWidth) {
  return columnWidth - 2 * CELL_MARGIN;
}

// ---------------------------------------------------------------------------------------------
// XML helpers. Element order inside w:pPr / w:rPr / w:tblPr follows the OOXML schema (Word is strict).
const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
};
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A run of text, formatted by its paragraph's style plus `rPr` when given. */
function run(text, rPr = '') {
  const properties = rPr ? `<w:rPr>${rPr}</w:rPr>` : '';
  return `<w:r>${properties}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A paragraph in a named style; all its formatting comes from the style. */
function paragraph(styleId, text = '') {
  return styledParagraph(styleId, text ? run(text) : '');
}

function styledParagraph(styleId, runsXml) {
  return `<w:p><w:pPr><w:pStyle w:val="${styleId}"/></w:pPr>${runsXml}</w:p>`;
}

/**
 * Markup text after `prefix` (e.g. "{label} "), emphasis kept: `{~inline}` alone in a run of its
 * own, which rendering replaces with the text's Word runs (plain, italic, bold, bold italic), so
 * the paragraph's style stays the template's (templates/README.md).
 */
function markupRuns(prefix = '') {
  return (prefix ? run(prefix) : '') + run('{~inline}');
}

function markupParagraph(styleId, prefix = '') {
  return styledParagraph(styleId, markupRuns(prefix));
}

/**
 * A paragraph holding only a section tag ({#x} or {/x}). With docxtemplater's paragraphLoop the
 * whole paragraph disappears from the output, so its style never shows.
 */
function tagParagraph(tag) {
  return paragraph('KHNoiDung', tag);
}

/** {#name} … {/name} around the given paragraphs, each tag in its own (vanishing) paragraph. */
function section(name, content) {
  return tagParagraph(`{#${name}}`) + content + tagParagraph(`{/${name}}`);
}

function invertedSection(name, content) {
  return tagParagraph(`{^${name}}`) + content + tagParagraph(`{/${name}}`);
}

const BORDER_EDGES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];

function tableBorders(value) {
  const edge = (name) =>
    value === 'nil' ? `<w:${name} w:val="nil"/>` : `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  return `<w:tblBorders>${BORDER_EDGES.map(edge).join('')}</w:tblBorders>`;
}

/**
 * A fixed-layout table; `bordered` false gives the borderless layout tables of FORMAT.md.
 * `flush`: no left and right cell margins, so a signature line has the column's whole width.
 */
function table({ widths, bordered, flush = false }, rows) {
  const total = widths.reduce((a, b) => a + b, 0);
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const margins = flush ? '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>' : '';
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${total}" w:type="dxa"/>` +
    tableBorders(bordered ? 'single' : 'nil') +
    '<w:tblLayout w:type="fixed"/>' +
    margins +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>' +
    `</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

function row(cells, { header = false } = {}) {
  const trPr = header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
  return `<w:tr>${trPr}${cells.join('')}</w:tr>`;
}

/**
 * `sized` false leaves the width to the table's grid (fixed layout): a row repeated thousands of
 * times (the register's) is then smaller to render and to store.
 */
function cell(width, content, { verticalCenter = false, span = 1, sized = true } = {}) {
  const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  const vAlign = verticalCenter ? '<w:vAlign w:val="center"/>' : '';
  const properties = (sized ? `<w:tcW w:w="${width}" w:type="dxa"/>` : '') + gridSpan + vAlign;
  return `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${content}</w:tc>`;
}

// ---------------------------------------------------------------------------------------------
// Styles. Every style the document uses is defined here, in schema order.
/**
 * @typedef {object} StyleSpec
 * @property {string} id  @property {string} name  @property {string} [basedOn]
 * @property {boolean} [bold] @property {boolean} [italic] @property {number} [size] half-points
 * @property {'left'|'center'|'right'|'both'} [align] @property {number} [firstLine]
 * @property {number} [indentLeft] @property {number} [indentRight]
 * @property {number} [before] @property {number} [after] @property {number} [line]
 * @property {boolean} [keepNext] @property {boolean} [pageBreakBefore]
 * @property {'top'|'box'} [border]
 */
function paragraphBorder(kind) {
  const edge = (name) => `<w:${name} w:val="single" w:sz="6" w:space="1" w:color="000000"/>`;
  if (kind === 'top') return `<w:pBdr>${edge('top')}</w:pBdr>`;
  return `<w:pBdr>${['top', 'left', 'bottom', 'right'].map(edge).join('')}</w:pBdr>`;
}

function paragraphProperties(s) {
  const spacing =
    s.before !== undefined || s.after !== undefined || s.line !== undefined
      ? `<w:spacing w:before="${s.before ?? 0}" w:after="${s.after ?? 0}" w:line="${s.line ?? 240}" w:lineRule="auto"/>`
      : '';
  const indentParts = [
    s.indentLeft !== undefined ? `w:left="${s.indentLeft}"` : '',
    s.indentRight !== undefined ? `w:right="${s.indentRight}"` : '',
    s.firstLine !== undefined ? `w:firstLine="${s.firstLine}"` : '',
  ].filter(Boolean);
  const xml =
    (s.keepNext ? '<w:keepNext/>' : '') +
    (s.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (s.border ? paragraphBorder(s.border) : '') +
    spacing +
    (indentParts.length ? `<w:ind ${indentParts.join(' ')}/>` : '') +
    (s.align ? `<w:jc w:val="${s.align}"/>` : '');
  return xml ? `<w:pPr>${xml}</w:pPr>` : '';
}

function runProperties(s) {
  const xml =
    (s.bold !== undefined ? `<w:b w:val="${s.bold ? 1 : 0}"/><w:bCs w:val="${s.bold ? 1 : 0}"/>` : '') +
    (s.italic !== undefined ? `<w:i w:val="${s.italic ? 1 : 0}"/><w:iCs w:val="${s.italic ? 1 : 0}"/>` : '') +
    (s.size !== undefined ? `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/>` : '');
  return xml ? `<w:rPr>${xml}</w:rPr>` : '';
}

function paragraphStyle(s) {
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${s.id}">` +
    `<w:name w:val="${escapeXml(s.name)}"/><w:basedOn w:val="${s.basedOn ?? 'Normal'}"/>` +
    `<w:qFormat/>${paragraphProperties(s)}${runProperties(s)}</w:style>`
  );
}

const BODY = { size: PT[14], align: 'both', firstLine: 567, before: 120, after: 0, line: 276 };
const HEADER_LINE = { align: 'center', before: 0, after: 0, line: 240 };
const RULE = { size: PT[1], before: 80, after: 0, line: 240, border: 'top' };

/** @type {StyleSpec[]} */
const STYLES = [
  // Body (FORMAT.md "Title and body"): 14pt, justified, first-line indent 1 cm, 6pt before, 1.15 lines.
  { id: 'KHNoiDung', name: 'KH Nội dung', ...BODY },
  { id: 'KHCanCu', name: 'KH Căn cứ', basedOn: 'KHNoiDung' },
  { id: 'KHCanCuNghieng', name: 'KH Căn cứ (từng dòng)', basedOn: 'KHNoiDung', italic: true },
  { id: 'KHMuc1', name: 'KH Mục I', basedOn: 'KHNoiDung', bold: true, keepNext: true },
  // Every heading level stays with the paragraph after it: no heading alone at the foot of a page.
  { id: 'KHMuc2', name: 'KH Mục 1', basedOn: 'KHNoiDung', bold: true, keepNext: true },
  { id: 'KHMuc3', name: 'KH Mục 1.1', basedOn: 'KHNoiDung', bold: true, italic: true, keepNext: true },
  // A numbered item written as running text ("1. Phát huy vai trò …"): body weight.
  { id: 'KHDoanCoSo', name: 'KH Đoạn có số', basedOn: 'KHNoiDung' },
  { id: 'KHDoanVan', name: 'KH Đoạn văn', basedOn: 'KHNoiDung' },
  { id: 'KHGach', name: 'KH Gạch đầu dòng', basedOn: 'KHNoiDung' },
  { id: 'KHGachCon', name: 'KH Gạch đầu dòng cấp 2', basedOn: 'KHNoiDung' },
  // Closing paragraphs stay on the page of the signature.
  { id: 'KHKetThuc', name: 'KH Kết thúc', basedOn: 'KHNoiDung', keepNext: true },
  // Draft mark: a small box at the top right of the first page.
  { id: 'KHDuThao', name: 'KH Dự thảo', bold: true, size: PT[14], align: 'center', before: 0, after: 120, line: 240,
    indentLeft: TEXT_WIDTH - 1800, border: 'box' },
  // Header table (FORMAT.md "Header").
  { id: 'KHCoQuanChuQuan', name: 'KH Cơ quan (dòng trên)', ...HEADER_LINE, size: PT[13], bold: false },
  { id: 'KHCoQuanBanHanh', name: 'KH Cơ quan ban hành', ...HEADER_LINE, size: PT[13], bold: true },
  { id: 'KHGachCoQuan', name: 'KH Gạch dưới cơ quan', ...RULE,
    indentLeft: ruleIndent(cellTextWidth(HEADER_COLUMNS[0]), 1300),
    indentRight: ruleIndent(cellTextWidth(HEADER_COLUMNS[0]), 1300) },
  { id: 'KHQuocHieu', name: 'KH Quốc hiệu', ...HEADER_LINE, size: PT[12], bold: true },
  { id: 'KHTieuNgu', name: 'KH Tiêu ngữ', ...HEADER_LINE, size: PT[13], bold: true },
  { id: 'KHGachTieuNgu', name: 'KH Gạch dưới tiêu ngữ', ...RULE,
    indentLeft: ruleIndent(cellTextWidth(HEADER_COLUMNS[1]), 3330),
    indentRight: ruleIndent(cellTextWidth(HEADER_COLUMNS[1]), 3330) },
  { id: 'KHSoKyHieu', name: 'KH Số, ký hiệu', ...HEADER_LINE, before: 120, size: PT[13] },
  { id: 'KHDiaDanhNgay', name: 'KH Địa danh, ngày tháng', ...HEADER_LINE, before: 120, size: PT[14], italic: true },
  // Document type and title.
  { id: 'KHTenLoai', name: 'KH Tên loại văn bản', ...HEADER_LINE, before: 480, size: PT[14], bold: true, keepNext: true },
  { id: 'KHTrichYeu', name: 'KH Trích yếu', ...HEADER_LINE, size: PT[14], bold: true, keepNext: true },
  // ⅓–½ of the title line (FORMAT.md): 3400 twips is 36% of a full line, 45% of a 60-letter title.
  { id: 'KHGachTrichYeu', name: 'KH Gạch dưới trích yếu', ...RULE, after: 120, keepNext: true,
    indentLeft: ruleIndent(TEXT_WIDTH, TITLE_RULE), indentRight: ruleIndent(TEXT_WIDTH, TITLE_RULE) },
  // Signature and recipients (FORMAT.md "Signature and recipients").
  { id: 'KHKhoangTruocChuKy', name: 'KH Khoảng trước chữ ký', size: PT[14], before: 0, after: 0, line: 240, keepNext: true },
  { id: 'KHNoiNhanTieuDe', name: 'KH Nơi nhận (tiêu đề)', size: PT[12], bold: true, italic: true, before: 0, after: 0, line: 240 },
  { id: 'KHNoiNhan', name: 'KH Nơi nhận', size: PT[11], align: 'left', before: 0, after: 0, line: 240 },
  // Signature lines keep with next: the closing, every row of the grid and "Nơi nhận:" after a joint
  // plan's grid stay on one page (with rows that cannot split).
  { id: 'KHChucDanh', name: 'KH Thẩm quyền, chức vụ ký', ...HEADER_LINE, size: PT[13], bold: true, keepNext: true },
  { id: 'KHChoKy', name: 'KH Chỗ ký', ...HEADER_LINE, size: PT[14], italic: true, keepNext: true },
  { id: 'KHHoTen', name: 'KH Họ tên người ký', ...HEADER_LINE, size: PT[14], bold: true, after: 240, keepNext: true },
  // Appendix (FORMAT.md "Appendix").
  { id: 'KHPhuLucTieuDe', name: 'KH Phụ lục (tiêu đề)', ...HEADER_LINE, size: PT[14], bold: true, pageBreakBefore: true, keepNext: true },
  { id: 'KHPhuLucPhuDe', name: 'KH Phụ lục (phụ đề)', ...HEADER_LINE, size: PT[14], bold: true, keepNext: true },
  { id: 'KHPhuLucKemTheo', name: 'KH Phụ lục (kèm theo)', ...HEADER_LINE, size: PT[14], italic: true, after: 240, keepNext: true },
  { id: 'KHBangTieuDe', name: 'KH Bảng (tiêu đề cột)', ...HEADER_LINE, before: 40, after: 40, size: PT[12], bold: true },
  { id: 'KHBang', name: 'KH Bảng', before: 40, after: 40, line: 240, size: PT[12], align: 'left' },
  { id: 'KHBangGiua', name: 'KH Bảng (giữa)', basedOn: 'KHBang', align: 'center' },
  { id: 'KHBangMuc', name: 'KH Bảng (mục, nhóm)', basedOn: 'KHBang', bold: true, keepNext: true },
  { id: 'KHBangMucGiua', name: 'KH Bảng (số mục, nhóm)', basedOn: 'KHBangMuc', align: 'center' },
  { id: 'KHGhiChuPhuLuc', name: 'KH Phụ lục (ghi chú)', basedOn: 'KHNoiDung', size: PT[12], before: 120 },
  // Page number, centred in the top margin.
  { id: 'KHSoTrang', name: 'KH Số trang', ...HEADER_LINE, size: PT[14] },
];

/** @type {StyleSpec[]} The report summary's own styles (tong-hop-bao-cao.docx), after the plan's. */
const SUMMARY_STYLES = [
  { id: 'KHThucHien', name: 'KH Thực hiện kế hoạch', ...HEADER_LINE, size: PT[14], italic: true, keepNext: true },
  { id: 'KHMucBang', name: 'KH Mục (trước bảng)', basedOn: 'KHNoiDung', bold: true, keepNext: true, after: 120 },
  { id: 'KHBangDonVi', name: 'KH Bảng (đơn vị)', basedOn: 'KHBang', bold: true, keepNext: true },
  { id: 'KHBangChuThich', name: 'KH Bảng (chú thích)', basedOn: 'KHBangGiua', italic: true, size: PT[11], before: 0 },
  { id: 'KHGhiChuBang', name: 'KH Ghi chú dưới bảng', basedOn: 'KHNoiDung', italic: true, size: PT[12], before: 60 },
];

function stylesXml(styles) {
  const fonts = `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>`;
  const defaults =
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${fonts}<w:color w:val="000000"/><w:sz w:val="${PT[14]}"/><w:szCs w:val="${PT[14]}"/>` +
    '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>';
  const builtIn =
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>' +
    `<w:top w:w="0" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/>` +
    `<w:bottom w:w="0" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/></w:style>';
  return `${XML_DECLARATION}<w:styles xmlns:w="${NS.w}">${defaults}${builtIn}${styles.map(paragraphStyle).join('')}</w:styles>`;
}

// ---------------------------------------------------------------------------------------------
// Document parts. Tags are documented in templates/README.md.
function draftMark() {
  return section('draft', paragraph('KHDuThao', 'DỰ THẢO'));
}

/** Organisation | national motto, then "Số" | place and date on one row (FORMAT.md "Header"). */
function headerTable() {
  const [left, right] = HEADER_COLUMNS;
  return table({ widths: HEADER_COLUMNS, bordered: false }, [
    row([
      cell(left, paragraph('KHCoQuanChuQuan', '{organisationName}') + paragraph('KHCoQuanBanHanh', '{bodyName}') +
        paragraph('KHGachCoQuan')),
      cell(right, paragraph('KHQuocHieu', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') +
        paragraph('KHTieuNgu', 'Độc lập - Tự do - Hạnh phúc') + paragraph('KHGachTieuNgu')),
    ]),
    row([
      cell(left, paragraph('KHSoKyHieu', 'Số: {number}/{symbol}')),
      cell(right, paragraph('KHDiaDanhNgay', '{place}, {date}')),
    ]),
  ]);
}

function titleBlock() {
  return paragraph('KHTenLoai', '{heading}') + paragraph('KHTrichYeu', '{title}') + paragraph('KHGachTrichYeu');
}

/** Each line in its kind's style: a basis (căn cứ, thực hiện) italic, a statement upright. */
function preamble() {
  return section(
    'preambleLines',
    section('basis', markupParagraph('KHCanCuNghieng')) + section('statement', markupParagraph('KHCanCu')),
  );
}

/** One paragraph variant per block type, so each level has its own restylable style. */
const BODY_BLOCK_STYLES = {
  heading1: 'KHMuc1',
  heading2: 'KHMuc2',
  heading3: 'KHMuc3',
  paragraph: 'KHDoanVan',
  bullet: 'KHGach',
  subbullet: 'KHGachCon',
};
const NUMBERED_LEVELS = ['heading1', 'heading2', 'heading3'];

/** A numbered level is a heading, or (asParagraph) running text after its number in body weight. */
function bodyVariant(type, styleId) {
  if (!NUMBERED_LEVELS.includes(type)) return section(type, markupParagraph(styleId, type === 'paragraph' ? '' : '{label} '));
  return section(
    type,
    invertedSection('asParagraph', markupParagraph(styleId, '{label} ')) +
      section('asParagraph', markupParagraph('KHDoanCoSo', '{label} ')),
  );
}

function body() {
  return section('body', Object.entries(BODY_BLOCK_STYLES).map(([type, styleId]) => bodyVariant(type, styleId)).join(''));
}

function closing() {
  return section('closingLines', markupParagraph('KHKetThuc'));
}

/** Room to sign (or "Đã ký") and the signer's name. */
function signingRoomAndName() {
  const emptyLines = (n) => paragraph('KHChoKy').repeat(n);
  return (
    section('signed', emptyLines(1) + paragraph('KHChoKy', 'Đã ký') + emptyLines(1)) +
    invertedSection('signed', emptyLines(4)) +
    paragraph('KHHoTen', '{signerName}')
  );
}

/** Authority, optional deputy and title lines. */
function headLines() {
  return section('headLines', paragraph('KHChucDanh', '{.}'));
}

/** Authority / deputy / title lines, room to sign (or "Đã ký"), signer's name. */
function signatureBlockContent() {
  return headLines() + signingRoomAndName();
}

function recipients() {
  return (
    paragraph('KHNoiNhanTieuDe', 'Nơi nhận:') +
    section('recipients', paragraph('KHNoiNhan', '- {label}{#note} ({note}){/note};')) +
    paragraph('KHNoiNhan', '- {archive}')
  );
}

/**
 * One issuer: "Nơi nhận" on the left, the signature on the right, on one row. The empty paragraph
 * after the table keeps a paragraph between the table and the end of the body when there is no
 * appendix, as Word itself always does.
 */
function singleSignature() {
  const [left, right] = SIGNATURE_COLUMNS;
  return (
    paragraph('KHKhoangTruocChuKy') +
    table({ widths: SIGNATURE_COLUMNS, bordered: false, flush: true }, [
      row([cell(left, recipients()), cell(right, section('signature', signatureBlockContent()))]),
    ]) +
    '<w:p/>'
  );
}

/**
 * Joint plan: each pair of blocks takes two table rows — the authority and title lines, then the
 * room to sign and the name — so that when one authority line wraps, both blocks' signatures and
 * names still line up. Rows cannot split and every line keeps with the next, so the grid stays on
 * one page with the closing above it. The row loop's tags share a paragraph with the cell tags
 * ({#signatureRows}{#left} … {/right}{/signatureRows}) so that no empty paragraph is left at the
 * top or bottom of a cell.
 */
function jointSignatures() {
  const [left, right] = SIGNATURE_COLUMNS;
  const lines = row([
    cell(left, tagParagraph('{#signatureRows}{#left}') + headLines() + tagParagraph('{/left}')),
    cell(right, tagParagraph('{#right}') + headLines() + tagParagraph('{/right}')),
  ]);
  const signing = row([
    cell(left, tagParagraph('{#left}') + signingRoomAndName() + tagParagraph('{/left}')),
    cell(right, tagParagraph('{#right}') + signingRoomAndName() + tagParagraph('{/right}{/signatureRows}')),
  ]);
  return (
    paragraph('KHKhoangTruocChuKy') +
    table({ widths: SIGNATURE_COLUMNS, bordered: false, flush: true }, [lines, signing]) +
    recipients()
  );
}

function appendix() {
  const [stt, indicator, unit, value] = FORM_COLUMNS;
  const headerRow = row(
    [
      cell(stt, paragraph('KHBangTieuDe', 'STT'), { verticalCenter: true }),
      cell(indicator, paragraph('KHBangTieuDe', 'Chỉ tiêu'), { verticalCenter: true }),
      cell(unit, paragraph('KHBangTieuDe', 'Đơn vị tính'), { verticalCenter: true }),
      cell(value, paragraph('KHBangTieuDe', 'Số liệu'), { verticalCenter: true }),
    ],
    { header: true },
  );
  // One row per table row of the form, in its kind's layout; each kind's section spans its whole
  // table row, so the rows of the other kinds disappear.
  const formRow = (kind, numberStyle, labelStyle, { first = false, last = false } = {}) =>
    row([
      cell(stt, paragraph(numberStyle, `${first ? '{#rows}' : ''}{#${kind}}{number}`)),
      cell(indicator, markupParagraph(labelStyle)),
      cell(unit, paragraph('KHBangGiua', '{unit}')),
      cell(value, paragraph('KHBang', `{/${kind}}${last ? '{/rows}' : ''}`)),
    ]);
  return section(
    'form',
    paragraph('KHPhuLucTieuDe', '{formTitle}') +
      section('subtitle', markupParagraph('KHPhuLucPhuDe')) +
      paragraph('KHPhuLucKemTheo', '(Kèm theo {documentName} số {number}/{symbol} ngày {shortDate} của {issuerFullName})') +
      table({ widths: FORM_COLUMNS, bordered: true }, [
        headerRow,
        formRow('section', 'KHBangMucGiua', 'KHBangMuc', { first: true }),
        formRow('group', 'KHBangMucGiua', 'KHBangMuc'),
        formRow('indicator', 'KHBangGiua', 'KHBang', { last: true }),
      ]) +
      section('note', markupParagraph('KHGhiChuPhuLuc', 'Ghi chú: ')),
  );
}

// ---------------------------------------------------------------------------------------------
// The report summary (tong-hop-bao-cao.docx): what the issuer gets back from one reporting
// deadline. The issuer's header, "BÁO CÁO TỔNG HỢP KẾT QUẢ", the deadline and the plan it
// implements, the counts, then three parts: the form with the totals, who submitted, and each
// unit's figures. Tables are 12pt like the appendix; with a roll-up from lower levels (a recipient
// derived its own plan) the totals and figures tables get one more column.
const SUMMARY_FORM_COLUMNS = [1134, 4535, 1417, TEXT_WIDTH - 1134 - 4535 - 1417]; // STT | indicator | unit | total
const SUMMARY_FORM_ROLLUP_COLUMNS = [1134, 3685, 1304, 1616, TEXT_WIDTH - 1134 - 3685 - 1304 - 1616]; // … | total | lower levels
const SUMMARY_STATUS_COLUMNS = [680, 3175, 2154, 1531, TEXT_WIDTH - 680 - 3175 - 2154 - 1531]; // STT | unit | status | date | note

function summaryTitle() {
  return (
    paragraph('KHTenLoai', 'BÁO CÁO TỔNG HỢP KẾT QUẢ') +
    paragraph('KHTrichYeu', '{deadlineName}') +
    paragraph('KHThucHien', '(Thực hiện {planReference})') +
    paragraph('KHGachTrichYeu')
  );
}

function summaryIntroduction() {
  return (
    paragraph('KHDoanVan', 'Tên kế hoạch: {planTitle}') +
    paragraph('KHDoanVan', 'Kỳ báo cáo: {deadlineName}, hạn nộp ngày {dueDate}; số liệu tổng hợp đến ngày {asOf}.') +
    paragraph(
      'KHDoanVan',
      'Tổng số đơn vị được giao báo cáo: {recipients}; đã nộp đúng hạn: {submitted}; nộp muộn: {late}; ' +
        'quá hạn chưa nộp: {overdue}; đang soạn, chưa nộp: {drafting}; chưa nộp, chưa đến hạn: {pending}.',
    )
  );
}

function headerCells(widths, titles, styleId = 'KHBangTieuDe') {
  return row(
    titles.map((title, i) => cell(widths[i], paragraph(styleId, title), { verticalCenter: true })),
    { header: true },
  );
}

/**
 * Ends a row loop in the row's last cell without leaving an empty line at its foot: in the last
 * paragraph when it holds text, or in the closing tag paragraph of a section ending the cell,
 * which vanishes with that section (as "{/right}{/signatureRows}" in the joint plan's grid).
 * In a paragraph of its own it would stay, empty; before the cell's sections it would not nest.
 */
function closeRowLoop(cellContents, closingTags) {
  const last = cellContents.length - 1;
  cellContents[last] = cellContents[last].replace(/(\{\/[^{}]+\})(<\/w:t><\/w:r><\/w:p>)$/, `$1${closingTags}$2`);
  if (!cellContents[last].includes(closingTags)) {
    cellContents[last] = cellContents[last].replace(/(<\/w:t><\/w:r><\/w:p>)$/, `${closingTags}$1`);
  }
}

/** The form with one total per indicator; percentages are averages, text answers are counted. */
function totalsTable(withRollup) {
  const widths = withRollup ? SUMMARY_FORM_ROLLUP_COLUMNS : SUMMARY_FORM_COLUMNS;
  const titles = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng hợp', ...(withRollup ? ['Cấp dưới tổng hợp'] : [])];
  const cellContents = [
    paragraph('KHBangGiua', '{#indicators}{code}'),
    paragraph('KHBang', '{label}'),
    paragraph('KHBangGiua', '{unit}'),
    paragraph('KHBangGiua', '{total}') +
      section('average', paragraph('KHBangChuThich', '(bình quân)')) +
      section('answers', paragraph('KHBangChuThich', '(số đơn vị có nội dung)')),
    ...(withRollup ? [paragraph('KHBangGiua', '{rolledUp}')] : []),
  ];
  closeRowLoop(cellContents, '{/indicators}');
  return table({ widths, bordered: true }, [
    headerCells(widths, titles),
    row(cellContents.map((content, i) => cell(widths[i], content))),
  ]);
}

function statusTable() {
  const widths = SUMMARY_STATUS_COLUMNS;
  return table({ widths, bordered: true }, [
    headerCells(widths, ['STT', 'Đơn vị', 'Tình trạng', 'Ngày nộp', 'Ghi chú']),
    row([
      cell(widths[0], paragraph('KHBangGiua', '{#rows}{index}')),
      cell(widths[1], paragraph('KHBang', '{organisationName}')),
      cell(widths[2], paragraph('KHBang', '{status}') +
        section('rollup', paragraph('KHBangChuThich', '(cấp dưới đã nộp {reported} đơn vị)'))),
      cell(widths[3], paragraph('KHBangGiua', '{submittedOn}')),
      cell(widths[4], paragraph('KHBang', '{note}{/rows}')),
    ]),
  ]);
}

/**
 * Each unit that sent figures: a full-width row naming it, then one row per indicator. The unit's
 * loop spans the two rows ({#groups} in the first, {/groups} at the end of the second).
 */
function figuresTable(withRollup) {
  const widths = withRollup ? SUMMARY_FORM_ROLLUP_COLUMNS : SUMMARY_FORM_COLUMNS;
  const titles = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu', ...(withRollup ? ['Cấp dưới tổng hợp'] : [])];
  const unitRow = row([
    cell(TEXT_WIDTH, paragraph('KHBangDonVi', '{#groups}{index}. {organisationName}: {status}'), { span: widths.length }),
  ]);
  const cellContents = [
    paragraph('KHBangGiua', '{#values}{code}'),
    paragraph('KHBang', '{label}'),
    paragraph('KHBangGiua', '{unit}'),
    section('numeric', paragraph('KHBangGiua', '{value}')) + invertedSection('numeric', paragraph('KHBang', '{value}')),
    ...(withRollup ? [paragraph('KHBangGiua', '{rolledUp}')] : []),
  ];
  closeRowLoop(cellContents, '{/values}{/groups}');
  return table({ widths, bordered: true }, [
    headerCells(widths, titles),
    unitRow,
    row(cellContents.map((content, i) => cell(widths[i], content))),
  ]);
}

/** Both variants of a table: with and without the lower levels' column. */
function withAndWithoutRollup(build) {
  return section('withRollup', build(true)) + invertedSection('withRollup', build(false));
}

function reportSummary() {
  const form =
    section('hasForm',
      withAndWithoutRollup(totalsTable) +
      paragraph('KHGhiChuBang', 'Ghi chú: cột “Tổng hợp” cộng số liệu của các đơn vị đã nộp báo cáo (kể cả nộp muộn); ' +
        'chỉ tiêu tỷ lệ lấy bình quân của các đơn vị có số liệu; chỉ tiêu ghi bằng chữ tính số đơn vị có nội dung.') +
      section('withRollup', paragraph('KHGhiChuBang', 'Cột “Cấp dưới tổng hợp”: số liệu các đơn vị cấp dưới báo cáo ' +
        'theo kế hoạch thực hiện của đơn vị nhận kế hoạch, tính riêng, không cộng vào cột “Tổng hợp”.'))) +
    invertedSection('hasForm', paragraph('KHDoanVan', 'Kế hoạch không có biểu báo cáo số liệu.'));
  const statuses =
    section('hasRows', statusTable()) +
    invertedSection('hasRows', paragraph('KHDoanVan', 'Kế hoạch chưa giao báo cáo cho đơn vị nào.'));
  const figures =
    section('hasGroups', withAndWithoutRollup(figuresTable)) +
    invertedSection('hasGroups', paragraph('KHDoanVan', 'Chưa có đơn vị nào nộp số liệu.'));
  return (
    headerTable() +
    summaryTitle() +
    summaryIntroduction() +
    paragraph('KHMucBang', '1. Tổng hợp số liệu') + form +
    paragraph('KHMucBang', '2. Tình hình nộp báo cáo của các đơn vị') + statuses +
    paragraph('KHMucBang', '3. Số liệu báo cáo của từng đơn vị') + figures +
    '<w:p/>'
  );
}

// ---------------------------------------------------------------------------------------------
// The outgoing register (so-dang-ky-van-ban-di.docx, Nghị định 30/2020 Phụ lục IV): the
// organisation, "SỔ ĐĂNG KÝ VĂN BẢN ĐI", the period, then one table row per number under the
// decree's ten columns, numbered (1)–(10). Both header rows repeat on every page.
const REGISTER_HEADER_COLUMNS = [6804, LANDSCAPE_TEXT_WIDTH - 6804]; // organisation | (empty)
const REGISTER_COLUMN_WIDTHS = [1700, 1250, 2500, 1300, 2200, 1150, 850, 1250, 1000];
const REGISTER_COLUMNS = [...REGISTER_COLUMN_WIDTHS, LANDSCAPE_TEXT_WIDTH - REGISTER_COLUMN_WIDTHS.reduce((a, b) => a + b, 0)];
const REGISTER_TITLES = [
  'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú',
];
/** The tag of each column's value and whether it is centred. */
const REGISTER_CELLS = [
  ['numberAndSymbol', true], ['date', true], ['typeAndSummary', false], ['signer', false], ['recipients', false],
  ['fileCopy', false], ['copies', true], ['sentOn', true], ['receipt', false], ['notes', false],
];

/** @type {StyleSpec[]} The register's own styles, after the plan's: its ten columns fit a landscape page at 11pt. */
const REGISTER_STYLES = [
  { id: 'KHKySo', name: 'KH Kỳ của sổ', ...HEADER_LINE, size: PT[14], italic: true, after: 240, keepNext: true },
  { id: 'KHSoTieuDe', name: 'KH Sổ (tiêu đề cột)', basedOn: 'KHBangTieuDe', size: PT[11] },
  { id: 'KHSo', name: 'KH Sổ (ô)', basedOn: 'KHBang', size: PT[11] },
  { id: 'KHSoGiua', name: 'KH Sổ (ô giữa)', basedOn: 'KHSo', align: 'center' },
];

function registerTable() {
  const widths = REGISTER_COLUMNS;
  const cellContents = REGISTER_CELLS.map(([tag, centred]) => paragraph(centred ? 'KHSoGiua' : 'KHSo', `{${tag}}`));
  cellContents[0] = cellContents[0].replace('{numberAndSymbol}', '{#rows}{numberAndSymbol}');
  closeRowLoop(cellContents, '{/rows}');
  return table({ widths, bordered: true }, [
    headerCells(widths, REGISTER_TITLES, 'KHSoTieuDe'),
    headerCells(widths, REGISTER_TITLES.map((_, i) => `(${i + 1})`), 'KHSoTieuDe'),
    row(cellContents.map((content, i) => cell(widths[i], content, { sized: false }))),
  ]);
}

function numberRegister() {
  const [left, right] = REGISTER_HEADER_COLUMNS;
  const header = table({ widths: REGISTER_HEADER_COLUMNS, bordered: false }, [
    row([
      cell(left, paragraph('KHCoQuanChuQuan', '{organisationName}') + paragraph('KHCoQuanBanHanh', '{bodyName}') + paragraph('KHGachCoQuan')),
      cell(right, paragraph('KHCoQuanChuQuan')),
    ]),
  ]);
  return (
    header +
    paragraph('KHTenLoai', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI') +
    paragraph('KHKySo', '{period}') +
    registerTable() +
    invertedSection('rows', paragraph('KHDoanVan', 'Không có văn bản đi nào trong thời gian này.')) +
    '<w:p/>'
  );
}

function sectionProperties(page) {
  const orientation = page.width > page.height ? ' w:orient="landscape"' : '';
  return (
    '<w:sectPr>' +
    '<w:headerReference w:type="default" r:id="rIdHeaderDefault"/>' +
    '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' +
    `<w:pgSz w:w="${page.width}" w:h="${page.height}"${orientation}/>` +
    `<w:pgMar w:top="${page.top}" w:right="${page.right}" w:bottom="${page.bottom}" w:left="${page.left}" ` +
    `w:header="${page.header}" w:footer="${page.header}" w:gutter="0"/>` +
    '<w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/>' +
    '</w:sectPr>'
  );
}

function documentXml(content, page = PAGE) {
  return `${XML_DECLARATION}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:body>${content}${sectionProperties(page)}</w:body></w:document>`;
}

function planDocumentXml(signatures) {
  return documentXml(draftMark() + headerTable() + titleBlock() + preamble() + body() + closing() + signatures + appendix());
}

/** Page number centred in the header; the first page gets an empty header (w:titlePg). */
function headerXml(withPageNumber) {
  const pageField = withPageNumber ? '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>' : '';
  return `${XML_DECLARATION}<w:hdr xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:p><w:pPr><w:pStyle w:val="KHSoTrang"/></w:pPr>${pageField}</w:p></w:hdr>`;
}

function settingsXml() {
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${NS.w}">` +
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="vi-VN"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>' +
    '</w:settings>'
  );
}

function fontTableXml() {
  return (
    `${XML_DECLARATION}<w:fonts xmlns:w="${NS.w}"><w:font w:name="${FONT}">` +
    '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>' +
    '</w:font></w:fonts>'
  );
}

function contentTypesXml() {
  const wml = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const override = (part, type) => `<Override PartName="${part}" ContentType="${wml}.${type}+xml"/>`;
  return (
    `${XML_DECLARATION}<Types xmlns="${NS.ct}">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', 'document.main') +
    override('/word/styles.xml', 'styles') +
    override('/word/settings.xml', 'settings') +
    override('/word/fontTable.xml', 'fontTable') +
    override('/word/header1.xml', 'header') +
    override('/word/header2.xml', 'header') +
    '</Types>'
  );
}

function relationshipsXml(relationships) {
  const items = relationships
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${NS.r}/${type}" Target="${target}"/>`)
    .join('');
  return `${XML_DECLARATION}<Relationships xmlns="${NS.rel}">${items}</Relationships>`;
}

// ---------------------------------------------------------------------------------------------
// Packaging. Local-time constructor: PizZip writes DOS dates from local fields, so this date
// gives the same bytes in every time zone.
const FIXED_ZIP_DATE = new Date(2026, 0, 1, 0, 0, 0);

function buildDocx(document, styles = STYLES) {
  const parts = [
    ['[Content_Types].xml', contentTypesXml()],
    ['_rels/.rels', relationshipsXml([['rId1', 'officeDocument', 'word/document.xml']])],
    ['word/document.xml', document],
    ['word/_rels/document.xml.rels', relationshipsXml([
      ['rIdStyles', 'styles', 'styles.xml'],
      ['rIdSettings', 'settings', 'settings.xml'],
      ['rIdFontTable', 'fontTable', 'fontTable.xml'],
      ['rIdHeaderDefault', 'header', 'header1.xml'],
      ['rIdHeaderFirst', 'header', 'header2.xml'],
    ])],
    ['word/styles.xml', stylesXml(styles)],
    ['word/settings.xml', settingsXml()],
    ['word/fontTable.xml', fontTableXml()],
    ['word/header1.xml', headerXml(true)],
    ['word/header2.xml', headerXml(false)],
  ];
  const zip = new PizZip();
  for (const [name, xml] of parts) zip.file(name, xml, { date: FIXED_ZIP_DATE });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

const TEMPLATES = {
  'ke-hoach.docx': () => buildDocx(planDocumentXml(singleSignature())),
  'ke-hoach-phoi-hop.docx': () => buildDocx(planDocumentXml(jointSignatures())),
  'tong-hop-bao-cao.docx': () => buildDocx(documentXml(reportSummary()), [...STYLES, ...SUMMARY_STYLES]),
  'so-dang-ky-van-ban-di.docx': () => buildDocx(documentXml(numberRegister(), LANDSCAPE_PAGE), [...STYLES, ...REGISTER_STYLES]),
};

function buildTemplates(outputDir = __dirname) {
  fs.mkdirSync(outputDir, { recursive: true });
  return Object.entries(TEMPLATES).map(([fileName, build]) => {
    const target = path.join(outputDir, fileName);
    fs.writeFileSync(target, build());
    return target;
  });
}

module.exports = { buildTemplates };

if (require.main === module) {
  for (const written of buildTemplates(process.argv[2] ?? __dirname)) console.log(`wrote ${written}`);
}
