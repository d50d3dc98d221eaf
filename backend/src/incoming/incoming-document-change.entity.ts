import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';
import { IncomingDocument } from './incoming-document.entity';

/**
 * Each change of a register entry: who, when, what (the fields with their new values). The plans' audit
 * chain is per plan and seals documents; a register line needs only its own plain history.
 */
@Entity()
@Index({ properties: ['document', 'at'] })
export class IncomingDocumentChange {
  [OptionalProps]?: 'at' | 'actor';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => IncomingDocument, { deleteRule: 'cascade' })
  document!: IncomingDocument;

  @Property({ type: 'datetime' })
  at: Date = new Date();

  /** null: the system (a plan landing at distribution) */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  actor: User | null = null;

  /** register, edit, assign, status, file, acknowledge, derive */
  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'json' })
  changes!: Record<string, unknown>;
}
