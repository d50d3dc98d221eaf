import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TemplateKind } from '../../core/template-kinds';
import { findInAncestors } from './repository-files';

/** The shipped templates, built by templates/build-templates.js. */
export const TEMPLATE_FILE_NAMES: Record<TemplateKind, string> = {
  single: 'ke-hoach.docx',
  joint: 'ke-hoach-phoi-hop.docx',
};

/** The issuer's summary of one reporting deadline (render-summary.ts); shipped only, not per organisation. */
export const REPORT_SUMMARY_TEMPLATE_FILE_NAME = 'tong-hop-bao-cao.docx';

/** The outgoing register (render-register.ts); shipped only. */
export const NUMBER_REGISTER_TEMPLATE_FILE_NAME = 'so-dang-ky-van-ban-di.docx';

let templatesDirectory: string | undefined;
const cache = new Map<string, Buffer>();

/** The repository's templates/ folder, found once by walking up from this file. */
export function defaultTemplatesDirectory(): string {
  templatesDirectory ??= dirname(findInAncestors(join('templates', TEMPLATE_FILE_NAMES.single)));
  return templatesDirectory;
}

/** A shipped template's bytes, read from disk on first use and kept in memory after. */
export function shippedTemplate(fileName: string): Buffer {
  let bytes = cache.get(fileName);
  if (!bytes) {
    bytes = readFileSync(join(defaultTemplatesDirectory(), fileName));
    cache.set(fileName, bytes);
  }
  return bytes;
}

/** The shipped plan template of this kind. */
export function defaultTemplate(kind: TemplateKind): Buffer {
  return shippedTemplate(TEMPLATE_FILE_NAMES[kind]);
}
