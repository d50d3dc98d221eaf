import type { PlanActions } from './available-actions';
import { formatDocumentNumber } from '../core/document-number';
import type { Organisation } from '../organisations/organisation.entity';
import type { OrganisationUnit } from '../organisations/organisation-unit.entity';
import type { Signature } from './signature.entity';
import { coIssuersWhoSigned, isValidSignature } from './signatures.service';
import type { User } from '../users/user.entity';
import type { Plan } from './plan.entity';

/** A signature as shown: the entity, or a copy without its comment for readers outside the drafting. */
export type SignatureView = Pick<Signature, 'id' | 'kind' | 'signedAt' | 'contentHash' | 'contentVersion' | 'comment' | 'voidedAt'> & {
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
  'id' | 'status' | 'version' | 'number' | 'symbol' | 'issuedAt' | 'contentVersion' | 'contentHash' | 'documentHash' | 'createdAt' | 'updatedAt' | 'content' | 'coIssuerIds'
> & { issuer: Pick<Organisation, 'id' | 'name' | 'shortName'>; createdBy: { id: string }; draftingUnit: DraftingUnitView | null };

/** The unit drafting a plan, as plans and list rows show it. */
export type DraftingUnitView = Pick<OrganisationUnit, 'id' | 'name' | 'code'>;

const presentUnit = (unit: DraftingUnitView | null) => (unit ? { id: unit.id, name: unit.name, code: unit.code } : null);

export function presentPlan(plan: PlanView, signatures: SignatureView[], actions: PlanActions, internalHistory = true) {
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
    draftingUnit: presentUnit(plan.draftingUnit),
    signatures: signatures.map((signature) => presentSignature(signature, plan)),
    coordination: coordinationOf(plan, signatures),
    availableActions: actions.available,
    nextStatus: actions.nextStatus,
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
  'id', 'kind', 'status', 'title', 'year', 'issuer', 'draftingUnit', 'number', 'symbol', 'issuedAt', 'contentVersion', 'version', 'createdAt', 'updatedAt', 'reporting',
] as const;

/** What a plan list row shows: the entity, or the row a list reads. */
export type PlanSummaryView = Pick<Plan, Exclude<(typeof PLAN_SUMMARY_FIELDS)[number], 'issuer' | 'draftingUnit'>> & { issuer: { id: string }; draftingUnit: DraftingUnitView | null };

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
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  };
}
