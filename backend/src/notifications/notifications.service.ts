import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ReminderNoticeRow } from '../reports/reporting-round.repository';
import { OutboxService } from './outbox.service';
import { correctionNotices, PlanEventNotices, replacementNotices, usersOf, type CorrectionFacts, type PlanEventFacts, type ReplacementFacts } from './plan-event-notices';
import { ReportNotices } from './report-notices';

/**
 * What other domains call, inside their own transactions: the notifications an event causes are
 * written to the outbox with it, so they exist exactly when the event does. With e-mail off, nothing.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly planEvents: PlanEventNotices,
    private readonly reports: ReportNotices,
  ) {}

  get enabled(): boolean {
    return this.outbox.enabled;
  }

  /** Called by the workflow right after it wrote the event and its audit record. */
  async onPlanEvent(em: EntityManager, facts: PlanEventFacts): Promise<void> {
    if (this.enabled) await this.outbox.enqueue(em, await this.planEvents.for(em, facts));
  }

  /** Called inside the replacement's ISSUE: the replaced plan's recipients are told (Điều 18). */
  async onPlanReplaced(em: EntityManager, facts: ReplacementFacts): Promise<void> {
    if (this.enabled) await this.outbox.enqueue(em, replacementNotices(facts, await usersOf(em, facts.replaced.recipientOrgIds, facts.actor)));
  }

  /** Called inside a correction notice's issue: the plan's recipients are told. */
  async onPlanCorrected(em: EntityManager, facts: CorrectionFacts): Promise<void> {
    if (this.enabled) await this.outbox.enqueue(em, correctionNotices(facts, await usersOf(em, facts.plan.recipientOrgIds, facts.actor)));
  }

  /** Called by the daily reminder job with the reminders it created and the reports long overdue. */
  async onReportReminders(em: EntityManager, reminders: ReminderNoticeRow[], longOverdue: ReminderNoticeRow[]): Promise<void> {
    if (this.enabled) await this.outbox.enqueue(em, await this.reports.for(em, reminders, longOverdue));
  }
}
