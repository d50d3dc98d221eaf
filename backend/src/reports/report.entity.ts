import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
import { ReportingRound } from '../plans/reporting-round.entity';

export type IndicatorValue = number | string | null;

export const REPORT_STATES = ['draft', 'submitted'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/**
 * One recipient organisation's report for one reporting round of a plan (the plan's form filled in).
 * Every save is also kept as a ReportRevision.
 */
@Entity()
@Unique({ properties: ['round', 'organisation'] })
@Index({ properties: ['organisation', 'plan'] })
export class Report {
  [OptionalProps]?: 'state' | 'submittedAt' | 'submittedBy' | 'revision' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Plan;

  @ManyToOne(() => ReportingRound, { deleteRule: 'cascade' })
  round!: ReportingRound;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @Enum({ items: () => REPORT_STATES, nativeEnumName: 'report_state' })
  state: ReportState = 'draft';

  /** indicator code → value */
  @Property({ type: 'json' })
  values!: Record<string, IndicatorValue>;

  @Property({ type: 'text' })
  note!: string;

  /** First submission: what "late" is judged by. */
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  submittedBy: User | null = null;

  @Property({ type: 'integer' })
  revision: number = 1;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;
}

/** Every saved state of a report, never changed: the history of corrections. */
@Entity()
@Unique({ properties: ['report', 'revision'] })
export class ReportRevision {
  [OptionalProps]?: 'savedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Report, { deleteRule: 'cascade' })
  report!: Report;

  @Property({ type: 'integer' })
  revision!: number;

  @Enum({ items: () => REPORT_STATES, nativeEnumName: 'report_state' })
  state!: ReportState;

  @Property({ type: 'json' })
  values!: Record<string, IndicatorValue>;

  @Property({ type: 'text' })
  note!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  savedBy!: User;

  @Property({ type: 'datetime' })
  savedAt: Date = new Date();
}

export const REMINDER_KINDS = ['due_soon', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A reminder the daily job put in a recipient's inbox; unique, so a second run adds nothing. */
@Entity()
@Unique({ properties: ['round', 'organisation', 'kind'] })
@Index({ properties: ['organisation'] })
export class ReportReminder {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ReportingRound, { deleteRule: 'cascade' })
  round!: ReportingRound;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @Enum({ items: () => REMINDER_KINDS, nativeEnumName: 'reminder_kind' })
  kind!: ReminderKind;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** One row per calendar day the reminder job ran: the insert decides which instance runs it. */
@Entity()
export class ReminderRun {
  @PrimaryKey({ type: 'text' })
  day!: string;

  @Property({ type: 'datetime' })
  ranAt!: Date;

  @Property({ type: 'integer' })
  created!: number;
}
