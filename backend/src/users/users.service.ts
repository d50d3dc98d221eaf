import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, lineageOf } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { hashPassword } from './password';
import { invalid, notFound } from '../common/app-error';
import { ListQuery, Page } from '../common/list-query';
import { assertCan, userSubject } from '../organisations/organisation-access';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { OrganisationUnit } from '../organisations/organisation-unit.entity';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { User } from './user.entity';
import { UserCapacity } from './user-capacity.entity';

/** Partners are seen by their leaders and clerks: the people who sign and send what one exchanges. */
const PARTNER_ROLES = ['leader', 'clerk'];

const OUTSIDE_SCOPE = 'Tài khoản này nằm ngoài phạm vi bạn được quản trị';

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
  ) {}

  async list(user: AuthUser, query: ListQuery): Promise<Page<User>> {
    const where = { $and: [await this.directory(user), this.where(query.filter)] };
    const [items, total] = await this.em.findAndCount(User, where, {
      orderBy: { [query.sortField]: query.sortOrder },
      limit: query.limit,
      offset: query.offset,
    });
    return new Page('users', items, total, query.offset);
  }

  /** Filters: `id` (getMany), `q` (username or name), organisationId, role, active. */
  private where(filter: Record<string, unknown>): FilterQuery<User> {
    const where: FilterQuery<User> & Record<string, unknown> = {};
    if (filter.id !== undefined) where.id = { $in: ([] as unknown[]).concat(filter.id).map(String) };
    if (typeof filter.q === 'string' && filter.q.trim()) {
      const like = `%${filter.q.trim()}%`;
      where.$or = [{ username: { $ilike: like } }, { fullName: { $ilike: like } }];
    }
    if (filter.organisationId !== undefined) where.organisation = String(filter.organisationId);
    if (filter.role !== undefined) where.roles = { $contains: [String(filter.role)] };
    if (filter.active !== undefined) where.active = filter.active === true || filter.active === 'true';
    return where;
  }

  /**
   * Who the caller may see: everyone in the subtree of each organisation it holds a role in (kiêm
   * nhiệm: more than one), and the leaders and clerks of the organisations above those and of those
   * they exchange plans with; a system administrator sees all.
   */
  private async directory(caller: AuthUser): Promise<FilterQuery<User>> {
    // An account outside every subtree: only an unconditional rule (a system administrator's) reads it.
    if (this.abilities.createForUser(caller).can('read', userSubject({ path: '/' }, []))) return {};
    const partners = await new OrganisationRepository(this.em).partnerIds(caller.capacities.map((c) => c.organisationId));
    const ancestors = caller.capacities.flatMap((c) => lineageOf(c.organisationPath));
    return {
      $or: [
        ...caller.capacities.map((c) => ({ organisation: { path: { $like: `${c.organisationPath}%` } } })),
        { organisation: { $in: [...new Set([...partners, ...ancestors])] }, roles: { $overlap: PARTNER_ROLES } },
      ],
    };
  }

  /** The user, if the caller may see it; otherwise 404, as if it did not exist. */
  async get(caller: AuthUser, id: string): Promise<User> {
    const user = await this.em.findOne(User, { $and: [{ id }, await this.directory(caller)] }, { populate: ['organisation'] });
    if (!user) throw notFound('Không tìm thấy người dùng');
    return user;
  }

  async create(caller: AuthUser, dto: CreateUserDto): Promise<User> {
    const { password, organisationId, unitId, ...fields } = dto;
    const organisation = await this.organisation(organisationId);
    assertCan(this.abilities.createForUser(caller), 'create', userSubject(organisation, fields.roles), 'Chỉ tạo được tài khoản trong đơn vị bạn quản trị, không cấp được quyền quản trị hệ thống');
    const unit = await this.unitOf(organisation, unitId ?? null);
    const user = this.em.create(User, { ...fields, organisation, unit, passwordHash: await hashPassword(password) });
    await this.em.flush();
    return user;
  }

  /** The account as it is and as it would be must both lie inside the caller's scope. */
  async update(caller: AuthUser, id: string, dto: UpdateUserDto): Promise<User> {
    const user = await this.get(caller, id);
    const ability = this.abilities.createForUser(caller);
    assertCan(ability, 'update', userSubject(user.organisation, user.roles), OUTSIDE_SCOPE);
    const { password, organisationId, unitId, ...fields } = dto;
    this.em.assign(user, fields);
    const moved = Boolean(organisationId) && organisationId !== user.organisation.id;
    if (organisationId) user.organisation = await this.organisation(organisationId);
    // The own organisation is the primary capacity: never also one of the others.
    if (organisationId && (await this.em.count(UserCapacity, { user, organisation: organisationId }))) {
      throw invalid({ organisationId: 'người dùng đang kiêm nhiệm ở tổ chức này: bỏ chức vụ kiêm nhiệm đó trước' });
    }
    // A unit is its organisation's: one moving elsewhere leaves it unless given one there.
    if (unitId !== undefined || moved) user.unit = await this.unitOf(user.organisation, unitId ?? null);
    assertCan(ability, 'update', userSubject(user.organisation, user.roles), 'Không chuyển được tài khoản ra ngoài đơn vị bạn quản trị, không cấp được quyền quản trị hệ thống');
    if (password) user.passwordHash = await hashPassword(password);
    await this.em.flush();
    return user;
  }

  /** Users are deactivated, never deleted: their names stay on the signatures and audit records they made. */
  async deactivate(caller: AuthUser, id: string): Promise<User> {
    const user = await this.get(caller, id);
    assertCan(this.abilities.createForUser(caller), 'delete', userSubject(user.organisation, user.roles), OUTSIDE_SCOPE);
    user.active = false;
    await this.em.flush();
    return user;
  }

  /** The unit, which must be one of the user's organisation's (400 on `unitId` otherwise). */
  private async unitOf(organisation: Organisation, unitId: string | null): Promise<OrganisationUnit | null> {
    if (!unitId) return null;
    const unit = await this.em.findOne(OrganisationUnit, { id: unitId, organisation });
    if (!unit) throw invalid({ unitId: 'ban không thuộc tổ chức của người dùng' });
    return unit;
  }

  private async organisation(id: string): Promise<Organisation> {
    const organisation = await this.em.findOne(Organisation, id);
    if (!organisation) throw invalid({ organisationId: 'tổ chức không tồn tại' });
    return organisation;
  }
}
