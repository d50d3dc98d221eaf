import type { BodyBlock, PlanContent } from './plan-content';

export type BlockChange =
  | { op: 'same'; before: BodyBlock; after: BodyBlock }
  | { op: 'changed'; before: BodyBlock; after: BodyBlock }
  | { op: 'added'; after: BodyBlock }
  | { op: 'removed'; before: BodyBlock };

const sameBlock = (a: BodyBlock, b: BodyBlock) => a.type === b.type && a.text === b.text && Boolean(a.asParagraph) === Boolean(b.asParagraph);

/**
 * Block-level diff of two bodies (longest common subsequence), so a co-signer sees what changed
 * since the version it signed. A removal directly followed by an addition is shown as one change.
 */
export function diffBlocks(before: BodyBlock[], after: BodyBlock[]): BlockChange[] {
  const lcs = commonSuffixLengths(before, after);
  const changes: BlockChange[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && sameBlock(before[i], after[j])) {
      changes.push({ op: 'same', before: before[i++], after: after[j++] });
    } else if (i < before.length && (j === after.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      changes.push({ op: 'removed', before: before[i++] });
    } else {
      changes.push({ op: 'added', after: after[j++] });
    }
  }
  return pairRemovalsWithAdditions(changes);
}

/** lcs[i][j] = length of the longest common subsequence of before[i..] and after[j..]. */
function commonSuffixLengths(before: BodyBlock[], after: BodyBlock[]): number[][] {
  const lcs = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lcs[i][j] = sameBlock(before[i], after[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  return lcs;
}

function pairRemovalsWithAdditions(changes: BlockChange[]): BlockChange[] {
  const result: BlockChange[] = [];
  for (let k = 0; k < changes.length; k++) {
    const current = changes[k];
    const next = changes[k + 1];
    if (current.op === 'removed' && next?.op === 'added') {
      result.push({ op: 'changed', before: current.before, after: next.after });
      k++;
    } else {
      result.push(current);
    }
  }
  return result;
}

/** Top-level content fields, other than the body, whose values differ. */
export function changedFields(before: PlanContent, after: PlanContent): string[] {
  return (Object.keys({ ...before, ...after }) as (keyof PlanContent)[])
    .filter((key) => key !== 'body')
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}
