import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AbilityFactory, type Action, type AppAbility } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { conflict, invalid, notFound } from '../common/app-error';
import type { OrganisationChangeKind } from '../core/organisation-levels';
import { PLAN_TYPE_CODE } from '../core/document-number';
import { Organisation } from '../organisations/organisation.entity';
import { assertCan, organisationSubject } from '../organisations/organisation-access';
import { OrganisationsService, RENAMED_FIELDS } from '../organisations/organisations.service';
import { Plan } from '../plans/plan.entity';
import { PlansService } from '../plans/plans.service';
import { ReportingRoundRepository } from '../reports/reporting-round.repository';
import { UserCapacity } from '../users/user-capacity.entity';
import { User } from '../users/user.entity';
import type { DissolveOrganisationDto, MergeOrganisationsDto, MoveOrganisationDto, RenameOrganisationDto } from './dto/organisation-change.dto';
import { OrganisationChange } from './organisation-change.entity';

const OUTSIDE_SCOPE = 'Thay đổi này liên quan đến tổ chức nằm ngoài phạm vi bạn quản trị';

/** A change as the history shows it. */
export function presentChange(change: OrganisationChange) {
  return {
    id: change.id,
    kind: change.kind,
    organisationId: change.organisation.id,
    organisationName: change.organisation.name,
    successorId: change.successor?.id ?? null,
    effectiveOn: change.effectiveOn,
    details: change.details,
    createdAt: change.createdAt,
    createdBy: { id: change.createdBy.id, fullName: change.createdBy.fullName },
  };
}

/**
 * Changes of the organisation tree (issue 15): rename, move, merge into a successor, dissolve — each
 * in one transaction with its `organisation_change` record. Who: a system administrator, or an
 * administrator whose subtree holds every organisation involved (the Organisation rules of the
 * ability: `update` for one that stays, `delete` for one that ends — strictly below one's own).
 * Each change answers the organisation's history (for a merge: the successor's), the new change last.
 */
