/**
 * Reads a .docx into what a format check needs: the body as a sequence of paragraphs and tables,
 * each paragraph with its text and effective formatting, the sections and the page headers.
 */
import { posix } from 'node:path';
import type PizZip from 'pizzip';
import { openDocx } from '../../../common/safe-zip';
import { WordStyles, type ParagraphFormat, type RunFormat } from './word-styles';
import { childElements, descendants, firstChild, parseXml, textContent, type XmlElement } from './xml-tree';

export interface WordParagraph {
  /** text with w:tab as "\t" and line breaks as "\n" */
  text: string;
  format: ParagraphFormat;
  /** formats of the runs that carry visible text */
  runs: RunFormat[];
  hasPageBreak: boolean;
  /** ends a section (w:pPr/w:sectPr), which starts a new page unless continuous */
  sectionBreak?: XmlElement;
  /** holds a drawing or VML shape, e.g. a rule drawn as a line */
  hasDrawing: boolean;
}

export interface WordTable {
  /** rows → cells → paragraphs */
  rows: WordParagraph[][][];
  /** per row: Word may not break it across pages (w:trPr/w:cantSplit) */
  rowsCantSplit: boolean[];
  /** edges drawn by the table, its style or its cells: "top", "insideV", … */
  visibleBorders: string[];
}

export type WordBlock = { kind: 'paragraph'; paragraph: WordParagraph } | { kind: 'table'; table: WordTable };

export interface WordHeader {
  type: string;
  hasPageNumber: boolean;
  paragraphs: WordParagraph[];
}

export interface WordDocument {
  blocks: WordBlock[];
  sections: XmlElement[];
  headers: WordHeader[];
  /** every paragraph, in body, tables and headers */
  allParagraphs: WordParagraph[];
  /** lengths of the main part that are not whole numbers: `w:gridCol w:w="4677.5"` */
  fractionalMeasures: string[];
}

const RELATIONSHIP_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const INVISIBLE_BORDERS = ['nil', 'none'];
// Elements whose paragraphs belong to something else (text boxes, footnote references…).
const NESTED_CONTENT = ['w:txbxContent', 'w:pict', 'w:drawing', 'mc:AlternateContent', 'w:tbl'];

class DocxPackage {
  constructor(private readonly zip: PizZip) {}

  xml(path: string): XmlElement | undefined {
    const file = this.zip.file(path);
    return file ? parseXml(file.asText()) : undefined;
  }

  /** Relationship id → [type, absolute part path] for the part at `partPath`. */
  relationships(partPath: string): Map<string, { type: string; target: string }> {
    const relsPath = posix.join(posix.dirname(partPath), '_rels', `${posix.basename(partPath)}.rels`);
    const relationships = new Map<string, { type: string; target: string }>();
    const root = this.xml(relsPath);
    for (const rel of root ? childElements(root, 'Relationship') : []) {
      const target = rel.attributes.Target ?? '';
      relationships.set(rel.attributes.Id, {
        type: (rel.attributes.Type ?? '').replace(RELATIONSHIP_TYPES, ''),
        target: target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(partPath), target),
      });
    }
    return relationships;
  }
}

function paragraphText(paragraph: XmlElement): string {
  let text = '';
  const visit = (element: XmlElement) => {
    for (const child of childElements(element)) {
      if (NESTED_CONTENT.includes(child.name)) continue;
      if (child.name === 'w:t') text += textContent(child);
      else if (child.name === 'w:tab') text += '\t';
      else if (child.name === 'w:br' || child.name === 'w:cr') text += child.attributes['w:type'] === 'page' ? '' : '\n';
      else if (child.name === 'w:noBreakHyphen') text += '-';
      else visit(child);
    }
  };
  visit(paragraph);
  return text;
}

class DocumentReader {
  constructor(private readonly styles: WordStyles) {}

  paragraph(element: XmlElement, tableStyleId?: string): WordParagraph {
    const runs = descendants(element, 'w:r', NESTED_CONTENT)
      .filter((run) => descendants(run, 'w:t').some((t) => textContent(t).trim() !== ''))
      .map((run) => this.styles.runFormat(run, element, tableStyleId));
    return {
      text: paragraphText(element),
      format: this.styles.paragraphFormat(element, tableStyleId),
      runs,
      hasPageBreak: descendants(element, 'w:br').some((br) => br.attributes['w:type'] === 'page'),
      sectionBreak: firstChild(firstChild(element, 'w:pPr'), 'w:sectPr'),
      hasDrawing: descendants(element, 'w:drawing').length + descendants(element, 'w:pict').length > 0,
    };
  }

