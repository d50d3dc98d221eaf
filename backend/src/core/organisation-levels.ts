/**
 * The levels an organisation may sit at, with their Vietnamese labels. A text column, not a database
 * enum: the tree before 1 July 2025 (province, district, commune) and the two-tier tree after it
 * (province, commune) both fit, and a level added later is one line here. Communes, wards and special
 * zones are one level ("xã, phường, đặc khu").
 */
export const ORGANISATION_LEVEL_LABELS = {
  central: 'Trung ương',
  province: 'Tỉnh, thành phố',
  district: 'Huyện, quận, thị xã (trước 01/7/2025)',
  commune: 'Xã, phường, đặc khu',
} as const;

export type OrganisationLevel = keyof typeof ORGANISATION_LEVEL_LABELS;
export const ORGANISATION_LEVELS = Object.keys(ORGANISATION_LEVEL_LABELS) as OrganisationLevel[];

/** What an organisation change is (rename, move, merge into a successor, dissolve). */
export const ORGANISATION_CHANGE_KINDS = ['rename', 'move', 'merge', 'dissolve'] as const;
export type OrganisationChangeKind = (typeof ORGANISATION_CHANGE_KINDS)[number];

export const ORGANISATION_CHANGE_LABELS: Record<OrganisationChangeKind, string> = {
  rename: 'Đổi tên',
  move: 'Chuyển',
  merge: 'Hợp nhất',
  dissolve: 'Giải thể',
};
