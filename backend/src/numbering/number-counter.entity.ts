import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Organisation } from '../organisations/organisation.entity';

/**
 * The last number given per register. Taking a number is one `insert … on conflict do update`
 * that row-locks this row until the issuing transaction ends: no duplicate, and no gap on rollback.
 */
@Entity()
export class NumberCounter {
  [PrimaryKeyProp]?: ['organisation', 'year', 'registerKey'];

  @ManyToOne(() => Organisation, { primary: true, deleteRule: 'restrict' })
  organisation!: Organisation;

  @Property({ type: 'integer', primary: true })
  year!: number;

  @Property({ type: 'text', primary: true })
  registerKey!: string;

  @Property({ type: 'integer' })
  lastNumber!: number;
}
