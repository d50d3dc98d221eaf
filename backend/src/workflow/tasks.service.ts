import { EntityManager, FilterQuery, QBFilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, type AppAbility } from '../access/ability.factory';
import { inboxViewOf, PLAN_EVENTS, TASK_EVENTS, type InboxView, type PlanEvent } from '../core/plan-lifecycle';
import type { AuthUser } from '../access/auth-user';
import { ListQuery, Page } from '../common/list-query';
import { accessiblePlansWhere } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import { SignaturesService } from '../plans/signatures.service';
import { availableActions } from '../plans/available-actions';
import { statesAccepting } from '../core/plan-machine';
import { DistributionService } from '../distribution/distribution.service';
import { RemindersService } from '../reports/reminders.service';
import { CorrectionsService } from '../corrections/corrections.service';
import { PlanEventRepository, type SentBack } from './plan-event.repository';

/** Workflow tasks are counted up to this many: the inbox is read from its first pages. */
const MAX_COUNTED = 1000;

export interface Task {
  /**
   * plan: a workflow action; acknowledge: a received plan; recalled: a recall notice; correction: a
   * correction notice to read; report_due / report_overdue: a report to send
   */
  type: 'plan' | 'acknowledge' | 'recalled' | 'correction' | 'report_due' | 'report_overdue';
  planId: string;
  title: string;
  kind: Plan['kind'];
  status: Plan['status'];
  actions: string[];
  updatedAt: Date;
  deadline?: number;
  roundId?: string;
  deadlineName?: string;
  dueDate?: string;
  /** a draft sent back to its drafter: by whom, when, and the reason given */
  sentBack?: Omit<SentBack, 'planId'>;
  /** the correction notice to read */
  correctionId?: string;
}

/** A page of one part of the inbox, and how many rows that part has. */
interface InboxPart {
  count: () => Promise<number>;
  page: (offset: number, limit: number) => Promise<Task[]>;
}

/** Events a plan may offer that do not make it a task: the following list is made of them. */
const FOLLOWING_EVENTS = PLAN_EVENTS.filter((type) => !TASK_EVENTS.includes(type));

/**
 * The caller's inbox: its tasks — plans on which it is the one to move things forward now, plans
 * received, reports owed — and, apart, the plans it follows (it may withdraw, recall, close or
 * cancel them, but nobody waits for that).
 */
@Injectable()
export class TasksService {
  /** Per-state event lists never change: computed once from the machine. */
  private readonly statesByEvent = new Map(PLAN_EVENTS.map((type) => [type, statesAccepting(type)]));

  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly distribution: DistributionService,
    private readonly reminders: RemindersService,
    private readonly signatures: SignaturesService,
    private readonly planEvents: PlanEventRepository,
    private readonly corrections: CorrectionsService,
  ) {}

  /**
   * One page of a view, in parts read in turn — for tasks: reports owed (soonest first), plans
   * received and recalls (newest first), correction notices to read (newest first), workflow actions
   * (latest change first); for following: the workflow plans only — each part one indexed query for
   * just the rows of the page, after a count of each part.
   */
  async forUser(user: AuthUser, { offset, limit }: Pick<ListQuery, 'offset' | 'limit'>, view: InboxView = 'tasks'): Promise<Page<Task>> {
    const ability = this.abilities.createForUser(user);
    const where = this.workflowWhere(ability, view);
    const workflow: InboxPart = { count: () => this.countUpTo(where, MAX_COUNTED), page: (from, size) => this.workflowTasks(user, where, view, from, size) };
    const parts: InboxPart[] =
      view === 'tasks'
        ? [
            { count: () => this.reminders.countInbox(user), page: (from, size) => this.reminders.inbox(user, from, size) },
            { count: () => this.distribution.countInbox(user), page: (from, size) => this.distribution.inbox(user, from, size) },
            { count: () => this.corrections.countInbox(user), page: (from, size) => this.corrections.inbox(user, from, size) },
            workflow,
          ]
        : [workflow];
    const counts = await Promise.all(parts.map((part) => part.count()));
    const tasks: Task[] = [];
    let [from, size] = [offset, limit];
    for (const [i, part] of parts.entries()) {
      const take = Math.max(0, Math.min(size, counts[i] - from));
      if (take) tasks.push(...(await part.page(from, take)));
      [from, size] = [Math.max(0, from - counts[i]), size - take];
    }
    return new Page(view, tasks, counts.reduce((a, b) => a + b, 0), offset);
  }

  /**
   * Plans offering the caller one of the view's events in their state (null: none): for following,
   * those that do not also offer it a task.
   */
  private workflowWhere(ability: AppAbility, view: InboxView): FilterQuery<Plan> | null {
    const tasks = this.offeringWhere(ability, TASK_EVENTS);
    if (view === 'tasks') return tasks;
    const following = this.offeringWhere(ability, FOLLOWING_EVENTS);
    return following && tasks ? { $and: [following, { $not: tasks }] } : following;
  }

  /** Plans where one of these events is both permitted to the caller and offered in the plan's state; null: none. */
  private offeringWhere(ability: AppAbility, events: readonly PlanEvent[]): FilterQuery<Plan> | null {
    const candidates: FilterQuery<Plan>[] = events.flatMap((type) => {
      const permitted = accessiblePlansWhere(ability, type);
      return permitted ? [{ $and: [permitted, { status: { $in: this.statesByEvent.get(type)! } }] }] : [];
    });
    return candidates.length ? { $or: candidates } : null;
  }

  /**
   * SQL narrows the page to the candidate plans, and the machine's guards (e.g. "this co-issuer has
   * already signed") settle the rest: a page may hold fewer tasks than asked for.
   */
  private async workflowTasks(user: AuthUser, where: FilterQuery<Plan> | null, view: InboxView, offset: number, limit: number): Promise<Task[]> {
    if (!where) return [];
    const plans = await this.em.find(Plan, where, { orderBy: { updatedAt: 'DESC', id: 'ASC' }, offset, limit, populate: ['issuer'], exclude: ['content'] });
    const signatures = await this.signatures.validCoIssuerSignatures(this.em, plans.filter((plan) => plan.status === 'in_coordination'));
    const tasks = plans
      .map((plan) => {
        const actions = availableActions(plan as Plan, signatures.filter((s) => s.plan.id === plan.id), user, this.abilities);
        return { type: 'plan' as const, planId: plan.id, title: plan.title, kind: plan.kind, status: plan.status, actions, updatedAt: plan.updatedAt };
      })
      .filter((task) => inboxViewOf(task.actions) === view);
    return this.withSentBack(tasks);
  }

  /** Drafts say who sent them back, when and why (one query for the page). */
  private async withSentBack(tasks: Task[]): Promise<Task[]> {
    const sentBack = await this.planEvents.sentBack(this.em, tasks.filter((task) => task.status === 'draft').map((task) => task.planId));
    const byPlan = new Map(sentBack.map(({ planId, ...rest }) => [planId, rest]));
    return tasks.map((task) => (byPlan.has(task.planId) ? { ...task, sentBack: byPlan.get(task.planId) } : task));
  }

  private async countUpTo(where: FilterQuery<Plan> | null, cap: number): Promise<number> {
    if (!where) return 0;
    const rows = this.em.createQueryBuilder(Plan, 'p').select('p.id').where(where as QBFilterQuery<Plan>).limit(cap).getKnexQuery();
    const [{ total }] = await this.em.getConnection().execute<{ total: string | number }[]>(this.em.getKnex().count({ total: '*' }).from(rows.as('capped')));
    return Number(total);
  }
}
