import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { CheckPolicy } from '../access/policies.guard';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Filter, ListParams, ListQuery } from '../common/list-query';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { ORGANISATION_KINDS, ORGANISATION_LEVELS } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

const SORTABLE = ['name', 'shortName', 'symbol', 'kind', 'level', 'path', 'dissolvedOn', 'createdAt', 'updatedAt'];
const FILTERS = {
  id: Filter.many(Filter.uuid),
  q: Filter.text,
  kind: Filter.oneOf(ORGANISATION_KINDS),
  level: Filter.oneOf(ORGANISATION_LEVELS),
  parentId: Filter.nullable(Filter.uuid),
  /** true: organisations not merged or dissolved (the pickers); false: only those that were */
  active: Filter.boolean,
  /** the organisations that may co-issue a joint plan with this issuer (the co-issuer picker) */
  coIssuerOf: Filter.uuid,
};

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  list(@ListParams({ sortable: SORTABLE, defaultSort: 'path', filters: FILTERS }) query: ListQuery) {
    return this.organisations.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseIdPipe) id: string) {
    return this.organisations.get(id);
  }

  @CheckPolicy('create', 'Organisation')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganisationDto) {
    return this.organisations.create(user, dto);
  }

  @CheckPolicy('update', 'Organisation')
  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateOrganisationDto) {
    return this.organisations.update(user, id, dto);
  }

  @CheckPolicy('delete', 'Organisation')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.organisations.remove(user, id);
  }
}
