import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { conflict, invalid, notFound } from '../common/app-error';
import { Page } from '../common/list-query';
import type { CreateOrganisationUnitDto, UpdateOrganisationUnitDto } from './dto/organisation-unit.dto';
import { assertCan, organisationSubject } from './organisation-access';
import { Organisation } from './organisation.entity';
import { OrganisationUnit } from './organisation-unit.entity';

const OUTSIDE_SCOPE = 'Chỉ quản trị viên của tổ chức này mới quản lý được các ban của nó';

/**
 * The units (ban, văn phòng) of an organisation: anyone reads them (drafters choose theirs); its
 * administrators, who may update the organisation, add, rename and remove them.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
  ) {}

  async list(organisationId: string): Promise<Page<OrganisationUnit>> {
    await this.organisation(organisationId);
    const units = await this.em.find(OrganisationUnit, { organisation: organisationId }, { orderBy: { kind: 'DESC', name: 'ASC' } });
    return new Page('units', units, units.length, 0);
  }

  async create(user: AuthUser, organisationId: string, dto: CreateOrganisationUnitDto): Promise<OrganisationUnit> {
    const organisation = await this.administered(user, organisationId);
    const fields = clean(dto);
    await this.refuseTakenCode(organisationId, fields.code, null);
    const unit = this.em.create(OrganisationUnit, { organisation, ...fields });
    await this.flushUniqueCode(unit.code);
    return unit;
  }

  async update(user: AuthUser, organisationId: string, unitId: string, dto: UpdateOrganisationUnitDto): Promise<OrganisationUnit> {
    await this.administered(user, organisationId);
    const unit = await this.unit(organisationId, unitId);
    const fields = clean(dto);
    if (fields.code !== undefined) await this.refuseTakenCode(organisationId, fields.code, unit.id);
    this.em.assign(unit, fields);
    await this.flushUniqueCode(unit.code);
    return unit;
  }

  /** A unit someone belongs to, or that drafted a plan, stays: the plan's file copy is kept there. */
  async remove(user: AuthUser, organisationId: string, unitId: string): Promise<void> {
    await this.administered(user, organisationId);
    const unit = await this.unit(organisationId, unitId);
    // Named, not imported: users and plans sit above this module (README, layers).
    const [users, plans] = await Promise.all([this.em.count('User', { unit: unitId }), this.em.count('Plan', { draftingUnit: unitId })]);
    if (users || plans) {
      throw conflict('UNIT_IN_USE', `“${unit.name}” còn ${users} người dùng và ${plans} kế hoạch gắn với nó: chuyển họ sang ban khác trước khi xóa`, { users, plans });
    }
    await this.em.removeAndFlush(unit);
  }

  /** The unit of that organisation, or 404. */
  async unit(organisationId: string, unitId: string): Promise<OrganisationUnit> {
    return (await this.em.findOne(OrganisationUnit, { id: unitId, organisation: organisationId })) ?? Promise.reject(notFound('Không tìm thấy ban này'));
  }

  private async organisation(id: string): Promise<Organisation> {
    return (await this.em.findOne(Organisation, id)) ?? Promise.reject(notFound('Không tìm thấy tổ chức'));
  }

  private async administered(user: AuthUser, organisationId: string): Promise<Organisation> {
    const organisation = await this.organisation(organisationId);
    assertCan(this.abilities.createForUser(user), 'update', organisationSubject(organisation), OUTSIDE_SCOPE);
    return organisation;
  }

  /** Codes are unique per organisation: checked before any change for a clear answer, and by the constraint under a race. */
  private async refuseTakenCode(organisationId: string, code: string, exceptId: string | null): Promise<void> {
    const where = { organisation: organisationId, code, ...(exceptId ? { id: { $ne: exceptId } } : {}) };
    if (await this.em.count(OrganisationUnit, where)) throw codeTaken(code);
  }

  private async flushUniqueCode(code: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      throw error instanceof UniqueConstraintViolationException ? codeTaken(code) : error;
    }
  }
}

const codeTaken = (code: string) => invalid({ code: `tổ chức đã có ban mang mã “${code}”` });

function clean<T extends { name?: string; code?: string }>(dto: T): T {
  return { ...dto, ...(dto.name !== undefined ? { name: dto.name.trim() } : {}), ...(dto.code !== undefined ? { code: dto.code.trim() } : {}) };
}
