import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { ListParams, ListQuery } from '../common/list-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EntityManager } from '@mikro-orm/postgresql';
import { presentPlan } from '../plans/plan.presenter';
import { PlansService } from '../plans/plans.service';
import { planActions } from '../plans/available-actions';
import { PlanEventDto, PrepareSignatureDto } from './dto/plan-event.dto';
import { TasksService } from './tasks.service';
import { WorkflowService } from './workflow.service';

/** The inbox's lists keep their own order: only the page is chosen. */
const INBOX_LIST = { sortable: ['updatedAt'], defaultSort: 'updatedAt', filters: {} };

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly tasks: TasksService,
    private readonly abilities: AbilityFactory,
    private readonly plans: PlansService,
    private readonly em: EntityManager,
  ) {}

  /** Applies `{type, comment?}` and answers the plan as it now is. */
  @Post('plans/:id/events')
  @HttpCode(200)
  async send(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: PlanEventDto, @Req() request: Request) {
    const external = dto.externalSignature && { preparationId: dto.externalSignature.preparationId, cms: Buffer.from(dto.externalSignature.cms, 'base64') };
    const { plan, signatures } = await this.workflow.send(user, id, dto.type, dto.comment, { pin: dto.pin, external, address: request.ip ?? 'unknown', organisationId: dto.organisationId });
    const links = await this.plans.replacementLinks(this.em, plan);
    return presentPlan(plan, signatures, planActions(plan, signatures, user, this.abilities), links);
  }

  /**
   * Signing on the signer's own device (USB token, remote signing service): answers the SHA-256 of the
   * PDF prepared for this signature; the device's CMS over it comes back with the event as `externalSignature`.
   */
  @Post('plans/:id/signing/prepare')
  @HttpCode(200)
  prepareSignature(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: PrepareSignatureDto) {
    return this.workflow.prepareExternalSignature(user, id, dto.type, dto.organisationId);
  }

  /** The inbox, a page at a time (`range`, answered with `Content-Range`); its order is fixed (TasksService). */
  @Get('tasks')
  list(@CurrentUser() user: AuthUser, @ListParams(INBOX_LIST) query: ListQuery) {
    return this.tasks.forUser(user, query, 'tasks');
  }

  /** The plans the caller follows — may withdraw, recall, close or cancel, but nobody waits on — paged like the inbox. */
  @Get('following')
  following(@CurrentUser() user: AuthUser, @ListParams(INBOX_LIST) query: ListQuery) {
    return this.tasks.forUser(user, query, 'following');
  }
}
