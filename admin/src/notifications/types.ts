import type { NotificationSettingsService } from '@backend/notifications/notification-settings.service';
import type { UpdateNotificationSettingsDto } from '@backend/notifications/dto/notification-settings.dto';
import type { Jsonify } from '../types';

export { DELIVERY_MODES, NOTIFICATION_CATEGORIES } from '@backend/core/notification-settings';

/** The caller's e-mail settings, as `GET /api/me/notification-settings` answers them. */
export type NotificationSettings = Jsonify<Awaited<ReturnType<NotificationSettingsService['get']>>>;
export type NotificationSettingsUpdate = Jsonify<UpdateNotificationSettingsDto>;
