/**
 * The three real plans of templates/fixtures/examples (their README says how they were made). The
 * app needs them at run time — the check of an uploaded organisation template and the rendering
 * benchmark render them — so they ship in templates/ with the shipped templates, not in tests/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanContent } from '../../core/plan-content';
import type { DocumentOrganisation } from './render-input';
import { defaultTemplatesDirectory } from './template-files';

/** templates/fixtures/examples, found with the templates (from backend/src and from dist/ alike). */
export function exampleFixturesDirectory(): string {
  return join(defaultTemplatesDirectory(), 'fixtures', 'examples');
}

export const EXAMPLE_NAMES = ['000', '002', '003'] as const;
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

const cache = new Map<string, unknown>();

/** A fixture file parsed, read once; callers get a fresh copy they may change. */
export function readExampleFixture<T>(file: string): T {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(join(exampleFixturesDirectory(), file), 'utf8')));
  return structuredClone(cache.get(file)) as T;
}

/** An example plan's content, organisations still named by placeholders ("ORG:MTTQ"). */
export function exampleContent(name: ExampleName): PlanContent {
  return readExampleFixture<PlanContent>(`${name}.json`);
}

/** The organisation each placeholder id stands for. */
export function exampleOrganisations(): Record<string, DocumentOrganisation> {
  return readExampleFixture<Record<string, DocumentOrganisation>>('organisations.json');
}
