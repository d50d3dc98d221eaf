import { ArrayType, Collection, Entity, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import type { Role } from '../core/roles';
import { Organisation } from '../organisations/organisation.entity';
import { UserCapacity } from './user-capacity.entity';
import { OrganisationUnit } from '../organisations/organisation-unit.entity';


@Entity()
@Index({ properties: ['organisation'] })
export class User extends BaseEntity<'active' | 'email' | 'unit'> {
  @Unique()
  @Property({ type: 'text' })
  username!: string;

  @Property({ type: 'text' })
  fullName!: string;

  /** Where e-mail notifications go; none: the user is told in the app only. */
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  /** Never serialised: `hidden` keeps it out of every JSON answer. */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict', serializedName: 'organisationId', serializer: (o: Organisation) => o.id })
  organisation!: Organisation;

  /** The ban or office of its organisation the user works in; the plans it drafts are that unit's. */
  @ManyToOne(() => OrganisationUnit, { nullable: true, deleteRule: 'restrict', serializedName: 'unitId', serializer: (u: OrganisationUnit | null) => u?.id ?? null })
  unit: OrganisationUnit | null = null;

  @Property({ type: ArrayType })
  roles: Role[] = [];

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Roles held in other organisations (kiêm nhiệm); read with `populate` where a capacity matters. */
  @OneToMany(() => UserCapacity, (capacity) => capacity.user, { hidden: true })
  capacities = new Collection<UserCapacity>(this);
}
