import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Plan } from '../plans/plan.entity';
import { addDays, vietnamDay } from './reporting-calendar';
import { ReminderKind, ReminderRun, Report, ReportReminder, ReportRoundClosure } from './report.entity';

const DUE_SOON_DAYS = 7;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The daily reminder job: reports due within 7 days and overdue ones become tasks in the
 * recipients' inbox. Every instance checks hourly, but a day's run is claimed by inserting that
 * day's row, so across instances it runs once; reminders are unique, so nothing is ever doubled.
 */
@Injectable()
export class RemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RemindersService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.backgroundJobs) return;
    const tick = () => this.runDaily().catch((error) => this.logger.error(error));
    this.timer = setInterval(tick, CHECK_EVERY_MS).unref();
    void tick();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Runs today's job unless an instance already has; answers how many reminders it created (null: not this time). */
  async runDaily(now = new Date()): Promise<number | null> {
    const today = vietnamDay(now);
    return this.em.fork().transactional(async (em) => {
      const claimed = await em.execute<unknown[]>(`insert into reminder_run (day, ran_at, created) values (?, ?, 0) on conflict (day) do nothing returning day`, [today, now]);
      if (!claimed.length) return null;
      const created = await this.createReminders(em, today);
      await em.nativeUpdate(ReminderRun, { day: today }, { created });
      this.logger.log(`Nhắc hạn báo cáo ngày ${today}: ${created} nhắc việc mới`);
      return created;
    });
  }

  private async createReminders(em: EntityManager, today: string): Promise<number> {
    const horizon = addDays(today, DUE_SOON_DAYS);
    const plans = await em.find(Plan, { status: 'distributed' }, { fields: ['content', 'recipientOrgIds'] });
    let created = 0;
    for (const plan of plans) {
      for (const [deadline, due] of plan.content.reporting.entries()) {
        const kind: ReminderKind | null = due.dueDate < today ? 'overdue' : due.dueDate <= horizon ? 'due_soon' : null;
        if (!kind || (await em.count(ReportRoundClosure, { plan, deadline }))) continue;
        const done = new Set((await em.find(Report, { plan, deadline, state: 'submitted' }, { fields: ['organisation'] })).map((r) => r.organisation.id));
        for (const organisationId of plan.recipientOrgIds.filter((id) => !done.has(id))) {
          const inserted = await em.execute<unknown[]>(
            `insert into report_reminder (id, plan_id, deadline, organisation_id, kind, due_date, created_at)
             values (gen_random_uuid(), ?, ?, ?, ?, ?, now()) on conflict do nothing returning id`,
            [plan.id, deadline, organisationId, kind, due.dueDate],
          );
          created += inserted.length;
        }
      }
    }
    return created;
  }

  /** The caller's open reminders: the report is not submitted yet and the round is still open. */
  async inbox(user: AuthUser) {
    const reminders = await this.em.find(ReportReminder, { organisation: user.organisationId, plan: { status: 'distributed' } }, { populate: ['plan'], orderBy: { dueDate: 'ASC' }, exclude: ['plan.machineState'] as never });
    if (!reminders.length) return [];
    // Two queries for all reminders, not two per reminder: what is already submitted, and which rounds are closed.
    const plans = [...new Set(reminders.map((r) => r.plan))];
    const key = (planId: string, deadline: number) => `${planId}:${deadline}`;
    const submitted = await this.em.find(Report, { plan: { $in: plans }, organisation: user.organisationId, state: 'submitted' }, { fields: ['plan', 'deadline'] });
    const closed = await this.em.find(ReportRoundClosure, { plan: { $in: plans } }, { fields: ['plan', 'deadline'] });
    const settled = new Set([...submitted, ...closed].map((r) => key(r.plan.id, r.deadline)));
    const overdue = new Set(reminders.filter((r) => r.kind === 'overdue').map((r) => key(r.plan.id, r.deadline)));
    return reminders
      // An overdue reminder supersedes the "due soon" one for the same report.
      .filter((r) => !settled.has(key(r.plan.id, r.deadline)) && !(r.kind === 'due_soon' && overdue.has(key(r.plan.id, r.deadline))))
      .map(({ plan, deadline, kind, dueDate, createdAt }) => ({
        type: kind === 'overdue' ? ('report_overdue' as const) : ('report_due' as const),
        planId: plan.id,
        title: plan.title,
        kind: plan.kind,
        status: plan.status,
        actions: ['REPORT'],
        deadline,
        deadlineName: plan.content.reporting[deadline]?.name,
        dueDate,
        updatedAt: createdAt,
      }));
  }
}
