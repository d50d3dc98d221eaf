import type { SxProps, Theme } from '@mui/material';

/**
 * The DOCX's text width (A4 less its margins, templates/build-templates.js) and its body size, in
 * twips: the preview sets its type in proportion to its own width, so each line breaks where the
 * Word document's does, at any screen width.
 */
const TEXT_WIDTH = 11906 - 1701 - 850;
const BODY_SIZE = 14 * 20;
/** A length of the DOCX in the preview's width units (cqi: 1% of the sheet's text width). */
const cqi = (twips: number) => `${((twips / TEXT_WIDTH) * 100).toFixed(3)}cqi`;
/** A type size of the DOCX relative to its 14pt body. */
const em = (points: number) => `${(points / 14).toFixed(4)}em`;
/** The header table's columns (organisation | national motto) and cell margins, as in the DOCX. */
const HEADER_ORGANISATION = 3686;
const CELL_MARGIN = 108;

/**
 * A sheet of paper in the document's own typography (FORMAT.md): Times New Roman, justified body
 * with a first-line indent, bold headings, borderless header and signature tables. The sheet is a
 * size container; its `.page` sets the body size from the sheet's width.
 */
export const documentStyles: SxProps<Theme> = {
  // At the widest, the text is as wide as the A4 page's at 100 % (16.5 cm = 624 px).
  maxWidth: 624 + 2 * 64,
  // A size container takes no width from its content: it is given its width.
  width: '100%',
  boxSizing: 'border-box',
  mx: 'auto',
  px: { xs: 2, sm: 5, md: 8 },
  py: { xs: 2, sm: 5 },
  containerType: 'inline-size',
  fontFamily: '"Times New Roman", "Liberation Serif", Tinos, serif',
  lineHeight: 1.4,
  '& .page': { fontSize: cqi(BODY_SIZE) },
  color: '#000',
  backgroundColor: '#fff',
  overflowWrap: 'anywhere',
  '& p': { textAlign: 'justify', textIndent: em(567 / 20), my: 0.75 },
  '& .bold': { fontWeight: 700 },
  '& .italic': { fontStyle: 'italic' },
  '& .center': { textAlign: 'center' },
  '& .keep-spaces': { whiteSpace: 'pre-wrap' },
  '& .heading1, & .heading2': { fontWeight: 700 },
  '& .heading3': { fontWeight: 700, fontStyle: 'italic' },
  // As the DOCX's "KH Dự thảo" paragraph: a box 1,800 twips wide on its own line at the right, above the header.
  '& .draft-mark': {
    width: cqi(1800),
    ml: 'auto',
    mb: '0.5em',
    boxSizing: 'border-box',
    border: '2px solid #c62828',
    color: '#c62828',
    textAlign: 'center',
    fontWeight: 700,
  },
  '& table': { width: '100%', borderCollapse: 'collapse', fontSize: em(13) },
  '& table.header': { tableLayout: 'fixed', lineHeight: 1.15 },
  '& table.header td, & table.signatures td': { verticalAlign: 'top', textAlign: 'center', width: '50%', px: cqi(CELL_MARGIN), boxSizing: 'border-box' },
  '& table.header td:first-of-type': { width: cqi(HEADER_ORGANISATION) },
  '& table.header td:last-of-type': { width: cqi(TEXT_WIDTH - HEADER_ORGANISATION) },
  // 12pt within the 13pt header
  '& table.header .nation': { fontSize: `${(12 / 13).toFixed(4)}em` },
  '& table.header .date': { fontSize: `${(14 / 13).toFixed(4)}em` },
  '& .rule': { border: 0, borderTop: '1px solid #000', mx: 'auto', my: 0.5 },
  '& .rule.third': { width: '35%' },
  '& .rule.short': { width: '25%', mb: 2 },
  '& .rule.motto-rule': { width: '58%' },
  '& .heading': { textAlign: 'center', fontWeight: 700, mt: 3, textTransform: 'uppercase' },
  '& .title': { textAlign: 'center', fontWeight: 700, maxWidth: '85%', mx: 'auto' },
  '& table.signatures': { mt: 3, mb: 2 },
  '& .signature': { mb: 3 },
  '& .room-to-sign': { height: '5em' },
  '& .signed': { fontStyle: 'italic', my: 2 },
  '& .recipients': { textAlign: 'left', fontSize: '0.8em' },
  '& .recipients-title': { fontWeight: 700, fontStyle: 'italic' },
  '& .appendix': { mt: 4, pt: 3, borderTop: '1px dashed #9e9e9e' },
  '& table.indicators': { mt: 2 },
  '& table.indicators th, & table.indicators td': { border: '1px solid #000', p: 0.5 },
};
