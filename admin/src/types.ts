/**
 * What the API answers (DESIGN.md §10), derived from the backend's presenters and services so the
 * two cannot drift: each type is the JSON form (`Jsonify`) of what the server code returns. Only
 * the pure core (backend/src/core) is imported at run time; everything else is type-only.
 */
import type { presentHistoryEntry } from '@backend/audit/audit-record.presenter';
import type { presentSignatureCheck } from '@backend/documents/plan-pdf.controller';
import type { presentTemplate } from '@backend/documents/templates/template.presenter';
import type { DistributionService, presentDelivery } from '@backend/distribution/distribution.service';
import type { IncomingService } from '@backend/incoming/incoming.service';
import type { IncomingDocumentView } from '@backend/incoming/incoming.presenter';
import type { RegisterEntry as RegisterEntryEntity } from '@backend/numbering/register-entry.entity';
import type { Organisation as OrganisationEntity } from '@backend/organisations/organisation.entity';
import type { presentChange } from '@backend/organisation-changes/organisation-changes.service';
import type { OrganisationChangeKind } from '@backend/core/organisation-levels';
import type { OrganisationUnit as OrganisationUnitEntity } from '@backend/organisations/organisation-unit.entity';
import type { PlansService } from '@backend/plans/plans.service';
import type { presentPlan, presentPlanSummary, presentSignature } from '@backend/plans/plan.presenter';
import type { presentReport, ReportsService, ReportStatus } from '@backend/reports/reports.service';
import type { SearchHit as SearchHitRow } from '@backend/search/search.service';
import type { SigningKeysController } from '@backend/signing/signing-keys.controller';
import type { User as UserEntity } from '@backend/users/user.entity';
import type { presentCapacity } from '@backend/users/capacities.service';
import type { Task as TaskRow } from '@backend/workflow/tasks.service';
import type { CorrectionsService } from '@backend/corrections/corrections.service';
import type { BlockType, BodyBlock, Indicator, PlanContent, ReportingDeadline } from '@backend/core/plan-content';
import type { PlanEvent, PlanStatus } from '@backend/core/plan-lifecycle';
import type { Role } from '@backend/core/roles';

export type { BlockType, BodyBlock, Indicator, PlanContent, ReportingDeadline, PlanEvent, PlanStatus, Role, ReportStatus };
export { BLOCK_TYPES, INDICATOR_TYPES, PLAN_KINDS } from '@backend/core/plan-content';
export { PLAN_STATUSES } from '@backend/core/plan-lifecycle';
export { ROLES } from '@backend/core/roles';
export { TEMPLATE_KINDS, type TemplateKind } from '@backend/core/template-kinds';

/** The JSON form of a server value: dates become ISO strings, functions vanish, the rest maps through. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer Item)[]
      ? Jsonify<Item>[]
      : T extends object
        ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Jsonify<T[K]> }
        : never;

type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
type Item<T> = T extends readonly (infer I)[] ? I : never;

/** Entities serialised as they are, their relations by id (`serializedName` in the entity). */
export type Organisation = Jsonify<
  Pick<
    OrganisationEntity,
    'id' | 'name' | 'shortName' | 'bodyName' | 'symbol' | 'place' | 'kind' | 'level' | 'path' | 'signatureAuthority' | 'signerTitle' | 'signsElectronically'
    | 'dissolvedOn' | 'predecessorIds'
  >
> & { parentId: string | null; successorId: string | null };

/** One change of the tree as its history lists it. */
export type OrganisationChange = Jsonify<ReturnType<typeof presentChange>>;
export type { OrganisationChangeKind };

export type User = Jsonify<Pick<UserEntity, 'id' | 'username' | 'fullName' | 'roles'>> & { organisationId: string; unitId?: string | null; active?: boolean };

/** A ban or the office of an organisation. */
export type OrganisationUnit = Jsonify<Pick<OrganisationUnitEntity, 'id' | 'name' | 'code' | 'kind'>> & { organisationId: string };
export type OrganisationUnitInput = Pick<OrganisationUnit, 'name' | 'code' | 'kind'>;

export type RegisterEntry = Jsonify<
  Pick<RegisterEntryEntity, 'id' | 'year' | 'number' | 'typeCode' | 'symbol' | 'fullNumber' | 'title' | 'issuedAt' | 'external'>
> & { organisationId: string; planId: string | null };

export interface Me {
  user: User;
  organisation: Organisation;
  /** CASL raw rules: the UI shows what the server would allow; the server still decides. */
  rules: unknown[];
}

/** What a task can ask for: a workflow event, or what a recipient does with a distributed plan. */
export type PlanAction = PlanEvent | 'ACKNOWLEDGE' | 'REPORT' | 'DERIVE' | 'REPLACE' | 'READ_CORRECTION';

export type Plan = Answer<typeof presentPlan>;
export type SearchHit = Jsonify<SearchHitRow>;
export type IncomingDocument = Jsonify<IncomingDocumentView>;
export type IncomingChange = Item<Answer<IncomingService['history']>>;
export type Signature = Answer<typeof presentSignature>;
/** A role a user holds in another organisation besides their own (kiêm nhiệm). */
export type Capacity = Answer<typeof presentCapacity>;
export type PlanSummary = Answer<typeof presentPlanSummary>;
export type ImplementingPlan = Item<Answer<PlansService['implementing']>>;
export type PlanVersionInfo = Item<Answer<PlansService['versions']>>;
export type PlanDiff = Answer<PlansService['diff']>;
export type DiffPart = PlanDiff['parts'][number];
export type DiffLine = DiffPart['lines'][number];
export type DiffOp = DiffLine['op'];
export type { WordChange } from '@backend/core/word-diff';
export type PlanStats = Answer<PlansService['stats']>;
/** A correction notice of an issued plan (đính chính, Điều 18). */
export type PlanCorrection = Item<Answer<CorrectionsService['list']>>;

export type Task = Omit<Jsonify<TaskRow>, 'actions'> & { actions: PlanAction[] };
export type Delivery = Answer<typeof presentDelivery>;
export type Distribution = Answer<DistributionService['distribution']>;

export type Report = Answer<typeof presentReport>;
export type IndicatorValue = Report['values'][string];
export type MyReport = Answer<ReportsService['mine']>;
export type ReportSummary = Answer<ReportsService['summary']>;
export type ReportSummaryRow = ReportSummary['rows'][number];
export type ReportRollup = NonNullable<ReportSummaryRow['rollup']>;
export type ReportRevision = Item<Answer<ReportsService['revisions']>>;
export type RoundToFollow = Item<Answer<ReportsService['roundsToFollow']>>;
export type SaveReport = Pick<Report, 'values' | 'note'> & { submit: boolean; version?: number };

export const REPORT_STATUSES = ['submitted', 'late', 'overdue', 'draft', 'pending'] as const satisfies readonly ReportStatus[];

export type OrganisationTemplate = Answer<typeof presentTemplate>;
/** One digital signature of a PDF as the server checked it. */
export type PdfSignatureCheck = Answer<typeof presentSignatureCheck>;

export type HistoryEntry = Answer<typeof presentHistoryEntry>;

/** A person's or an organisation's signing key (its certificate) and images, for the administrators. */
export type UserSigning = Answer<SigningKeysController['userSigning']>;
export type OrganisationSigning = Answer<SigningKeysController['organisationSigning']>;
export type SigningCredential = NonNullable<UserSigning['credential']>;
