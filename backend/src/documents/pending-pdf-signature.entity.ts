import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';

/**
 * A signature being made outside the server (USB token, remote signing service): the PDF prepared
 * with its placeholder, kept until the signer's client returns the CMS over `digest`. It is good only
 * while the plan's PDF is still the one it was prepared from (`baseSha256`).
 */
@Entity()
export class PendingPdfSignature {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Plan;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  /** SIGN or APPROVE */
  @Property({ type: 'text' })
  event!: string;

  @Property({ type: 'text' })
  baseSha256!: string;

  @Property({ type: 'blob', lazy: true })
  prepared!: Buffer;

  /** SHA-256 over the prepared PDF's ByteRange, hex */
  @Property({ type: 'text' })
  digest!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
