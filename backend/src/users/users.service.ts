import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { hashPassword } from '../auth/password';
import { invalid, notFound } from '../common/app-error';
import { ListQuery, Page } from '../common/list-query';
import { Organisation } from '../organisations/organisation.entity';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(private readonly em: EntityManager) {}

  async list(query: ListQuery): Promise<Page<User>> {
    const [items, total] = await this.em.findAndCount(User, this.where(query.filter), {
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

  async get(id: string): Promise<User> {
    return (await this.em.findOne(User, id)) ?? Promise.reject(notFound('Không tìm thấy người dùng'));
  }

  async create(dto: CreateUserDto): Promise<User> {
    const { password, organisationId, ...fields } = dto;
    const user = this.em.create(User, {
      ...fields,
      organisation: await this.organisation(organisationId),
      passwordHash: await hashPassword(password),
    });
    await this.em.flush();
    return user;
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const user = await this.get(id);
    const { password, organisationId, ...fields } = dto;
    this.em.assign(user, fields);
    if (organisationId) user.organisation = await this.organisation(organisationId);
    if (password) user.passwordHash = await hashPassword(password);
    await this.em.flush();
    return user;
  }

  /** Users are deactivated, never deleted: their names stay on the signatures and audit records they made. */
  async deactivate(id: string): Promise<User> {
    const user = await this.get(id);
    user.active = false;
    await this.em.flush();
    return user;
  }

  private async organisation(id: string): Promise<Organisation> {
    const organisation = await this.em.findOne(Organisation, id);
    if (!organisation) throw invalid({ organisationId: 'tổ chức không tồn tại' });
    return organisation;
  }
}
