/**
 * Units inside an organisation (Hướng dẫn 31-HD/BTCTW): its ban ("Ban Phong trào") and its office
 * ("Văn phòng"). A plan is drafted by one of them, which keeps its file copy: the archive line names it.
 * (No imports: the admin UI uses it too.)
 */
export const UNIT_KINDS = ['ban', 'office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  ban: 'Ban',
  office: 'Văn phòng',
};

/** A unit's code as printed in archive lines and symbols: "BPT", "VP", "TC-KT". */
export const UNIT_CODE_PATTERN = /^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u;

/** The archive line every plan starts with: the văn thư (VT) keeps the original. */
export const DEFAULT_ARCHIVE_LINE = 'Lưu: VT.';

/** "Lưu: VT, BPT.": the văn thư and the drafting unit each keep a copy; "Lưu: VT." without a unit. */
export function proposedArchiveLine(unitCode: string | null): string {
  return unitCode ? `Lưu: VT, ${unitCode}.` : DEFAULT_ARCHIVE_LINE;
}

/**
 * The archive line once the drafting unit changes from `fromCode` to `toCode`: the new unit's proposal
 * while the line is still the one proposed for the former unit (or the default), else the drafter's
 * own text, kept as written.
 */
export function archiveLineForUnit(current: string, fromCode: string | null, toCode: string | null): string {
  const proposed = [proposedArchiveLine(fromCode), DEFAULT_ARCHIVE_LINE];
  return proposed.includes(current.trim()) ? proposedArchiveLine(toCode) : current;
}
