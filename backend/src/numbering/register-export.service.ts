import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { invalid } from '../common/app-error';
import type { CalendarDate } from '../core/vietnamese-date';
import { NumberRegisterDocumentService } from '../documents/number-register-document.service';
import { Organisation } from '../organisations/organisation.entity';
import type { RegisterExportQueryDto } from './dto/register-export-query.dto';
import { findRegisterExportRecords } from './register-export.repository';
import { registerOwnerId } from './register-owner';
import { toRegisterRow } from './register-rows';
import { registerWorkbook } from './register-xlsx';

export interface RegisterFile {
  bytes: Buffer;
  fileName: string;
}

/** Vietnam keeps UTC+7 all year: a calendar day there starts at this offset. */
const VIETNAM_OFFSET = '+07:00';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The caller's organisation's outgoing register over a range of days, as a DOCX to print and bind or an XLSX. */
@Injectable()
export class RegisterExportService {
  constructor(
    private readonly documents: NumberRegisterDocumentService,
    private readonly abilities: AbilityFactory,
  ) {}

  async docx(em: EntityManager, user: AuthUser, query: RegisterExportQueryDto): Promise<RegisterFile> {
    const { organisation, from, to, rows } = await this.load(em, user, query);
    return { bytes: await this.documents.render(organisation, from, to, rows), fileName: fileName(query, 'docx') };
  }

  async xlsx(em: EntityManager, user: AuthUser, query: RegisterExportQueryDto): Promise<RegisterFile> {
    const { organisation, from, to, rows } = await this.load(em, user, query);
    return { bytes: await registerWorkbook({ organisationName: organisation.name, from, to, rows }), fileName: fileName(query, 'xlsx') };
  }

  private async load(em: EntityManager, user: AuthUser, query: RegisterExportQueryDto) {
    if (query.to < query.from) throw invalid({ to: `không được trước ngày bắt đầu (from = ${query.from})` });
    const start = new Date(`${query.from}T00:00:00${VIETNAM_OFFSET}`);
    const end = new Date(new Date(`${query.to}T00:00:00${VIETNAM_OFFSET}`).getTime() + DAY_MS);
    const organisation = await em.findOneOrFail(Organisation, registerOwnerId(this.abilities.createForUser(user), user, query.organisationId));
    const records = await findRegisterExportRecords(em, organisation.id, start, end);
    return { organisation, from: calendarDate(query.from), to: calendarDate(query.to), rows: records.map(toRegisterRow) };
  }
}

/** "2026-03-05" → {2026, 3, 5}; the DTO checked it is a real day. */
function calendarDate(iso: string): CalendarDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

function fileName(query: RegisterExportQueryDto, extension: string): string {
  return `so-dang-ky-van-ban-di-${query.from}-${query.to}.${extension}`;
}
