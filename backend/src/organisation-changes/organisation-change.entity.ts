import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { OrganisationChangeKind } from '../core/organisation-levels';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';

/**
 * One change of the organisation tree (rename, move, merge into a successor, dissolution), with the
 * date it takes effect. Append-only — a database trigger refuses updates and deletes — so a change is
 * undone only by a new change, and the history is the tree's own record.
 */
@Entity()
@Index({ properties: ['organisation', 'createdAt'] })
@Index({ properties: ['successor'] })
export class OrganisationChange {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  /** rename | move | merge | dissolve (core/organisation-levels.ts) */
  @Property({ type: 'text' })
  kind!: OrganisationChangeKind;

  /** A calendar day, "YYYY-MM-DD" */
  @Property({ type: 'string', columnType: 'date' })
  effectiveOn!: string;

  /** Who took over (merge, dissolve): its history lists the change too. */
  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'restrict' })
  successor: Organisation | null = null;

  /** What changed: names before and after, old and new parent, what moved to the successor. */
  @Property({ type: 'json' })
  details!: Record<string, unknown>;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
