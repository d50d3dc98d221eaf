/** Shared set-up for the document specs: the example fixtures, their organisations, unzipping. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import type { PlanContent } from '../../backend/src/core/plan-content';
import type { DocumentOrganisation, RenderInput } from '../../backend/src/documents/rendering';
import { readWordDocument } from '../../backend/src/documents/rendering/docx/word-document';
import { EXAMPLE_NAMES, exampleContent, exampleOrganisations, type ExampleName } from '../../backend/src/documents/rendering/example-fixtures';

/** What the rendered examples must say (the examples themselves are in templates/fixtures/examples). */
export const EXPECTED_PARAGRAPHS = join(__dirname, '..', 'fixtures', 'expected-paragraphs');
export const EXAMPLES = EXAMPLE_NAMES;
export type Example = ExampleName;

export const ORGANISATIONS: Record<string, DocumentOrganisation> = exampleOrganisations();

/** A fresh copy of an example's content, organisations named by placeholders ("ORG:MTTQ"). */
export function loadExample(name: Example): PlanContent {
  return exampleContent(name);
}

export function expectedParagraphs(name: Example): string[] {
  return readFileSync(join(EXPECTED_PARAGRAPHS, `${name}.txt`), 'utf8').split('\n').filter(Boolean);
}

/** 15/4/2022 10:00 in Vietnam */
export const ISSUED_AT = new Date('2022-04-15T03:00:00Z');
export const RENDERED_AT = new Date('2026-03-02T02:00:00Z');

/** The leader of each organisation who signs in the examples. */
export const SIGNER_NAMES: Record<string, string> = {
  'ORG:MTTQ': 'Nguyễn Thị Hồng Vân',
  'ORG:LDLD': 'Lò Văn Hải',
  'ORG:HND': 'Cầm Thị Mai',
  'ORG:HLHPN': 'Quàng Thị Lan',
  'ORG:TD': 'Hà Trung Kiên',
  'ORG:HCCB': 'Lường Văn Sơn',
};

/** An issued plan: number 227, issued 15/4/2022, every organisation has signed. */
export function issuedInput(content: PlanContent, overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    content,
    issuer: ORGANISATIONS[content.issuerId],
    coIssuers: content.coIssuerIds.map((id) => ORGANISATIONS[id]),
    numbering: { number: 227, symbol: 'KH-MTTQ-BTT', issuedAt: ISSUED_AT },
    signerNames: SIGNER_NAMES,
    draft: false,
    renderedAt: RENDERED_AT,
    ...overrides,
  };
}

/** A draft: no number, no signatures yet. */
export function draftInput(content: PlanContent): RenderInput {
  return issuedInput(content, {
    numbering: { number: null, symbol: 'KH-MTTQ-BTT', issuedAt: null },
    signerNames: {},
    draft: true,
  });
}

export function documentXml(docx: Buffer): string {
  return new PizZip(docx).file('word/document.xml')!.asText();
}

export function normaliseSpaces(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The document's paragraphs in reading order (tables row by row, cell by cell), spaces normalised. */
export function paragraphTexts(docx: Buffer): string[] {
  return readWordDocument(docx)
    .blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.paragraph] : block.table.rows.flat(2)))
    .map((p) => normaliseSpaces(p.text));
}

/** The items of `expected` that are missing from `actual` when read in order (empty: all found in order). */
export function missingInOrder(actual: string[], expected: string[]): string[] {
  let position = 0;
  const missing: string[] = [];
  for (const item of expected) {
    const found = actual.indexOf(normaliseSpaces(item), position);
    if (found < 0) missing.push(item);
    else position = found + 1;
  }
  return missing;
}

/** Replaces text in one part of a .docx, for making deliberately broken templates. */
export function editPart(docx: Buffer, part: string, edit: (xml: string) => string): Buffer {
  const zip = new PizZip(docx);
  zip.file(part, edit(zip.file(part)!.asText()));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Runs `action` with the process in another time zone, then restores it. */
export function inTimeZone<T>(zone: string, action: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return action();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}
