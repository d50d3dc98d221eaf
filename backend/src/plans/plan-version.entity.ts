import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';
import type { PlanContent } from '../core/plan-content';
import { Plan } from './plan.entity';

/** One saved edit of a plan's content; never changed afterwards. */
@Entity()
@Unique({ properties: ['plan', 'contentVersion'] })
export class PlanVersion {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Plan;

  @Property({ type: 'integer' })
  contentVersion!: number;

  @Property({ type: 'json' })
  content!: PlanContent;

  @Property({ type: 'text' })
  contentHash!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
