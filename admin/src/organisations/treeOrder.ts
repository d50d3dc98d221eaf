import type { Organisation } from '../types';

const byName = (a: Organisation, b: Organisation) => a.name.localeCompare(b.name, 'vi');

/**
 * The organisations in tree order with siblings sorted by name: each one right after its parent.
 * (The API's `path` order puts each under its parent too, but orders siblings by their uuid.)
 * An organisation whose parent is not among them starts a tree of its own.
 */
export function treeOrder(organisations: Organisation[]): Organisation[] {
  const ids = new Set(organisations.map((organisation) => organisation.id));
  const children = new Map<string | null, Organisation[]>();
  for (const organisation of organisations) {
    const parent = organisation.parentId && ids.has(organisation.parentId) ? organisation.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), organisation]);
  }
  const ordered: Organisation[] = [];
  const visit = (parent: string | null) => {
    for (const child of (children.get(parent) ?? []).sort(byName)) {
      ordered.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return ordered;
}
