/**
 * Rendering throughput on one core (the render is synchronous, so one loop is one core):
 * a 40-block plan and the joint example (fixture 002, six signature blocks).
 * Wired into `npm run bench`; reads the example fixtures from templates/fixtures/examples.
 */
import { performance } from 'node:perf_hooks';
import type { PlanContent } from '../src/plans/plan-content';
import { exampleContent, exampleOrganisations } from '../src/documents/rendering/example-fixtures';
import type { DocumentOrganisation, RenderInput } from '../src/documents/rendering/render-input';
import { renderPlanDocx } from '../src/documents/rendering/render-plan';

export interface RenderingBenchResult {
  name: string;
  docsPerSecond: number;
  p99Ms: number;
}

const WARM_UP = 20;
const PLAN_BLOCKS = 40;

function issued(content: PlanContent, organisations: Record<string, DocumentOrganisation>): RenderInput {
  const ids = [content.issuerId, ...content.coIssuerIds];
  return {
    content,
    issuer: organisations[content.issuerId],
    coIssuers: content.coIssuerIds.map((id) => organisations[id]),
    numbering: { number: 227, symbol: 'KH-MTTQ-BTT', issuedAt: new Date('2022-04-15T03:00:00Z') },
    signerNames: Object.fromEntries(ids.map((id, i) => [id, `Người ký ${i + 1}`])),
    draft: false,
  };
}

/** Example 000 with its body repeated up to exactly `blocks` blocks. */
function planWithBlocks(example: PlanContent, blocks: number): PlanContent {
  return { ...example, body: Array.from({ length: blocks }, (_, i) => example.body[i % example.body.length]) };
}

function measure(name: string, input: RenderInput, iterations: number): RenderingBenchResult {
  for (let i = 0; i < WARM_UP; i++) renderPlanDocx(input);
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    renderPlanDocx(input);
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const totalMs = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    name,
    docsPerSecond: Math.round((iterations / totalMs) * 1000),
    p99Ms: Number(durations[Math.ceil(iterations * 0.99) - 1].toFixed(2)),
  };
}

export async function benchRendering(iterations = 200): Promise<RenderingBenchResult[]> {
  const organisations = exampleOrganisations();
  const plan = planWithBlocks(exampleContent('000'), PLAN_BLOCKS);
  const joint = exampleContent('002');
  return [
    measure(`render DOCX: plan, ${PLAN_BLOCKS} blocks + appendix`, issued(plan, organisations), iterations),
    measure('render DOCX: joint plan 002, 6 signature blocks', issued(joint, organisations), iterations),
  ];
}
