import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { conflict, invalid, notFound } from '../common/app-error';
import { assertCan, userSubject } from '../organisations/organisation-access';
import { Organisation } from '../organisations/organisation.entity';
import type { CreateCapacityDto } from './dto/capacity.dto';
import { UserCapacity } from './user-capacity.entity';
import { UsersService } from './users.service';

const OUTSIDE_SCOPE = 'Chỉ quản trị viên của đơn vị kiêm nhiệm (hoặc quản trị hệ thống) mới giao hay bỏ được chức vụ ở đơn vị đó';

/** What a capacity shows: its organisation named. */
export function presentCapacity(capacity: UserCapacity) {
  return {
    id: capacity.id,
    userId: capacity.user.id,
    organisationId: capacity.organisation.id,
    organisationName: capacity.organisation.name,
    roles: capacity.roles,
    title: capacity.title,
  };
}

/**
 * A person's roles in other organisations (kiêm nhiệm), beside their own. Giving or removing one is
 * the business of that organisation's administrators (the CASL rules on a user of that organisation
 * with those roles): an account they may see, in an organisation they administer.
 */
@Injectable()
export class CapacitiesService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly users: UsersService,
  ) {}

  async list(caller: AuthUser, userId: string) {
    const user = await this.users.get(caller, userId);
    const capacities = await this.em.find(UserCapacity, { user }, { populate: ['organisation'], orderBy: { organisation: { path: 'ASC' } } });
    return capacities.map(presentCapacity);
  }

  async add(caller: AuthUser, userId: string, dto: CreateCapacityDto) {
    const user = await this.users.get(caller, userId);
    const organisation = await this.em.findOne(Organisation, dto.organisationId);
    if (!organisation) throw invalid({ organisationId: 'tổ chức không tồn tại' });
    if (organisation.id === user.organisation.id) throw invalid({ organisationId: 'đây là đơn vị chính của tài khoản; vai trò ở đó sửa trong tài khoản' });
    assertCan(this.abilities.createForUser(caller), 'update', userSubject(organisation, dto.roles), OUTSIDE_SCOPE);
    if (await this.em.count(UserCapacity, { user, organisation })) {
      throw conflict('DUPLICATE', `${user.fullName} đã có chức vụ kiêm nhiệm ở ${organisation.name}`);
    }
    const capacity = this.em.create(UserCapacity, { user, organisation, roles: dto.roles, title: dto.title?.trim() || null });
    await this.em.flush();
    return presentCapacity(capacity);
  }

  async remove(caller: AuthUser, userId: string, capacityId: string): Promise<void> {
    const user = await this.users.get(caller, userId);
    const capacity = await this.em.findOne(UserCapacity, { id: capacityId, user }, { populate: ['organisation'] });
    if (!capacity) throw notFound('Không tìm thấy chức vụ kiêm nhiệm này');
    assertCan(this.abilities.createForUser(caller), 'update', userSubject(capacity.organisation, capacity.roles), OUTSIDE_SCOPE);
    await this.em.remove(capacity).flush();
  }
}
