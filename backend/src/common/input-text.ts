import { invalid } from './app-error';

/** Deeper than any form the app accepts (a plan is 4 levels); deep nesting only ever exhausts the validator's stack. */
const MAX_INPUT_DEPTH = 64;

/**
 * What a string may not hold: PostgreSQL refuses NUL, the driver turns a lone surrogate into U+FFFD
 * (so the audit hash of the text as sent would no longer match the text as stored), and control and
 * bidirectional-override characters have no place in a plan but to hide or reorder what a reader sees.
 */
const PROBLEMS: [RegExp, string][] = [
  [/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, 'chứa ký tự không hợp lệ (mã Unicode hỏng)'],
  [/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/, 'chứa ký tự không hợp lệ (ký tự điều khiển)'],
  [/[\u202a-\u202e\u2066-\u2069]/, 'chứa ký tự không hợp lệ (ký tự đảo chiều văn bản)'],
];

/** A key that would reach an object's prototype when copied by assignment. */
const PROTOTYPE_KEY = '__proto__';

interface Slot {
  holder: Record<string, unknown>;
  key: string;
  path: string;
  depth: number;
}

/**
 * Checks and normalises one request value (a body, a query, a path parameter, a list filter) before
 * anything validates, hashes or stores it: every string in it becomes NFC with "\n" line ends, and a
 * string or key with a character above, or nesting deeper than MAX_INPUT_DEPTH, is a 400 naming the field
 * (`body.3.text`). Iterative, so no input can exhaust the stack. `name` is the value's own field name
 * (`comment`, `filter`), or '' for a whole body; `kind` names the error when there is no field to name.
 */
export function cleanInput(value: unknown, name: string, kind: string): unknown {
  const box: Record<string, unknown> = { value };
  const stack: Slot[] = [{ holder: box, key: 'value', path: name, depth: 0 }];
  while (stack.length) {
    const { holder, key, path, depth } = stack.pop()!;
    const item = holder[key];
    if (typeof item === 'string') {
      refuseText(item, path || kind);
      holder[key] = item.normalize('NFC').replace(/\r\n?/g, '\n');
    } else if (item !== null && typeof item === 'object') {
      if (depth >= MAX_INPUT_DEPTH) throw invalid({ [path.split('.')[0] || kind]: `lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp)` });
      for (const child of Object.keys(item)) {
        if (child === PROTOTYPE_KEY) throw invalid({ [path || kind]: `không được có trường "${PROTOTYPE_KEY}"` });
        refuseText(child, path || kind, 'tên trường ');
        stack.push({ holder: item as Record<string, unknown>, key: child, path: path ? `${path}.${child}` : child, depth: depth + 1 });
      }
    }
  }
  return box.value;
}

function refuseText(text: string, field: string, what = ''): void {
  const problem = PROBLEMS.find(([pattern]) => pattern.test(text));
  if (problem) throw invalid({ [field]: `${what}${problem[1]}` });
}
