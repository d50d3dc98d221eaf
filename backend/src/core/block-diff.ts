import { preambleKindsOf, type BodyBlock, type IndicatorType, type PlanContent, type PlanKind, type PreambleKind } from './plan-content';
import { diffSequences, diffWords, type SequenceChange, type WordChange } from './word-diff';

/** One line (a body block, a recipient, a deadline…) of a part: a changed line carries its word-by-word difference. */
export type LineChange<T> =
  | { op: 'same'; before: T; after: T }
  | { op: 'changed'; before: T; after: T; words: WordChange[] }
  | { op: 'added'; after: T }
  | { op: 'removed'; before: T };

export type BlockChange = LineChange<BodyBlock>;

/** The parts of a plan's content in the order the editor and the document show them. */
export const CONTENT_PARTS = [
  'kind', 'issuerId', 'coIssuerIds', 'heading', 'title', 'place', 'signer',
  'preamble', 'preambleKinds', 'body', 'closing', 'recipients', 'archive', 'reporting', 'form',
] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];
type TextPart = Exclude<ContentPart, 'body'>;

export type PartChange = { part: 'body'; lines: BlockChange[] } | { part: TextPart; lines: LineChange<string>[] };

const sameBlock = (a: BodyBlock, b: BodyBlock) => a.type === b.type && a.text === b.text && Boolean(a.asParagraph) === Boolean(b.asParagraph);

/**
 * Block-level diff of two bodies (longest common subsequence), so a co-signer sees what changed
 * since the version it signed; a block rewritten in place is one change, its text diffed word by word.
 */
export function diffBlocks(before: BodyBlock[], after: BodyBlock[]): BlockChange[] {
  return pairRemovalsWithAdditions(diffSequences(before, after, sameBlock), (a, b) => diffWords(a.text, b.text));
}

/** Each part whose lines differ, in the editor's order, with every line of it (the unchanged ones for context). */
export function diffContent(before: PlanContent, after: PlanContent, nameOf: (organisationId: string) => string): PartChange[] {
  const [linesBefore, linesAfter] = [partLines(before, nameOf), partLines(after, nameOf)];
  const parts = CONTENT_PARTS.map((part): PartChange =>
    part === 'body'
      ? { part, lines: diffBlocks(before.body, after.body) }
      : { part, lines: pairRemovalsWithAdditions(diffSequences(linesBefore[part], linesAfter[part], (a, b) => a === b), diffWords) },
  );
  return parts.filter(({ lines }) => lines.some((line) => line.op !== 'same'));
}

/**
 * Within each stretch of removals and additions, the first removed line is paired with the first
 * added one, and so on: a line rewritten in place reads as one change.
 */
function pairRemovalsWithAdditions<T>(changes: SequenceChange<T>[], words: (before: T, after: T) => WordChange[]): LineChange<T>[] {
  const result: LineChange<T>[] = [];
  let k = 0;
  while (k < changes.length) {
    if (changes[k].op === 'same') {
      result.push(changes[k++]);
      continue;
    }
    const removed: T[] = [];
    const added: T[] = [];
    for (; k < changes.length && changes[k].op !== 'same'; k++) {
      const change = changes[k];
      if (change.op === 'removed') removed.push(change.before);
      else if (change.op === 'added') added.push(change.after);
    }
    const paired = Math.min(removed.length, added.length);
    for (let p = 0; p < paired; p++) result.push({ op: 'changed', before: removed[p], after: added[p], words: words(removed[p], added[p]) });
    for (const before of removed.slice(paired)) result.push({ op: 'removed', before });
    for (const after of added.slice(paired)) result.push({ op: 'added', after });
  }
  return result;
}

const KIND_WORDS: Record<PlanKind, string> = { plan: 'Kế hoạch', joint_plan: 'Kế hoạch phối hợp' };
const PREAMBLE_KIND_WORDS: Record<PreambleKind, string> = { basis: 'Căn cứ (in nghiêng)', statement: 'Câu dẫn (chữ đứng)' };
const INDICATOR_TYPE_WORDS: Record<IndicatorType, string> = { integer: 'số nguyên', decimal: 'số thập phân', percent: 'tỷ lệ %', text: 'chữ' };

/** "2025-03-15" → "15/03/2025" */
const dayMonthYear = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** Each part other than the body as the lines a reader compares; empty lines left out. */
function partLines(content: PlanContent, nameOf: (organisationId: string) => string): Record<TextPart, string[]> {
  const { signer, form } = content;
  const lines: Record<TextPart, (string | null | undefined)[]> = {
    kind: [KIND_WORDS[content.kind]],
    issuerId: [nameOf(content.issuerId)],
    coIssuerIds: content.coIssuerIds.map(nameOf),
    heading: [content.heading],
    title: [content.title],
    place: [content.place],
    signer: [signer.authority, signer.deputy, signer.title],
    preamble: content.preamble,
    preambleKinds: preambleKindsOf(content).map((kind) => PREAMBLE_KIND_WORDS[kind]),
    closing: content.closing,
    recipients: content.recipients.map(({ label, note }) => (note ? `${label} (${note})` : label)),
    archive: [content.archive],
    reporting: content.reporting.map(({ name, dueDate }) => `${name}: hạn ${dayMonthYear(dueDate)}`),
    form: form
      ? [
          form.title,
          form.subtitle,
          ...form.indicators.flatMap((indicator) => [
            indicator.section && `Phần: ${indicator.section}`,
            indicator.group && `Nhóm: ${indicator.group}`,
            `${indicator.code}. ${indicator.label}${indicator.unit ? ` (${indicator.unit})` : ''}, ${INDICATOR_TYPE_WORDS[indicator.type]}`,
          ]),
          form.note && `Ghi chú: ${form.note}`,
        ]
      : [],
  };
  const present = (line: string | null | undefined): line is string => Boolean(line?.trim());
  return Object.fromEntries(Object.entries(lines).map(([part, values]) => [part, values.filter(present)])) as Record<TextPart, string[]>;
}
