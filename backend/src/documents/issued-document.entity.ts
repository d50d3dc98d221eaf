import { Entity, OneToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Plan } from '../plans/plan.entity';

/** The DOCX rendered once at ISSUE and served byte for byte afterwards. */
@Entity()
export class IssuedDocument {
  [OptionalProps]?: 'createdAt' | 'recalledAt' | 'recallReason';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => Plan, { owner: true, unique: true, deleteRule: 'cascade' })
  plan!: Plan;

  @Property({ type: 'text' })
  sha256!: string;

  /** "227-KH-MTTQ-BTT.docx" */
  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'blob', lazy: true })
  bytes!: Buffer;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Recalled (thu hồi) by the issuer's leader: still served as issued, but marked. */
  @Property({ type: 'datetime', nullable: true })
  recalledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  recallReason: string | null = null;
}
