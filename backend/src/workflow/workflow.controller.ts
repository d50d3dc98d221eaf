import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AbilityFactory } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { ListParams, ListQuery } from '../common/list-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { presentPlan } from '../plans/plan.presenter';
import { availableActions } from './available-actions';
import { PlanEventDto } from './dto/plan-event.dto';
import { TasksService } from './tasks.service';
import { WorkflowService } from './workflow.service';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly tasks: TasksService,
    private readonly abilities: AbilityFactory,
  ) {}

  /** Applies `{type, comment?}` and answers the plan as it now is. */
  @Post('plans/:id/events')
  @HttpCode(200)
  async send(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: PlanEventDto) {
    const { plan, signatures } = await this.workflow.send(user, id, dto.type, dto.comment);
    return presentPlan(plan, signatures, availableActions(plan, signatures, user, this.abilities.createForUser(user)));
  }

  /** The inbox, a page at a time (`range`, answered with `Content-Range`); its order is fixed (TasksService). */
  @Get('tasks')
  list(@CurrentUser() user: AuthUser, @ListParams({ sortable: ['updatedAt'], defaultSort: 'updatedAt', filters: {} }) query: ListQuery) {
    return this.tasks.forUser(user, query);
  }
}
