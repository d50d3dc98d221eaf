import { NOTIFICATION_CATEGORIES, type NotificationSettingsMap } from '../core/notification-settings';

/**
 * The settings page's record: react-admin wants an id; the address says where mail goes (or that none
 * will); the categories in their fixed order, whatever the stored JSON kept.
 */
export function presentSettings(email: string | null, categories: NotificationSettingsMap) {
  return { id: 'me', email, categories: Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, categories[c]])) as NotificationSettingsMap };
}
