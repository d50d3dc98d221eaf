import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A root certificate the app trusts besides those configured (SIGNING_TRUSTED_ROOTS): the demo data's
 * test CA lives here, so a demo database trusts exactly the test certificates it was made with.
 */
@Entity()
export class TrustAnchor {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  certificatePem!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
