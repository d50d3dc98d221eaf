import { ArrayType, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import { Organisation } from '../organisations/organisation.entity';

/**
 * A named register an organisation keeps beside its shared one (Điều 15.1.c), e.g. "Giấy mời":
 * documents of its types take their numbers from its own counter, whose register key is the series' id.
 * A type belongs to at most one series of an organisation.
 */
@Entity()
@Unique({ properties: ['organisation', 'name'] })
export class NumberSeries extends BaseEntity {
  @ManyToOne(() => Organisation, { deleteRule: 'cascade', serializedName: 'organisationId', serializer: (o: Organisation) => o.id })
  organisation!: Organisation;

  /** "Giấy mời" */
  @Property({ type: 'text' })
  name!: string;

  /** The document types numbered from this series: ["GM"] */
  @Property({ type: ArrayType })
  typeCodes!: string[];
}
