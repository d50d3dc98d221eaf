import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import { UNIT_KINDS, type UnitKind } from '../core/organisation-units';
import { Organisation } from './organisation.entity';

/** A ban or the office of an organisation (HD 31-HD/BTCTW): users belong to it, plans are drafted by it. */
@Entity()
@Unique({ properties: ['organisation', 'code'] })
export class OrganisationUnit extends BaseEntity {
  @ManyToOne(() => Organisation, { deleteRule: 'cascade', serializedName: 'organisationId', serializer: (o: Organisation) => o.id })
  organisation!: Organisation;

  /** "Ban Phong trào" */
  @Property({ type: 'text' })
  name!: string;

  /** "BPT": what the archive line names ("Lưu: VT, BPT.") */
  @Property({ type: 'text' })
  code!: string;

  @Enum({ items: () => UNIT_KINDS })
  kind!: UnitKind;
}
