import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CheckPolicy } from '../auth/policies.guard';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ListParams, ListQuery } from '../common/list-query';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

const SORTABLE = ['name', 'shortName', 'symbol', 'kind', 'level', 'path', 'createdAt', 'updatedAt'];

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  list(@ListParams({ sortable: SORTABLE, defaultSort: 'path' }) query: ListQuery) {
    return this.organisations.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseIdPipe) id: string) {
    return this.organisations.get(id);
  }

  @CheckPolicy('create', 'Organisation')
  @Post()
  create(@Body() dto: CreateOrganisationDto) {
    return this.organisations.create(dto);
  }

  @CheckPolicy('update', 'Organisation')
  @Put(':id')
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateOrganisationDto) {
    return this.organisations.update(id, dto);
  }

  @CheckPolicy('delete', 'Organisation')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseIdPipe) id: string) {
    return this.organisations.remove(id);
  }
}
