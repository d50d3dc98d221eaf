import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Organisation } from '../organisations/organisation.entity';

/**
 * The last arrival number given per organisation per year: taken by one `insert … on conflict do
 * update` that row-locks it until the transaction ends (as numbering's NumberCounter): no duplicate,
 * and no gap on rollback.
 */
@Entity()
export class IncomingCounter {
  [PrimaryKeyProp]?: ['organisation', 'year'];

  @ManyToOne(() => Organisation, { primary: true, deleteRule: 'restrict' })
  organisation!: Organisation;

  @Property({ type: 'integer', primary: true })
  year!: number;

  @Property({ type: 'integer' })
  lastNumber!: number;
}
