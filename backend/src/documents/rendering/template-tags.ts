/**
 * Which tags of a template the plan data cannot fill, and which would multiply the document.
 * Rendering alone only meets the tags of the branches the data takes (a typo inside
 * `{#preambleBases}` goes unseen while the preamble is prose), so an uploaded template's tags are
 * also compared, all of them, with the view model.
 */
import type { PlanView } from './plan-view-model';
import type { TagTree } from './render-plan';

/** The names a view provides, and for each the shape of what a section over it sees. */
interface Shape {
  fields: Map<string, Shape>;
  /** some view has an array here: a section over it repeats */
  list: boolean;
}

const emptyShape = (): Shape => ({ fields: new Map(), list: false });

/** Adds `value`'s names to `shape`: an object's keys, an array's items', nothing for a scalar. */
function addToShape(shape: Shape, value: unknown): Shape {
  if (Array.isArray(value)) {
    shape.list = true;
    for (const item of value) addToShape(shape, item);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      const fieldShape = shape.fields.get(key) ?? emptyShape();
      shape.fields.set(key, addToShape(fieldShape, field));
    }
  }
  return shape;
}

/** One shape covering every view: a section's names are known if any view fills them. */
export function shapeOfViews(views: PlanView[]): Shape {
  return views.reduce(addToShape, emptyShape());
}

/** A tag as docxtemplater resolves it: "{a}" or "{a} trong {#b}/{#c}" for messages. */
interface ResolvedTag {
  label: string;
  /** what the tag names; undefined when no view provides it */
  shape?: Shape;
  /** the sections opened between the scope the name was found in and the tag */
  innerScopes: Shape[];
}

/**
 * Visits every tag with what it resolves to. As in docxtemplater, a name inside a section is looked
 * up in the section's item first, then in each enclosing scope; "{.}" is the item itself.
 * `visit` answers whether to go on into the tag's section.
 */
function walkTags(tags: TagTree, shape: Shape, visit: (tag: ResolvedTag) => boolean): void {
  const walk = (tree: TagTree, scopes: Shape[], path: string[]) => {
    for (const [name, children] of Object.entries(tree)) {
      if (name === '.') continue;
      let found = scopes.length - 1;
      while (found >= 0 && !scopes[found].fields.has(name)) found--;
      const resolved = found >= 0 ? scopes[found].fields.get(name) : undefined;
      const label = path.length ? `{${name}} trong {#${path.join('}/{#')}}` : `{${name}}`;
      if (visit({ label, shape: resolved, innerScopes: scopes.slice(found + 1) }) && resolved) {
        walk(children, [...scopes, resolved], [...path, name]);
      }
    }
  };
  walk(tags, [shape], []);
}

/** Tags no view provides, as "{a}" or "{a} trong {#body}". */
export function unknownTags(tags: TagTree, shape: Shape): string[] {
  const unknown: string[] = [];
  walkTags(tags, shape, ({ label, shape: found }) => {
    if (!found) unknown.push(label);
    return found !== undefined;
  });
  return unknown;
}

/**
 * Tags that repeat a whole list once per item of another list around them, reached from outside
 * that list's items: `{#body}` inside `{#body}` or inside `{#recipients}`. Each such level
 * multiplies the document by the list's length; a list reached through its own item
 * (`{#signatureRows}{#left}{#headLines}`) only grows with the data, as in the shipped templates.
 */
export function multiplyingTags(tags: TagTree, shape: Shape): string[] {
  const multiplying: string[] = [];
  walkTags(tags, shape, ({ label, shape: found, innerScopes }) => {
    const multiplies = found !== undefined && holdsList(found) && innerScopes.some((scope) => scope.list);
    if (multiplies) multiplying.push(label);
    return !multiplies;
  });
  return multiplying;
}

function holdsList(shape: Shape): boolean {
  return shape.list || [...shape.fields.values()].some(holdsList);
}
