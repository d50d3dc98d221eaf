/** Type abbreviations of Phụ lục III (FORMAT.md "Symbols") and the names the register prints and the admin shows. (No imports: the admin UI uses it too.) */
export const DOCUMENT_TYPE_NAMES = {
  KH: 'Kế hoạch',
  BC: 'Báo cáo',
  CTr: 'Chương trình',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  QĐ: 'Quyết định',
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  ĐA: 'Đề án',
  PA: 'Phương án',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  GM: 'Giấy mời',
} as const;

export type DocumentTypeCode = keyof typeof DOCUMENT_TYPE_NAMES;

export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPE_NAMES) as DocumentTypeCode[];

/** "Kế hoạch", or the code itself for a type the register no longer lists. */
export function documentTypeName(code: string): string {
  return (DOCUMENT_TYPE_NAMES as Record<string, string>)[code] ?? code;
}
