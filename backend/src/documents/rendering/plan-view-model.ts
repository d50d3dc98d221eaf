/**
 * Turns a plan into the data the templates' tags read (templates/README.md lists every tag).
 * All wording decisions of FORMAT.md that depend on data live here; the templates only place it.
 */
import { numberBlocks } from '../../plans/block-numbering';
import type { BlockType, PlanContent, Signer } from '../../plans/plan-content';
import type { DocumentOrganisation, RenderInput } from './render-input';
import { calendarDateInVietnam, formatLongDate, formatShortDate } from './vietnamese-date';
import { bodyNameInSentence, cleanAllText, sentenceCase, upperCaseVietnamese } from './vietnamese-text';

export interface SignatureBlockView {
  /** authority, optional deputy line, title — in capitals */
  headLines: string[];
  /** a signer's name is recorded: "Đã ký" instead of room for a handwritten signature */
  signed: boolean;
  signerName: string;
}

/** One signature-grid row of a joint plan; `false` leaves the cell empty. */
export interface SignatureRowView {
  left: SignatureBlockView | false;
  right: SignatureBlockView | false;
}

export type BodyBlockView = { label: string; text: string } & Record<BlockType, boolean>;

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
  preambleBases: string[];
  preambleParagraphs: string[];
  body: BodyBlockView[];
  closing: string[];
  signature: SignatureBlockView;
  signatureRows: SignatureRowView[];
  recipients: { label: string; note: string }[];
  archive: string;
  form: { formTitle: string; indicators: { code: string; label: string; unit: string }[] } | false;
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
    ...preambleView(content.preamble),
    body: bodyView(content),
    closing: content.closing,
    ...signaturesView(input),
    recipients: content.recipients.map(({ label, note }) => ({ label, note: note?.trim() ?? '' })),
    archive: content.archive,
    form: content.form
      ? {
          formTitle: upperCaseVietnamese(content.form.title),
          indicators: content.form.indicators.map(({ code, label, unit }) => ({ code, label, unit })),
        }
      : false,
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

/**
 * Preamble written as one basis per line ("…;" on each but the last) is set in italics
 * (FORMAT.md "Title and body"); flowing preamble paragraphs are upright.
 */
function preambleView(preamble: string[]): Pick<PlanView, 'preambleBases' | 'preambleParagraphs'> {
  const isBasisList = preamble.length >= 2 && preamble.slice(0, -1).every((line) => line.trimEnd().endsWith(';'));
  return isBasisList
    ? { preambleBases: preamble, preambleParagraphs: [] }
    : { preambleBases: [], preambleParagraphs: preamble };
}

function bodyView(content: PlanContent): BodyBlockView[] {
  return numberBlocks(content.body).map(({ type, text, label }) => ({
    label,
    text,
    heading1: type === 'heading1',
    heading2: type === 'heading2',
    heading3: type === 'heading3',
    paragraph: type === 'paragraph',
    bullet: type === 'bullet',
    subbullet: type === 'subbullet',
  }));
}

function signatureBlock(lines: (string | null)[], signerName: string | null | undefined): SignatureBlockView {
  const name = signerName?.trim() ?? '';
  return {
    headLines: lines.filter((line): line is string => Boolean(line?.trim())).map(upperCaseVietnamese),
    signed: name !== '',
    signerName: name,
  };
}

function leadSignature(signer: Signer, signerName: string | null | undefined): SignatureBlockView {
  return signatureBlock([signer.authority, signer.deputy, signer.title], signerName);
}

function coIssuerSignature(organisation: DocumentOrganisation, signerName: string | null | undefined) {
  return signatureBlock([organisation.signatureAuthority, organisation.signerTitle], signerName);
}

/**
 * The single signature, and the joint plan's grid: two blocks per row, the lead issuer on the
 * right of the first row, the co-issuers in order around it (FORMAT.md "Joint plan").
 */
function signaturesView(input: RenderInput): Pick<PlanView, 'signature' | 'signatureRows'> {
  const lead = leadSignature(input.content.signer, input.signerNames[input.issuer.id]);
  const coIssuers = input.coIssuers.map((org) => coIssuerSignature(org, input.signerNames[org.id]));
  const [firstCoIssuer, ...otherCoIssuers] = coIssuers;
  const cells: (SignatureBlockView | false)[] = [firstCoIssuer ?? false, lead, ...otherCoIssuers];
  const signatureRows: SignatureRowView[] = [];
  for (let i = 0; i < cells.length; i += 2) signatureRows.push({ left: cells[i], right: cells[i + 1] ?? false });
  return { signature: lead, signatureRows };
}
