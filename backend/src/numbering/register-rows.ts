/**
 * What each column of the outgoing register (Phụ lục IV) holds, from what the app knows of an
 * entry: a plan it issued gives its signer, recipients, archive line, when it was sent and who
 * acknowledged it; a document registered from outside gives only its number, date and summary.
 */
import { formatDocumentNumber } from '../core/document-number';
import type { Recipient } from '../core/plan-content';
import type { NumberRegisterRow } from '../documents/rendering';
import { documentTypeName } from '../core/document-types';
import { lowerFirstWord } from '../core/vietnamese-text';
import type { RegisterExportRecord } from './register-export.repository';

export function toRegisterRow(record: RegisterExportRecord): NumberRegisterRow {
  const archiveUnits = archiveUnitsOf(record.archive);
  const recipients = record.recipients ?? [];
  return {
    numberAndSymbol: formatDocumentNumber(record.number, record.symbol),
    issuedAt: record.issuedAt,
    typeAndSummary: typeAndSummary(record.typeCode, record.title),
    signer: record.signer ?? '',
    recipients: recipients.map(recipientLine).join('\n'),
    // The unit that drafted the plan keeps its file copy; else the units the archive line names.
    fileCopy: record.draftingUnit ?? archiveUnits.join(', '),
    // One copy for each recipient line and each unit keeping one; unknown for an outside document.
    copies: record.external ? null : recipients.length + archiveUnits.length,
    sentAt: record.distributedAt,
    receipt: record.deliveries ? `${record.acknowledged}/${record.deliveries} đơn vị đã nhận` : '',
    notes: notes(record),
  };
}

/**
 * "Kế hoạch tổ chức Ngày hội …": the type's name, then the summary as the rest of the sentence —
 * its first letter in lower case unless the first word is an abbreviation ("MTTQ", "UBND"); a summary
 * that already starts with the type's name ("Báo cáo kết quả …") is kept as it is.
 */
export function typeAndSummary(typeCode: string, title: string): string {
  const summary = title.trim();
  const typeName = documentTypeName(typeCode);
  if (summary.toLocaleLowerCase('vi').startsWith(`${typeName.toLocaleLowerCase('vi')} `)) return summary;
  return `${typeName} ${lowerFirstWord(summary)}`.trim();
}

/** "Lưu: VT, BPT." → ["VT", "BPT"] */
export function archiveUnitsOf(archive: string | null): string[] {
  if (!archive) return [];
  return archive
    .replace(/^\s*-?\s*Lưu\s*:?/iu, '')
    .replace(/[.;]\s*$/u, '')
    .split(',')
    .map((unit) => unit.trim())
    .filter(Boolean);
}

/** "UB TW MTTQ Việt Nam (b/c)" */
function recipientLine(recipient: Recipient): string {
  return recipient.note ? `${recipient.label} (${recipient.note})` : recipient.label;
}

function notes(record: RegisterExportRecord): string {
  return [
    record.seriesName ? `Sổ ${record.seriesName}` : '',
    record.external ? 'Văn bản đăng ký ngoài hệ thống' : '',
    record.status === 'recalled' ? 'Đã thu hồi' : '',
    record.replaces ? `Thay thế Kế hoạch số ${record.replaces}` : '',
    record.replacedBy ? `Đã bị thay thế bởi Kế hoạch số ${record.replacedBy}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
