/**
 * The content of a plan (DESIGN.md §3): what a drafter writes and every saved edit versions.
 * Number, issue date and signer names are not content: they come from the workflow.
 */
export const PLAN_KINDS = ['plan', 'joint_plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const BLOCK_TYPES = ['heading1', 'heading2', 'heading3', 'paragraph', 'bullet', 'subbullet'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export const INDICATOR_TYPES = ['integer', 'percent', 'text'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export interface BodyBlock {
  type: BlockType;
  text: string;
}

export interface Signer {
  /** e.g. "TM. BAN THƯỜNG TRỰC" */
  authority: string;
  /** optional "KT. CHỦ TỊCH" line between authority and title */
  deputy: string | null;
  /** e.g. "PHÓ CHỦ TỊCH" */
  title: string;
}

export interface Recipient {
  label: string;
  /** e.g. "b/c", rendered "(b/c)" */
  note?: string | null;
  /** internal organisations this line names; none for an outside recipient */
  orgIds?: string[];
}

export interface ReportingDeadline {
  name: string;
  /** ISO date, YYYY-MM-DD */
  dueDate: string;
}

export interface Indicator {
  code: string;
  label: string;
  unit: string;
  type: IndicatorType;
}

export interface ReportingForm {
  title: string;
  indicators: Indicator[];
}

export interface PlanContent {
  kind: PlanKind;
  issuerId: string;
  coIssuerIds: string[];
  /** "KẾ HOẠCH" or "KẾ HOẠCH PHỐI HỢP" (practice: the drafter chooses); defaults by kind */
  heading?: string | null;
  title: string;
  place: string;
  preamble: string[];
  body: BodyBlock[];
  closing: string[];
  signer: Signer;
  recipients: Recipient[];
  archive: string;
  reporting: ReportingDeadline[];
  form: ReportingForm | null;
  parentPlanId: string | null;
}
