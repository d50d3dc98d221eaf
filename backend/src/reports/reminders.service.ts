import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { JobQueue } from '../jobs/job-queue.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ESCALATE_AFTER_DAYS } from '../notifications/report-notices';
import { addDays, vietnamDay } from '../core/reporting-calendar';
import { ReportingRoundRepository } from './reporting-round.repository';
import { ReminderRun } from './report.entity';

const DUE_SOON_DAYS = 7;

/** The queue of the daily reminder job (pg-boss). */
export const REMINDER_JOB = 'report-reminders';

/**
 * The daily reminder job: a reminder row for each report due within 7 days or overdue (the inbox
 * reads the rounds themselves, so it never waits for this job: see `inbox`). pg-boss fires it
 * hourly (once per hour across instances); a day's run is claimed by inserting that day's row, so
 * it runs once a day even if a job is retried or two days' schedules overlap; reminders are unique,
 * so nothing is ever doubled.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly rounds: ReportingRoundRepository,
    private readonly notifications: NotificationsService,
    jobs: JobQueue,
  ) {
    jobs.register({ name: REMINDER_JOB, cron: '0 * * * *', runAtStart: true, run: () => this.runDaily() });
  }

  /** Runs today's job unless an instance already has; answers how many reminders it created (null: not this time). */
  async runDaily(now = new Date()): Promise<number | null> {
    const today = vietnamDay(now);
    return this.em.fork().transactional(async (em) => {
      const claimed = await em.execute<unknown[]>(`insert into reminder_run (day, ran_at, created) values (?, ?, 0) on conflict (day) do nothing returning day`, [today, now]);
      if (!claimed.length) return null;
      const reminders = await this.rounds.createReminders(em, today, addDays(today, DUE_SOON_DAYS));
      if (this.notifications.enabled) {
        await this.notifications.onReportReminders(em, reminders, await this.rounds.overdueBefore(em, addDays(today, -ESCALATE_AFTER_DAYS)));
      }
      const created = reminders.length;
      await em.nativeUpdate(ReminderRun, { day: today }, { created });
      this.logger.log(`Nhắc hạn báo cáo ngày ${today}: ${created} nhắc việc mới`);
      return created;
    });
  }

  /**
   * One page of the reports the caller's organisation owes — due within 7 days or overdue, not yet
   * submitted, the round open — soonest due first. Read from the rounds themselves: a report is owed
   * from the moment it is due, whether or not today's job has made its reminder yet.
   */
  async inbox(user: AuthUser, offset: number, limit: number) {
    const today = vietnamDay(new Date());
    const rows = limit > 0 ? await this.rounds.owedReports(this.em, user.organisationId, today, addDays(today, DUE_SOON_DAYS), offset, limit) : [];
    return rows.map((r) => ({
      type: r.kind === 'overdue' ? ('report_overdue' as const) : ('report_due' as const),
      planId: r.plan_id,
      title: r.title,
      kind: r.plan_kind,
      status: r.status,
      actions: ['REPORT'],
      deadline: r.position,
      roundId: r.round_id,
      deadlineName: r.name,
      dueDate: r.due_date,
      // A report task changes when it falls due.
      updatedAt: new Date(r.due_date),
    }));
  }

  countInbox(user: AuthUser): Promise<number> {
    return this.rounds.countOwedReports(this.em, user.organisationId, addDays(vietnamDay(new Date()), DUE_SOON_DAYS));
  }
}
