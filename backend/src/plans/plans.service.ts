import { EntityManager, FilterQuery, LockMode, QBFilterQuery, raw } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, lineageOf } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { AuditService, type AuditFacts } from '../audit/audit.service';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { canonicalJson, sha256Hex } from '../common/canonical-json';
import { ListQuery, Page } from '../common/list-query';
import { formatDocumentNumber, PLAN_TYPE_CODE } from '../core/document-number';
import { STATUS_LABELS } from '../core/labels';
import { replacementContent } from '../core/plan-citation';
import type { PlanStatus } from '../core/plan-lifecycle';
import { calendarDateInVietnam } from '../core/vietnamese-date';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationUnit } from '../organisations/organisation-unit.entity';
import { archiveLineForUnit } from '../core/organisation-units';
import { SignaturesService } from './signatures.service';
import { User } from '../users/user.entity';
import { initialPlanState } from '../core/plan-machine';
import { diffContent } from '../core/block-diff';
import { accessiblePlansWhere, newPlanSubject, planSubject } from './plan-access';
import { namingSuccessor, type PlanContent, type ReportingForm } from '../core/plan-content';
import { PlanContentRules } from './plan-content.rules';
import { implementingPlanContent } from './derive';
import { lockEntryOfPlan, recordImplementingPlan } from '../incoming/entry-changes';
import { labelRecipients } from './recipient-labels';
import { PLAN_SUMMARY_FIELDS, presentPlanSummary, type DraftingUnitView, type LinkedPlan, type PlanSummaryView, type ReplacementLinks } from './plan.presenter';
import { PlanVersion } from './plan-version.entity';
import { Plan } from './plan.entity';
import { ReportingRound } from './reporting-round.entity';
import { textMatch } from '../search/text-match';

/** A replacement is made of an issued plan still in force as issued: not recalled, closed, or replaced already. */
const REPLACEABLE: readonly PlanStatus[] = ['issued', 'distributed'];

/** A list row as the query builder maps it: the issuer is its id. */
type SummaryRow = Omit<PlanSummaryView, 'issuer' | 'replacedBy' | 'draftingUnit'> & { issuer: string; replacedBy: string | null; draftingUnit: string | null };

/** A plan before ISSUE, which has no number yet: it can change hands with its issuer. */
const UNISSUED_STATUSES = ['draft', 'in_review', 'in_coordination', 'awaiting_approval', 'approved'] as const;

/** Lists count matches up to this many (see countUpTo). */
const MAX_EXACT_TOTAL = 10_000;

export const contentHashOf = (content: PlanContent) => sha256Hex(canonicalJson(content));

