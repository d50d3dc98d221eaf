import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { presentHistoryEntry } from '../audit/audit-record.presenter';
import { AuditService } from '../audit/audit.service';
import { Filter, ListParams, ListQuery, Page } from '../common/list-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ParseIntParamPipe } from '../common/parse-int.pipe';
import type { Signature } from './signature.entity';
import { SignaturesService } from './signatures.service';
import { planActions } from './available-actions';
import { PLAN_STATUSES } from '../core/plan-lifecycle';
import { CreatePlanDto } from './dto/create-plan.dto';
import { PLAN_KINDS } from '../core/plan-content';
import { UpdatePlanDto } from './dto/update-plan.dto';
import { presentPlan, presentPlanSummary } from './plan.presenter';
import type { Plan } from './plan.entity';
import { PlansService } from './plans.service';

/** What a recipient or an ancestor committee sees of a plan's audit trail: its life as an issued document. */
const PUBLIC_EVENTS = ['ISSUE', 'DOCUMENT', 'DISTRIBUTE', 'RECALL', 'CLOSE', 'REPLACED', 'CORRECTION', 'CORRECTION_DOCUMENT'];

const isStanding = (signature: Signature) => signature.voidedAt === null;

const SORTABLE = ['updatedAt', 'createdAt', 'title', 'status', 'issuedAt', 'number', 'year', 'kind'];
const FILTERS = {
  id: Filter.many(Filter.uuid),
  status: Filter.many(Filter.oneOf(PLAN_STATUSES)),
  kind: Filter.many(Filter.oneOf(PLAN_KINDS)),
  issuerId: Filter.many(Filter.uuid),
  draftingUnitId: Filter.many(Filter.uuid),
  year: Filter.integer,
  q: Filter.text,
};

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly em: EntityManager,
    private readonly plans: PlansService,
    private readonly abilities: AbilityFactory,
    private readonly signatures: SignaturesService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @ListParams({ sortable: SORTABLE, defaultSort: 'updatedAt', filters: FILTERS }) query: ListQuery) {
    const page = await this.plans.list(user, query);
    return new Page(page.resource, page.items.map(presentPlanSummary), page.total, page.offset);
  }

  @Get('stats')
  stats(@CurrentUser() user: AuthUser) {
    return this.plans.stats(user);
  }

  @Post()
  async create(@CurrentUser() user: AuthUser, @Body() { draftingUnitId, ...content }: CreatePlanDto) {
    return this.present(user, await this.plans.create(user, content, draftingUnitId));
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.present(user, await this.plans.findReadable(this.em, user, id));
  }

  @Put(':id')
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() { version, draftingUnitId, ...content }: UpdatePlanDto) {
    return this.present(user, await this.plans.update(user, id, version, content, draftingUnitId));
  }

  /** A recipient committee's implementing plan, as a new draft citing this one (201). */
  @Post(':id/derive')
  async derive(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.present(user, await this.plans.derive(user, id));
  }

  /** Điều 18: a new draft that will replace this issued plan (201); 409 while another is in progress. */
  @Post(':id/replace')
  async replace(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.present(user, await this.plans.replace(user, id));
  }

  @Get(':id/implementing')
  implementing(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.plans.implementing(user, id);
  }

  @Get(':id/versions')
  versions(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    return this.plans.versions(user, id);
  }

  @Get(':id/versions/:n')
  async version(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('n', ParseIntParamPipe) n: number) {
    const version = await this.plans.version(user, id, n);
    return { contentVersion: version.contentVersion, contentHash: version.contentHash, createdAt: version.createdAt, content: version.content };
  }

  /** `?from=2&to=3`: what changed, block by block; `to` defaults to the current version. */
  @Get(':id/diff')
  async diff(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Query('from', ParseIntParamPipe) from: number, @Query('to', new ParseIntParamPipe({ optional: true })) to?: number) {
    const target = to === undefined ? (await this.plans.findInternal(user, id)).contentVersion : to;
    return this.plans.diff(user, id, from, target);
  }

  /** The whole audit trail for the issuer and co-issuers; recipients and ancestors see the document's public life. */
  @Get(':id/history')
  async history(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    const plan = await this.plans.findReadable(this.em, user, id);
    const internal = this.plans.mayReadInternal(user, plan);
    const records = (await this.audit.history(this.em, id)).filter((r) => internal || PUBLIC_EVENTS.includes(r.event));
    return records.map(presentHistoryEntry);
  }

  @Get(':id/audit/verify')
  async verify(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    await this.plans.findReadable(this.em, user, id);
    return this.audit.verify(this.em, id);
  }

  /** Outside the issuer and co-issuers, only the signatures that stand, without their comments. */
  private async present(user: AuthUser, plan: Plan) {
    const internal = this.plans.mayReadInternal(user, plan);
    const all = await this.signatures.forPlan(this.em, plan);
    const signatures = internal ? all : all.filter(isStanding).map((s) => ({ ...s, comment: null }));
    const links = await this.plans.replacementLinks(this.em, plan);
    return presentPlan(plan, signatures, planActions(plan, all, user, this.abilities), links, internal);
  }
}
