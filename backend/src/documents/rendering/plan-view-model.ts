/**
 * Turns a plan into the data the templates' tags read (templates/README.md lists every tag).
 * All wording decisions of FORMAT.md that depend on data live here; the templates only place it.
 */
import { numberBlocks } from '../../core/block-numbering';
import { preambleKindsOf, type BlockType, type PlanContent, type PreambleKind, type Signer } from '../../core/plan-content';
import { formView, type FormView } from './form-view-model';
import { markupView, type MarkupView } from './inline-view';
import type { DocumentOrganisation, RenderInput } from './render-input';
import { calendarDateInVietnam, formatLongDate, formatShortDate } from '../../core/vietnamese-date';
import { bodyNameInSentence, cleanAllText, cleanText, sentenceCase, upperCaseVietnamese } from '../../core/vietnamese-text';

export interface SignatureBlockView {
  /** the organisation signing in this block (the lead issuer or a co-issuer) */
  organisationId: string;
  /** authority, optional deputy line, title — in capitals */
  headLines: string[];
  /**
   * "Đã ký" instead of room for a handwritten signature and seal: the signer's name is recorded
   * (an electronic approval) and the organisation signs electronically.
   */
  signed: boolean;
  signerName: string;
}

/** One signature-grid row of a joint plan; `false` leaves the cell empty. */
export interface SignatureRowView {
  left: SignatureBlockView | false;
  right: SignatureBlockView | false;
}

/**
 * One body block: `headingN` gives its level; with `asParagraph` a numbered item is set as a
 * paragraph (body weight) after its number. `text` is the plain text, for templates made before
 * emphasis and numbered paragraphs existed.
 */
export type BodyBlockView = MarkupView & { label: string; asParagraph: boolean } & Record<BlockType, boolean>;

/** A preamble line in its kind's style: a basis (italic) or a statement (upright). */
export type PreambleLineView = MarkupView & Record<PreambleKind, boolean>;

export interface PlanView {
  draft: boolean;
  organisationName: string;
  bodyName: string;
  number: string;
  symbol: string;
  place: string;
  date: string;
  shortDate: string;
  heading: string;
  documentName: string;
  issuerFullName: string;
  title: string;
  preambleLines: PreambleLineView[];
  /** templates made before preamble kinds: the plain lines, as bases when every line is one */
  preambleBases: string[];
  preambleParagraphs: string[];
  body: BodyBlockView[];
  closingLines: MarkupView[];
  /** templates made before emphasis: the plain closing paragraphs */
  closing: string[];
  signature: SignatureBlockView;
  signatureRows: SignatureRowView[];
  recipients: { label: string; note: string }[];
  archive: string;
  form: FormView | false;
}

// Blank number and day/month: room for the clerk to write them by hand (FORMAT.md "Header").
const BLANK_NUMBER = ' '.repeat(5);
const BLANK_DAY_MONTH = ' '.repeat(4);

const DEFAULT_HEADINGS: Record<PlanContent['kind'], string> = {
  plan: 'KẾ HOẠCH',
  joint_plan: 'KẾ HOẠCH PHỐI HỢP',
};

export function buildPlanView(input: RenderInput): PlanView {
  const { content, issuer } = input;
  const heading = upperCaseVietnamese(content.heading?.trim() || DEFAULT_HEADINGS[content.kind]);
  const closingLines = content.closing.map(markupView);
  const view: PlanView = {
    draft: input.draft,
    organisationName: upperCaseVietnamese(issuer.name),
    bodyName: upperCaseVietnamese(issuer.bodyName),
    ...numberAndDates(input),
    symbol: input.numbering.symbol,
    place: content.place.trim() || issuer.place,
    heading,
    documentName: sentenceCase(heading),
    issuerFullName: `${issuer.bodyNameInSentence ?? bodyNameInSentence(issuer.bodyName)} ${issuer.name}`,
    title: content.title,
    ...preambleView(content),
    body: bodyView(content),
    closingLines,
    closing: closingLines.map((line) => line.text),
    ...signaturesView(input),
    recipients: content.recipients.map(({ label, note }) => ({ label, note: note?.trim() ?? '' })),
    archive: content.archive,
    form: content.form ? formView(content.form) : false,
  };
  return cleanAllText(view);
}

