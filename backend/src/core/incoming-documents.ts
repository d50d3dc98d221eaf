/**
 * The incoming documents register (sổ đăng ký văn bản đến, Nghị định 30/2020 Đ20–22, Phụ lục IV):
 * its vocabulary, the order of an entry's states, and how an entry is cited by a plan that implements
 * it. (No imports but core: the admin UI uses it too.)
 */
import { documentTypeName } from './document-types';
import { formatShortDate } from './vietnamese-date';
import { lowerFirstWord } from './vietnamese-text';

/** Độ khẩn (Đ8 Phụ lục I): ordinary, urgent, very urgent, flash. */
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS: Record<Urgency, string> = {
  normal: 'Thường',
  urgent: 'Khẩn',
  very_urgent: 'Thượng khẩn',
  flash: 'Hỏa tốc',
};

/**
 * `pending`: a plan delivered inside the system and not yet acknowledged (receipt is the acknowledgement,
 * Đ21); `received`: in the register; then assigned by the leader, worked on, done.
 */
export const INCOMING_STATUSES = ['pending', 'received', 'assigned', 'in_progress', 'done'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];

export const INCOMING_STATUS_LABELS: Record<IncomingStatus, string> = {
  pending: 'Chờ tiếp nhận',
  received: 'Đã tiếp nhận',
  assigned: 'Đã giao xử lý',
  in_progress: 'Đang xử lý',
  done: 'Đã xử lý xong',
};

/** The states a person may move an entry to by hand, from each state (assignment and receipt move it otherwise). */
const PROGRESS: Record<IncomingStatus, readonly IncomingStatus[]> = {
  pending: [],
  received: [],
  assigned: ['in_progress', 'done'],
  in_progress: ['done'],
  done: ['in_progress'],
};

export function mayProgress(from: IncomingStatus, to: IncomingStatus): boolean {
  return from === to || PROGRESS[from].includes(to);
}

/** What the citation reads of a register entry. */
export interface CitedDocument {
  documentType: string;
  /** "12/KH-UBND" */
  documentNumber: string;
  /** YYYY-MM-DD */
  documentDate: string;
  sender: string;
  summary: string;
}

/**
 * "Kế hoạch số 12/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh Sơn La về triển khai …" — as a plan
 * cites the document it implements (no comma before "ngày"; the summary after "về", lower-cased first
 * letter unless it opens with a name in capitals).
 */
export function incomingCitation(document: CitedDocument): string {
  const [year, month, day] = document.documentDate.split('-').map(Number);
  const summary = document.summary.trim();
  const about = summary ? ` về ${lowerFirstWord(summary)}` : '';
  return `${documentTypeName(document.documentType)} số ${document.documentNumber} ngày ${formatShortDate({ year, month, day })} của ${document.sender.trim()}${about}`;
}
