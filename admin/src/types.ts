/** What the API answers (DESIGN.md §10). Plan content is the backend's own type. */
import type { BlockType, BodyBlock, PlanContent } from '@backend/plans/plan-content';

export type { BlockType, BodyBlock, PlanContent };
export { BLOCK_TYPES, INDICATOR_TYPES, PLAN_KINDS } from '@backend/plans/plan-content';

export const ROLES = ['admin', 'drafter', 'reviewer', 'leader', 'clerk'] as const;
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

/** Workflow events, plus what a recipient does with a distributed plan. */
export const PLAN_ACTIONS = [
  'SUBMIT', 'FORWARD', 'RETURN', 'SIGN', 'REQUEST_CHANGES', 'APPROVE', 'REJECT', 'ISSUE',
  'DISTRIBUTE', 'CLOSE', 'RECALL', 'WITHDRAW', 'CANCEL', 'ACKNOWLEDGE', 'REPORT', 'DERIVE',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

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
  availableActions: PlanAction[];
}

export interface Task {
  planId: string;
  title: string;
  kind: PlanContent['kind'];
  status: PlanStatus;
  actions: PlanAction[];
  updatedAt: string;
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