  table(element: XmlElement): WordTable {
    const tableProperties = firstChild(element, 'w:tblPr');
    const tableStyleId = firstChild(tableProperties, 'w:tblStyle')?.attributes['w:val'];
    const rowElements = childElements(element, 'w:tr');
    const rowsCantSplit = rowElements.map((row) => {
      const cantSplit = firstChild(firstChild(row, 'w:trPr'), 'w:cantSplit');
      return cantSplit !== undefined && !['0', 'false', 'off'].includes(cantSplit.attributes['w:val'] ?? 'true');
    });
    const rows = rowElements.map((row) =>
      childElements(row, 'w:tc').map((cell) =>
        descendants(cell, 'w:p', ['w:txbxContent']).map((p) => this.paragraph(p, tableStyleId)),
      ),
    );
    const tableBorders = firstChild(tableProperties, 'w:tblBorders') ?? this.styles.tableStyleBorders(tableStyleId);
    const cellBorders = descendants(element, 'w:tcBorders');
    const visibleBorders = [tableBorders, ...cellBorders]
      .flatMap((borders) => (borders ? childElements(borders) : []))
      .filter((edge) => !INVISIBLE_BORDERS.includes(edge.attributes['w:val'] ?? 'nil'))
      .map((edge) => edge.name.replace('w:', ''));
    return { rows, rowsCantSplit, visibleBorders: [...new Set(visibleBorders)] };
  }

  blocks(body: XmlElement): WordBlock[] {
    return childElements(body).flatMap((child): WordBlock[] => {
      if (child.name === 'w:p') return [{ kind: 'paragraph', paragraph: this.paragraph(child) }];
      if (child.name === 'w:tbl') return [{ kind: 'table', table: this.table(child) }];
      // Content controls and similar wrappers: read what they contain.
      if (child.name === 'w:sdt') return this.blocks(firstChild(child, 'w:sdtContent') ?? child);
      return [];
    });
  }
}

// Attributes that hold twips, eighths of a point or half-points: integers in OOXML (ST_TwipsMeasure…).
const MEASURES = ['w:w', 'w:h', 'w:top', 'w:bottom', 'w:left', 'w:right', 'w:start', 'w:end', 'w:header', 'w:footer',
  'w:gutter', 'w:firstLine', 'w:hanging', 'w:before', 'w:after', 'w:line', 'w:sz', 'w:space'];

/** Lengths written with a fraction, which Word tolerates but stricter readers (python-docx) refuse. */
function fractionalMeasures(root: XmlElement): string[] {
  const found: string[] = [];
  const visit = (element: XmlElement) => {
    for (const name of MEASURES) {
      const value = element.attributes[name];
      if (value !== undefined && /^-?\d*\.\d+$/.test(value)) found.push(`${element.name} ${name}="${value}"`);
    }
    childElements(element).forEach(visit);
  };
  visit(root);
  return found;
}

function hasPageField(header: XmlElement): boolean {
  const simpleFields = descendants(header, 'w:fldSimple').map((field) => field.attributes['w:instr'] ?? '');
  const fieldCodes = descendants(header, 'w:instrText').map(textContent);
  return [...simpleFields, ...fieldCodes].some((code) => /\bPAGE\b/.test(code));
}

/** Reads a .docx; throws when the bytes are not a Word document (not a zip, no main part, bad XML). */
export function readWordDocument(bytes: Buffer): WordDocument {
  const docx = new DocxPackage(openDocx(bytes));
  const mainPart = [...docx.relationships('').values()].find((rel) => rel.type === 'officeDocument')?.target;
  const documentRoot = mainPart ? docx.xml(mainPart) : undefined;
  const body = firstChild(documentRoot, 'w:body');
  if (!mainPart || !body) throw new Error('không có phần nội dung chính (word/document.xml)');
  const relationships = docx.relationships(mainPart);
  const stylesPart = [...relationships.values()].find((rel) => rel.type === 'styles')?.target;
  const reader = new DocumentReader(WordStyles.parse(stylesPart ? docx.xml(stylesPart) : undefined));

  const sections = descendants(body, 'w:sectPr');
  const headers = sections.flatMap((section) =>
    childElements(section, 'w:headerReference').map((reference): WordHeader => {
      const part = relationships.get(reference.attributes['r:id'] ?? '')?.target;
      const root = part ? docx.xml(part) : undefined;
      return {
        type: reference.attributes['w:type'] ?? 'default',
        hasPageNumber: root ? hasPageField(root) : false,
        paragraphs: root ? descendants(root, 'w:p').map((p) => reader.paragraph(p)) : [],
      };
    }),
  );
  const blocks = reader.blocks(body);
  const allParagraphs = [
    ...blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.paragraph] : block.table.rows.flat(2))),
    ...headers.flatMap((header) => header.paragraphs),
  ];
  return { blocks, sections, headers, allParagraphs, fractionalMeasures: fractionalMeasures(body) };
}
