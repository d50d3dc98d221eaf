import { ArrayType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import type { Role } from '../core/roles';
import { Organisation } from '../organisations/organisation.entity';
import type { User } from './user.entity';

/**
 * A role a person holds in another organisation besides their own (kiêm nhiệm): a Phó Chủ tịch of the
 * Front who is also Chủ tịch of Hội Nông dân. The account's own organisation and roles are its primary
 * capacity; each row adds one organisation, never the primary one, at most once.
 */
@Entity()
@Unique({ properties: ['user', 'organisation'] })
@Index({ properties: ['organisation'] })
export class UserCapacity extends BaseEntity<'title'> {
  @ManyToOne('User', { deleteRule: 'cascade', serializedName: 'userId', serializer: (u: User) => u.id })
  user!: User;

  @ManyToOne(() => Organisation, { deleteRule: 'cascade', serializedName: 'organisationId', serializer: (o: Organisation) => o.id })
  organisation!: Organisation;

  @Property({ type: ArrayType })
  roles: Role[] = [];

  /** The title signed under in this organisation ("CHỦ TỊCH"); none: the organisation's signerTitle. */
  @Property({ type: 'text', nullable: true })
  title: string | null = null;
}
