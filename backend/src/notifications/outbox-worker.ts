import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.service';
import { Mailer } from './mailer';
import { OUTBOX_JOB, OutboxService } from './outbox.service';
import { type ClaimedMessage, OutboxRepository } from './outbox.repository';

/** Messages claimed at a time; sent together over the mailer's pooled connections. */
const BATCH = 20;
/** How long a claimed message is this worker's: far beyond the SMTP timeouts. */
const LEASE_MS = 5 * 60_000;
/** The first retry after a minute, then doubling: the last of 8 attempts about two hours after the first. */
const FIRST_RETRY_MS = 60_000;
export const MAX_ATTEMPTS = 8;

export interface DrainResult {
  sent: number;
  failed: number;
}

/**
 * Sends the outbox (a pg-boss job: every minute for retries, at start for what a restart left, and
 * woken after each commit that wrote a message). A row is claimed in a statement of its own, sent with
 * no transaction open — on the embedded database the one connection stays free for requests — and
 * marked sent as soon as the server has answered 250; a failure is kept with the row and retried with
 * back-off until MAX_ATTEMPTS.
 */
@Injectable()
export class OutboxWorker {
  private readonly logger = new Logger('OutboxWorker');

  constructor(
    private readonly em: EntityManager,
    private readonly repository: OutboxRepository,
    private readonly mailer: Mailer,
    outbox: OutboxService,
    jobs: JobQueue,
  ) {
    if (outbox.enabled) jobs.register({ name: OUTBOX_JOB, cron: '* * * * *', runAtStart: true, run: () => this.drain() });
  }

  /** Sends every message due at `now`, batch by batch, until none is left. */
  async drain(now = new Date()): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0 };
    for (;;) {
      const claimed = await this.repository.claim(this.em, now, new Date(Date.now() + LEASE_MS), BATCH);
      if (!claimed.length) return result;
      const outcomes = await Promise.all(claimed.map((message) => this.deliver(message, now)));
      for (const sent of outcomes) result[sent ? 'sent' : 'failed']++;
    }
  }

  private async deliver(message: ClaimedMessage, now: Date): Promise<boolean> {
    try {
      await this.mailer.send(message);
    } catch (error) {
      const retryAt = message.attempts < MAX_ATTEMPTS ? new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (message.attempts - 1)) : null;
      const reason = (error as Error).message;
      this.logger.warn(`outbox ${message.id} to ${message.toAddress}: attempt ${message.attempts} failed (${reason})${retryAt ? '' : ', giving up'}`);
      await this.repository.markFailed(this.em, message.id, reason, retryAt);
      return false;
    }
    await this.repository.markSent(this.em, message.id, new Date());
    return true;
  }
}