/** Drafting and reading plans: create, edit with versions, lists filtered by the caller's rights. */
@Injectable()
export class PlansService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly rules: PlanContentRules,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
  ) {}

  /**
   * A new draft, by the drafting unit given (null: none), or by default the drafter's own unit; the
   * archive line still the default one names it.
   */
  async create(user: AuthUser, input: PlanContent, draftingUnitId?: string | null): Promise<Plan> {
    return this.em.transactional((em) => this.createIn(em, user, input, draftingUnitId));
  }

  /** Same, in the caller's transaction (a plan derived from an incoming entry is created with its link). */
  async createIn(em: EntityManager, user: AuthUser, input: PlanContent, draftingUnitId?: string | null): Promise<Plan> {
    const content = normalise(input);
    if (!this.abilities.createForUser(user).can('create', newPlanSubject(content.issuerId))) {
      throw forbidden('Chỉ chuyên viên soạn thảo của chính cơ quan ban hành mới tạo được kế hoạch của cơ quan đó');
    }
    return this.insert(em, user, content, { draftingUnitId });
  }

  /**
   * A new draft in the caller's transaction: the content checked, its first version and its CREATE
   * record; drafted by the unit given (null: none; absent: the drafter's own), whose code the archive
   * line still the default one names.
   */
  private async insert(em: EntityManager, user: AuthUser, content: PlanContent, { replaced, draftingUnitId }: { replaced?: Plan; draftingUnitId?: string | null } = {}): Promise<Plan> {
    await this.rules.check(em, content);
    await labelRecipients(em, content);
    // FOR SHARE: a concurrent move of the issuer's subtree waits, so the lineage below is current.
    const issuer = await em.findOneOrFail(Organisation, content.issuerId, { lockMode: LockMode.PESSIMISTIC_READ });
    const draftingUnit = draftingUnitId === undefined ? await this.draftersUnit(em, user, issuer.id) : await this.issuerUnit(em, issuer.id, draftingUnitId);
    content.archive = archiveLineForUnit(content.archive, null, draftingUnit?.code ?? null);
    const author = em.getReference(User, user.id);
    const plan = em.create(Plan, {
      kind: content.kind,
      machineState: initialPlanState(),
      issuer,
      issuerLineage: lineageOf(issuer.path),
      coIssuerIds: content.coIssuerIds,
      content,
      contentHash: contentHashOf(content),
      title: content.title,
      year: calendarDateInVietnam(new Date()).year,
      symbol: `${PLAN_TYPE_CODE}-${issuer.symbol}`,
      createdBy: author,
      draftingUnit,
      parent: content.parentPlanId ? em.getReference(Plan, content.parentPlanId) : null,
      replaces: replaced ?? null,
    });
    this.addVersion(em, plan, author);
    const details = replaced ? { replaces: replaced.id, number: formatDocumentNumber(replaced.number!, replaced.symbol) } : undefined;
    this.audit.append(em, plan, author, { event: 'CREATE', fromState: null, toState: plan.status, details });
    return plan;
  }

  /**
   * Điều 18: an issued plan with an error of content is replaced by a new plan of the same issuer,
   * which says so in its preamble. This makes that plan's draft (the content copied, for the drafter to
   * correct); issuing it marks this one replaced (workflow). One replacement in progress at a time:
   * the plan's row lock queues a second request behind the first, which then finds its draft (409).
   */
  async replace(user: AuthUser, id: string): Promise<Plan> {
    return this.em.transactional(async (em) => {
      const replaced = await this.lockReadable(em, user, id);
      if (!this.abilities.createForUser(user).can('REPLACE', planSubject(replaced))) {
        throw forbidden('Chỉ chuyên viên soạn thảo của cơ quan ban hành mới thay thế được kế hoạch của cơ quan đó');
      }
      if (replaced.replacedBy) throw conflict('ALREADY_REPLACED', 'Kế hoạch này đã bị thay thế', { replacedBy: replaced.replacedBy.id });
      if (!REPLACEABLE.includes(replaced.status)) {
        throw conflict('NOT_REPLACEABLE', 'Chỉ thay thế được kế hoạch đã ban hành hoặc đã gửi', { status: replaced.status });
      }
      const pending = await em.findOne(Plan, { replaces: replaced, status: { $nin: ['cancelled', 'rejected'] } }, { fields: ['id', 'title', 'status'] });
      if (pending) {
        throw conflict('REPLACEMENT_IN_PROGRESS', `Kế hoạch này đang có dự thảo thay thế "${pending.title}" (${STATUS_LABELS[pending.status]}); hãy tiếp tục dự thảo đó hoặc hủy nó trước`, {
          replacement: { id: pending.id, title: pending.title, status: pending.status },
        });
      }
      const cited = { number: replaced.number!, symbol: replaced.symbol, issuedAt: replaced.issuedAt!, issuer: replaced.issuer };
      return this.insert(em, user, normalise(replacementContent(replaced.content, cited)), { replaced });
    });
  }

  /** What a plan's page says of replacement: the plan it replaces, the plan that replaced it (one joined query). */
  async replacementLinks(em: EntityManager, plan: Pick<Plan, 'id'>): Promise<ReplacementLinks> {
    const linked = ['id', 'title', 'status', 'number', 'symbol', 'issuedAt'] as const;
    const own = await em.fork().findOneOrFail(Plan, plan.id, {
      fields: ['replacedAt', ...linked.map((field) => `replaces.${field}` as const), ...linked.map((field) => `replacedBy.${field}` as const)],
      strategy: 'joined',
    });
    const link = (other: Pick<Plan, (typeof linked)[number]> | null): LinkedPlan | null =>
      other && { id: other.id, title: other.title, status: other.status, number: other.number === null ? null : formatDocumentNumber(other.number, other.symbol), issuedAt: other.issuedAt };
    return { replaces: link(own.replaces), replacedBy: link(own.replacedBy), replacedAt: own.replacedAt };
  }

  /**
   * Edits a draft. `version` must be the one the editor loaded: a concurrent edit makes it stale (409).
   * `draftingUnitId` (absent: unchanged) moves the draft to another of the issuer's units.
   */
  async update(user: AuthUser, id: string, version: number, input: PlanContent, draftingUnitId?: string | null): Promise<Plan> {
    const content = normalise(input);
    return this.em.transactional(async (em) => {
      const plan = await this.lockReadable(em, user, id);
      if (!this.abilities.createForUser(user).can('update', planSubject(plan))) {
        throw forbidden('Chỉ chuyên viên soạn thảo của cơ quan ban hành mới sửa được kế hoạch');
      }
      if (plan.status !== 'draft') {
        throw conflict('NOT_EDITABLE', 'Chỉ sửa được kế hoạch đang ở trạng thái dự thảo', { status: plan.status });
      }
      if (version !== plan.version) {
        throw conflict('STALE_VERSION', 'Kế hoạch đã được người khác sửa sau khi bạn mở; hãy tải lại bản mới nhất rồi sửa tiếp', {
          currentVersion: plan.version,
        });
      }
      if (content.issuerId !== plan.issuer.id) throw invalid({ issuerId: 'không đổi được cơ quan ban hành của kế hoạch' });
      await this.rules.check(em, content, plan.parent?.id ?? null);
      await labelRecipients(em, content);
      const unitChanged = await this.moveToUnit(em, plan, content, draftingUnitId);
      const contentHash = contentHashOf(content);
      const contentChanged = contentHash !== plan.contentHash;
      if (!contentChanged && !unitChanged) return plan;
      if (contentChanged) {
        this.applyContent(em, plan, content, contentHash, em.getReference(User, user.id));
        await this.signatures.voidOutdated(em, plan);
      }
      const details = { contentVersion: plan.contentVersion, ...(unitChanged ? { draftingUnit: plan.draftingUnit?.code ?? null } : {}) };
      this.audit.append(em, plan, em.getReference(User, user.id), { event: 'EDIT', fromState: 'draft', toState: 'draft', details });
      return plan;
    });
  }

  /**
   * When `fromId` is merged or dissolved (organisation-changes/), its plans not yet issued become the
   * successor's: issuer, lineage and symbol, and the content's issuer (a new version, so a new hash),
   * the successor standing for it as co-issuer or recipient too (`namingSuccessor`). The signatures and
   * the approval were given to the old content in the old organisation's name: they are voided, and a
   * plan past draft goes back to draft, to be reviewed and approved in the successor's name. Its
   * number is taken at ISSUE, so none is lost. Answers the plans moved.
   */
  async transferUnissued(em: EntityManager, from: Organisation, successor: Organisation, actor: User, changeId: string): Promise<string[]> {
    const fromId = from.id;
    const plans = await em.find(Plan, { issuer: fromId, status: { $in: [...UNISSUED_STATUSES] } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'ASC' } });
    for (const plan of plans) {
      plan.issuer = successor;
      plan.issuerLineage = lineageOf(successor.path);
      plan.symbol = `${PLAN_TYPE_CODE}-${successor.symbol}`;
      // Its unit was the old organisation's: the successor's drafter chooses one of its own.
      plan.draftingUnit = null;
      await this.redraft(em, plan, namingSuccessor(plan.content, from, successor), actor, {
        event: 'TRANSFER',
        details: { fromIssuerId: fromId, toIssuerId: successor.id, organisationChangeId: changeId },
      });
    }
    return plans.map((plan) => plan.id);
  }

  /**
   * When `fromId` is merged or dissolved: the plans of other issuers not yet issued that name it as a
   * co-issuer or in their "Nơi nhận" name the successor instead — so no draft keeps pointing at an
   * organisation that has ended. Like a transfer, the content changed under its signatures: a new
   * version, back to draft. Issued plans keep what they printed (DISTRIBUTE delivers to the successor).
   * Answers the plans changed.
   */
  async nameSuccessorInUnissued(em: EntityManager, from: Organisation, successor: Organisation, actor: User, changeId: string): Promise<string[]> {
    const fromId = from.id;
    const namesIt: FilterQuery<Plan> = {
      $or: [{ coIssuerIds: { $contains: [fromId] } }, { [raw((alias: string) => `${alias}.content -> 'recipients' @> ?::jsonb`, [JSON.stringify([{ orgIds: [fromId] }])])]: [] }],
    };
    const plans = await em.find(
      Plan,
      { $and: [{ status: { $in: [...UNISSUED_STATUSES] }, issuer: { $ne: fromId } }, namesIt] },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'ASC' } },
    );
    for (const plan of plans) {
      await this.redraft(em, plan, namingSuccessor(plan.content, from, successor), actor, {
        event: 'SUCCESSOR_NAMED',
        details: { endedOrganisationId: fromId, successorId: successor.id, organisationChangeId: changeId },
      });
    }
    return plans.map((plan) => plan.id);
  }

  /** A plan not yet issued whose content the organisation tree changed: a new version, its signatures voided, back to draft, recorded. */
  private async redraft(em: EntityManager, plan: Plan, content: PlanContent, actor: User, facts: Pick<AuditFacts, 'event' | 'details'>): Promise<void> {
    const fromState = plan.status;
    plan.machineState = initialPlanState();
    plan.status = 'draft';
    this.applyContent(em, plan, content, contentHashOf(content), actor);
    await this.signatures.voidOutdated(em, plan);
    this.audit.append(em, plan, actor, { ...facts, fromState, toState: plan.status });
  }

  /**
   * Gives the draft the unit asked for, one of its issuer's, and the archive line proposed for it unless
   * the drafter wrote one of their own. True when the unit changed.
   */
  private async moveToUnit(em: EntityManager, plan: Plan, content: PlanContent, draftingUnitId: string | null | undefined): Promise<boolean> {
    const current = plan.draftingUnit;
    if (draftingUnitId === undefined || draftingUnitId === (current?.id ?? null)) return false;
    const unit = await this.issuerUnit(em, plan.issuer.id, draftingUnitId);
    content.archive = archiveLineForUnit(content.archive, current?.code ?? null, unit?.code ?? null);
    plan.draftingUnit = unit;
    return true;
  }

  /** The drafter's own unit, when it is one of the issuer's. */
  private async draftersUnit(em: EntityManager, user: AuthUser, issuerId: string): Promise<OrganisationUnit | null> {
    const drafter = await em.findOne(User, user.id, { populate: ['unit'] });
    return drafter?.unit?.organisation.id === issuerId ? drafter.unit : null;
  }

  /** One of the issuer's units, or none; another organisation's is refused (400 on `draftingUnitId`). */
  private async issuerUnit(em: EntityManager, issuerId: string, unitId: string | null): Promise<OrganisationUnit | null> {
    if (unitId === null) return null;
    const unit = await em.findOne(OrganisationUnit, { id: unitId, organisation: issuerId });
    if (!unit) throw invalid({ draftingUnitId: 'ban soạn thảo phải là một ban của cơ quan ban hành' });
    return unit;
  }

  private applyContent(em: EntityManager, plan: Plan, content: PlanContent, contentHash: string, author: User): void {
    plan.kind = content.kind;
    plan.coIssuerIds = content.coIssuerIds;
    plan.content = content;
    plan.contentHash = contentHash;
    plan.title = content.title;
    plan.parent = content.parentPlanId ? em.getReference(Plan, content.parentPlanId) : null;
    plan.contentVersion += 1;
    this.addVersion(em, plan, author);
  }

  private addVersion(em: EntityManager, plan: Plan, author: User): void {
    em.create(PlanVersion, { plan, contentVersion: plan.contentVersion, content: plan.content, contentHash: plan.contentHash, createdBy: author });
  }

  /** The plan, if the caller may read it; otherwise 404, as if it did not exist. */
  async findReadable(em: EntityManager, user: AuthUser, id: string): Promise<Plan> {
    const plan = await em.findOne(Plan, id, { populate: ['issuer', 'createdBy', 'draftingUnit'] });
    return this.assertReadable(user, plan);
  }

  /** Same, with the row locked for the rest of the transaction (every state change goes through here). */
  async lockReadable(em: EntityManager, user: AuthUser, id: string, lockMode = LockMode.PESSIMISTIC_WRITE): Promise<Plan> {
    // One query: the plan row locked, its issuer and author joined (not locked).
    const plan = await em.findOne(Plan, id, { lockMode, lockTableAliases: ['p0'], populate: ['issuer', 'createdBy', 'draftingUnit'], strategy: 'joined' });
    return this.assertReadable(user, plan);
  }

  /**
   * The plan, if the caller may also read its drafting history (versions, diff, the whole audit
   * trail): the issuer and its co-issuers. Recipients and ancestor committees get 404.
   */
  async findInternal(user: AuthUser, id: string): Promise<Plan> {
    const plan = await this.findReadable(this.em, user, id);
    if (!this.mayReadInternal(user, plan)) throw notFound('Không tìm thấy lịch sử soạn thảo của kế hoạch này');
    return plan;
  }

  mayReadInternal(user: AuthUser, plan: Plan): boolean {
    return this.abilities.createForUser(user).can('READ_INTERNAL', planSubject(plan));
  }

  private assertReadable(user: AuthUser, plan: Plan | null): Plan {
    if (!plan || !this.abilities.createForUser(user).can('read', planSubject(plan))) throw notFound('Không tìm thấy kế hoạch');
    return plan;
  }

  /** Filters: status, kind, year, issuerId, draftingUnitId, q (title); the caller's rights are part of the SQL. */
  async list(user: AuthUser, query: ListQuery): Promise<Page<PlanSummaryView>> {
    const access = accessiblePlansWhere(this.abilities.createForUser(user));
    if (!access) return new Page('plans', [], 0, query.offset);
    // Made for each query: a raw fragment in a filter (the text match) is consumed by the query that uses it.
    const where = (): FilterQuery<Plan> => ({ $and: [access, listFilter(query.filter)] });
    // The page and its total on two connections at once: the count is the slower of the two.
    const [rows, total] = await Promise.all([
      // Rows as plain objects (mapped to property names), only what a list row shows: making
      // entities of them cost more CPU than the query.
      this.em
        .createQueryBuilder(Plan, 'p')
        .select([...PLAN_SUMMARY_FIELDS])
        .where(where() as QBFilterQuery<Plan>)
        .orderBy({ [query.sortField]: query.sortOrder, id: 'ASC' })
        .limit(query.limit)
        .offset(query.offset)
        .execute<SummaryRow[]>('all', true),
      this.countUpTo(where(), MAX_EXACT_TOTAL),
    ]);
    const units = await this.unitsById(rows.map((row) => row.draftingUnit));
    return new Page('plans', rows.map((row) => ({
      ...row,
      issuer: { id: row.issuer },
      replacedBy: row.replacedBy ? { id: row.replacedBy } : null,
      draftingUnit: row.draftingUnit ? units.get(row.draftingUnit)! : null,
    })), total, query.offset);
  }

  /** The drafting units a page of plans names, read once for the page. */
  private async unitsById(ids: (string | null)[]): Promise<Map<string, DraftingUnitView>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const units = wanted.length ? await this.em.find(OrganisationUnit, { id: { $in: wanted } }, { fields: ['id', 'name', 'code'] }) : [];
    return new Map(units.map((unit) => [unit.id, unit]));
  }

  /**
   * Counting every plan a provincial user may see means visiting every row; nobody pages past the
   * first few hundred, so counts stop at `cap` (the list then says "of 10000").
   */
  private async countUpTo(where: FilterQuery<Plan>, cap: number): Promise<number> {
    const rows = this.em.createQueryBuilder(Plan, 'p').select('p.id').where(where as QBFilterQuery<Plan>).limit(cap).getKnexQuery();
    const count = this.em.getKnex().count({ total: '*' }).from(rows.as('capped'));
    const [{ total }] = await this.em.getConnection().execute<{ total: string | number }[]>(count);
    return Number(total);
  }

  async versions(user: AuthUser, id: string) {
    await this.findInternal(user, id);
    const versions = await this.em.find(PlanVersion, { plan: id }, { orderBy: { contentVersion: 'ASC' }, populate: ['createdBy'], exclude: ['content'] });
    return versions.map((v) => ({
      contentVersion: v.contentVersion,
      contentHash: v.contentHash,
      createdAt: v.createdAt,
      createdBy: { id: v.createdBy.id, fullName: v.createdBy.fullName },
    }));
  }

  async version(user: AuthUser, id: string, contentVersion: number): Promise<PlanVersion> {
    await this.findInternal(user, id);
    const version = await this.em.findOne(PlanVersion, { plan: id, contentVersion });
    if (!version) throw notFound(`Kế hoạch không có phiên bản ${contentVersion}`);
    return version;
  }

  /** What changed between two versions, part by part, line by line and word by word; organisations by name. */
  async diff(user: AuthUser, id: string, from: number, to: number) {
    const [before, after] = [await this.version(user, id, from), await this.version(user, id, to)];
    const ids = [before.content, after.content].flatMap((content) => [content.issuerId, ...content.coIssuerIds]);
    const organisations = await this.em.find(Organisation, { id: { $in: [...new Set(ids)] } }, { fields: ['id', 'name'] });
    const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
    return { from, to, parts: diffContent(before.content, after.content, (organisationId) => names.get(organisationId) ?? organisationId) };
  }

  /**
   * A recipient committee derives its implementing plan from an issued plan it received: a new
   * draft of its own, citing the parent, that its drafter then edits. The plan's entry in the
   * committee's incoming register lists it, in the same transaction.
   */
  async derive(user: AuthUser, parentId: string): Promise<Plan> {
    return this.em.transactional(async (em) => {
      const parent = await this.derivable(em, user, parentId);
      // The entry locked before the plan is made, as the register's own derive does: one order of locks.
      const entry = await lockEntryOfPlan(em, parent, user.organisationId);
      const plan = await this.draftImplementing(em, user, parent);
      if (entry) recordImplementingPlan(em, entry, user, plan.id);
      return plan;
    });
  }

  /** The implementing draft alone, in the caller's transaction (the register's derive links it to the entry derived from). */
  async deriveIn(em: EntityManager, user: AuthUser, parentId: string): Promise<Plan> {
    return this.draftImplementing(em, user, await this.derivable(em, user, parentId));
  }

  /** The parent, if the caller's committee received it and it is issued (not recalled). */
  private async derivable(em: EntityManager, user: AuthUser, parentId: string): Promise<Plan> {
    const parent = await this.findReadable(em, user, parentId);
    if (!this.abilities.createForUser(user).can('DERIVE', planSubject(parent))) throw notFound('Kế hoạch này không gửi đến đơn vị của bạn');
    if (!['issued', 'distributed', 'closed'].includes(parent.status)) {
      throw conflict('NOT_DERIVABLE', 'Chỉ xây dựng kế hoạch thực hiện từ kế hoạch đã ban hành (không bị thu hồi)', { status: parent.status });
    }
    return parent;
  }

  private async draftImplementing(em: EntityManager, user: AuthUser, parent: Plan): Promise<Plan> {
    const own = await em.findOneOrFail(Organisation, user.organisationId);
    const children = await em.find(Organisation, { parent: own, kind: 'committee' }, { orderBy: { name: 'ASC' } });
    const rounds = await em.find(ReportingRound, { plan: parent }, { orderBy: { position: 'ASC' } });
    return this.createIn(em, user, implementingPlanContent(parent, own, children, rounds));
  }

  /** Plans derived from this one that the caller may read, with their states. */
  async implementing(user: AuthUser, parentId: string) {
    await this.findReadable(this.em, user, parentId);
    const access = accessiblePlansWhere(this.abilities.createForUser(user));
    if (!access) return [];
    const plans = await this.em.find(Plan, { $and: [access, { parent: parentId }] }, { populate: ['issuer', 'draftingUnit'], orderBy: { createdAt: 'ASC' }, exclude: ['content', 'machineState'] });
    return plans.map((plan) => ({ ...presentPlanSummary(plan as Plan), issuerName: plan.issuedAs?.issuer.name ?? plan.issuer.name }));
  }

  /**
   * Dashboard figures over the plans the caller may read: counts by status and by month of creation
   * (Vietnam time, UTC+7 all year), counted by PostgreSQL in one pass with the access filter.
   */
  async stats(user: AuthUser) {
    const access = accessiblePlansWhere(this.abilities.createForUser(user));
    if (!access) return { byStatus: {}, byMonth: [] };
    const knex = this.em.getKnex();
    const readable = this.em
      .createQueryBuilder(Plan, 'p')
      .select('p.status')
      .where(access as QBFilterQuery<Plan>)
      .getKnexQuery()
      .select(knex.raw(`to_char((p.created_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM') as month`));
    const counts = knex.select('status', 'month').count({ count: '*' }).from(readable.as('readable')).groupByRaw('grouping sets ((status), (month))');
    const rows = await this.em.getConnection().execute<{ status: string | null; month: string | null; count: string | number }[]>(counts);
    const byStatus = Object.fromEntries(rows.filter((row) => row.status !== null).map((row) => [row.status, Number(row.count)]));
    const byMonth = rows.filter((row) => row.month !== null).map((row) => ({ month: row.month!, count: Number(row.count) }));
    return { byStatus, byMonth: byMonth.sort((a, b) => a.month.localeCompare(b.month)) };
  }
}

