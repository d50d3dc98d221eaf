/** What the API answers (DESIGN.md §10). Plan content is the backend's own type. */
import type { BlockType, BodyBlock, Indicator, PlanContent, ReportingDeadline } from '@backend/plans/plan-content';

export type { BlockType, BodyBlock, Indicator, PlanContent, ReportingDeadline };
export { BLOCK_TYPES, INDICATOR_TYPES, PLAN_KINDS } from '@backend/plans/plan-content';

export const ROLES = ['sysadmin', 'admin', 'drafter', 'reviewer', 'leader', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export interface Organisation {
  id: string;
  name: string;
  shortName: string;
  bodyName: string;
  symbol: string;
  place: string;
  kind: 'committee' | 'member_org';
  level: 'province' | 'district' | 'commune';
  parentId: string | null;
  path: string;
  signatureAuthority: string;
  signerTitle: string;
  signsElectronically: boolean;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  organisationId: string;
  roles: Role[];
  active?: boolean;
}

export interface Me {
  user: User;
  organisation: Organisation;
  /** CASL raw rules: the UI shows what the server would allow; the server still decides. */
  rules: unknown[];
}

export const PLAN_STATUSES = [
  'draft', 'in_review', 'in_coordination', 'awaiting_approval', 'approved', 'issued',
  'distributed', 'closed', 'rejected', 'recalled', 'cancelled',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Workflow events (DESIGN §4): what `availableActions` lists and `POST /plans/:id/events` takes. */
export type PlanEvent =
  | 'SUBMIT' | 'FORWARD' | 'RETURN' | 'SIGN' | 'REQUEST_CHANGES' | 'APPROVE' | 'REJECT'
  | 'ISSUE' | 'DISTRIBUTE' | 'CLOSE' | 'RECALL' | 'WITHDRAW' | 'CANCEL';

/** What a task can ask for: a workflow event, or what a recipient does with a distributed plan. */
export type PlanAction = PlanEvent | 'ACKNOWLEDGE' | 'REPORT' | 'DERIVE';

export interface Signature {
  organisationId: string;
  userId: string;
  userName: string;
  signedAt: string;
  contentHash: string;
  contentVersion: number;
  /** false once an edit after signing voided it */
  valid: boolean;
  kind: 'co_issuer' | 'approval';
}

export interface Plan extends PlanContent {
  id: string;
  status: PlanStatus;
  version: number;
  /** "227/KH-MTTQ-BTT" once issued */
  number: string | null;
  symbol: string;
  issuedAt: string | null;
  contentVersion: number;
  contentHash: string;
  createdAt: string;
  updatedAt: string;
  signatures: Signature[];
  coordination: { organisationId: string; state: 'pending' | 'signed' }[];
  availableActions: PlanEvent[];
  /** the caller may read versions, diff and the whole history (the issuer and co-issuers) */
  internalHistory: boolean;
}

export interface Task {
  /** `plan` (or absent) for a workflow step; the others are what a recipient organisation has to do */
  type?: 'plan' | 'acknowledge' | 'recalled' | 'report_due' | 'report_overdue';
  planId: string;
  title: string;
  kind: PlanContent['kind'];
  status: PlanStatus;
  actions: PlanAction[];
  updatedAt: string;
  /** report tasks: the reporting round, its position in the plan's `reporting`, its name and when */
  deadline?: number;
  roundId?: string;
  deadlineName?: string;
  dueDate?: string;
}

/** A distributed plan delivered to one internal recipient organisation. */
export interface Delivery {
  id: string;
  organisationId: string;
  organisationName: string;
  label: string;
  deliveredAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; fullName: string } | null;
  /** a recalled plan: when the recipient marked the recall notice seen */
  recallSeenAt?: string | null;
}

export interface Distribution {
  status: PlanStatus;
  /** set once the plan is recalled: when, and the leader's reason */
  recalledAt: string | null;
  recallReason: string | null;
  /** the issuer side sees every delivery; a recipient only its own */
  deliveries: Delivery[];
  external: { label: string; note: string | null }[];
}

export interface HistoryEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  event: string;
  fromState: PlanStatus | null;
  toState: PlanStatus;
  comment: string | null;
  contentHash: string;
  /** e.g. the content version an EDIT saved */
  details?: { contentVersion?: number } | null;
}

