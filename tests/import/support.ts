/** Shared set-up of the import specs: the example plans as text, and calling the import endpoint. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanContent } from '../../backend/src/core/plan-content';
import type { TestApp } from '../support/test-app';

/**
 * The plain text of /work/shared/examples/NNN_….txt, copied here (CI may not have ../shared) and
 * unchanged: the import must read the extraction as it is, tabs and stray blank lines included.
 */
export function exampleText(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'examples-text', `${name}.txt`), 'utf8');
}

export interface Imported {
  content: PlanContent;
  warnings: string[];
}

export async function importText(t: TestApp, text: string, user = 'bpt.tinh'): Promise<Imported> {
  return (await t.as(user).post('/api/plans/import').send({ text }).expect(200)).body;
}

export async function importFile(t: TestApp, bytes: Buffer, fileName: string, user = 'bpt.tinh'): Promise<Imported> {
  return (await t.as(user).post('/api/plans/import').attach('file', bytes, fileName).expect(200)).body;
}
