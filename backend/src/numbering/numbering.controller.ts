import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { CheckPolicy } from '../access/policies.guard';
import { Filter, ListParams, ListQuery } from '../common/list-query';
import { DOCX_CONTENT_TYPE } from '../documents/documents.service';
import { DOCUMENT_TYPE_CODES, RegisterExternalDto } from './dto/register-external.dto';
import { RegisterExportQueryDto } from './dto/register-export-query.dto';
import { NumberingService } from './numbering.service';
import { RegisterExportService, type RegisterFile } from './register-export.service';

/** `organisationId`: a register the caller may read besides its own (an organisation merged into its own). */
const FILTERS = { year: Filter.integer, typeCode: Filter.oneOf(DOCUMENT_TYPE_CODES), q: Filter.text, organisationId: Filter.uuid };

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The clerk's number register (sổ đăng ký văn bản đi) of the caller's organisation. */
@ApiTags('numbering')
@ApiBearerAuth()
@Controller('number-registers')
export class NumberingController {
  constructor(
    private readonly em: EntityManager,
    private readonly numbering: NumberingService,
    private readonly exports: RegisterExportService,
  ) {}

  @CheckPolicy('read', 'NumberRegister')
  @Get()
  list(@CurrentUser() user: AuthUser, @ListParams({ sortable: ['issuedAt', 'number', 'year', 'typeCode'], defaultSort: 'issuedAt', filters: FILTERS }) query: ListQuery) {
    return this.numbering.list(this.em, user, query);
  }

  @CheckPolicy('create', 'NumberRegister')
  @Post()
  register(@CurrentUser() user: AuthUser, @Body() dto: RegisterExternalDto) {
    return this.numbering.registerExternal(this.em, user, {
      typeCode: dto.typeCode,
      title: dto.title,
      issuedAt: dto.issuedAt ? new Date(dto.issuedAt) : new Date(),
      number: dto.number,
    });
  }

  /** The register over `from`–`to` (days in Vietnam, both included) as a landscape DOCX to print and bind (Phụ lục IV). */
  @CheckPolicy('read', 'NumberRegister')
  @Get('export.docx')
  async exportDocx(@CurrentUser() user: AuthUser, @Query() query: RegisterExportQueryDto, @Res({ passthrough: true }) response: Response) {
    return sendFile(response, await this.exports.docx(this.em, user, query), DOCX_CONTENT_TYPE);
  }

  /** The same register as an Excel workbook. */
  @CheckPolicy('read', 'NumberRegister')
  @Get('export.xlsx')
  async exportXlsx(@CurrentUser() user: AuthUser, @Query() query: RegisterExportQueryDto, @Res({ passthrough: true }) response: Response) {
    return sendFile(response, await this.exports.xlsx(this.em, user, query), XLSX_CONTENT_TYPE);
  }
}

function sendFile(response: Response, file: RegisterFile, contentType: string): StreamableFile {
  response.setHeader('Content-Type', contentType);
  response.attachment(file.fileName);
  return new StreamableFile(file.bytes);
}
