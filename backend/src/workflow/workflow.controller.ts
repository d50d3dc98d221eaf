import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AbilityFactory } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
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
    return presentPlan(plan, signatures, availableActions(plan, user, this.abilities.createForUser(user)));
  }

  @Get('tasks')
  list(@CurrentUser() user: AuthUser) {
    return this.tasks.forUser(user);
  }
}
