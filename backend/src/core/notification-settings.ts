/** What e-mail a user may be told about (issue 14 §2), for backend and admin alike. */
export const NOTIFICATION_CATEGORIES = ['new_task', 'returned', 'report_due', 'report_overdue', 'recalled'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** At once, or merged into one message a day. */
export const DELIVERY_MODES = ['immediate', 'daily_digest'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface CategorySetting {
  enabled: boolean;
  delivery: DeliveryMode;
}

export type NotificationSettingsMap = Record<NotificationCategory, CategorySetting>;

/** Until a user says otherwise: every category, at once. */
export function defaultNotificationSettings(): NotificationSettingsMap {
  return Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, { enabled: true, delivery: 'immediate' }])) as NotificationSettingsMap;
}

export const NOTIFICATION_CATEGORY_LABELS: Record<NotificationCategory, string> = {
  new_task: 'Có việc mới cần xử lý (xem xét, ký phối hợp, phê duyệt, ban hành, gửi, xác nhận đã nhận)',
  returned: 'Kế hoạch bị trả lại kèm ý kiến',
  report_due: 'Báo cáo sắp đến hạn (trong 7 ngày)',
  report_overdue: 'Báo cáo quá hạn',
  recalled: 'Kế hoạch bị thu hồi',
};

export const DELIVERY_MODE_LABELS: Record<DeliveryMode, string> = {
  immediate: 'Gửi ngay',
  daily_digest: 'Tổng hợp hằng ngày',
};
