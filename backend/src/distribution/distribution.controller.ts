import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { DistributionService, presentDelivery } from './distribution.service';

@ApiTags('distribution')
@ApiBearerAuth()
@Controller('plans/:id')
export class DistributionController {
  constructor(private readonly distribution: DistributionService) {}

  @Get('distribution')
  view(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.distribution.distribution(user, id);
  }

  /** "Đã nhận": records who acknowledged and when, once per recipient organisation. */
  @Post('acknowledge')
  @HttpCode(200)
  async acknowledge(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return presentDelivery(await this.distribution.acknowledge(user, id));
  }
}
