import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ListQuery, Page } from '../common/list-query';
import { calendarDateInVietnam } from '../core/vietnamese-date';
import { Organisation } from '../organisations/organisation.entity';
import type { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
import { RegisterEntry } from './register-entry.entity';

/** The register all document types share unless the organisation keeps one per type (Điều 15.1.c). */
const SHARED_REGISTER = 'all';

export interface NumberToGive {
  organisation: Organisation;
  typeCode: string;
  title: string;
  issuedAt: Date;
  createdBy: User;
  plan?: Plan;
}

/** Numbers from each organisation's register (DESIGN §6). */
@Injectable()
export class NumberingService {
  /**
   * Takes the next number inside the caller's transaction. The upsert row-locks the counter until
   * that transaction ends, so concurrent issuers (on any instance) queue; a rollback returns the number.
   */
  async take(em: EntityManager, request: NumberToGive): Promise<RegisterEntry> {
    const year = calendarDateInVietnam(request.issuedAt).year;
    const registerKey = request.organisation.numberRegisterPerType ? request.typeCode : SHARED_REGISTER;
    const [{ last_number: number }] = await em.execute<{ last_number: number }[]>(
      `insert into number_counter (organisation_id, year, register_key, last_number) values (?, ?, ?, 1)
       on conflict (organisation_id, year, register_key) do update set last_number = number_counter.last_number + 1
       returning last_number`,
      [request.organisation.id, year, registerKey],
    );
    return em.create(RegisterEntry, {
      organisation: request.organisation,
      year,
      registerKey,
      number,
      typeCode: request.typeCode,
      symbol: `${request.typeCode}-${request.organisation.symbol}`,
      title: request.title,
      plan: request.plan ?? null,
      issuedAt: request.issuedAt,
      createdBy: request.createdBy,
      external: !request.plan,
    });
  }

  /** The caller's organisation's register; filters: year, typeCode, q (title). */
  async list(em: EntityManager, user: AuthUser, query: ListQuery): Promise<Page<RegisterEntry>> {
    const where: FilterQuery<RegisterEntry> & Record<string, unknown> = { organisation: user.organisationId };
    if (query.filter.year !== undefined) where.year = Number(query.filter.year);
    if (query.filter.typeCode !== undefined) where.typeCode = String(query.filter.typeCode);
    if (typeof query.filter.q === 'string' && query.filter.q.trim()) where.title = { $ilike: `%${query.filter.q.trim()}%` };
    const [items, total] = await em.findAndCount(RegisterEntry, where, {
      orderBy: [{ [query.sortField]: query.sortOrder }, { number: 'DESC' }],
      limit: query.limit,
      offset: query.offset,
    });
    return new Page('number-registers', items, total, query.offset);
  }

  /** A clerk registers a document made outside the system (a report, an invitation…). */
  async registerExternal(em: EntityManager, user: AuthUser, typeCode: string, title: string, issuedAt: Date): Promise<RegisterEntry> {
    return em.transactional(async (tx) => {
      const entry = await this.take(tx, {
        organisation: await tx.findOneOrFail(Organisation, user.organisationId),
        createdBy: tx.getReference(User, user.id),
        typeCode,
        title,
        issuedAt,
      });
      await tx.flush();
      return entry;
    });
  }
}
