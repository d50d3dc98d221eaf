import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';

/** An issued plan delivered to one internal recipient organisation, and its acknowledgement of receipt. */
@Entity()
@Unique({ properties: ['plan', 'organisation'] })
@Index({ properties: ['organisation', 'deliveredAt'] })
export class Delivery {
  [OptionalProps]?: 'deliveredAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'recallSeenAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Plan;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  /** The "Nơi nhận" line that named this organisation */
  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'datetime' })
  deliveredAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  acknowledgedBy: User | null = null;

  /** When the recipient saw the notice that the plan was recalled (thu hồi). */
  @Property({ type: 'datetime', nullable: true })
  recallSeenAt: Date | null = null;
}
