/**
 * Rendering throughput on one core (one loop is one core): DOCX and PDF of a 40-block plan and of the
 * joint example (fixture 002, six signature blocks), and the organisation's signature at issue on
 * that PDF (number and date filled, seal, PAdES signature) with a key opened as at signing time.
 * Wired into `npm run bench`; reads the example fixtures from templates/fixtures/examples.
 */
import { performance } from 'node:perf_hooks';
import type { PlanContent } from '../src/core/plan-content';
import { exampleContent, exampleOrganisations } from '../src/documents/rendering/example-fixtures';
import type { DocumentOrganisation, RenderInput } from '../src/documents/rendering/render-input';
import { renderPlanPdfFromInput } from '../src/documents/rendering/pdf/render-plan-pdf';
import { renderPlanDocx } from '../src/documents/rendering/render-plan';
import { createDemoCa, demoSealImage, embedSignature, issueDemoKey, prepareSignature, signWithKey } from '../src/signing';

export interface RenderingBenchResult {
  name: string;
  docsPerSecond: number;
  p99Ms: number;
  /** documents per second the issue asks for; null: a reference figure */
  target: number | null;
}

const DOCX_TARGET = 50;
const PDF_TARGET = 20;

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

async function measure(name: string, render: () => unknown, iterations: number, target: number | null): Promise<RenderingBenchResult> {
  for (let i = 0; i < WARM_UP; i++) await render();
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await render();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const totalMs = durations.reduce((sum, ms) => sum + ms, 0);
  return {
    name,
    docsPerSecond: Math.round((iterations / totalMs) * 1000),
    p99Ms: Number(durations[Math.ceil(iterations * 0.99) - 1].toFixed(2)),
    target,
  };
}

/** The clerk's step on the joint plan's PDF, rendered with blanks as before the first signature. */
async function organisationSignature(input: RenderInput): Promise<() => Promise<Buffer>> {
  const { pdf, layout } = await renderPlanPdfFromInput({ ...input, numbering: { ...input.numbering, number: null, issuedAt: null } }, { issueFields: true });
  const ca = createDemoCa();
  const key = issueDemoKey(ca, { commonName: input.issuer.name, organisation: input.issuer.name, kind: 'organisation', validFrom: new Date(Date.now() - 3600e3), validTo: new Date(Date.now() + 3600e3) });
  const box = layout.signatureBlocks.find((b) => b.organisationId === input.issuer.id)!.box;
  const seal = demoSealImage(input.issuer.name);
  return async () => {
    const prepared = await prepareSignature(Buffer.from(pdf), {
      fieldName: 'ban_hanh_1',
      box,
      appearance: { kind: 'seal', image: seal, diameterMm: 36 },
      signerName: input.issuer.name,
      signingTime: new Date(),
      fills: [{ name: 'so', value: '227' }, { name: 'ngay', value: '15' }, { name: 'thang', value: '4' }, { name: 'nam', value: '2022' }],
      stamps: layout.appendixFirstPage === null ? undefined : [{ page: layout.appendixFirstPage, lines: ['227/KH-MTTQ-BTT', '2022-04-15T10:00:00+07:00'] }],
    });
    return embedSignature(prepared.prepared, signWithKey(prepared.documentDigest, { privateKey: key.privateKey, certificate: key.certificatePem, chain: [ca.certificatePem] }));
  };
}

export async function benchRendering(iterations = 200): Promise<RenderingBenchResult[]> {
  const organisations = exampleOrganisations();
  const plan = issued(planWithBlocks(exampleContent('000'), PLAN_BLOCKS), organisations);
  const joint = issued(exampleContent('002'), organisations);
  const signJoint = await organisationSignature(joint);
  return [
    await measure(`render DOCX: plan, ${PLAN_BLOCKS} blocks + appendix`, () => renderPlanDocx(plan), iterations, DOCX_TARGET),
    await measure('render DOCX: joint plan 002, 6 signature blocks', () => renderPlanDocx(joint), iterations, DOCX_TARGET),
    await measure(`render PDF: plan, ${PLAN_BLOCKS} blocks + appendix`, () => renderPlanPdfFromInput(plan, { issueFields: false }), iterations / 2, PDF_TARGET),
    await measure('render PDF: joint plan 002, 6 signature blocks', () => renderPlanPdfFromInput(joint, { issueFields: false }), iterations / 2, PDF_TARGET),
    await measure('sign PDF at issue: 002, number + date + seal + PAdES', signJoint, iterations / 4, null),
  ];
}
