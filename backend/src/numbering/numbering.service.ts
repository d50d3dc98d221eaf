import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { conflict } from '../common/app-error';
import { ListQuery, Page } from '../common/list-query';
import { calendarDateInVietnam, formatShortDate } from '../core/vietnamese-date';
import { Organisation } from '../organisations/organisation.entity';
import type { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
import { NumberSeries } from './number-series.entity';
import { RegisterEntry } from './register-entry.entity';
import { registerOwnerId } from './register-owner';

/** The register all document types share unless the organisation keeps one per type (Điều 15.1.c). */
const SHARED_REGISTER = 'all';

export interface NumberToGive {
  organisation: Organisation;
  typeCode: string;
  title: string;
  issuedAt: Date;
  createdBy: User;
  plan?: Plan;
  /** made outside the system; by default when no plan is named (a correction notice is made inside it) */
  external?: boolean;
}

export interface ExternalDocument {
  typeCode: string;
  title: string;
  issuedAt: Date;
  /** the number the document already carries; absent, the register gives the next one */
  number?: number;
}

/** Numbers from each organisation's register (DESIGN §6). */
@Injectable()
export class NumberingService {
  constructor(private readonly abilities: AbilityFactory) {}

  /**
   * Takes the next number inside the caller's transaction. The upsert row-locks the counter until
   * that transaction ends, so concurrent issuers (on any instance) queue; a rollback returns the number.
   */
  async take(em: EntityManager, request: NumberToGive): Promise<RegisterEntry> {
    const year = calendarDateInVietnam(request.issuedAt).year;
    const registerKey = await this.registerKeyFor(em, request.organisation, request.typeCode);
    const [{ last_number: number }] = await em.execute<{ last_number: number }[]>(
      `insert into number_counter (organisation_id, year, register_key, last_number) values (?, ?, ?, 1)
       on conflict (organisation_id, year, register_key) do update set last_number = number_counter.last_number + 1
       returning last_number`,
      [request.organisation.id, year, registerKey],
    );
    return this.entry(em, request, year, registerKey, number);
  }

  /** The caller's organisation's register (or `organisationId`'s, one it may read); filters: year, typeCode, q (title). */
  async list(em: EntityManager, user: AuthUser, query: ListQuery): Promise<Page<RegisterEntry>> {
    const organisation = registerOwnerId(this.abilities.createForUser(user), user, query.filter.organisationId as string | undefined);
    const where: FilterQuery<RegisterEntry> & Record<string, unknown> = { organisation };
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

  /**
   * A clerk registers a document made outside the system (a report, an invitation…): with the next
   * number of its register, or with the number it already carries when that one is still free.
   */
  async registerExternal(em: EntityManager, user: AuthUser, document: ExternalDocument): Promise<RegisterEntry> {
    return em.transactional(async (tx) => {
      const request: NumberToGive = {
        organisation: await tx.findOneOrFail(Organisation, user.organisationId),
        createdBy: tx.getReference(User, user.id),
        typeCode: document.typeCode,
        title: document.title,
        issuedAt: document.issuedAt,
      };
      const entry = document.number === undefined ? await this.take(tx, request) : await this.record(tx, request, document.number);
      await tx.flush();
      return entry;
    });
  }

  /**
   * Records a number given outside the system. The counter moves up to it (never down), so later
   * numbers follow it, and its row lock queues this against every other number of that register:
   * the check for a number already used cannot race another clerk or an ISSUE.
   */
  private async record(em: EntityManager, request: NumberToGive, number: number): Promise<RegisterEntry> {
    const year = calendarDateInVietnam(request.issuedAt).year;
    const registerKey = await this.registerKeyFor(em, request.organisation, request.typeCode);
    await em.execute(
      `insert into number_counter (organisation_id, year, register_key, last_number) values (?, ?, ?, ?)
       on conflict (organisation_id, year, register_key) do update set last_number = greatest(number_counter.last_number, excluded.last_number)`,
      [request.organisation.id, year, registerKey, number],
    );
    const taken = await em.findOne(RegisterEntry, { organisation: request.organisation, year, registerKey, number });
    if (taken) throw numberTaken(taken);
    return this.entry(em, request, year, registerKey, number);
  }

  /** A series naming the type, else the type's own register when the organisation keeps one per type, else the shared one. */
  private async registerKeyFor(em: EntityManager, organisation: Organisation, typeCode: string): Promise<string> {
    const series = await em.findOne(NumberSeries, { organisation, typeCodes: { $contains: [typeCode] } }, { fields: ['id'] });
    if (series) return series.id;
    return organisation.numberRegisterPerType ? typeCode : SHARED_REGISTER;
  }

  private entry(em: EntityManager, request: NumberToGive, year: number, registerKey: string, number: number): RegisterEntry {
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
      external: request.external ?? !request.plan,
    });
  }
}

/** 409 naming the entry that holds the number: its number and symbol, date and summary. */
function numberTaken(entry: RegisterEntry): Error {
  return conflict(
    'NUMBER_REGISTER.NUMBER_TAKEN',
    `Số ${entry.number} đã được dùng trong sổ năm ${entry.year}: văn bản số ${entry.fullNumber} ngày ${formatShortDate(entry.issuedAt)} “${entry.title}”.`,
    { entry: { id: entry.id, number: entry.number, fullNumber: entry.fullNumber, issuedAt: entry.issuedAt, title: entry.title } },
  );
}
