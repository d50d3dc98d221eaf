import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { CheckPolicy } from '../access/policies.guard';
import { Filter, ListParams, ListQuery } from '../common/list-query';
import { DOCUMENT_TYPE_CODES, RegisterExternalDto } from './dto/register-external.dto';
import { NumberingService } from './numbering.service';

const FILTERS = { year: Filter.integer, typeCode: Filter.oneOf(DOCUMENT_TYPE_CODES), q: Filter.text };

/** The clerk's number register (sổ đăng ký văn bản đi) of the caller's organisation. */
@ApiTags('numbering')
@ApiBearerAuth()
@Controller('number-registers')
export class NumberingController {
  constructor(
    private readonly em: EntityManager,
    private readonly numbering: NumberingService,
  ) {}

  @CheckPolicy('read', 'NumberRegister')
  @Get()
  list(@CurrentUser() user: AuthUser, @ListParams({ sortable: ['issuedAt', 'number', 'year', 'typeCode'], defaultSort: 'issuedAt', filters: FILTERS }) query: ListQuery) {
    return this.numbering.list(this.em, user, query);
  }

  @CheckPolicy('create', 'NumberRegister')
  @Post()
  register(@CurrentUser() user: AuthUser, @Body() dto: RegisterExternalDto) {
    return this.numbering.registerExternal(this.em, user, dto.typeCode, dto.title, dto.issuedAt ? new Date(dto.issuedAt) : new Date());
  }
}
