import { Entity, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import type { NotificationSettingsMap } from '../core/notification-settings';
import { User } from '../users/user.entity';

/** A user's e-mail preferences, per category; without a row, the defaults (everything, at once). */
@Entity()
export class NotificationSettings {
  [OptionalProps]?: 'updatedAt';

  @OneToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'json' })
  categories!: NotificationSettingsMap;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
