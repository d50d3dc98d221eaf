import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { defaultNotificationSettings, type NotificationSettingsMap } from '../core/notification-settings';
import { User } from '../users/user.entity';
import { NotificationSettings } from './notification-settings.entity';
import { presentSettings } from './notification-settings.presenter';
import type { UpdateNotificationSettingsDto } from './dto/notification-settings.dto';

/** Users' e-mail preferences: the stored ones over the defaults, so a category added later starts on. */
@Injectable()
export class NotificationSettingsService {
  constructor(private readonly em: EntityManager) {}

  /** Each user's settings, defaults where none are stored. */
  async forUsers(em: EntityManager, userIds: string[]): Promise<Map<string, NotificationSettingsMap>> {
    const stored = userIds.length ? await em.find(NotificationSettings, { user: { $in: userIds } }) : [];
    const byUser = new Map(stored.map((s) => [s.user.id, s.categories]));
    return new Map(userIds.map((id) => [id, withDefaults(byUser.get(id))]));
  }

  async get(user: AuthUser) {
    const [settings] = (await this.forUsers(this.em, [user.id])).values();
    const { email } = await this.em.findOneOrFail(User, user.id, { fields: ['email'] });
    return presentSettings(email, settings);
  }

  /** Replaces the caller's settings of the categories sent; the others keep theirs. */
  async update(user: AuthUser, dto: UpdateNotificationSettingsDto) {
    await this.em.transactional(async (em) => {
      const current = await em.findOne(NotificationSettings, { user: user.id });
      const categories = { ...withDefaults(current?.categories), ...dto.categories };
      if (current) current.categories = categories;
      else em.create(NotificationSettings, { user: em.getReference(User, user.id), categories });
    });
    return this.get(user);
  }
}

function withDefaults(stored: Partial<NotificationSettingsMap> | undefined): NotificationSettingsMap {
  return { ...defaultNotificationSettings(), ...stored };
}
