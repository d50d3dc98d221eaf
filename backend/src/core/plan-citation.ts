/**
 * How documents cite an issued plan, and the texts of replacement and correction (Nghị định 30/2020
 * Điều 18) built on that citation. Pure: the backend and the admin share it.
 */
import { formatDocumentNumber } from './document-number';
import { preambleKindsOf, type PlanContent } from './plan-content';
import { formatShortDate } from './vietnamese-date';
import { bodyNameInSentence } from './vietnamese-text';

/** What a citation names of an issued plan. */
export interface CitedPlan {
  number: number;
  /** "KH-MTTQ-BTT" */
  symbol: string;
  issuedAt: Date;
  issuer: { name: string; bodyName: string };
}

/** "Kế hoạch số 224/KH-MTTQ-BTT ngày 05/4/2022" (no comma before "ngày", as the seeds and real plans write it) */
export function planNumberAndDate(plan: Omit<CitedPlan, 'issuer'>): string {
  return `Kế hoạch số ${formatDocumentNumber(plan.number, plan.symbol)} ngày ${formatShortDate(plan.issuedAt)}`;
}

/** "Kế hoạch số 224/KH-MTTQ-BTT ngày 05/4/2022 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La" */
export function planCitation(plan: CitedPlan): string {
  return `${planNumberAndDate(plan)} của ${bodyNameInSentence(plan.issuer.bodyName)} ${plan.issuer.name}`;
}

/** The preamble line a replacement opens with, a statement: "Kế hoạch này thay thế Kế hoạch số … của …." */
export function replacementPreambleLine(replaced: CitedPlan): string {
  return `Kế hoạch này thay thế ${planCitation(replaced)}.`;
}

/** The summary ("V/v …") of a correction notice, as its register entry and the recipients' inbox name it. */
export function correctionSummary(corrected: Omit<CitedPlan, 'issuer'>): string {
  return `Đính chính ${planNumberAndDate(corrected)}`;
}

/** A correction notice's life: the drafter writes it, the leader approves, the clerk issues it with a number. */
export const CORRECTION_STATUSES = ['draft', 'approved', 'issued'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = {
  draft: 'Dự thảo',
  approved: 'Đã phê duyệt',
  issued: 'Đã ban hành',
};

/** The register type of a correction notice: a Thông báo (core/document-types.ts), numbered "TB-…". */
export const CORRECTION_TYPE_CODE = 'TB';

/**
 * The draft of a replacement: the replaced plan's content, its preamble opening with the line that
 * says what it replaces (a statement, upright); the drafter then corrects the content.
 */
export function replacementContent(replaced: PlanContent, cited: CitedPlan): PlanContent {
  return {
    ...replaced,
    preamble: [replacementPreambleLine(cited), ...replaced.preamble],
    preambleKinds: ['statement', ...preambleKindsOf(replaced)],
  };
}

/**
 * A correction notice as a short document of the plan model: header and number of a Thông báo, the
 * summary as its title, the text one paragraph per line, the plan's signer, recipients and archive line.
 */
export function correctionNoticeContent(corrected: PlanContent & { number: number; symbol: string; issuedAt: Date }, text: string): PlanContent {
  return {
    kind: 'plan',
    issuerId: corrected.issuerId,
    coIssuerIds: [],
    heading: 'THÔNG BÁO',
    title: correctionSummary(corrected),
    place: corrected.place,
    preamble: [],
    body: text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => ({ type: 'paragraph' as const, text: line })),
    closing: [],
    signer: corrected.signer,
    recipients: corrected.recipients,
    archive: corrected.archive,
    reporting: [],
    form: null,
    parentPlanId: null,
  };
}