function listFilter(filter: Record<string, unknown>): FilterQuery<Plan> {
  const where: Record<string, unknown> = {};
  const many = (value: unknown) => ({ $in: ([] as unknown[]).concat(value).map(String) });
  if (filter.id !== undefined) where.id = many(filter.id);
  if (filter.status !== undefined) where.status = many(filter.status);
  if (filter.kind !== undefined) where.kind = many(filter.kind);
  if (filter.issuerId !== undefined) where.issuer = many(filter.issuerId);
  if (filter.draftingUnitId !== undefined) where.draftingUnit = many(filter.draftingUnitId);
  if (filter.year !== undefined) where.year = Number(filter.year);
  const typed = typeof filter.q === 'string' ? textMatch<Plan>(filter.q) : null;
  return (typed ? { $and: [where, typed] } : where) as FilterQuery<Plan>;
}

/** The document writes "- " before and ";" after each recipient line: drop them if typed. */
const recipientLabel = (label: string) => label.normalize('NFC').trim().replace(/^-\s*/, '').replace(/\s*[;.]$/, '');

/**
 * Optional parts of the form are kept only when they say something, so a form written before they
 * existed hashes as it did.
 */
function normaliseForm(form: ReportingForm, text: (value: string) => string): ReportingForm {
  const optional = (key: string, value: string | undefined) => (value?.trim() ? { [key]: text(value) } : {});
  return {
    title: text(form.title),
    ...optional('subtitle', form.subtitle),
    indicators: form.indicators.map((i) => ({
      code: text(i.code), label: text(i.label), unit: text(i.unit ?? ''), type: i.type,
      ...optional('section', i.section), ...optional('group', i.group),
    })),
    ...optional('note', form.note),
  };
}

