import { ArrayType, Entity, Enum, Formula, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationUnit } from '../organisations/organisation-unit.entity';
import { User } from '../users/user.entity';
import type { PersistedPlanState } from '../core/plan-machine';
import { PLAN_STATUSES, type PlanStatus } from '../core/plan-lifecycle';
import { AUDIT_GENESIS } from '../audit/audit-record.entity';
import { PLAN_KINDS, PlanContent, PlanKind, ReportingDeadline } from '../core/plan-content';
// Type only: the documents sit above the plans; the snapshot is what they printed.
import type { DocumentOrganisation } from '../documents/rendering/render-input';

/** What the issued document printed about its issuer and co-issuers (in content order), kept as issued. */
export interface IssuedAs {
  issuer: DocumentOrganisation;
  coIssuers: DocumentOrganisation[];
}

/**
 * A plan: its current content (every edit also kept as an immutable PlanVersion), the persisted
 * state of its machine with the denormalised `status`, and the access fields the CASL rules filter on.
 */
@Entity()
@Index({ properties: ['status', 'updatedAt'] })
@Index({ properties: ['issuer', 'updatedAt'] })
@Index({ properties: ['issuer', 'status'] })
@Index({ properties: ['year', 'updatedAt'] })
@Index({ properties: ['parent'] })
@Index({ properties: ['replaces'] })
@Index({ properties: ['draftingUnit'] })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['status', 'year', 'updatedAt'] })
@Index({ name: 'plan_title_trgm_idx', expression: 'create index "plan_title_trgm_idx" on "plan" using gin ("title" gin_trgm_ops)' })
@Index({ name: 'plan_issuer_lineage_idx', expression: 'create index "plan_issuer_lineage_idx" on "plan" using gin ("issuer_lineage")' })
@Index({ name: 'plan_co_issuer_ids_idx', expression: 'create index "plan_co_issuer_ids_idx" on "plan" using gin ("co_issuer_ids")' })
@Index({ name: 'plan_search_idx', expression: 'create index "plan_search_idx" on "plan" using gin ("search_vector")' })
@Index({ name: 'plan_recipient_org_ids_idx', expression: 'create index "plan_recipient_org_ids_idx" on "plan" using gin ("recipient_org_ids")' })
export class Plan extends BaseEntity<
  'status' | 'contentVersion' | 'auditSeq' | 'auditHead' | 'sharedWithCoIssuers' | 'recipientOrgIds' | 'number' | 'issuedAt' | 'approvedBy' | 'documentHash' | 'parent' | 'issuedAs'
  | 'replaces' | 'replacedBy' | 'replacedAt' | 'draftingUnit'
> {
  @Enum({ items: () => PLAN_KINDS, nativeEnumName: 'plan_kind' })
  kind!: PlanKind;

  @Enum({ items: () => PLAN_STATUSES, nativeEnumName: 'plan_status' })
  status: PlanStatus = 'draft';

  /** The machine's persisted snapshot: its state; the context is read from the rows at each event (workflow/plan.machine.ts). */
  @Property({ type: 'json' })
  machineState!: PersistedPlanState;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  issuer!: Organisation;

  /** The issuer and its ancestors: "ancestor committees may read" is one array containment test. */
  @Property({ type: ArrayType })
  issuerLineage!: string[];

  @Property({ type: ArrayType })
  coIssuerIds: string[] = [];

  /** Co-issuers may read from the first time the plan reaches coordination. */
  @Property({ type: 'boolean' })
  sharedWithCoIssuers: boolean = false;

  /** Internal recipient organisations, set when the plan is distributed. */
  @Property({ type: ArrayType })
  recipientOrgIds: string[] = [];

  @Property({ type: 'json' })
  content!: PlanContent;

  @Property({ type: 'integer' })
  contentVersion: number = 1;

  /** SHA-256 of the canonical JSON of `content`; signatures are bound to it. */
  @Property({ type: 'text' })
  contentHash!: string;

  /** Copied from the content for search and sort. */
  @Property({ type: 'text' })
  title!: string;

  /** Calendar year (Asia/Ho_Chi_Minh) of issue, or of creation before issue: the list's year filter. */
  @Property({ type: 'integer' })
  year!: number;

  /** "KH-MTTQ-BTT" */
  @Property({ type: 'text' })
  symbol!: string;

  @Property({ type: 'integer', nullable: true })
  number: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  issuedAt: Date | null = null;

  /**
   * Snapshot taken at ISSUE of the issuer's and co-issuers' names and lines as the document printed
   * them: a later rename, merge or dissolution changes the tree, never what was issued.
   */
  @Property({ type: 'json', nullable: true })
  issuedAs: IssuedAs | null = null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  /** The issuer's ban or office drafting the plan, which keeps its file copy ("Lưu: VT, BPT."); not part of the content. */
  @ManyToOne(() => OrganisationUnit, { nullable: true, deleteRule: 'restrict' })
  draftingUnit: OrganisationUnit | null = null;

  /** The leader whose approval is the issuer's signature: the name under "TM. BAN THƯỜNG TRỰC". */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  approvedBy: User | null = null;

  /** SHA-256 of the issued DOCX (stored in IssuedDocument). */
  @Property({ type: 'text', nullable: true })
  documentHash: string | null = null;

  @ManyToOne(() => Plan, { nullable: true, deleteRule: 'restrict' })
  parent: Plan | null = null;

  /** The issued plan this one replaces (Nghị định 30/2020 Điều 18): set when the replacement draft is made. */
  @ManyToOne(() => Plan, { nullable: true, deleteRule: 'restrict' })
  replaces: Plan | null = null;

  /** The plan that replaced this one, set when that plan is issued; this one's document stays as issued. */
  @ManyToOne(() => Plan, { nullable: true, deleteRule: 'restrict' })
  replacedBy: Plan | null = null;

  @Property({ type: 'datetime', nullable: true })
  replacedAt: Date | null = null;

  /** Sequence and hash of the last audit record: the chain's head, kept on the row every event locks. */
  @Property({ type: 'integer', hidden: true })
  auditSeq: number = 0;

  @Property({ type: 'text', hidden: true })
  auditHead: string = AUDIT_GENESIS;

  /**
   * The plan's words for search, folded (unaccent, lower case), weighted: title and number A, issuer B,
   * text D. Written by the database's trigger on every insert and update (migration "search"), never here.
   */
  @Property({ columnType: 'tsvector', nullable: true, lazy: true, hidden: true })
  searchVector?: string;

  /** The issuer's name as the plan was issued (issuedAs), read in SQL for lists; null before ISSUE. */
  @Formula((alias) => `${alias}.issued_as -> 'issuer' ->> 'name'`, { type: 'text', lazy: true })
  issuerNameAsIssued?: string | null;

  /** The reporting deadlines alone, read in SQL, for lists that skip the (large) content. */
  @Formula((alias) => `${alias}.content -> 'reporting'`, { type: 'json', lazy: true })
  reporting?: ReportingDeadline[];
}
