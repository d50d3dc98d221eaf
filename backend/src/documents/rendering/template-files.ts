import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlanKind } from '../../plans/plan-content';
import { findInAncestors } from './repository-files';

/** `single`: a plan of one issuer; `joint`: a joint plan (one signature block per organisation). */
export const TEMPLATE_KINDS = ['single', 'joint'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The template a plan of this kind is rendered from. */
export function templateKindOf(planKind: PlanKind): TemplateKind {
  return planKind === 'joint_plan' ? 'joint' : 'single';
}

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