/**
 * Text is stored in Unicode NFC (FORMAT.md), trimmed; the heading defaults by kind. Fields added to
 * the model later appear only when set: content of the older shape keeps its hash when saved again.
 */
function normalise(content: PlanContent): PlanContent {
  const text = (value: string) => value.normalize('NFC').trim();
  return {
    kind: content.kind,
    issuerId: content.issuerId,
    coIssuerIds: content.coIssuerIds,
    heading: content.heading ? text(content.heading) : null,
    title: text(content.title),
    place: text(content.place),
    preamble: content.preamble.map(text),
    ...(content.preambleKinds ? { preambleKinds: content.preambleKinds } : {}),
    body: content.body.map((block) => ({ type: block.type, text: text(block.text), ...(block.asParagraph ? { asParagraph: true } : {}) })),
    closing: content.closing.map(text),
    signer: { authority: text(content.signer.authority), deputy: content.signer.deputy ? text(content.signer.deputy) : null, title: text(content.signer.title) },
    recipients: content.recipients.map((r) => ({ label: r.label ? recipientLabel(r.label) : '', note: r.note ? text(r.note) : null, orgIds: r.orgIds ?? [] })),
    archive: text(content.archive).replace(/^-\s*/, ''),
    reporting: content.reporting.map((r) => ({ name: text(r.name), dueDate: r.dueDate, ...(r.parentRoundId ? { parentRoundId: r.parentRoundId } : {}) })),
    form: content.form ? normaliseForm(content.form, text) : null,
    parentPlanId: content.parentPlanId ?? null,
  };
}
