/**
 * The realistic mix: 32 clients of one issuer (Mộc Châu; bpt.mocchau holds every workflow role), each
 * creating a plan, taking it through SUBMIT, FORWARD, APPROVE and ISSUE, and downloading the issued
 * document, again and again. ISSUEs (the register's counter lock, the DOCX rendering) and downloads
 * run beside the state changes, whose latency is what a user waits for on a busy day.
 */
import { ApiClient, BenchApp, eventBody, measuredLoad, planContent } from './bench-app';
import type { LatencySummary, LoadRequest, LoadResult } from './load';

/** The mix's steps, in order: each label's latency is summarised apart. */
export const MIX_STEPS = ['tạo', 'SUBMIT', 'FORWARD', 'APPROVE', 'ISSUE', 'tải văn bản'] as const;
/** The steps that change state. */
export const MIX_TRANSITIONS = ['SUBMIT', 'FORWARD', 'APPROVE', 'ISSUE'] as const;

export interface MixResult {
  connections: number;
  run: LoadResult;
  /** 2xx latencies per step */
  steps: Record<(typeof MIX_STEPS)[number], LatencySummary | undefined>;
  /** state changes answered 2xx, per second */
  transitionsPerSecond: number;
}

const event = (type: string): LoadRequest => ({ method: 'POST', path: '/api/plans/{id}/events', body: JSON.stringify(eventBody(type)), label: type });

export async function benchMix(bench: BenchApp, options: { connections: number; seconds: number; warmUpSeconds: number }): Promise<MixResult> {
  const user = await ApiClient.login(bench.url, 'bpt.mocchau');
  const cycle: LoadRequest[] = [
    { method: 'POST', path: '/api/plans', body: JSON.stringify(planContent(user.user.organisationId, 'Kế hoạch đo hiệu năng: vòng đời đầy đủ')), captureId: true, label: 'tạo' },
    ...MIX_TRANSITIONS.map(event),
    { method: 'GET', path: '/api/plans/{id}/document', label: 'tải văn bản' },
  ];
  const spec = (seconds: number) => ({ url: bench.url, connections: options.connections, duration: seconds, headers: user.authHeaders, sequences: [cycle], timeout: 30 });
  await measuredLoad(bench, spec(options.warmUpSeconds));
  await bench.idle();
  const run = await measuredLoad(bench, spec(options.seconds));
  const steps = Object.fromEntries(MIX_STEPS.map((step) => [step, run.byLabel[step]])) as MixResult['steps'];
  const transitions = MIX_TRANSITIONS.reduce((sum, step) => sum + (steps[step]?.count ?? 0), 0);
  return { connections: options.connections, run, steps, transitionsPerSecond: transitions / run.seconds };
}
