import { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, PLAN_EVENTS } from '../auth/ability.factory';
import type { AuthUser } from '../auth/auth-user';
import { accessiblePlansWhere } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import { availableActions } from './available-actions';
import { statesAccepting } from './plan.machine';
import { DistributionService } from '../distribution/distribution.service';
import { RemindersService } from '../reports/reminders.service';

const MAX_TASKS = 200;

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
  ) {}

  /** Everything waiting for the caller: workflow actions, plans received, recalls, reports due. */
  async forUser(user: AuthUser): Promise<Task[]> {
    const reports = await this.reminders.inbox(user);
    const received = await this.distribution.inbox(user);
    return [...reports, ...received, ...(await this.workflowTasks(user))];
  }

  private async workflowTasks(user: AuthUser): Promise<Task[]> {
    const ability = this.abilities.createForUser(user);
    // SQL narrows to plans where some event is both permitted and offered in the plan's state …
    const candidates: FilterQuery<Plan>[] = PLAN_EVENTS.flatMap((type) => {
      const permitted = accessiblePlansWhere(ability, type);
      return permitted ? [{ $and: [permitted, { status: { $in: this.statesByEvent.get(type)! } }] }] : [];
    });
    if (!candidates.length) return [];
    const plans = await this.em.find(Plan, { $or: candidates }, { orderBy: { updatedAt: 'DESC' }, limit: MAX_TASKS, populate: ['issuer'], exclude: ['content'] });
    // … and the machine's guards (e.g. "this co-issuer has already signed") settle the rest.
    return plans
      .map((plan) => ({ type: 'plan' as const, planId: plan.id, title: plan.title, kind: plan.kind, status: plan.status, actions: availableActions(plan as Plan, user, ability), updatedAt: plan.updatedAt }))
      .filter((task) => task.actions.length > 0);
  }
}
