import { EntityManager, FilterQuery, QBFilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, type AppAbility } from '../access/ability.factory';
import { PLAN_EVENTS } from '../core/plan-lifecycle';
import type { AuthUser } from '../access/auth-user';
import { ListQuery, Page } from '../common/list-query';
import { accessiblePlansWhere } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import { SignaturesService } from '../plans/signatures.service';
import { availableActions } from '../plans/available-actions';
import { statesAccepting } from '../core/plan-machine';
import { DistributionService } from '../distribution/distribution.service';
import { RemindersService } from '../reports/reminders.service';

/** Workflow tasks are counted up to this many: the inbox is read from its first pages. */
const MAX_COUNTED = 1000;

export interface Task {
  /** plan: a workflow action; acknowledge: a received plan; recalled: a recall notice; report_due / report_overdue: a report to send */
  type: 'plan' | 'acknowledge' | 'recalled' | 'report_due' | 'report_overdue';
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
}

/** The caller's inbox: plans on which it has something to do now. */
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
  ) {}

  /**
   * One page of everything waiting for the caller, in three parts read in turn — reports due (soonest
   * first), plans received and recalls (newest first), workflow actions (latest change first) — each
   * part one indexed query for just the rows of the page, after a count of each part.
   */
  async forUser(user: AuthUser, { offset, limit }: Pick<ListQuery, 'offset' | 'limit'>): Promise<Page<Task>> {
    const ability = this.abilities.createForUser(user);
    const workflow = this.workflowWhere(ability);
    const parts = [
      { count: () => this.reminders.countInbox(user), page: (from: number, size: number) => this.reminders.inbox(user, from, size) },
      { count: () => this.distribution.countInbox(user), page: (from: number, size: number) => this.distribution.inbox(user, from, size) },
      { count: () => this.countUpTo(workflow, MAX_COUNTED), page: (from: number, size: number) => this.workflowTasks(user, ability, workflow, from, size) },
    ];
    const counts = await Promise.all(parts.map((part) => part.count()));
    const tasks: Task[] = [];
    let [from, size] = [offset, limit];
    for (const [i, part] of parts.entries()) {
      const take = Math.max(0, Math.min(size, counts[i] - from));
      if (take) tasks.push(...(await part.page(from, take)));
      [from, size] = [Math.max(0, from - counts[i]), size - take];
    }
    return new Page('tasks', tasks, counts.reduce((a, b) => a + b, 0), offset);
  }

  /** Plans where some event is both permitted to the caller and offered in the plan's state; null: none. */
  private workflowWhere(ability: AppAbility): FilterQuery<Plan> | null {
    const candidates: FilterQuery<Plan>[] = PLAN_EVENTS.flatMap((type) => {
      const permitted = accessiblePlansWhere(ability, type);
      return permitted ? [{ $and: [permitted, { status: { $in: this.statesByEvent.get(type)! } }] }] : [];
    });
    return candidates.length ? { $or: candidates } : null;
  }

  /**
   * SQL narrows the page to the candidate plans, and the machine's guards (e.g. "this co-issuer has
   * already signed") settle the rest: a page may hold fewer tasks than asked for.
   */
  private async workflowTasks(user: AuthUser, ability: AppAbility, where: FilterQuery<Plan> | null, offset: number, limit: number): Promise<Task[]> {
    if (!where) return [];
    const plans = await this.em.find(Plan, where, { orderBy: { updatedAt: 'DESC', id: 'ASC' }, offset, limit, populate: ['issuer'], exclude: ['content'] });
    const signatures = await this.signatures.validCoIssuerSignatures(this.em, plans.filter((plan) => plan.status === 'in_coordination'));
    return plans
      .map((plan) => {
        const actions = availableActions(plan as Plan, signatures.filter((s) => s.plan.id === plan.id), user, ability);
        return { type: 'plan' as const, planId: plan.id, title: plan.title, kind: plan.kind, status: plan.status, actions, updatedAt: plan.updatedAt };
      })
      .filter((task) => task.actions.length > 0);
  }

  private async countUpTo(where: FilterQuery<Plan> | null, cap: number): Promise<number> {
    if (!where) return 0;
    const rows = this.em.createQueryBuilder(Plan, 'p').select('p.id').where(where as QBFilterQuery<Plan>).limit(cap).getKnexQuery();
    const [{ total }] = await this.em.getConnection().execute<{ total: string | number }[]>(this.em.getKnex().count({ total: '*' }).from(rows.as('capped')));
    return Number(total);
  }
}
