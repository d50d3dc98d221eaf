import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Plan } from './plan.entity';
import { User } from '../users/user.entity';

/**
 * One reporting deadline of a distributed plan, made a row at DISTRIBUTE from the content's
 * `reporting` list (which stays what the drafter writes). Reports, reminders, roll-ups and the
 * dashboard name the round by id, so nothing depends on where it sits in the list; `position` is
 * that place, kept for the URLs and file names people see. A round of an implementing plan names the
 * parent plan's round it reports to: roll-ups follow that link.
 */
@Entity()
@Unique({ properties: ['plan', 'position'] })
@Index({ properties: ['dueDate'] })
@Index({ properties: ['parentRound'] })
export class ReportingRound {
  [OptionalProps]?: 'parentRound' | 'closedAt' | 'closedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Plan;

  /** Index of the deadline in the plan's `reporting` list when it was distributed (0, 1, …) */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  name!: string;

  /** A calendar day of Asia/Ho_Chi_Minh, "YYYY-MM-DD" */
  @Property({ type: 'string', columnType: 'date' })
  dueDate!: string;

  @ManyToOne(() => ReportingRound, { nullable: true, deleteRule: 'set null' })
  parentRound: ReportingRound | null = null;

  /** The issuer closed the round: no more submissions or corrections. */
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  closedBy: User | null = null;
}
