import { Check, Entity, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';
import { HeldByUserOrOrganisation } from './held-by';

/**
 * A signing key held by the server: a person's (the leader who approves or countersigns) or an
 * organisation's (applied by its clerk at issue). The private key is stored sealed with the master
 * key from the environment, and inside that encrypted again under the holder's PIN, which the server
 * never keeps: signing needs the PIN each time. A new upload replaces the one before (`replacedAt`).
 */
@Entity()
@Check({ name: 'signing_credential_one_holder', expression: '("user_id" is null) <> ("organisation_id" is null)' })
@Index({ properties: ['user', 'replacedAt'] })
@Index({ properties: ['organisation', 'replacedAt'] })
export class SigningCredential extends HeldByUserOrOrganisation {
  [OptionalProps]?: 'uploadedAt' | 'replacedAt';

  /** sealSecret(JSON { key: PKCS#8 PEM encrypted under the PIN, certificate, chain }) */
  @Property({ type: 'blob', lazy: true, hidden: true })
  sealed!: Buffer;

  @Property({ type: 'text' })
  certificatePem!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  issuer!: string;

  @Property({ type: 'text' })
  serialNumber!: string;

  @Property({ type: 'datetime' })
  validFrom!: Date;

  @Property({ type: 'datetime' })
  validTo!: Date;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  uploadedBy!: User;

  @Property({ type: 'datetime' })
  uploadedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  replacedAt: Date | null = null;
}
