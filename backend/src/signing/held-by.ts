import { ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';

/**
 * What signs: a person (a leader who approves or countersigns) or an organisation (applied by its
 * clerk at issue). Exactly one of the two is set; each table's check constraint says so.
 */
export abstract class HeldByUserOrOrganisation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { nullable: true, deleteRule: 'cascade' })
  user: User | null = null;

  @ManyToOne(() => Organisation, { nullable: true, deleteRule: 'cascade' })
  organisation: Organisation | null = null;
}
