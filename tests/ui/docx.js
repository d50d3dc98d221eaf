'use strict';
/**
 * A Word file of a plan's text, one paragraph a line, "*…*" as italic runs: the few parts Word needs,
 * as tests/import/make-docx.ts builds them for the API tests (ported: these tests run as plain JS).
 */
const PizZip = require('pizzip');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(text, italic) {
  // A tab typed in the text is a w:tab element in Word, not a character of w:t.
  const content = text.split('\t').map((piece) => `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`).join('<w:tab/>');
  return `<w:r>${italic ? '<w:rPr><w:i/></w:rPr>' : ''}${content}</w:r>`;
}

const paragraph = (line) => `<w:p>${line.split(/(\*[^*]+\*)/).filter(Boolean).map((piece) => (/^\*[^*]+\*$/.test(piece) ? run(piece.slice(1, -1), true) : run(piece, false))).join('')}</w:p>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

function docxFromText(text) {
  const body = text.split('\n').map(paragraph).join('');
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', PACKAGE_RELS);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

module.exports = { docxFromText };
