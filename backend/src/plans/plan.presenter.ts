import type { PlanActions } from './available-actions';
import { formatDocumentNumber } from '../core/document-number';
import type { Organisation } from '../organisations/organisation.entity';
import type { OrganisationUnit } from '../organisations/organisation-unit.entity';
import type { Signature } from './signature.entity';
import { coIssuersWhoSigned, isValidSignature } from './signatures.service';
import type { User } from '../users/user.entity';
import type { Plan } from './plan.entity';
import type { PlanStatus } from '../core/plan-lifecycle';

/** A signature as shown: the entity, or a copy without its comment for readers outside the drafting. */
export type SignatureView = Pick<Signature, 'id' | 'kind' | 'signedAt' | 'contentHash' | 'contentVersion' | 'comment' | 'voidedAt' | 'title'> & {
  organisation: Pick<Organisation, 'id'>;
  user: Pick<User, 'id' | 'fullName'>;
};

/**
 * The JSON shape of a plan (DESIGN §10) that the UI and other clients rely on. `internalHistory`: the
 * caller (issuer or co-issuer) may also read versions, diff and the whole audit trail.
 */
/** What the answer shows of a plan: the entity, or the row an event read and wrote (workflow/plan-event.repository.ts). */
export type PlanView = Pick<
  Plan,
  'id' | 'status' | 'version' | 'number' | 'symbol' | 'issuedAt' | 'contentVersion' | 'contentHash' | 'documentHash' | 'createdAt' | 'updatedAt' | 'content' | 'coIssuerIds' | 'recipientOrgIds' | 'issuedAs'
> & { issuer: Pick<Organisation, 'id' | 'name' | 'shortName'>; createdBy: { id: string }; draftingUnit: DraftingUnitView | null };

/** The unit drafting a plan, as plans and list rows show it. */
export type DraftingUnitView = Pick<OrganisationUnit, 'id' | 'name' | 'code'>;

const presentUnit = (unit: DraftingUnitView | null) => (unit ? { id: unit.id, name: unit.name, code: unit.code } : null);

/** A plan named on another's page: where it stands, and its number once issued. */
export interface LinkedPlan {
  id: string;
  title: string;
  status: PlanStatus;
  number: string | null;
  issuedAt: Date | null;
}

/** Replacement (Điều 18) as a plan's page shows it. */
export interface ReplacementLinks {
  replaces: LinkedPlan | null;
  replacedBy: LinkedPlan | null;
  replacedAt: Date | null;
}

export function presentPlan(plan: PlanView, signatures: SignatureView[], actions: PlanActions, links: ReplacementLinks, internalHistory = true) {
  return {
    id: plan.id,
    status: plan.status,
    version: plan.version,
    number: plan.number === null ? null : formatDocumentNumber(plan.number, plan.symbol),
    symbol: plan.symbol,
    issuedAt: plan.issuedAt,
    contentVersion: plan.contentVersion,
    contentHash: plan.contentHash,
    documentHash: plan.documentHash,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    createdById: plan.createdBy.id,
    ...plan.content,
    issuer: { id: plan.issuer.id, name: plan.issuer.name, shortName: plan.issuer.shortName },
    /** The issuer's name as the document printed it (a later rename or merge changes the tree, not this); its current name before ISSUE. */
    issuerNameAsIssued: plan.issuedAs?.issuer.name ?? plan.issuer.name,
    /** What the document printed about each co-issuer, once issued. */
    coIssuersAsIssued: plan.issuedAs?.coIssuers.map(({ id, name }) => ({ id, name })) ?? null,
    /** Issuer and co-issuers as the document printed them (header and signature blocks), once issued: what a preview draws. */
    issuedAs: plan.issuedAs,
    draftingUnit: presentUnit(plan.draftingUnit),
    /** The organisations it was delivered to (empty before DISTRIBUTE): what a recipient's rules name. */
    recipientOrgIds: plan.recipientOrgIds,
    signatures: signatures.map((signature) => presentSignature(signature, plan)),
    coordination: coordinationOf(plan, signatures),
    replaces: links.replaces,
    replacedBy: links.replacedBy,
    replacedAt: links.replacedAt,
    availableActions: actions.available,
    nextStatus: actions.nextStatus,
    actingFor: actions.actingFor,
    internalHistory,
  };
}

export function presentSignature(signature: SignatureView, plan: Pick<Plan, 'contentHash'>) {
  return {
    id: signature.id,
    kind: signature.kind,
    organisationId: signature.organisation.id,
    userId: signature.user.id,
    userName: signature.user.fullName,
    title: signature.title,
    signedAt: signature.signedAt,
    contentHash: signature.contentHash,
    contentVersion: signature.contentVersion,
    comment: signature.comment,
    voidedAt: signature.voidedAt,
    valid: isValidSignature(signature, plan),
  };
}

/** Each co-issuer's part: signed while its signature on the current content stands. */
function coordinationOf(plan: PlanView, signatures: SignatureView[]) {
  const signed = coIssuersWhoSigned(plan, signatures);
  return plan.coIssuerIds.map((organisationId) => ({ organisationId, state: signed.includes(organisationId) ? 'signed' : 'pending' }));
}

/** The columns a plan list row reads (presentPlanSummary). */
export const PLAN_SUMMARY_FIELDS = [
  'id', 'kind', 'status', 'title', 'year', 'issuer', 'draftingUnit', 'number', 'symbol', 'issuedAt', 'contentVersion', 'version', 'createdAt', 'updatedAt', 'reporting', 'replacedBy',
  'issuerNameAsIssued',
] as const;

/** What a plan list row shows: the entity, or the row a list reads. */
export type PlanSummaryView = Pick<Plan, Exclude<(typeof PLAN_SUMMARY_FIELDS)[number], 'issuer' | 'replacedBy' | 'draftingUnit'>> & {
  issuer: { id: string };
  replacedBy: { id: string } | null;
  draftingUnit: DraftingUnitView | null;
};

/** A row of the plan list: no body, but enough to show and filter. */
export function presentPlanSummary(plan: PlanSummaryView) {
  return {
    id: plan.id,
    kind: plan.kind,
    status: plan.status,
    title: plan.title,
    year: plan.year,
    issuerId: plan.issuer.id,
    draftingUnit: presentUnit(plan.draftingUnit),
    number: plan.number === null ? null : formatDocumentNumber(plan.number, plan.symbol),
    issuedAt: plan.issuedAt,
    contentVersion: plan.contentVersion,
    version: plan.version,
    reporting: plan.reporting ?? [],
    /** The issuer's name as issued; null before ISSUE (the list names the issuer as it is). */
    issuerNameAsIssued: plan.issuerNameAsIssued ?? null,
    replacedById: plan.replacedBy?.id ?? null,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  };
}
