import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
import { formatDocumentNumber } from '../core/document-number';

/**
 * A number given from an organisation's register (sổ đăng ký văn bản đi), by ISSUE or by the clerk
 * for a document made outside the system. (organisation, year, registerKey, number) is unique.
 */
@Entity()
@Unique({ properties: ['organisation', 'year', 'registerKey', 'number'] })
@Index({ properties: ['organisation', 'issuedAt'] })
export class RegisterEntry {
  [OptionalProps]?: 'fullNumber' | 'plan' | 'external';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'restrict', serializedName: 'organisationId', serializer: (o: Organisation) => o.id })
  organisation!: Organisation;

  @Property({ type: 'integer' })
  year!: number;

  /** Which register: "all" (one per issuer per year, the default), a document type code, or a NumberSeries id. */
  @Property({ type: 'text' })
  registerKey!: string;

  @Property({ type: 'integer' })
  number!: number;

  /** KH, BC, TB, … (FORMAT.md symbols) */
  @Property({ type: 'text' })
  typeCode!: string;

  /** "KH-MTTQ-BTT" */
  @Property({ type: 'text' })
  symbol!: string;

  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => Plan, { nullable: true, deleteRule: 'restrict', serializedName: 'planId', serializer: (p: Plan | null) => p?.id ?? null })
  plan: Plan | null = null;

  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @ManyToOne(() => User, { deleteRule: 'restrict', serializedName: 'createdById', serializer: (u: User) => u.id })
  createdBy!: User;

  @Property({ type: 'boolean' })
  external: boolean = false;

  /** "227/KH-MTTQ-BTT" */
  @Property({ persist: false })
  get fullNumber(): string {
    return formatDocumentNumber(this.number, this.symbol);
  }
}
