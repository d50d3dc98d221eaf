import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { CheckPolicy } from '../access/policies.guard';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateOrganisationUnitDto, UpdateOrganisationUnitDto } from './dto/organisation-unit.dto';
import { UnitsService } from './units.service';

/** An organisation's ban and văn phòng (HD 31-HD/BTCTW). */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations/:id/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  list(@Param('id', ParseIdPipe) id: string) {
    return this.units.list(id);
  }

  @CheckPolicy('update', 'Organisation')
  @Post()
  create(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: CreateOrganisationUnitDto) {
    return this.units.create(user, id, dto);
  }

  @CheckPolicy('update', 'Organisation')
  @Put(':unitId')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('unitId', ParseIdPipe) unitId: string, @Body() dto: UpdateOrganisationUnitDto) {
    return this.units.update(user, id, unitId, dto);
  }

  @CheckPolicy('update', 'Organisation')
  @Delete(':unitId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('unitId', ParseIdPipe) unitId: string) {
    return this.units.remove(user, id, unitId);
  }
}
