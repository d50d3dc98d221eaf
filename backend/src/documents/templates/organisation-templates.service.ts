import { EntityManager, FilterQuery, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../access/auth-user';
import { sha256Hex } from '../../common/canonical-json';
import { invalid, notFound } from '../../common/app-error';
import { ListQuery, Page } from '../../common/list-query';
import { Organisation } from '../../organisations/organisation.entity';
import { User } from '../../users/user.entity';
import { RenderPool } from '../render-pool';
import type { PlanTemplates } from '../rendering';
import { TEMPLATE_FILE_NAMES } from '../rendering/template-files';
import { type TemplateKind } from '../../core/template-kinds';
import { OrganisationTemplate } from './organisation-template.entity';
import { templateProblems } from './template-problems';

/** What the upload interceptor hands over (multer's memory storage). */
export interface UploadedDocx {
  buffer: Buffer;
  originalname: string;
}

const MAX_FILE_NAME = 200;

/**
 * Organisations' own templates: accepted only when they pass the format check, kept with their
 * whole history, one active per organisation and kind. Writes lock the organisation's row, so
 * version numbers and the single active row hold with several app instances too.
 */
@Injectable()
export class OrganisationTemplatesService {
  constructor(
    private readonly em: EntityManager,
    private readonly renderPool: RenderPool,
  ) {}

  /** The organisation's active template for `kind`, if it has one; the shipped one is used otherwise. */
  async activeTemplates(em: EntityManager, organisationId: string, kind: TemplateKind): Promise<PlanTemplates> {
    const active = await em.findOne(OrganisationTemplate, { organisation: organisationId, kind, active: true }, { populate: ['bytes'] });
    return active ? { [kind]: active.bytes } : {};
  }

  /** History, without the files; filters `kind` and `active`. */
  async list(organisationId: string, query: ListQuery): Promise<Page<OrganisationTemplate>> {
    await this.organisationOrFail(organisationId);
    const where: FilterQuery<OrganisationTemplate> & Record<string, unknown> = { organisation: organisationId };
    if (query.filter.kind !== undefined) where.kind = query.filter.kind as TemplateKind;
    if (query.filter.active !== undefined) where.active = query.filter.active === true || query.filter.active === 'true';
    const [items, total] = await this.em.findAndCount(OrganisationTemplate, where, {
      populate: ['uploadedBy'],
      orderBy: [{ [query.sortField]: query.sortOrder }, { version: 'DESC' }],
      limit: query.limit,
      offset: query.offset,
    });
    return new Page('templates', items, total, query.offset);
  }

  /** Checks the file against FORMAT.md (400 listing every problem, nothing stored) and makes it the active version. */
  async upload(user: AuthUser, organisationId: string, kind: TemplateKind, file: UploadedDocx | undefined): Promise<OrganisationTemplate> {
    if (!file?.buffer.length) throw invalid({ file: 'chưa chọn tệp mẫu Word (.docx)' });
    await this.organisationOrFail(organisationId);
    const problems = await this.renderPool.checkTemplate(file.buffer, kind);
    if (problems.length) throw templateProblems('file', 'Mẫu văn bản không đạt thể thức, chưa được lưu', problems);
    const saved = await this.em.transactional(async (tx) => {
      const organisation = await this.lockOrganisation(tx, organisationId);
      const latest = await tx.findOne(OrganisationTemplate, { organisation, kind }, { orderBy: { version: 'DESC' }, fields: ['version'] });
      await this.deactivate(tx, organisation, kind);
      return tx.create(OrganisationTemplate, {
        organisation,
        kind,
        version: (latest?.version ?? 0) + 1,
        fileName: uploadedFileName(file.originalname, kind),
        size: file.buffer.length,
        sha256: sha256Hex(file.buffer),
        bytes: file.buffer,
        uploadedBy: tx.getReference(User, user.id),
      });
    });
    return this.withUploader(saved.id);
  }

  /** One version with its bytes, for download. */
  async file(organisationId: string, templateId: string): Promise<OrganisationTemplate> {
    const template = await this.em.findOne(OrganisationTemplate, { id: templateId, organisation: organisationId }, { populate: ['bytes'] });
    if (!template) throw notFound('Không tìm thấy mẫu văn bản');
    return template;
  }

  /** Makes an earlier (or the current) version the one documents are rendered with: a rollback. */
  async activate(organisationId: string, templateId: string): Promise<OrganisationTemplate> {
    await this.em.transactional(async (tx) => {
      const organisation = await this.lockOrganisation(tx, organisationId);
      const template = await tx.findOne(OrganisationTemplate, { id: templateId, organisation });
      if (!template) throw notFound('Không tìm thấy mẫu văn bản');
      if (template.active) return;
      await this.deactivate(tx, organisation, template.kind);
      template.active = true;
    });
    return this.withUploader(templateId);
  }

  /** Back to the shipped template for `kind`; the uploaded versions stay in the history. */
  async useShippedTemplate(organisationId: string, kind: TemplateKind): Promise<void> {
    await this.em.transactional(async (tx) => this.deactivate(tx, await this.lockOrganisation(tx, organisationId), kind));
  }

  private async deactivate(em: EntityManager, organisation: Organisation, kind: TemplateKind): Promise<void> {
    await em.nativeUpdate(OrganisationTemplate, { organisation, kind, active: true }, { active: false });
  }

  private async organisationOrFail(id: string): Promise<void> {
    if (!(await this.em.count(Organisation, { id }))) throw notFound('Không tìm thấy tổ chức');
  }

  private async lockOrganisation(em: EntityManager, id: string): Promise<Organisation> {
    const organisation = await em.findOne(Organisation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!organisation) throw notFound('Không tìm thấy tổ chức');
    return organisation;
  }

  private withUploader(id: string): Promise<OrganisationTemplate> {
    return this.em.findOneOrFail(OrganisationTemplate, id, { populate: ['uploadedBy'], refresh: true });
  }
}

/** The client's file name as the admin will recognise it in the list; the shipped name when it sent none. */
function uploadedFileName(originalName: string, kind: TemplateKind): string {
  const name = originalName.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return name ? name.slice(0, MAX_FILE_NAME) : TEMPLATE_FILE_NAMES[kind];
}
