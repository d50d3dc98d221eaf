/**
 * Which tags of a template the plan data cannot fill. Rendering alone only meets the tags of the
 * branches the data takes (a typo inside `{#preambleBases}` goes unseen while the preamble is
 * prose), so an uploaded template's tags are also compared, all of them, with the view model.
 */
import type { PlanView } from './plan-view-model';
import type { TagTree } from './render-plan';

/** The names a view provides, and for each the shape of what a section over it sees. */
interface Shape {
  fields: Map<string, Shape>;
}

const emptyShape = (): Shape => ({ fields: new Map() });

/** Adds `value`'s names to `shape`: an object's keys, an array's items', nothing for a scalar. */
function addToShape(shape: Shape, value: unknown): Shape {
  if (Array.isArray(value)) {
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

/**
 * Tags no view provides, as "{a}" or "{a} trong {#body}". As in docxtemplater, a name inside a
 * section is looked up in the section's item first, then in each enclosing scope; "{.}" is the
 * item itself.
 */
export function unknownTags(tags: TagTree, shape: Shape): string[] {
  const unknown: string[] = [];
  const visit = (tree: TagTree, scopes: Shape[], path: string[]) => {
    for (const [name, children] of Object.entries(tree)) {
      if (name === '.') continue;
      const found = [...scopes].reverse().find((scope) => scope.fields.has(name))?.fields.get(name);
      if (!found) {
        unknown.push(path.length ? `{${name}} trong {#${path.join('}/{#')}}` : `{${name}}`);
        continue;
      }
      visit(children, [...scopes, found], [...path, name]);
    }
  };
  visit(tags, [shape], []);
  return unknown;
}
