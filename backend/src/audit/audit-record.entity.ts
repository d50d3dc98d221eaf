import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
// Type only: plans sit above audit (they append to it), so the relation names its entity as a string.
import type { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';

/**
 * One event in a plan's life (DESIGN §9). Each record holds the hash of the one before it, so
 * changing or removing any record breaks the chain that `/audit/verify` recomputes.
 */
/** prevHash of a chain's first audit record */
export const AUDIT_GENESIS = 'GENESIS';

@Entity()
@Unique({ properties: ['plan', 'seq'] })
@Index({ properties: ['actor', 'at'] })
export class AuditRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Plan', deleteRule: 'cascade' })
  plan!: Plan;

  /** 1, 2, 3… within the plan */
  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'datetime' })
  at!: Date;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  actor!: User;

  /** CREATE, EDIT, or a machine event (SUBMIT, SIGN, …) */
  @Property({ type: 'text' })
  event!: string;

  @Property({ type: 'text', nullable: true })
  fromState!: string | null;

  @Property({ type: 'text' })
  toState!: string;

  @Property({ type: 'text', nullable: true })
  comment!: string | null;

  @Property({ type: 'text' })
  contentHash!: string;

  /** Event-specific facts worth sealing in the chain: the number given, the issued document's hash. */
  @Property({ type: 'json', nullable: true })
  details!: Record<string, unknown> | null;

  @Property({ type: 'text' })
  prevHash!: string;

  @Property({ type: 'text' })
  hash!: string;
}
