import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

/**
 * One login: the token carries its id (`sid`), and the guard accepts a token only while its session
 * is neither expired nor revoked. Written and read in SQL only (auth/session.store.ts); the entity
 * declares the table for the schema.
 */
@Entity()
@Index({ properties: ['user'] })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Set by logout, and by the database itself when the user's password, roles, organisation or activity change. */
  @Property({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}
