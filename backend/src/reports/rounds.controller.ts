import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reporting-rounds')
export class RoundsController {
  constructor(private readonly reports: ReportsService) {}

  /** The rounds of the caller's organisation's distributed plans due within a month of today (the dashboard). */
  @Get('to-follow')
  toFollow(@CurrentUser() user: AuthUser) {
    return this.reports.roundsToFollow(user);
  }
}
