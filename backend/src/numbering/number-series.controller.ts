import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { CheckPolicy } from '../access/policies.guard';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateNumberSeriesDto } from './dto/create-number-series.dto';
import { NumberSeriesService } from './number-series.service';

/** The named number series of the caller's organisation, beside its shared register. */
@ApiTags('numbering')
@ApiBearerAuth()
@Controller('number-series')
export class NumberSeriesController {
  constructor(
    private readonly em: EntityManager,
    private readonly series: NumberSeriesService,
  ) {}

  @CheckPolicy('read', 'NumberRegister')
  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.series.list(this.em, user);
  }

  @CheckPolicy('create', 'NumberRegister')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateNumberSeriesDto) {
    return this.series.create(this.em, user, dto);
  }

  @CheckPolicy('delete', 'NumberRegister')
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    await this.series.remove(this.em, user, id);
  }
}
