/**
 * The content of a plan (DESIGN.md §3): what a drafter writes and every saved edit versions.
 * Number, issue date and signer names are not content: they come from the workflow.
 */
export const PLAN_KINDS = ['plan', 'joint_plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const BLOCK_TYPES = ['heading1', 'heading2', 'heading3', 'paragraph', 'bullet', 'subbullet'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** The levels that carry a derived number (I., 1., 1.1.): each a heading or a numbered paragraph. */
export const NUMBERED_BLOCK_TYPES: readonly BlockType[] = ['heading1', 'heading2', 'heading3'];

/** `decimal`: a measure such as 12,5 km; `integer` counts; `percent` 0–100. */
export const INDICATOR_TYPES = ['integer', 'decimal', 'percent', 'text'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/**
 * A preamble line is a basis ("Căn cứ …", "Thực hiện …": italic by practice) or a statement
 * (upright: "Ban Thường trực … cụ thể như sau:").
 */
export const PREAMBLE_KINDS = ['basis', 'statement'] as const;
export type PreambleKind = (typeof PREAMBLE_KINDS)[number];

/**
 * Texts marked "markup" may hold inline emphasis (inline-markup.ts: *italic*, **bold**, \* escapes).
 * Fields added after the first model are optional, so content stored before stays valid with its hash.
 */
export interface BodyBlock {
  type: BlockType;
  /** markup */
  text: string;
  /**
   * heading1–3 only: true makes the item a numbered paragraph — running text after its derived
   * number, in body weight; absent, a short bold heading. The numbering is the same.
   */
  asParagraph?: boolean;
}

export interface Signer {
  /** e.g. "TM. BAN THƯỜNG TRỰC" */
  authority: string;
  /** optional "KT. CHỦ TỊCH" line between authority and title */
  deputy: string | null;
  /** e.g. "PHÓ CHỦ TỊCH" */
  title: string;
}

export interface Recipient {
  label: string;
  /** e.g. "b/c", rendered "(b/c)" */
  note?: string | null;
  /** internal organisations this line names; none for an outside recipient */
  orgIds?: string[];
}

export interface ReportingDeadline {
  name: string;
  /** ISO date, YYYY-MM-DD */
  dueDate: string;
  /**
   * In an implementing plan: the parent plan's reporting round this deadline reports to (set when
   * deriving, kept through reordering), so roll-ups never depend on the order of either list.
   */
  parentRoundId?: string | null;
}

export interface Indicator {
  /** the key of report values; the printed STT is derived from sections and groups */
  code: string;
  /** markup */
  label: string;
  unit: string;
  type: IndicatorType;
  /** markup: a section row ("SỐ LIỆU CHUNG", STT I, II…) printed before this indicator */
  section?: string;
  /** markup: a group row (STT 1, 2… within the section) printed before this indicator */
  group?: string;
}

export interface ReportingForm {
  title: string;
  /** markup: the line under the title, e.g. the campaign's name */
  subtitle?: string;
  indicators: Indicator[];
  /** markup: printed under the table after "Ghi chú:" */
  note?: string;
}

export interface PlanContent {
  kind: PlanKind;
  issuerId: string;
  coIssuerIds: string[];
  /** "KẾ HOẠCH" or "KẾ HOẠCH PHỐI HỢP" (practice: the drafter chooses); defaults by kind */
  heading?: string | null;
  title: string;
  place: string;
  /** markup, one paragraph each */
  preamble: string[];
  /**
   * One kind per preamble line. Absent (content written before kinds existed): every line is a
   * basis when there are several and each but the last ends with ";", otherwise a statement.
   */
  preambleKinds?: PreambleKind[];
  body: BodyBlock[];
  /** markup, one paragraph each */
  closing: string[];
  signer: Signer;
  recipients: Recipient[];
  archive: string;
  reporting: ReportingDeadline[];
  form: ReportingForm | null;
  parentPlanId: string | null;
}

/**
 * Each preamble line's kind: as written, or for content written before kinds existed, the rule the
 * documents followed then — every line a basis when there are several and each but the last ends
 * with ";", otherwise every line a statement. (No imports: the admin UI uses it too.)
 */
export function preambleKindsOf({ preamble, preambleKinds }: Pick<PlanContent, 'preamble' | 'preambleKinds'>): PreambleKind[] {
  if (preambleKinds) return preamble.map((_, i) => preambleKinds[i] ?? 'statement');
  const isBasisList = preamble.length >= 2 && preamble.slice(0, -1).every((line) => line.trimEnd().endsWith(';'));
  return preamble.map(() => (isBasisList ? 'basis' : 'statement'));
}

/**
 * The internal organisations the recipient lines name, each once, with the label of the first line
 * naming it: who DISTRIBUTE delivers to (a line may name several, "Ủy ban MTTQ các huyện").
 */
export function deliveryLabels(recipients: readonly Recipient[]): Map<string, string> {
  const labelByOrg = new Map<string, string>();
  for (const line of recipients) {
    for (const orgId of line.orgIds ?? []) if (!labelByOrg.has(orgId)) labelByOrg.set(orgId, line.label);
  }
  return labelByOrg;
}

/** An organisation as a plan's content names it: its id, and its name in the labels. */
export interface NamedOrganisation {
  id: string;
  name: string;
}

/**
 * The content of a plan not yet issued once `ended` is merged or dissolved: `successor` stands
 * wherever it stood — issuer, co-issuer, "Nơi nhận" line — each organisation named once. The issuer
 * is never its own co-issuer, and a line naming only the ended organisation goes when the successor is
 * named by another line. A label naming the ended organisation names the successor; a group label the
 * drafter typed ("Ủy ban MTTQ các huyện") stays.
 */
export function namingSuccessor(content: PlanContent, ended: NamedOrganisation, successor: NamedOrganisation): PlanContent {
  const swap = (id: string) => (id === ended.id ? successor.id : id);
  const issuerId = swap(content.issuerId);
  const coIssuerIds = [...new Set(content.coIssuerIds.map(swap))].filter((id) => id !== issuerId);
  let successorNamed = content.recipients.some((line) => line.orgIds?.includes(successor.id));
  const recipients = content.recipients.flatMap((line) => {
    if (!line.orgIds?.includes(ended.id)) return [line];
    const orgIds = [...new Set(line.orgIds.filter((id) => id !== ended.id || !successorNamed).map(swap))];
    successorNamed = true;
    return orgIds.length ? [{ ...line, orgIds, label: line.label && relabel(line.label, ended.name, successor.name) }] : [];
  });
  return { ...content, issuerId, coIssuerIds, recipients };
}

/** A label listing organisations (`recipientLabelOf`) with the ended one's name replaced, each name once. */
function relabel(label: string, endedName: string, successorName: string): string {
  const names = label.split(RECIPIENT_NAME_SEPARATOR);
  if (!names.includes(endedName)) return label.replace(endedName, successorName);
  return recipientLabelOf([...new Set(names.map((name) => (name === endedName ? successorName : name)))]);
}

/**
 * The printed label of a "Nơi nhận" line that names organisations and has no label of its own: every
 * one of them, in order ("Ủy ban MTTQ huyện A, Ủy ban MTTQ huyện B, …"). A group label the drafter
 * types ("Ủy ban MTTQ các huyện") takes its place.
 */
const RECIPIENT_NAME_SEPARATOR = ', ';
export const recipientLabelOf = (names: readonly string[]) => names.join(RECIPIENT_NAME_SEPARATOR);
