import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { DissolveOrganisationDto, MergeOrganisationsDto, MoveOrganisationDto, RenameOrganisationDto } from './dto/organisation-change.dto';
import { OrganisationChangesService } from './organisation-changes.service';

/** Changes of the tree under `/api/organisations/:id/…`; each answers the organisation's history. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationChangesController {
  constructor(private readonly changes: OrganisationChangesService) {}

  /** Its changes, and those it took over as successor, oldest first. */
  @Get(':id/changes')
  history(@Param('id', ParseIdPipe) id: string) {
    return this.changes.history(id);
  }

  @Post(':id/rename')
  @HttpCode(200)
  rename(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: RenameOrganisationDto) {
    return this.changes.rename(user, id, dto);
  }

  @Post(':id/move')
  @HttpCode(200)
  move(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: MoveOrganisationDto) {
    return this.changes.move(user, id, dto);
  }

  /** `:id` is the successor; `organisationIds` are merged into it. */
  @Post(':id/merge')
  @HttpCode(200)
  merge(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: MergeOrganisationsDto) {
    return this.changes.merge(user, id, dto);
  }

  @Post(':id/dissolve')
  @HttpCode(200)
  dissolve(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: DissolveOrganisationDto) {
    return this.changes.dissolve(user, id, dto);
  }
}
