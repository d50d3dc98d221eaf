import { EntityManager, FilterQuery, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, type AppAbility } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { invalid, notFound } from '../common/app-error';
import { ListQuery, Page } from '../common/list-query';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';
import { mayCoIssue, treePlace } from './co-issuers';
import { assertCan, organisationSubject } from './organisation-access';
import { OrganisationRepository } from './organisation.repository';

const OUTSIDE_SCOPE = 'Tổ chức này nằm ngoài phạm vi bạn được quản trị';

/** The names a rename records (RenameOrganisationDto): each changes only through "Đổi tên". */
export const RENAMED_FIELDS = ['name', 'shortName', 'symbol', 'bodyName'] as const;
const RENAME_ONLY = 'chỉ thay đổi qua thao tác "Đổi tên" (thay đổi tổ chức có ngày hiệu lực, được ghi lại)';
const MOVE_ONLY = 'chỉ thay đổi qua thao tác "Chuyển" (thay đổi tổ chức có ngày hiệu lực, được ghi lại)';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
  ) {}

  async list(query: ListQuery): Promise<Page<Organisation>> {
    const where = this.where(query.filter);
    if (typeof query.filter.coIssuerOf === 'string') where.$and = [{ id: { $in: await this.coIssuerIds(query.filter.coIssuerOf) } }];
    const [items, total] = await this.em.findAndCount(Organisation, where, {
      orderBy: { [query.sortField]: query.sortOrder },
      limit: query.limit,
      offset: query.offset,
    });
    return new Page('organisations', items, total, query.offset);
  }

  /** Who may co-issue with this issuer: its neighbours in the tree (parent, children, siblings), as the rule allows. */
  private async coIssuerIds(issuerId: string): Promise<string[]> {
    const issuer = await this.em.findOne(Organisation, issuerId, { fields: ['id', 'kind', 'level', 'parent'] });
    if (!issuer) return [];
    const near = issuer.parent ? [{ parent: issuer.id }, { id: issuer.parent.id }, { parent: issuer.parent.id }] : [{ parent: issuer.id }];
    const candidates = await this.em.find(Organisation, { $or: near, dissolvedOn: null }, { fields: ['id', 'kind', 'level', 'parent'] });
    const place = treePlace(issuer);
    return candidates.filter((candidate) => mayCoIssue(place, treePlace(candidate))).map((candidate) => candidate.id);
  }

  /**
   * Filters react-admin sends: `id` (getMany), `q` (text), kind, level, parentId, `active` (true: not
   * merged or dissolved — what pickers offer; false: only those); `coIssuerOf` is resolved in `list`.
   */
  private where(filter: Record<string, unknown>): FilterQuery<Organisation> & Record<string, unknown> {
    const where: FilterQuery<Organisation> & Record<string, unknown> = {};
    if (filter.id !== undefined) where.id = { $in: ([] as unknown[]).concat(filter.id).map(String) };
    if (typeof filter.q === 'string' && filter.q.trim()) {
      const like = `%${filter.q.trim()}%`;
      where.$or = [{ name: { $ilike: like } }, { shortName: { $ilike: like } }, { symbol: { $ilike: like } }];
    }
    if (filter.kind !== undefined) where.kind = String(filter.kind) as Organisation['kind'];
    if (filter.level !== undefined) where.level = String(filter.level) as Organisation['level'];
    if (filter.parentId !== undefined) where.parent = filter.parentId === null ? null : String(filter.parentId);
    if (filter.active !== undefined) where.dissolvedOn = String(filter.active) === 'true' ? null : { $ne: null };
    return where;
  }

  async get(id: string): Promise<Organisation> {
    return (await this.em.findOne(Organisation, id)) ?? Promise.reject(notFound('Không tìm thấy tổ chức'));
  }

  /** Administrators create organisations only below their own; a new root needs a system administrator. */
  async create(user: AuthUser, dto: CreateOrganisationDto): Promise<Organisation> {
    const { parentId, ...fields } = dto;
    const organisation = this.em.create(Organisation, fields);
    await this.placeUnder(organisation, parentId ?? null);
    assertCan(this.abilities.createForUser(user), 'create', organisationSubject(organisation), 'Chỉ tạo được tổ chức bên dưới đơn vị bạn quản trị');
    await this.em.flush();
    return organisation;
  }

  /**
   * The other particulars of an organisation. Its names and its place in the tree change only by the
   * recorded changes (organisation-changes/: "Đổi tên", "Chuyển"), which date them and keep the history.
   */
  async update(user: AuthUser, id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    return this.em.transactional(async (em) => {
      const organisation = await em.findOne(Organisation, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!organisation) throw notFound('Không tìm thấy tổ chức');
      assertCan(this.abilities.createForUser(user), 'update', organisationSubject(organisation), OUTSIDE_SCOPE);
      assertNoRecordedChange(organisation, dto);
      const { parentId, ...fields } = dto;
      em.assign(organisation, fields);
      await em.flush();
      return organisation;
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const organisation = await this.get(id);
    assertCan(this.abilities.createForUser(user), 'delete', organisationSubject(organisation), OUTSIDE_SCOPE);
    await this.em.removeAndFlush(organisation);
  }

  private async placeUnder(organisation: Organisation, parentId: string | null, em: EntityManager = this.em): Promise<void> {
    const parent = parentId ? await em.findOne(Organisation, parentId) : null;
    if (parentId && !parent) throw invalid({ parentId: 'tổ chức cấp trên không tồn tại' });
    organisation.parent = parent;
    organisation.path = `${parent?.path ?? '/'}${organisation.id}/`;
  }

  /**
   * A move takes an organisation out of one place and puts it into another: both must lie strictly
   * below the administrator's own organisation, which it may not move itself.
   */
  async moveWithin(em: EntityManager, ability: AppAbility, organisation: Organisation, parentId: string | null): Promise<void> {
    const message = 'Chỉ chuyển được tổ chức cấp dưới, đến nơi vẫn thuộc phạm vi bạn quản trị';
    assertCan(ability, 'create', organisationSubject(organisation), message);
    await this.moveUnder(em, organisation, parentId);
    assertCan(ability, 'create', organisationSubject(organisation), message);
  }

  /**
   * Moving a subtree rewrites the paths below it and, in the same transaction, the lineage of every
   * plan its organisations issued: read rights follow the tree as it is now, at once. A move under its
   * own descendant would make a cycle.
   */
  async moveUnder(em: EntityManager, organisation: Organisation, parentId: string | null): Promise<void> {
    const oldPath = organisation.path;
    if (parentId) {
      const parent = await em.findOne(Organisation, parentId);
      if (parent?.path.startsWith(oldPath)) throw invalid({ parentId: 'không thể đặt tổ chức dưới chính nó hoặc đơn vị cấp dưới của nó' });
    }
    await this.placeUnder(organisation, parentId, em);
    await new OrganisationRepository(em).moveSubtree(oldPath, organisation.path);
  }
}

/** 400 naming each name or the parent the edit would change: those go through the recorded changes; the same values pass. */
function assertNoRecordedChange(organisation: Organisation, dto: UpdateOrganisationDto): void {
  const errors: Record<string, string> = {};
  for (const field of RENAMED_FIELDS) if (dto[field] !== undefined && dto[field] !== organisation[field]) errors[field] = RENAME_ONLY;
  if (dto.parentId !== undefined && dto.parentId !== (organisation.parent?.id ?? null)) errors.parentId = MOVE_ONLY;
  if (Object.keys(errors).length) throw invalid(errors);
}
