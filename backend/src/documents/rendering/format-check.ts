/**
 * Checks a rendered plan (.docx) against FORMAT.md (Nghị định 30/2020/NĐ-CP as the Front applies
 * it) and for a print-ready layout (format/print-rules.ts). Used to accept an organisation's own template: rendering the fixtures with it must give no
 * message. Formatting is read as Word resolves it (styles, then direct formatting), and the parts
 * of the plan are found by their content, so a restyled template is judged on what it shows.
 */
import { readWordDocument, type WordDocument } from './docx/word-document';
import { checkBody } from './format/body-rules';
import { checkAppendix, checkRecipients, checkSignatures } from './format/closing-rules';
import { checkDraftMark, checkHeaderTable, checkTitle } from './format/header-rules';
import { locatePlanLayout } from './format/layout';
import { checkFonts, checkPage, checkPageNumbers } from './format/page-rules';
import { checkBodyEmphasis, checkFractionalMeasures, checkKeepWithNext, checkLeftoverTags, checkSignatureTables, checkTitleRule } from './format/print-rules';

/** What the caller knows the document must show; each check is skipped when left undefined. */
export interface FormatExpectations {
  /** true: "DỰ THẢO" mark, blank number and day; false: number and date filled in, no mark */
  draft?: boolean;
  /** the full number, "227/KH-MTTQ-BTT" */
  number?: string;
  /** "ngày 15 tháng 4 năm 2022" */
  date?: string;
  /** 1 for a plan, 1 + co-issuers for a joint plan */
  signatureBlocks?: number;
  /** whether the reporting-form appendix must be there (true) or must not (false) */
  appendix?: boolean;
}

/** The problems found, in Vietnamese, one sentence each; an empty list means the format is right. */
export function checkDocxFormat(bytes: Buffer, expect: FormatExpectations = {}): string[] {
  let document: WordDocument;
  try {
    document = readWordDocument(bytes);
  } catch (error) {
    return [`Tệp không phải văn bản Word (.docx) hợp lệ: ${(error as Error).message}.`];
  }
  const layout = locatePlanLayout(document);
  return [
    ...checkPage(document),
    ...checkFonts(document),
    ...checkPageNumbers(document),
    ...checkDraftMark(layout, expect),
    ...checkHeaderTable(layout, expect),
    ...checkTitle(layout),
    ...checkTitleRule(layout, document),
    ...checkBody(layout),
    ...checkBodyEmphasis(layout),
    ...checkKeepWithNext(layout),
    ...checkSignatures(layout, expect),
    ...checkSignatureTables(layout),
    ...checkRecipients(layout),
    ...checkAppendix(layout, expect),
    ...checkFractionalMeasures(document),
    ...checkLeftoverTags(document),
  ];
}
