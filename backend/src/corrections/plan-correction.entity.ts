import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OneToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { RegisterEntry } from '../numbering/register-entry.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
import { BaseEntity } from '../common/base.entity';
import { CORRECTION_STATUSES, type CorrectionStatus } from '../core/plan-citation';

/**
 * A correction notice (văn bản đính chính, Nghị định 30/2020 Điều 18) of an issued plan with a format
 * or technical error: drafted by the issuer's drafter, approved by its leader, issued by its clerk
 * with a number from the organisation's outgoing register. The plan itself stays as issued.
 */
@Entity()
@Index({ properties: ['plan', 'createdAt'] })
export class PlanCorrection extends BaseEntity<
  'status' | 'approvedBy' | 'approvedAt' | 'issuedBy' | 'issuedAt' | 'number' | 'symbol' | 'registerEntry' | 'documentBytes' | 'documentSha256'
> {
  @ManyToOne(() => Plan, { deleteRule: 'cascade' })
  plan!: Plan;

  @Enum({ items: () => CORRECTION_STATUSES, nativeEnumName: 'correction_status' })
  status: CorrectionStatus = 'draft';

  /** What is corrected, as the notice says it (e.g. "Tại dòng 3 mục II, ngày … được sửa lại là …"). */
  @Property({ type: 'text' })
  text!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  approvedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  issuedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  issuedAt: Date | null = null;

  /** From the issuer's outgoing register at issue */
  @Property({ type: 'integer', nullable: true })
  number: number | null = null;

  /** "TB-MTTQ-BTT" */
  @Property({ type: 'text', nullable: true })
  symbol: string | null = null;

  /** The register entry of its number: the outgoing register prints the notice's signer and recipients through it. */
  @OneToOne(() => RegisterEntry, { owner: true, nullable: true, deleteRule: 'restrict' })
  registerEntry: RegisterEntry | null = null;

  /** The DOCX rendered once at issue and served byte for byte afterwards (as a plan's IssuedDocument). */
  @Property({ type: 'blob', nullable: true, lazy: true })
  documentBytes: Buffer | null = null;

  /** SHA-256 of documentBytes, sealed in the plan's audit chain (the CORRECTION record). */
  @Property({ type: 'text', nullable: true })
  documentSha256: string | null = null;

  /** The recipient organisations that have read it (the inbox's "not yet read" is `$none` of these). */
  @OneToMany(() => CorrectionReading, (reading) => reading.correction)
  readings = new Collection<CorrectionReading>(this);
}

/** A recipient organisation has read an issued correction notice: it leaves that organisation's inbox. */
@Entity()
@Unique({ properties: ['correction', 'organisation'] })
export class CorrectionReading {
  [OptionalProps]?: 'readAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => PlanCorrection, { deleteRule: 'cascade' })
  correction!: PlanCorrection;

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  readBy!: User;

  @Property({ type: 'datetime' })
  readAt: Date = new Date();
}
