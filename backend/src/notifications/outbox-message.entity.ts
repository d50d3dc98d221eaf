import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { DeliveryMode } from '../core/notification-settings';
import { User } from '../users/user.entity';

/** `pending` until sent; `merged` into a daily digest; `failed` after the last attempt (the error kept). */
export type OutboxState = 'pending' | 'sent' | 'merged' | 'failed';

/** What a message is about: a notification category, or the digest that merges them. */
export type OutboxKind = 'new_task' | 'returned' | 'report_due' | 'report_overdue' | 'report_escalated' | 'recalled' | 'replaced' | 'corrected' | 'digest';

/**
 * One e-mail to send (transactional outbox): written in the same transaction as the event it tells
 * of, so it exists exactly when the event does, and kept until the SMTP server accepted it. The
 * worker (outbox-worker.ts) claims due rows and retries with back-off.
 */
@Entity()
@Index({ properties: ['state', 'delivery', 'nextAttemptAt'] })
@Index({ properties: ['recipient'] })
export class OutboxMessage {
  [OptionalProps]?: 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'mergedInto' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** What makes this message unique (the event and the recipient): enqueuing it twice writes it once. */
  @Unique()
  @Property({ type: 'text' })
  dedupeKey!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  recipient!: User;

  /** The address as it was when the event happened. */
  @Property({ type: 'text' })
  toAddress!: string;

  @Property({ type: 'text' })
  kind!: OutboxKind;

  @Property({ type: 'text' })
  delivery!: DeliveryMode;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  textBody!: string;

  @Property({ type: 'text' })
  htmlBody!: string;

  @Property({ type: 'text' })
  state: OutboxState = 'pending';

  /** Attempts started; the worker gives up after MAX_ATTEMPTS. */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** When the worker may (re)try it; while one attempt runs, the end of its lease. */
  @Property({ type: 'datetime' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  /** The digest message a daily-digest row went out in. */
  @ManyToOne(() => OutboxMessage, { nullable: true, deleteRule: 'set null' })
  mergedInto: OutboxMessage | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
