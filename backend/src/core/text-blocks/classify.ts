/**
 * What one line of a plan's body is, read the way a drafter types it: its typed number or bullet
 * ("I.", "1.", "1.1.", "-", "+") and whether a numbered item is a short heading or running text.
 *
 * Pure TypeScript without Node APIs: the admin UI imports this file (through `@backend`) to split
 * pasted paragraphs into blocks by exactly the rules the import uses.
 */

import type { InlineRun } from '../inline-markup';

/** A piece of text with its emphasis (plans/inline-markup.ts). */
export type Run = InlineRun;

/** The marker a line was typed with; `null` for running text. */
export type Marker = 'roman' | 'decimal' | 'subdecimal' | 'dash' | 'plus';

export interface ClassifiedLine {
  marker: Marker | null;
  /** the characters of the typed marker (with the spaces after it), as typed */
  markerText: string;
}

/** Longest numbered item that can still be a heading; past it, it is a numbered paragraph. */
export const HEADING_MAX_CHARS = 120;

// Each marker must be followed by text: "-----" is a rule, "1." alone is not an item.
const MARKERS: ReadonlyArray<[Marker, RegExp]> = [
  ['roman', /^[IVXL]{1,6}[.)]\s*(?=\S)/u],
  ['subdecimal', /^\d{1,2}\.\d{1,2}\.?\s*(?=\p{L})/u],
  ['decimal', /^\d{1,2}[.)]\s+(?=\S)/u],
  ['dash', /^[-–—•]\s*(?=[\p{L}\p{N}“"(])/u],
  ['plus', /^\+\s*(?=\S)/u],
];

export function classifyLine(text: string): ClassifiedLine {
  for (const [marker, pattern] of MARKERS) {
    const match = pattern.exec(text);
    if (match) return { marker, markerText: match[0] };
  }
  return { marker: null, markerText: '' };
}

/** Body level of a numbered marker: I. → 1, 1. → 2, 1.1. → 3. */
export function numberedLevel(marker: Marker | null): 1 | 2 | 3 | null {
  if (marker === 'roman') return 1;
  if (marker === 'decimal') return 2;
  if (marker === 'subdecimal') return 3;
  return null;
}

/**
 * A numbered item is a heading when it is short and does not end as a sentence does ("1. Mục đích",
 * "2. Liên đoàn Lao động tỉnh:"); otherwise it is a numbered paragraph of running text.
 */
export function isHeadingText(text: string): boolean {
  return text.length <= HEADING_MAX_CHARS && !/[.;!?…]["”’)]?$/u.test(text) && !/[.;!?]\s+\p{Lu}/u.test(text);
}

/** A line of only rule characters ("-----", "___"): the title's rule, layout rather than text. */
export function isRuleLine(text: string): boolean {
  return /^[-_=–—~*.\s]{3,}$/u.test(text) && /[-_=–—~]/u.test(text);
}

/**
 * Characters no plan shows and the API refuses (common/input-text.ts): control characters other than
 * spaces, bidirectional overrides, halves of a broken surrogate pair.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;

/** NFC, whitespace collapsed to single spaces and trimmed, unprintable characters dropped; emphasis kept, empty runs dropped. */
export function normaliseRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  let lastWasSpace = true;
  for (const run of runs) {
    let text = run.text.normalize('NFC').replace(UNPRINTABLE, '').replace(/\s+/gu, ' ');
    // A space that ends one run and one that starts the next are one space.
    if (lastWasSpace && text.startsWith(' ')) text = text.slice(1);
    if (!text) continue;
    lastWasSpace = text.endsWith(' ');
    appendRun(out, { ...run, text });
  }
  const last = out[out.length - 1];
  if (last && last.text.endsWith(' ')) {
    last.text = last.text.slice(0, -1);
    if (!last.text) out.pop();
  }
  return out;
}

/** Adds a run, merged into the previous one when the emphasis is the same. */
function appendRun(runs: Run[], run: Run): void {
  const previous = runs[runs.length - 1];
  if (previous && !!previous.italic === !!run.italic && !!previous.bold === !!run.bold) previous.text += run.text;
  else runs.push(run);
}

export const runsText = (runs: readonly Run[]): string => runs.map((run) => run.text).join('');

/** The runs without their first `count` characters (a typed marker). */
export function dropPrefix(runs: readonly Run[], count: number): Run[] {
  let rest = count;
  const out: Run[] = [];
  for (const run of runs) {
    if (rest >= run.text.length) {
      rest -= run.text.length;
      continue;
    }
    out.push({ ...run, text: run.text.slice(rest) });
    rest = 0;
  }
  return out;
}
