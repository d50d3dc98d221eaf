/**
 * Search that ignores diacritics and case, as people type ("ke hoach nong thon moi" finds "Kế hoạch
 * … nông thôn mới"; "đ" and "d" alike). The database folds the same way (PostgreSQL `unaccent` and
 * `lower`, migration "search"); these functions fold the query and mark the matches in the text shown.
 * (No imports: the admin UI uses it too.)
 */

/** Words a query may hold: more would only narrow an already precise search. */
export const MAX_QUERY_WORDS = 8;

/** One character folded: its letter without tone or vowel marks, "đ" as "d", lower case. */
function foldCharOnce(char: string): string {
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return (base === 'đ' || base === 'Đ' ? 'd' : base).toLowerCase();
}

/**
 * Folded characters met so far: a text has few distinct ones, and normalising each again was most of
 * the search answer's CPU (every hit's paragraphs are folded to find its snippet).
 */
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = foldCharOnce(char);
    foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * The text folded character by character. A precomposed (NFC) letter folds to one character, so the
 * folded text's offsets are the original's — what lets a match found in it be marked in the original.
 */
export function foldVietnamese(text: string): string {
  // Only capitals and letters beyond ASCII change: the rest (most of a text) is left as it is.
  return text.normalize('NFC').replace(/[A-Z]|[^\x00-\x7F]/gu, (char) => {
    const one = foldChar(char);
    return one.length === char.length ? one : char;
  });
}

/** The query's words, folded: letters and digits only ("02/KH-MTTQ" → 02, kh, mttq). */
export function searchWords(query: string): string[] {
  return foldVietnamese(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_QUERY_WORDS);
}

/**
 * The query for PostgreSQL's full-text match (configuration `simple`, words folded as stored): every word
 * whole but the last, which may still be being typed and so is a prefix ("quynh nh" → quynh & nh:*).
 */
export interface TextQuery {
  /** what the GIN index looks up */
  indexed: string;
  /**
   * A last word of one or two letters, as a prefix, when other words come before it: such a prefix starts a
   * large share of all syllables ("so" → số, sơn, soạn, kiểm soát…), so collecting every document holding
   * any of them costs more than checking it on the rows the other words found. Null otherwise.
   */
  checked: string | null;
  /** all the words, to rank by */
  ranked: string;
}

/** Below this length a last word is checked on the rows found, not looked up (see TextQuery.checked). */
const INDEXED_PREFIX_LENGTH = 3;

export function textQuery(words: string[]): TextQuery {
  const whole = words.slice(0, -1);
  const last = `${words[words.length - 1]}:*`;
  const ranked = [...whole, last].join(' & ');
  const checkLast = whole.length > 0 && words[words.length - 1].length < INDEXED_PREFIX_LENGTH;
  return checkLast ? { indexed: whole.join(' & '), checked: last, ranked } : { indexed: ranked, checked: null, ranked };
}

/** [start, end) of a highlighted part of a text. */
export type TextRange = [number, number];

/** Where the text holds the query's words as the search matches them: whole, the last one as a prefix. */
export function matchRanges(text: string, words: string[]): TextRange[] {
  const nfc = text.normalize('NFC');
  const folded = foldVietnamese(nfc);
  const last = words[words.length - 1] ?? '';
  const ranges: TextRange[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const length = words.includes(word) ? word.length : last && word.startsWith(last) ? last.length : 0;
    if (length) ranges.push([match.index!, match.index! + length]);
  }
  return ranges;
}

export interface Snippet {
  text: string;
  highlights: TextRange[];
}

/**
 * Up to `width` characters of the text around its first match, cut at spaces, with "…" where it was
 * cut; the matches in it highlighted. Null when nothing in the text matches.
 */
export function snippetOf(text: string, words: string[], width = 160): Snippet | null {
  const nfc = text.normalize('NFC');
  const ranges = matchRanges(nfc, words);
  if (!ranges.length) return null;
  let start = Math.max(0, ranges[0][0] - Math.floor(width / 3));
  if (start > 0) start = nfc.indexOf(' ', start) + 1 || start;
  let end = Math.min(nfc.length, start + width);
  if (end < nfc.length) end = nfc.lastIndexOf(' ', end) > ranges[0][1] ? nfc.lastIndexOf(' ', end) : end;
  const prefix = start > 0 ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${nfc.slice(start, end)}${end < nfc.length ? '…' : ''}`,
    highlights: ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]) => [from + shift, to + shift]),
  };
}
