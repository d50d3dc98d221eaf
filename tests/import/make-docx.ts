/**
 * Word files made in the test from plain paragraphs, as an office's own .docx would hold them: typed
 * numbers ("1.1. …") in the text, or Word's list numbering (numbering.xml, w:numPr) where the number
 * is not in the text at all; italic runs; tables. Just the parts Word needs to open the file.
 */
import PizZip from 'pizzip';

export interface DocxRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

export type DocxParagraph =
  | { kind: 'paragraph'; runs: DocxRun[]; /** Word list numbering: 0 = "I.", 1 = "1.", 2 = "1.1.", 3 = "-", 4 = "+" */ listLevel?: number }
  | { kind: 'table'; rows: string[][] };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run({ text, italic, bold }: DocxRun): string {
  const properties = `${bold ? '<w:b/>' : ''}${italic ? '<w:i/>' : ''}`;
  // A tab typed in the text is a w:tab element in Word, not a character of w:t.
  const content = text.split('\t').map((piece) => `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`).join('<w:tab/>');
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}${content}</w:r>`;
}

function paragraphXml(runs: DocxRun[], listLevel?: number): string {
  const numbering = listLevel === undefined ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${listLevel}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
  return `<w:p>${numbering}${runs.map(run).join('')}</w:p>`;
}

function tableXml(rows: string[][]): string {
  const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraphXml([{ text }])}</w:tc>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((cells) => `<w:tr>${cells.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** The five levels of a plan's body as Word list levels: I., 1., 1.1., -, +. */
const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
    <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>`;

export function makeDocx(paragraphs: DocxParagraph[]): Buffer {
  const body = paragraphs.map((p) => (p.kind === 'table' ? tableXml(p.rows) : paragraphXml(p.runs, p.listLevel))).join('');
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', PACKAGE_RELS);
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS);
  zip.file('word/numbering.xml', NUMBERING_XML);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Plain lines as paragraphs, "*…*" as italic runs. */
export function textParagraph(line: string, listLevel?: number): DocxParagraph {
  const runs = line.split(/(\*[^*]+\*)/).filter(Boolean).map((piece) => (/^\*[^*]+\*$/.test(piece) ? { text: piece.slice(1, -1), italic: true } : { text: piece }));
  return { kind: 'paragraph', runs: runs.length ? runs : [{ text: '' }], listLevel };
}

/** Two or more columns of a text export: a tab or a wide gap of spaces between them. */
const COLUMNS = /\t+| {5,}/u;
const TYPED_MARKER = /^(?:([IVX]+)\.|(\d+)\.(\d+)\.|(\d+)\.|([-–])|(\+))\s*/u;

/**
 * A plan's text as the Word file it was extracted from: one paragraph a line, a line laid out in
 * columns as a one-row table. With `wordLists`, the typed numbers and dashes of the body (from the
 * first "I." to "Trên đây là") become Word list numbering instead (numbering.xml), so the numbers
 * are no longer in the text at all.
 */
export function docxFromText(text: string, { wordLists = false } = {}): Buffer {
  const paragraphs: DocxParagraph[] = [];
  let inBody = false;
  for (const line of text.split('\n')) {
    const columns = line.trim().split(COLUMNS).filter(Boolean);
    if (columns.length >= 2) {
      paragraphs.push({ kind: 'table', rows: [columns] });
      continue;
    }
    if (/^\s*I\.\s/u.test(line)) inBody = true;
    if (/^\s*Trên đây là/u.test(line)) inBody = false;
    const marker = TYPED_MARKER.exec(line.trim());
    if (!wordLists || !inBody || !marker) {
      paragraphs.push(textParagraph(line));
      continue;
    }
    const level = marker[1] ? 0 : marker[2] ? 2 : marker[4] ? 1 : marker[5] ? 3 : 4;
    paragraphs.push(textParagraph(line.trim().slice(marker[0].length), level));
  }
  return makeDocx(paragraphs);
}
