import { Entity, OneToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { PlanPdfLayout } from './rendering/pdf/render-plan-pdf';
import { Plan } from '../plans/plan.entity';

/**
 * The plan's PDF as it is being signed: rendered once from the content the first signer signs
 * (without number and date, which the clerk fills at issue), then grown by one incremental revision
 * per digital signature, so every earlier signature stays valid. A later edit of the content makes
 * it stale (`contentHash`); the next signer starts from a fresh rendering.
 */
@Entity()
export class PlanPdf {
  [OptionalProps]?: 'signatureCount' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => Plan, { owner: true, unique: true, deleteRule: 'cascade' })
  plan!: Plan;

  /** the content the PDF shows */
  @Property({ type: 'text' })
  contentHash!: string;

  @Property({ type: 'blob', lazy: true })
  bytes!: Buffer;

  @Property({ type: 'text' })
  sha256!: string;

  /** where signatures, the number and date fields and the appendix stamp go */
  @Property({ type: 'json' })
  layout!: PlanPdfLayout;

  @Property({ type: 'integer' })
  signatureCount: number = 0;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