export interface PlanVersionInfo {
  contentVersion: number;
  contentHash: string;
  createdAt: string;
  createdBy: { id: string; fullName: string };
}

export type DiffOp = 'same' | 'added' | 'removed' | 'changed';

export interface PlanDiff {
  from: number;
  to: number;
  blocks: { op: DiffOp; before?: BodyBlock; after?: BodyBlock }[];
  /** names of changed content fields other than the body */
  fields: string[];
}

export interface PlanStats {
  byStatus: Partial<Record<PlanStatus, number>>;
  byMonth: { month: string; count: number }[];
}

export interface RegisterEntry {
  id: string;
  organisationId: string;
  year: number;
  number: number;
  typeCode: string;
  symbol: string;
  fullNumber: string;
  title: string;
  planId: string | null;
  issuedAt: string;
  external: boolean;
}

/** A row of the plan list (`GET /api/plans`): no body; `reporting` once the backend sends it. */
export interface PlanSummary {
  id: string;
  kind: PlanContent['kind'];
  status: PlanStatus;
  title: string;
  issuerId: string;
  number: string | null;
  issuedAt: string | null;
  updatedAt: string;
  reporting?: ReportingDeadline[];
}

/** A plan derived from another (`GET /api/plans/:id/implementing`). */
export interface ImplementingPlan extends PlanSummary {
  issuerName: string;
}

export type IndicatorValue = number | string | null;

/** One recipient organisation's report for one deadline. */
export interface Report {
  id: string;
  deadline: number;
  roundId: string;
  organisationId: string;
  state: 'draft' | 'submitted';
  values: Record<string, IndicatorValue>;
  note: string;
  submittedAt: string | null;
  revision: number;
  version: number;
  updatedAt: string;
}

/** `GET /api/plans/:id/reports/:deadline/mine`: the deadline, the form, and the caller's report so far. */
export interface MyReport {
  deadline: number;
  roundId: string;
  name: string;
  dueDate: string;
  closed: boolean;
  form: PlanContent['form'];
  report: Report | null;
}

export interface SaveReport {
  values: Record<string, IndicatorValue>;
  note: string;
  submit: boolean;
  version?: number;
}

export const REPORT_STATUSES = ['submitted', 'late', 'overdue', 'draft', 'pending'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportRollup {
  planId: string;
  planNumber: string | null;
  reporters: number;
  submitted: number;
  totals: Record<string, number | null>;
}

export interface ReportSummaryRow {
  organisationId: string;
  organisationName: string;
  status: ReportStatus;
  submittedAt: string | null;
  values: Record<string, IndicatorValue> | null;
  note: string | null;
  rollup: ReportRollup | null;
}

/** `GET /api/plans/:id/reports/:deadline/summary`: the issuer's follow-up of one deadline. */
export interface ReportSummary {
  planId: string;
  planTitle: string;
  planNumber: string | null;
  issuerId: string;
  issuerName: string;
  deadline: number;
  roundId: string;
  name: string;
  dueDate: string;
  closed: boolean;
  indicators: Indicator[];
  counts: Record<ReportStatus, number> & { recipients: number };
  totals: Record<string, number | null>;
  rolledUpTotals: Record<string, number | null>;
  rows: ReportSummaryRow[];
}

export interface ReportRevision {
  revision: number;
  state: Report['state'];
  values: Record<string, IndicatorValue>;
  note: string;
  savedAt: string;
  savedBy: { id: string; fullName: string };
}

export const TEMPLATE_KINDS = ['single', 'joint'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** One uploaded version of an organisation's own plan template. */
export interface OrganisationTemplate {
  id: string;
  organisationId: string;
  kind: TemplateKind;
  version: number;
  fileName: string;
  size: number;
  sha256: string;
  uploadedByName: string | null;
  uploadedAt: string;
  active: boolean;
}

/** A reporting round the caller's organisation follows up (`GET /api/reporting-rounds/to-follow`). */
export interface RoundToFollow {
  roundId: string;
  planId: string;
  title: string;
  /** its position in the plan's `reporting` */
  deadline: number;
  name: string;
  dueDate: string;
}
