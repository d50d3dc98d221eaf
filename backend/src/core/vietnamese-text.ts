/**
 * Text as it goes into a Word document: Unicode NFC (FORMAT.md), and only characters XML 1.0
 * allows — a stray control character (e.g. Word's vertical-tab line break pasted into a form)
 * would otherwise make the whole .docx unreadable.
 */

const LINE_BREAKS = /\r\n|[\r\v\u2028\u2029]/g;
// C0 controls other than tab and newline, lone surrogates, and the non-characters U+FFFE/U+FFFF.
const NOT_ALLOWED_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// What NOT_ALLOWED_IN_XML might match, cheap to test: a control character, U+FFFE/U+FFFF, or any
// surrogate (most are well-formed pairs; only then is the costlier expression run).
const MAYBE_NOT_ALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** NFC, newlines as "\n" (rendered as line breaks), characters XML cannot hold removed. */
export function cleanText(text: string): string {
  const normalized = text.normalize('NFC').replace(LINE_BREAKS, '\n');
  return MAYBE_NOT_ALLOWED.test(normalized) ? normalized.replace(NOT_ALLOWED_IN_XML, '') : normalized;
}

/** Every string of a view (objects and arrays walked) through cleanText, whatever field it came from. */
export function cleanAllText<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanAllText) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanAllText(item)])) as T;
  }
  return value;
}

export function upperCaseVietnamese(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** "KẾ HOẠCH PHỐI HỢP" → "Kế hoạch phối hợp" */
export function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * A collective body's name as written inside a sentence: "BAN THƯỜNG TRỰC" → "Ban Thường trực",
 * "BAN CHẤP HÀNH" → "Ban Chấp hành" (Vietnamese capitalises the first two words of these names).
 */
export function bodyNameInSentence(bodyName: string): string {
  const words = bodyName.trim().toLocaleLowerCase('vi').split(/\s+/);
  return words
    .map((word, index) => (index < 2 ? word.charAt(0).toLocaleUpperCase('vi') + word.slice(1) : word))
    .join(' ');
}

/** A summary inside a sentence: "Triển khai …" → "triển khai …", but an acronym such as "MTTQ …" stays. */
export function lowerFirstWord(text: string): string {
  const first = text.split(/\s/, 1)[0];
  if (first.length > 1 && first === first.toLocaleUpperCase('vi')) return text;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