@Injectable()
export class OrganisationChangesService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly organisations: OrganisationsService,
    private readonly plans: PlansService,
    private readonly reportingRounds: ReportingRoundRepository,
  ) {}

  /** Its history, oldest first: its own changes and those it took over as successor. */
  async history(id: string) {
    await this.organisations.get(id);
    const changes = await this.em.find(OrganisationChange, { $or: [{ organisation: id }, { successor: id }] }, {
      populate: ['organisation', 'createdBy'],
      orderBy: { createdAt: 'ASC', id: 'ASC' },
    });
    return changes.map(presentChange);
  }

  /** New names from the effective date; plans not yet numbered take the new symbol, issued ones keep theirs. */
  async rename(user: AuthUser, id: string, dto: RenameOrganisationDto) {
    await this.em.transactional(async (em) => {
      const [organisation] = await this.lockActive(em, user, [[id, 'update']]);
      const before = pick(organisation);
      em.assign(organisation, Object.fromEntries(RENAMED_FIELDS.filter((name) => dto[name] !== undefined).map((name) => [name, dto[name]])));
      if (organisation.symbol !== before.symbol) {
        await em.nativeUpdate(Plan, { issuer: organisation.id, number: null }, { symbol: `${PLAN_TYPE_CODE}-${organisation.symbol}` });
      }
      this.record(em, user, organisation, 'rename', dto.effectiveOn, null, { before, after: pick(organisation) });
    });
    return this.history(id);
  }

  /** The one way an organisation changes its place (paths and plan lineages rewritten), recorded. */
  async move(user: AuthUser, id: string, dto: MoveOrganisationDto) {
    await this.em.transactional(async (em) => {
      const [organisation, parent] = await this.lockActive(em, user, [[id, 'update'], [dto.parentId, 'update', 'parentId']]);
      const oldParent = organisation.parent;
      if (oldParent?.id === parent.id) throw invalid({ parentId: 'tổ chức đã ở dưới tổ chức cấp trên này' });
      await this.organisations.moveWithin(em, this.abilities.createForUser(user), organisation, parent.id);
      this.record(em, user, organisation, 'move', dto.effectiveOn, null, {
        oldParent: oldParent && { id: oldParent.id, name: oldParent.name },
        newParent: { id: parent.id, name: parent.name },
      });
    });
    return this.history(id);
  }

  /** `successorId` takes over each of `organisationIds`: their children, users, plans not yet issued and reports owed. */
  async merge(user: AuthUser, successorId: string, dto: MergeOrganisationsDto) {
    const ids = [...new Set(dto.organisationIds)];
    if (ids.includes(successorId)) throw invalid({ organisationIds: 'không hợp nhất một tổ chức vào chính nó' });
    await this.em.transactional(async (em) => {
      const [successor, ...merged] = await this.lockActive(em, user, [
        [successorId, 'update'],
        ...ids.map((id, i): Involved => [id, 'delete', `organisationIds.${i}`]),
      ]);
      merged.forEach((organisation, i) => assertNotAbove(organisation, successor, `organisationIds.${i}`));
      for (const organisation of merged) await this.succeed(em, user, 'merge', organisation, successor, successor, dto.effectiveOn);
    });
    return this.history(successorId);
  }

  /** The organisation ends; `successorId` acts for it, its children move under `childrenParentId` (the successor by default), its users are deactivated. */
  async dissolve(user: AuthUser, id: string, dto: DissolveOrganisationDto) {
    const childrenParentId = dto.childrenParentId ?? dto.successorId;
    if (dto.successorId === id) throw invalid({ successorId: 'tổ chức kế tục phải là tổ chức khác' });
    if (childrenParentId === id) throw invalid({ childrenParentId: 'tổ chức nhận các đơn vị trực thuộc phải là tổ chức khác' });
    await this.em.transactional(async (em) => {
      const [organisation, successor, childrenParent] = await this.lockActive(em, user, [
        [id, 'delete'],
        [dto.successorId, 'update', 'successorId'],
        [childrenParentId, 'update', dto.childrenParentId ? 'childrenParentId' : 'successorId'],
      ]);
      assertNotAbove(organisation, successor, 'successorId');
      assertNotAbove(organisation, childrenParent, 'childrenParentId');
      await this.succeed(em, user, 'dissolve', organisation, successor, childrenParent, dto.effectiveOn);
    });
    return this.history(id);
  }

  /**
   * What a merge or dissolution does, in the caller's transaction: children move (paths and plan
   * lineages), users move to the successor (merge) or are deactivated (dissolve, their sessions end
   * with it), plans not yet issued and reports not yet submitted go to the successor, and the
   * successor acts for the organisation and for everything it acted for.
   */
  private async succeed(em: EntityManager, user: AuthUser, kind: 'merge' | 'dissolve', from: Organisation, successor: Organisation, childrenParent: Organisation, effectiveOn: string) {
    // The record is written last, whole (the table is append-only); the plans' audit records name it already.
    const changeId = randomUUID();
    const children = await em.find(Organisation, { parent: from.id }, { orderBy: { path: 'ASC' } });
    for (const child of children) await this.organisations.moveUnder(em, child, childrenParent.id);
    const users =
      kind === 'merge'
        ? { usersMoved: await this.moveUsers(em, from, successor), ...(await this.moveCapacities(em, from, successor)) }
        : {
            usersDeactivated: await em.nativeUpdate(User, { organisation: from.id, active: true }, { active: false }),
            // The entity has no end date: a role in an organisation that no longer exists simply goes.
            capacitiesEnded: await em.nativeDelete(UserCapacity, { organisation: from.id }),
          };
    const actor = em.getReference(User, user.id);
    const plansMoved = await this.plans.transferUnissued(em, from, successor, actor, changeId);
    const plansNamingSuccessor = await this.plans.nameSuccessorInUnissued(em, from, successor, actor, changeId);
    const reportsMoved = await this.reportingRounds.transferPendingReports(em, from.id, successor.id);
    from.dissolvedOn = effectiveOn;
    from.successor = successor;
    successor.predecessorIds = [...new Set([...successor.predecessorIds, from.id, ...from.predecessorIds])];
    this.record(em, user, from, kind, effectiveOn, successor, {
      successor: { id: successor.id, name: successor.name },
      childrenParent: { id: childrenParent.id, name: childrenParent.name },
      childrenMoved: children.map((child) => ({ id: child.id, name: child.name })),
      ...users,
      plansMoved,
      plansNamingSuccessor,
      reportsMoved,
    }, changeId);
  }

  /**
   * A merged organisation's staff join the successor: without their old unit (the successor's own units
   * are given by its administrator) and without the administrator role — administering the successor's
   * subtree is its administrators' to grant, not something a merge hands out. One who already held a
   * role there (kiêm nhiệm) keeps it in the primary capacity it becomes (never both).
   */
  private async moveUsers(em: EntityManager, from: Organisation, successor: Organisation): Promise<number> {
    const users = await em.find(User, { organisation: from.id });
    const heldThere = await em.find(UserCapacity, { user: { organisation: from.id }, organisation: successor.id });
    const rolesThere = new Map(heldThere.map((capacity) => [capacity.user.id, capacity.roles]));
    for (const moved of users) {
      moved.organisation = successor;
      moved.unit = null;
      moved.roles = [...new Set([...moved.roles.filter((role) => role !== 'admin'), ...(rolesThere.get(moved.id) ?? [])])];
    }
    em.remove(heldThere);
    return users.length;
  }

  /**
   * Roles others hold in the merged organisation (kiêm nhiệm) are held in the successor from now: but
   * one its holder already has there, as primary organisation or as another capacity, is dropped.
   */
  private async moveCapacities(em: EntityManager, from: Organisation, successor: Organisation) {
    const dropped = await em.execute<{ id: string }[]>(
      `delete from "user_capacity" c using "user" u
        where c."organisation_id" = ? and u."id" = c."user_id"
          and (u."organisation_id" = ? or exists (select 1 from "user_capacity" there where there."user_id" = c."user_id" and there."organisation_id" = ?))
        returning c."id"`,
      [from.id, successor.id, successor.id],
    );
    const moved = await em.nativeUpdate(UserCapacity, { organisation: from.id }, { organisation: successor.id, updatedAt: new Date() });
    return { capacitiesMoved: moved, capacitiesDropped: dropped.length };
  }

  /**
   * The organisations involved, locked in id order (two changes touching the same ones queue, never
   * deadlock), in the order asked. 404 for the path's own organisation, 400 naming the field for
   * another that does not exist, 409 for one already merged or dissolved, 403 outside the caller's scope.
   */
  private async lockActive(em: EntityManager, user: AuthUser, involved: Involved[]): Promise<Organisation[]> {
    const ids = [...new Set(involved.map(([id]) => id))];
    const found = await em.find(Organisation, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'ASC' }, populate: ['parent'] });
    const byId = new Map(found.map((organisation) => [organisation.id, organisation]));
    const ability = this.abilities.createForUser(user);
    return involved.map(([id, action, field]) => {
      const organisation = byId.get(id);
      if (!organisation) throw field ? invalid({ [field]: 'tổ chức không tồn tại' }) : notFound('Không tìm thấy tổ chức');
      assertCanChange(ability, action, organisation);
      assertActive(organisation);
      return organisation;
    });
  }

  private record(
    em: EntityManager, user: AuthUser, organisation: Organisation, kind: OrganisationChangeKind, effectiveOn: string,
    successor: Organisation | null, details: Record<string, unknown>, id: string = randomUUID(),
  ): void {
    const at = new Date();
    em.create(OrganisationChange, {
      id,
      organisation,
      kind,
      effectiveOn,
      successor,
      details: { ...details, by: { id: user.id, fullName: user.fullName }, at: at.toISOString() },
      createdBy: em.getReference(User, user.id),
      createdAt: at,
    });
  }
}

/** An organisation's id, what the change does to it (`update`: it stays; `delete`: it ends), and the request's field naming it. */
type Involved = [id: string, action: Action, field?: string];

const pick = (organisation: Organisation) => Object.fromEntries(RENAMED_FIELDS.map((name) => [name, organisation[name]])) as Pick<Organisation, (typeof RENAMED_FIELDS)[number]>;

function assertActive(organisation: Organisation): void {
  if (organisation.dissolvedOn !== null) {
    throw conflict('ORGANISATION_ENDED', `${organisation.name} đã hợp nhất hoặc giải thể từ ngày ${organisation.dissolvedOn}`, { organisationId: organisation.id });
  }
}

function assertCanChange(ability: AppAbility, action: Action, organisation: Organisation): void {
  assertCan(ability, action, organisationSubject(organisation), OUTSIDE_SCOPE);
}

/** What ends cannot hand its children to one of them: that would put a subtree under itself. */
function assertNotAbove(ending: Organisation, other: Organisation, field: string): void {
  if (other.path.startsWith(ending.path)) throw invalid({ [field]: `thuộc cây tổ chức của ${ending.name}, không thể tiếp nhận tổ chức cấp trên của mình` });
}