/** "05", "227": numbers below 10 take a leading zero (FORMAT.md "Header"). */
function formatDocumentNumber(number: number): string {
  return String(number).padStart(2, '0');
}

/** Number and date are shown once issued; a draft or an unnumbered document leaves them blank. */
function numberAndDates({ draft, numbering, renderedAt }: RenderInput) {
  const { number, issuedAt } = numbering;
  if (draft || number === null || issuedAt === null) {
    const year = calendarDateInVietnam(renderedAt ?? new Date()).year;
    return {
      number: BLANK_NUMBER,
      date: `ngày${BLANK_DAY_MONTH}tháng${BLANK_DAY_MONTH}năm ${year}`,
      shortDate: `${BLANK_DAY_MONTH}/${BLANK_DAY_MONTH}/${year}`,
    };
  }
  return { number: formatDocumentNumber(number), date: formatLongDate(issuedAt), shortDate: formatShortDate(issuedAt) };
}

/** A basis (căn cứ, thực hiện) is set in italics (FORMAT.md "Title and body"), a statement upright. */
function preambleView(content: PlanContent): Pick<PlanView, 'preambleLines' | 'preambleBases' | 'preambleParagraphs'> {
  const kinds = preambleKindsOf(content);
  const preambleLines = content.preamble.map((line, i) => ({
    ...markupView(line),
    basis: kinds[i] === 'basis',
    statement: kinds[i] !== 'basis',
  }));
  const plain = preambleLines.map((line) => line.text);
  return preambleLines.every((line) => line.basis)
    ? { preambleLines, preambleBases: plain, preambleParagraphs: [] }
    : { preambleLines, preambleBases: [], preambleParagraphs: plain };
}

function bodyView(content: PlanContent): BodyBlockView[] {
  return numberBlocks(content.body).map(({ type, text, label, asParagraph }) => ({
    label,
    ...markupView(text),
    asParagraph,
    heading1: type === 'heading1',
    heading2: type === 'heading2',
    heading3: type === 'heading3',
    paragraph: type === 'paragraph',
    bullet: type === 'bullet',
    subbullet: type === 'subbullet',
  }));
}

/** A signature block's head line as the documents print it: in capitals. */
export function headLineText(line: string): string {
  return cleanText(upperCaseVietnamese(line));
}

/** Whether "Đã ký" may stand for the signature is the organisation's practice; by default it may. */
function signatureBlock(lines: (string | null)[], signerName: string | null | undefined, organisation: DocumentOrganisation): SignatureBlockView {
  const name = signerName?.trim() ?? '';
  return {
    organisationId: organisation.id,
    headLines: lines.filter((line): line is string => Boolean(line?.trim())).map(headLineText),
    signed: name !== '' && organisation.signsElectronically !== false,
    signerName: name,
  };
}

function leadSignature(signer: Signer, signerName: string | null | undefined, issuer: DocumentOrganisation): SignatureBlockView {
  return signatureBlock([signer.authority, signer.deputy, signer.title], signerName, issuer);
}

function coIssuerSignature(organisation: DocumentOrganisation, signerName: string | null | undefined, signerTitle: string | null | undefined) {
  return signatureBlock([organisation.signatureAuthority, signerTitle || organisation.signerTitle], signerName, organisation);
}

/**
 * The single signature, and the joint plan's grid: two blocks per row, the lead issuer on the
 * right of the first row, the co-issuers in order around it (FORMAT.md "Joint plan").
 */
function signaturesView(input: RenderInput): Pick<PlanView, 'signature' | 'signatureRows'> {
  const lead = leadSignature(input.content.signer, input.signerNames[input.issuer.id], input.issuer);
  const coIssuers = input.coIssuers.map((org) => coIssuerSignature(org, input.signerNames[org.id], input.signerTitles?.[org.id]));
  const [firstCoIssuer, ...otherCoIssuers] = coIssuers;
  const cells: (SignatureBlockView | false)[] = [firstCoIssuer ?? false, lead, ...otherCoIssuers];
  const signatureRows: SignatureRowView[] = [];
  for (let i = 0; i < cells.length; i += 2) signatureRows.push({ left: cells[i], right: cells[i + 1] ?? false });
  return { signature: lead, signatureRows };
}
