import { formatShortDate } from '../core/vietnamese-date';

/**
 * The Vietnamese text of notification e-mails. A message's core (what happened, the comment, the link)
 * is what the outbox stores; the greeting and footer wrap it when it is sent, so a daily digest can
 * put several cores under one greeting.
 */

/** What one notification says: its subject, its lines, a quoted comment, and the plan it links to. */
export interface Notice {
  subject: string;
  lines: string[];
  quote?: { label: string; text: string };
  planId: string;
}

/** The stored core of a message, as plain text and as HTML. */
export interface MessageCore {
  subject: string;
  text: string;
  html: string;
}

export const SUBJECT_PREFIX = '[Kế hoạch]';

const FOOTER = 'Thư tự động của hệ thống Kế hoạch MTTQ, xin đừng trả lời thư này. Chọn loại thư nhận và cách nhận tại mục "Thông báo qua e-mail" (trình đơn tài khoản).';

/** Where the admin UI shows a plan (react-admin's hash router). */
export function planLink(publicUrl: string, planId: string): string {
  return `${publicUrl}/#/plans/${planId}/show`;
}

export function renderCore(notice: Notice, publicUrl: string): MessageCore {
  const link = planLink(publicUrl, notice.planId);
  const quoteText = notice.quote ? [`${notice.quote.label}:`, ...notice.quote.text.split('\n').map((line) => `  ${line}`)] : [];
  const text = [...notice.lines, ...quoteText, '', `Mở kế hoạch: ${link}`].join('\n');
  const quoteHtml = notice.quote
    ? `<p>${escapeHtml(notice.quote.label)}:</p><blockquote style="border-left:3px solid #ccc;margin:0;padding-left:8px">${escapeHtml(notice.quote.text).replace(/\n/g, '<br>')}</blockquote>`
    : '';
  const html = `${notice.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}${quoteHtml}<p><a href="${escapeHtml(link)}">Mở kế hoạch</a></p>`;
  return { subject: notice.subject, text, html };
}

/** A whole message to one person: greeting, the core(s), footer. */
export function wrapMessage(recipientName: string, core: Pick<MessageCore, 'text' | 'html'>): { text: string; html: string } {
  const greeting = `Kính gửi ${recipientName},`;
  return {
    text: `${greeting}\n\n${core.text}\n\n--\n${FOOTER}\n`,
    html: `<!doctype html><html><body style="font-family:Arial,sans-serif"><p>${escapeHtml(greeting)}</p>${core.html}<hr><p style="color:#666;font-size:small">${escapeHtml(FOOTER)}</p></body></html>`,
  };
}

/** Several cores under one subject: the daily digest. */
export function mergeCores(cores: MessageCore[], day: Date): MessageCore {
  return {
    subject: `${SUBJECT_PREFIX} Tổng hợp ${cores.length} thông báo ngày ${formatShortDate(day)}`,
    text: cores.map((c, i) => `${i + 1}. ${c.subject}\n${c.text}`).join('\n\n'),
    html: cores.map((c) => `<h3>${escapeHtml(c.subject)}</h3>${c.html}`).join('<hr>'),
  };
}

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false });

/** "14:05 ngày 01/12/2026", in Vietnam's time. */
export function formatMoment(at: Date): string {
  return `${VIETNAM_TIME.format(at)} ngày ${formatShortDate(at)}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
