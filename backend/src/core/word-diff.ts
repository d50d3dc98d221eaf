/**
 * Word-by-word difference of two texts, so a signer re-reads only what changed. Pure (no imports):
 * the admin UI and the API share it.
 */
export type WordOp = 'same' | 'added' | 'removed';

export interface WordChange {
  op: WordOp;
  text: string;
}

/**
 * A word is a run of letters, combining marks and digits (Vietnamese diacritics belong to their
 * word even when typed decomposed); spaces and each punctuation mark are tokens of their own.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

const tokensOf = (text: string) => text.normalize('NFC').match(TOKEN) ?? [];

const isSpace = (text: string) => /^\s+$/.test(text);

/**
 * The changes that turn `before` into `after`, in reading order: unchanged runs as `same`, and in
 * each changed stretch what was removed followed by what was added.
 */
export function diffWords(before: string, after: string): WordChange[] {
  const changes = diffSequences(tokensOf(before), tokensOf(after), (a, b) => a === b).map(
    (change): WordChange => ({ op: change.op, text: change.op === 'removed' ? change.before : change.after }),
  );
  return groupStretches(absorbLoneSpaces(changes));
}

export type SequenceChange<T> = { op: 'same'; before: T; after: T } | { op: 'removed'; before: T } | { op: 'added'; after: T };

/**
 * Longest-common-subsequence difference of two sequences. The common head and tail are taken off
 * first: an edit usually touches a few words of a long text, so the table stays small.
 */
export function diffSequences<T>(before: T[], after: T[], same: (a: T, b: T) => boolean): SequenceChange<T>[] {
  let head = 0;
  while (head < before.length && head < after.length && same(before[head], after[head])) head++;
  let tail = 0;
  const fits = () => tail < before.length - head && tail < after.length - head;
  while (fits() && same(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  const unchanged = (from: number, count: number, offset: number): SequenceChange<T>[] =>
    before.slice(from, from + count).map((item, k) => ({ op: 'same', before: item, after: after[from + offset + k] }));
  return [
    ...unchanged(0, head, 0),
    ...diffMiddle(before.slice(head, before.length - tail), after.slice(head, after.length - tail), same),
    ...unchanged(before.length - tail, tail, after.length - before.length),
  ];
}

/**
 * The LCS table has a cell per pair of items: two 5,000-character paragraphs rewritten throughout
 * need some 3 million. Past this (the API takes paragraphs of 20,000), the stretch is shown as
 * removed then added whole, rather than spend hundreds of megabytes on it.
 */
const MAX_TABLE_CELLS = 4_000_000;

/** The plain LCS walk over what the common head and tail leave. */
function diffMiddle<T>(before: T[], after: T[], same: (a: T, b: T) => boolean): SequenceChange<T>[] {
  if (before.length * after.length > MAX_TABLE_CELLS) {
    return [...before.map((item): SequenceChange<T> => ({ op: 'removed', before: item })), ...after.map((item): SequenceChange<T> => ({ op: 'added', after: item }))];
  }
  const lcs = commonSuffixLengths(before, after, same);
  const changes: SequenceChange<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && same(before[i], after[j])) {
      changes.push({ op: 'same', before: before[i++], after: after[j++] });
    } else if (i < before.length && (j === after.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      changes.push({ op: 'removed', before: before[i++] });
    } else {
      changes.push({ op: 'added', after: after[j++] });
    }
  }
  return changes;
}

/** lcs[i][j] = length of the longest common subsequence of before[i..] and after[j..]. */
function commonSuffixLengths<T>(before: T[], after: T[], same: (a: T, b: T) => boolean): Int32Array[] {
  const lcs = Array.from({ length: before.length + 1 }, () => new Int32Array(after.length + 1));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lcs[i][j] = same(before[i], after[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  return lcs;
}

/**
 * A space kept between two changes splits one rewritten phrase into word-by-word pairs
 * ("~~a~~ b ~~c~~ d"); counted as changed, the phrase reads as one removal and one addition.
 */
function absorbLoneSpaces(changes: WordChange[]): WordChange[] {
  const changed = (k: number) => changes[k] !== undefined && changes[k].op !== 'same';
  return changes.flatMap((change, k): WordChange[] =>
    change.op === 'same' && isSpace(change.text) && changed(k - 1) && changed(k + 1)
      ? [
          { op: 'removed', text: change.text },
          { op: 'added', text: change.text },
        ]
      : [change],
  );
}

/** Each unchanged run as one change, each changed stretch as its removed text then its added text. */
function groupStretches(changes: WordChange[]): WordChange[] {
  const result: WordChange[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) result.push({ op: 'removed', text: removed });
    if (added) result.push({ op: 'added', text: added });
    removed = added = '';
  };
  for (const change of changes) {
    if (change.op === 'removed') removed += change.text;
    else if (change.op === 'added') added += change.text;
    else {
      flush();
      const last = result[result.length - 1];
      if (last?.op === 'same') last.text += change.text;
      else result.push({ ...change });
    }
  }
  flush();
  return result;
}
