import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** An outbox row the worker has claimed, with whom it greets. */
export interface ClaimedMessage {
  id: string;
  toAddress: string;
  recipientName: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attempts: number;
}

/** A pending daily-digest row of one recipient. */
export interface DigestPart {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
}

/**
 * The outbox's SQL: claiming rows across workers and instances needs `for update skip locked`, which
 * the ORM does not say in one statement. Each call is one short statement (its own transaction, or
 * the caller's): nothing here is held open while a message is being sent.
 */
@Injectable()
export class OutboxRepository {
  /**
   * Takes up to `limit` messages due at `now`: counts the attempt and leases them until `leaseUntil`,
   * so no other worker sends them meanwhile; a worker that dies mid-send leaves them to be retried then.
   */
  claim(em: EntityManager, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
    return em.execute<ClaimedMessage[]>(
      `with due as (
        select "id" from "outbox_message"
        where "state" = 'pending' and "delivery" = 'immediate' and "next_attempt_at" <= ?
        order by "next_attempt_at", "id" limit ?
        for update skip locked
      )
      update "outbox_message" m set "attempts" = m."attempts" + 1, "next_attempt_at" = ?
      from due, "user" u
      where m."id" = due."id" and u."id" = m."recipient_id"
      returning m."id", m."to_address" as "toAddress", u."full_name" as "recipientName", m."subject",
        m."text_body" as "textBody", m."html_body" as "htmlBody", m."attempts"`,
      [now, limit, leaseUntil],
    );
  }

  async markSent(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.execute(`update "outbox_message" set "state" = 'sent', "sent_at" = ?, "last_error" = null where "id" = ?`, [at, id]);
  }

  /** Keeps the error; retries at `retryAt`, or gives up (state `failed`) when it is null. */
  async markFailed(em: EntityManager, id: string, error: string, retryAt: Date | null): Promise<void> {
    await em.execute(
      `update "outbox_message" set "last_error" = ?, "state" = ?, "next_attempt_at" = coalesce(?, "next_attempt_at") where "id" = ?`,
      [error, retryAt ? 'pending' : 'failed', retryAt, id],
    );
  }

  /** Who has daily-digest rows waiting. */
  async digestRecipients(em: EntityManager): Promise<string[]> {
    const rows = await em.execute<{ recipientId: string }[]>(
      `select distinct "recipient_id" as "recipientId" from "outbox_message" where "state" = 'pending' and "delivery" = 'daily_digest'`,
    );
    return rows.map((r) => r.recipientId);
  }

  /** One recipient's waiting digest rows, oldest first, locked until the caller's transaction ends. */
  lockDigestParts(em: EntityManager, recipientId: string): Promise<DigestPart[]> {
    return em.execute<DigestPart[]>(
      `select "id", "to_address" as "toAddress", "subject", "text_body" as "textBody", "html_body" as "htmlBody"
       from "outbox_message" where "recipient_id" = ? and "state" = 'pending' and "delivery" = 'daily_digest'
       order by "created_at", "id" for update skip locked`,
      [recipientId],
    );
  }

  async markMerged(em: EntityManager, ids: string[], intoId: string): Promise<void> {
    await em.execute(`update "outbox_message" set "state" = 'merged', "merged_into_id" = ? where "id" = any(?::uuid[])`, [intoId, em.getPlatform().marshallArray(ids)]);
  }
}
