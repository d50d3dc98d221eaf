import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { conflict, notFound } from '../common/app-error';
import { Page } from '../common/list-query';
import { calendarDateInVietnam } from '../core/vietnamese-date';
import { Organisation } from '../organisations/organisation.entity';
import { documentTypeName } from '../core/document-types';
import type { CreateNumberSeriesDto } from './dto/create-number-series.dto';
import { NumberSeries } from './number-series.entity';
import { RegisterEntry } from './register-entry.entity';

/**
 * The named series an organisation numbers some types from (Điều 15.1.c). A type moves to a series
 * only while it has no number this year, and a series that gave numbers stays: either change would
 * give two documents of one type the same number and symbol in a year.
 */
@Injectable()
export class NumberSeriesService {
  async list(em: EntityManager, user: AuthUser): Promise<Page<NumberSeries>> {
    const items = await em.find(NumberSeries, { organisation: user.organisationId }, { orderBy: { name: 'ASC' } });
    return new Page('number-series', items, items.length, 0);
  }

  async create(em: EntityManager, user: AuthUser, dto: CreateNumberSeriesDto): Promise<NumberSeries> {
    return em.transactional(async (tx) => {
      // Locks the organisation's row: two clerks configuring series at once take turns.
      const organisation = await tx.findOneOrFail(Organisation, user.organisationId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await this.refuseTakenName(tx, organisation, dto.name);
      await this.refuseTypesInOtherSeries(tx, organisation, dto.typeCodes);
      await this.refuseTypesNumberedThisYear(tx, organisation, dto.typeCodes);
      const series = tx.create(NumberSeries, { organisation, name: dto.name.trim(), typeCodes: dto.typeCodes });
      await tx.flush();
      return series;
    });
  }

  async remove(em: EntityManager, user: AuthUser, id: string): Promise<void> {
    await em.transactional(async (tx) => {
      const series = await tx.findOne(NumberSeries, { id, organisation: user.organisationId });
      if (!series) throw notFound('Không tìm thấy sổ đăng ký này');
      const used = await tx.count(RegisterEntry, { organisation: user.organisationId, registerKey: series.id });
      if (used) throw conflict('NUMBER_SERIES.IN_USE', `Sổ “${series.name}” đã cấp ${used} số, không xóa được.`);
      tx.remove(series);
    });
  }

  private async refuseTakenName(em: EntityManager, organisation: Organisation, name: string): Promise<void> {
    if (await em.count(NumberSeries, { organisation, name: name.trim() })) {
      throw conflict('NUMBER_SERIES.NAME_TAKEN', `Đã có sổ đăng ký tên “${name.trim()}”.`);
    }
  }

  private async refuseTypesInOtherSeries(em: EntityManager, organisation: Organisation, typeCodes: string[]): Promise<void> {
    const other = await em.findOne(NumberSeries, { organisation, typeCodes: { $overlap: typeCodes } });
    if (!other) return;
    const shared = typeCodes.filter((code) => other.typeCodes.includes(code)).map(documentTypeName);
    throw conflict('NUMBER_SERIES.TYPE_TAKEN', `${shared.join(', ')} đã lấy số từ sổ “${other.name}”.`);
  }

  private async refuseTypesNumberedThisYear(em: EntityManager, organisation: Organisation, typeCodes: string[]): Promise<void> {
    const year = calendarDateInVietnam(new Date()).year;
    const numbered = await em.find(RegisterEntry, { organisation, year, typeCode: { $in: typeCodes } }, { fields: ['typeCode'], limit: 1 });
    if (!numbered.length) return;
    throw conflict(
      'NUMBER_SERIES.TYPE_NUMBERED',
      `${documentTypeName(numbered[0].typeCode)} đã được cấp số trong sổ năm ${year}; chuyển sang sổ riêng giữa năm sẽ làm trùng số, hãy lập sổ riêng từ đầu năm sau.`,
    );
  }
}
