import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CapacitiesService } from './capacities.service';
import { CreateCapacityDto } from './dto/capacity.dto';

/** A user's roles in other organisations besides their own (kiêm nhiệm). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users/:id/capacities')
export class UserCapacitiesController {
  constructor(private readonly capacities: CapacitiesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.capacities.list(user, id);
  }

  @Post()
  add(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: CreateCapacityDto) {
    return this.capacities.add(user, id, dto);
  }

  @Delete(':capacityId')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('capacityId', ParseIdPipe) capacityId: string): Promise<void> {
    await this.capacities.remove(user, id, capacityId);
  }
}
