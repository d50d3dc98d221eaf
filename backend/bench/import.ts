/**
 * Import of a 20-page plan (POST /api/plans/import's reading, without HTTP and the one query for the
 * organisation tree): as pasted text, and as the Word file the app itself issues for it (header and
 * signature tables, the appendix), read through the bounded unzip and mammoth.
 */
import { performance } from 'node:perf_hooks';
import { exampleContent, exampleOrganisations } from '../src/documents/rendering/example-fixtures';
import { renderPlanDocx } from '../src/documents/rendering/render-plan';
import { numberBlocks } from '../src/core/block-numbering';
import { parsePlan } from '../src/plans/import/parse-plan';
import { readDocx } from '../src/plans/import/read-docx';
import { readText, type SourceItem } from '../src/plans/import/source';
import type { PlanContent } from '../src/core/plan-content';

export interface ImportBenchResult {
  name: string;
  size: string;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the process per import, median: what the import costs when the machine is shared */
  cpuP50Ms: number;
}

/** About 3,000 characters fill an A4 page of 13–14 pt body text. */
const CHARS_PER_PAGE = 3000;
const PAGES = 20;
const WARM_UP = 5;

/** Example 000 with its body repeated until the plan fills PAGES pages. */
function longPlan(): PlanContent {
  const example = exampleContent('000');
  const bodyChars = example.body.reduce((sum, block) => sum + block.text.length, 0);
  const copies = Math.ceil((PAGES * CHARS_PER_PAGE) / bodyChars);
  return { ...example, body: Array.from({ length: copies }, () => example.body).flat() };
}

/** The plan as a drafter would paste it: every part on its lines, numbers typed. */
function asText(plan: PlanContent): string {
  const body = numberBlocks(plan.body).map(({ label, text }) => (label ? `${label} ${text}` : text));
  const indicators = (plan.form?.indicators ?? []).map((indicator) => `- ${indicator.label}:`);
  return [
    plan.heading ?? 'KẾ HOẠCH', plan.title, ...plan.preamble, ...body, ...plan.closing,
    'Nơi nhận:', ...plan.recipients.map((r) => `- ${r.label}${r.note ? ` (${r.note})` : ''};`), `- ${plan.archive}`,
    plan.signer.authority, plan.signer.title, plan.form?.title ?? '', ...indicators,
  ].join('\n');
}

async function measure(name: string, size: string, read: () => Promise<SourceItem[]>, iterations: number): Promise<ImportBenchResult> {
  const once = async () => parsePlan(await read(), { currentYear: 2026 });
  for (let i = 0; i < WARM_UP; i++) await once();
  const durations: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await once();
    const used = process.cpuUsage(startCpu);
    durations.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (values: number[], q: number) => Number([...values].sort((a, b) => a - b)[Math.ceil(iterations * q) - 1].toFixed(1));
  return { name, size, p50Ms: at(durations, 0.5), p99Ms: at(durations, 0.99), cpuP50Ms: at(cpu, 0.5) };
}

export async function benchImport(iterations = 40): Promise<ImportBenchResult[]> {
  const plan = longPlan();
  const text = asText(plan);
  const organisations = exampleOrganisations();
  const docx = renderPlanDocx({
    content: plan,
    issuer: organisations[plan.issuerId],
    coIssuers: [],
    numbering: { number: 227, symbol: 'KH-MTTQ-BTT', issuedAt: new Date('2022-04-15T03:00:00Z') },
    signerNames: { [plan.issuerId]: 'Nguyễn Thị Hồng Vân' },
    draft: false,
  });
  const pages = `≈ ${Math.round(text.length / CHARS_PER_PAGE)} trang, ${plan.body.length} mục`;
  return [
    await measure('nhập văn bản dán vào', `${pages}, ${Math.round(text.length / 1000)} nghìn ký tự`, async () => readText(text), iterations),
    await measure('nhập tệp Word (.docx)', `${pages}, ${Math.round(docx.length / 1024)} kB`, () => readDocx(docx), iterations),
  ];
}
