import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EntityManager } from '@mikro-orm/postgresql';
import { AbilityFactory, type Action } from '../../access/ability.factory';
import type { AuthUser } from '../../access/auth-user';
import { notFound } from '../../common/app-error';
import { assertCan, templateSubject } from '../../organisations/organisation-access';
import { Organisation } from '../../organisations/organisation.entity';
import { CurrentUser } from '../../access/decorators';
import { CheckPolicy } from '../../access/policies.guard';
import { Filter, ListParams, ListQuery, Page } from '../../common/list-query';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { DOCX_CONTENT_TYPE } from '../documents.service';
import { TEMPLATE_KINDS } from '../../core/template-kinds';
import { TemplateKindDto } from './dto/template-kind.dto';
import { OrganisationTemplatesService, type UploadedDocx } from './organisation-templates.service';
import { presentTemplate } from './template.presenter';

/** A Word template is tens of kilobytes; a few megabytes leaves room for a logo, not for abuse. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

const FILTERS = { kind: Filter.oneOf(TEMPLATE_KINDS), active: Filter.boolean };

/** An organisation's own versions of the plan templates (templates/README.md, "Restyling a copy"). */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('organisations/:id/templates')
export class OrganisationTemplatesController {
  constructor(
    private readonly templates: OrganisationTemplatesService,
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
  ) {}

  /** An administrator manages the templates of the organisations in its own subtree only. */
  private async authorise(user: AuthUser, organisationId: string, action: Action): Promise<void> {
    const organisation = await this.em.findOne(Organisation, organisationId, { fields: ['path'] });
    if (!organisation) throw notFound('Không tìm thấy tổ chức');
    assertCan(this.abilities.createForUser(user), action, templateSubject(organisation), 'Chỉ quản lý được mẫu văn bản của đơn vị bạn quản trị');
  }

  @CheckPolicy('read', 'Template')
  @Get()
  @ApiOperation({ summary: 'Lịch sử các phiên bản mẫu của tổ chức (không kèm tệp); lọc `kind`, `active`' })
  async list(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @ListParams({ sortable: ['uploadedAt', 'version', 'kind'], defaultSort: 'uploadedAt', filters: FILTERS }) query: ListQuery) {
    await this.authorise(user, id, 'read');
    const page = await this.templates.list(id, query);
    return new Page(page.resource, page.items.map(presentTemplate), page.total, page.offset);
  }

  @CheckPolicy('create', 'Template')
  @Post()
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_TEMPLATE_BYTES, files: 1, fields: 4 },
      // Browsers send the file name in UTF-8 ("Mẫu kế hoạch.docx"); multer would read it as Latin-1.
      defParamCharset: 'utf8',
    }),
  )
  @ApiOperation({
    summary: 'Tải lên mẫu riêng (multipart: `file` .docx, `kind` single|joint)',
    description:
      'Kết xuất các kế hoạch mẫu (dự thảo và ban hành) bằng mẫu này và kiểm tra thể thức (FORMAT.md). ' +
      'Đạt: lưu thành phiên bản mới và dùng ngay cho tổ chức. Không đạt: 400, `errors.file` tóm tắt, `errors["file.N"]` từng lỗi; không lưu gì.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: { kind: { type: 'string', enum: [...TEMPLATE_KINDS] }, file: { type: 'string', format: 'binary' } },
    },
  })
  async upload(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() { kind }: TemplateKindDto, @UploadedFile() file?: UploadedDocx) {
    await this.authorise(user, id, 'create');
    return presentTemplate(await this.templates.upload(user, id, kind, file));
  }

  @CheckPolicy('read', 'Template')
  @Get(':templateId/file')
  @ApiOperation({ summary: 'Tải về tệp .docx của một phiên bản mẫu (kèm X-Content-SHA256)' })
  @ApiProduces(DOCX_CONTENT_TYPE)
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('templateId', ParseIdPipe) templateId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.authorise(user, id, 'read');
    const template = await this.templates.file(id, templateId);
    response.attachment(template.fileName);
    response.setHeader('Content-Type', DOCX_CONTENT_TYPE);
    response.setHeader('X-Content-SHA256', template.sha256);
    return new StreamableFile(template.bytes);
  }

  @CheckPolicy('update', 'Template')
  @Post(':templateId/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dùng lại một phiên bản đã tải lên (quay về phiên bản trước)' })
  async activate(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('templateId', ParseIdPipe) templateId: string) {
    await this.authorise(user, id, 'update');
    return presentTemplate(await this.templates.activate(id, templateId));
  }

  @CheckPolicy('delete', 'Template')
  @Delete('active')
  @HttpCode(204)
  @ApiOperation({ summary: 'Bỏ mẫu riêng đang dùng cho `kind`: quay về mẫu chuẩn của hệ thống (lịch sử vẫn giữ)' })
  async useShippedTemplate(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Query() { kind }: TemplateKindDto) {
    await this.authorise(user, id, 'delete');
    await this.templates.useShippedTemplate(id, kind);
  }
}
