import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from './plan.entity';
import { User } from '../users/user.entity';

export const SIGNATURE_KINDS = ['co_issuer', 'approval'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

/**
 * A co-issuer's countersignature or the leader's approval, bound to the content hash it signed.
 * It stays on record when voided: an edit after signing voids it, and the signer must sign again.
 */
@Entity()
@Index({ properties: ['plan', 'signedAt'] })
export class Signature {
  [OptionalProps]?: 'signedAt' | 'voidedAt' | 'comment' | 'title';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Plan;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  user!: User;

  @Enum({ items: () => SIGNATURE_KINDS, nativeEnumName: 'signature_kind' })
  kind!: SignatureKind;

  @Property({ type: 'text' })
  contentHash!: string;

  @Property({ type: 'integer' })
  contentVersion!: number;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  /**
   * The title signed under, at signing time (a co-issuer's: the signer's capacity title, else the
   * organisation's signerTitle; the approval's: the content's signer title). Null on older signatures.
   */
  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'datetime' })
  signedAt: Date = new Date();

  /** Set when an edit of the content made this signature no longer count. */
  @Property({ type: 'datetime', nullable: true })
  voidedAt: Date | null = null;
}
