import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findInAncestors } from './repository-files';

export type TemplateKind = 'single' | 'joint';

/** The shipped templates, built by templates/build-templates.js. */
export const TEMPLATE_FILE_NAMES: Record<TemplateKind, string> = {
  single: 'ke-hoach.docx',
  joint: 'ke-hoach-phoi-hop.docx',
};

let templatesDirectory: string | undefined;
const cache = new Map<TemplateKind, Buffer>();

/** The repository's templates/ folder, found once by walking up from this file. */
export function defaultTemplatesDirectory(): string {
  templatesDirectory ??= dirname(findInAncestors(join('templates', TEMPLATE_FILE_NAMES.single)));
  return templatesDirectory;
}

/** The shipped template's bytes, read from disk on first use and kept in memory after. */
export function defaultTemplate(kind: TemplateKind): Buffer {
  let bytes = cache.get(kind);
  if (!bytes) {
    bytes = readFileSync(join(defaultTemplatesDirectory(), TEMPLATE_FILE_NAMES[kind]));
    cache.set(kind, bytes);
  }
  return bytes;
}
