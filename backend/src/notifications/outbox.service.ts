import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { NotificationCategory } from '../core/notification-settings';
import { JobQueue } from '../jobs/job-queue.service';
import { type Notice, renderCore } from './messages';
import { NotificationSettingsService } from './notification-settings.service';
import { OutboxMessage, type OutboxKind } from './outbox-message.entity';

/** The queue of the outbox worker (pg-boss). */
export const OUTBOX_JOB = 'mail-outbox';

/** One notification for one person, before their preferences are applied. */
export interface Addressed {
  recipient: { id: string; email: string | null };
  category: NotificationCategory;
  kind: OutboxKind;
  /** unique per event and recipient: the same notification enqueued twice is written once */
  dedupeKey: string;
  notice: Notice;
}

/**
 * Writes notifications to the outbox inside the caller's transaction, as the recipients' settings say
 * (off: nothing; daily digest: kept for the digest job), and asks the worker to run once the
 * transaction has committed — never before, when the rows would not be visible yet.
 */
@Injectable()
export class OutboxService implements OnModuleInit, EventSubscriber {
  private readonly logger = new Logger('Notifications');
  /** Transactions that wrote messages to send at once, until they commit. */
  private readonly toNudge = new WeakSet<EntityManager>();

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: NotificationSettingsService,
    private readonly jobs: JobQueue,
  ) {}

  get enabled(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  onModuleInit(): void {
    if (!this.enabled) {
      this.logger.warn('SMTP_URL chưa được đặt: không gửi thông báo qua e-mail (e-mail notifications are off).');
      return;
    }
    this.em.getEventManager().registerSubscriber(this);
    this.logger.log(`Thông báo qua e-mail: SMTP ${new URL(this.config.mail.smtpUrl!).host}, liên kết tới ${this.config.mail.publicUrl}`);
  }

  /** Answers how many rows it wrote (none when e-mail is off). */
  async enqueue(em: EntityManager, notifications: Addressed[]): Promise<number> {
    const addressed = notifications.filter((n) => n.recipient.email);
    if (!this.enabled || !addressed.length) return 0;
    const settings = await this.settings.forUsers(em, [...new Set(addressed.map((n) => n.recipient.id))]);
    const rows = addressed.flatMap((n) => {
      const setting = settings.get(n.recipient.id)![n.category];
      if (!setting.enabled) return [];
      const core = renderCore(n.notice, this.config.mail.publicUrl);
      return [{
        id: randomUUID(), dedupeKey: n.dedupeKey, recipient: n.recipient.id, toAddress: n.recipient.email!, kind: n.kind,
        delivery: setting.delivery, subject: core.subject, textBody: core.text, htmlBody: core.html, nextAttemptAt: new Date(), createdAt: new Date(),
      }];
    });
    if (!rows.length) return 0;
    await em.createQueryBuilder(OutboxMessage).insert(rows).onConflict('dedupe_key').ignore().execute();
    if (rows.some((r) => r.delivery === 'immediate')) this.toNudge.add(em);
    return rows.length;
  }

  afterTransactionCommit({ em }: TransactionEventArgs): void {
    if (!this.toNudge.has(em as EntityManager)) return;
    this.toNudge.delete(em as EntityManager);
    // Not awaited: on the embedded database the job's statement waits for the connection this commit frees.
    this.jobs.nudge(OUTBOX_JOB).catch((error: Error) => this.logger.warn(`outbox: could not wake the worker (${error.message})`));
  }
}
