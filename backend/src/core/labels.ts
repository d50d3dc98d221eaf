import type { PlanEvent, PlanStatus } from './plan-lifecycle';

/** Vietnamese names of states and events, for messages. */
export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  in_review: 'Đang xem xét',
  in_coordination: 'Đang lấy chữ ký',
  awaiting_approval: 'Chờ phê duyệt',
  approved: 'Đã phê duyệt',
  issued: 'Đã ban hành',
  distributed: 'Đã gửi',
  closed: 'Đã đóng',
  rejected: 'Bị từ chối',
  recalled: 'Đã thu hồi',
  cancelled: 'Đã hủy',
};

export const EVENT_LABELS: Record<PlanEvent, string> = {
  SUBMIT: 'Trình duyệt',
  FORWARD: 'Chuyển tiếp',
  RETURN: 'Trả lại',
  SIGN: 'Ký phối hợp',
  REQUEST_CHANGES: 'Đề nghị sửa',
  APPROVE: 'Phê duyệt',
  REJECT: 'Từ chối',
  ISSUE: 'Ban hành',
  DISTRIBUTE: 'Gửi',
  CLOSE: 'Đóng',
  RECALL: 'Thu hồi',
  WITHDRAW: 'Rút lại',
  CANCEL: 'Hủy',
};
