import { Entity, Index, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * Failed logins counted per username and per address in fixed windows, shared by every instance.
 * Written and read in SQL only (auth/login-throttle.ts); the entity declares the table for the schema.
 */
@Entity()
@Index({ properties: ['windowStart'] })
export class LoginFailure {
  [PrimaryKeyProp]?: ['kind', 'key', 'windowStart'];

  @Property({ type: 'text', primary: true })
  kind!: 'username' | 'address';

  @Property({ type: 'text', primary: true })
  key!: string;

  @Property({ type: 'datetime', primary: true })
  windowStart!: Date;

  @Property({ type: 'integer' })
  failures!: number;
}
