import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JobQueue } from '../jobs/job-queue.service';
import { mergeCores } from './messages';
import { OutboxMessage } from './outbox-message.entity';
import { OUTBOX_JOB, OutboxService } from './outbox.service';
import { OutboxRepository } from './outbox.repository';

/** The queue of the daily digest (pg-boss). */
export const DIGEST_JOB = 'mail-digest';

/**
 * Once a day (7:00 in Vietnam) each user's waiting daily-digest rows become one message in the outbox,
 * in one transaction per user: the rows are marked merged into it, so nothing is sent twice or lost.
 */
@Injectable()
export class DigestJob {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: OutboxRepository,
    private readonly jobs: JobQueue,
    outbox: OutboxService,
  ) {
    if (outbox.enabled) jobs.register({ name: DIGEST_JOB, cron: '0 7 * * *', runAtStart: false, run: () => this.run() });
  }

  /** Answers how many digest messages it wrote. */
  async run(now = new Date()): Promise<number> {
    let written = 0;
    for (const recipientId of await this.repository.digestRecipients(this.em)) {
      if (await this.mergeFor(recipientId, now)) written++;
    }
    if (written) await this.jobs.nudge(OUTBOX_JOB);
    return written;
  }

  private mergeFor(recipientId: string, now: Date): Promise<boolean> {
    return this.em.fork().transactional(async (em) => {
      const parts = await this.repository.lockDigestParts(em, recipientId);
      if (!parts.length) return false;
      const digest = mergeCores(parts.map((p) => ({ subject: p.subject, text: p.textBody, html: p.htmlBody })), now);
      const id = randomUUID();
      await em.insert(OutboxMessage, {
        id,
        dedupeKey: `digest:${recipientId}:${parts[0].id}`,
        recipient: recipientId,
        toAddress: parts.at(-1)!.toAddress,
        kind: 'digest',
        delivery: 'immediate',
        subject: digest.subject,
        textBody: digest.text,
        htmlBody: digest.html,
        nextAttemptAt: now,
        createdAt: now,
      });
      await this.repository.markMerged(em, parts.map((p) => p.id), id);
      return true;
    });
  }
}
