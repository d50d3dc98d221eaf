import { EntityManager, FilterQuery, raw } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { invalid, notFound } from '../common/app-error';
import { ListQuery, Page } from '../common/list-query';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(private readonly em: EntityManager) {}

  async list(query: ListQuery): Promise<Page<Organisation>> {
    const [items, total] = await this.em.findAndCount(Organisation, this.where(query.filter), {
      orderBy: { [query.sortField]: query.sortOrder },
      limit: query.limit,
      offset: query.offset,
    });
    return new Page('organisations', items, total, query.offset);
  }

  /** Filters react-admin sends: `id` (getMany), `q` (text), kind, level, parentId. */
  private where(filter: Record<string, unknown>): FilterQuery<Organisation> {
    const where: FilterQuery<Organisation> & Record<string, unknown> = {};
    if (filter.id !== undefined) where.id = { $in: ([] as unknown[]).concat(filter.id).map(String) };
    if (typeof filter.q === 'string' && filter.q.trim()) {
      const like = `%${filter.q.trim()}%`;
      where.$or = [{ name: { $ilike: like } }, { shortName: { $ilike: like } }, { symbol: { $ilike: like } }];
    }
    if (filter.kind !== undefined) where.kind = String(filter.kind) as Organisation['kind'];
    if (filter.level !== undefined) where.level = String(filter.level) as Organisation['level'];
    if (filter.parentId !== undefined) where.parent = filter.parentId === null ? null : String(filter.parentId);
    return where;
  }

  async get(id: string): Promise<Organisation> {
    return (await this.em.findOne(Organisation, id)) ?? Promise.reject(notFound('Không tìm thấy tổ chức'));
  }

  async create(dto: CreateOrganisationDto): Promise<Organisation> {
    const { parentId, ...fields } = dto;
    const organisation = this.em.create(Organisation, fields);
    await this.placeUnder(organisation, parentId ?? null);
    await this.em.flush();
    return organisation;
  }

  async update(id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    const organisation = await this.get(id);
    const { parentId, ...fields } = dto;
    this.em.assign(organisation, fields);
    if (parentId !== undefined && parentId !== organisation.parent?.id) await this.move(organisation, parentId);
    await this.em.flush();
    return organisation;
  }

  async remove(id: string): Promise<void> {
    await this.em.removeAndFlush(await this.get(id));
  }

  private async placeUnder(organisation: Organisation, parentId: string | null): Promise<void> {
    const parent = parentId ? await this.em.findOne(Organisation, parentId) : null;
    if (parentId && !parent) throw invalid({ parentId: 'tổ chức cấp trên không tồn tại' });
    organisation.parent = parent;
    organisation.path = `${parent?.path ?? '/'}${organisation.id}/`;
  }

  /** Moving a subtree rewrites the paths below it; a move under its own descendant would make a cycle. */
  private async move(organisation: Organisation, parentId: string | null): Promise<void> {
    const oldPath = organisation.path;
    if (parentId) {
      const parent = await this.em.findOne(Organisation, parentId);
      if (parent?.path.startsWith(oldPath)) throw invalid({ parentId: 'không thể đặt tổ chức dưới chính nó hoặc đơn vị cấp dưới của nó' });
    }
    await this.placeUnder(organisation, parentId);
    await this.em
      .createQueryBuilder(Organisation)
      .update({ path: raw(`? || substr(path, ?)`, [organisation.path, oldPath.length + 1]) })
      .where({ path: { $like: `${oldPath}%` }, id: { $ne: organisation.id } })
      .execute();
  }
}
