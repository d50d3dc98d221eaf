/**
 * Transitions per second: 32 clients, each cycling SUBMIT → WITHDRAW on its own draft plan of
 * Mộc Châu (bpt.mocchau holds all four workflow roles), so every request is a legal transition.
 * Twice: as fast as the clients can go (throughput), and held to the target rate (latency at that load).
 * Also, for reference: ISSUE (the number in a short transaction, the DOCX rendered after it) on approved plans.
 */
import { ApiClient, BenchApp, eventBody, measuredLoad, planContent } from './bench-app';
import { LoadRequest, LoadResult } from './load';
import { captureQueries, CapturedQuery } from './query-capture';

export interface TransitionsResult {
  connections: number;
  warmUp: LoadResult;
  /** as fast as the clients can: each sends its next request when the answer comes */
  run: LoadResult;
  /** the same clients held together to `targetRate` requests per second */
  atRate: LoadResult;
  targetRate: number;
  /** queries of one SUBMIT and one WITHDRAW, as sent by the ORM */
  submitQueries: CapturedQuery[];
  withdrawQueries: CapturedQuery[];
}

const eventPath = (planId: string) => `/api/plans/${planId}/events`;
const event = (planId: string, type: string): LoadRequest => ({ method: 'POST', path: eventPath(planId), body: JSON.stringify(eventBody(type)) });

export async function createDraftPlans(client: ApiClient, count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const plan = await client.expect<{ id: string }>(201, 'POST', '/api/plans', planContent(client.user.organisationId, `Kế hoạch đo hiệu năng ${label} số ${i + 1}`));
    ids.push(plan.id);
  }
  return ids;
}

export async function benchTransitions(
  bench: BenchApp,
  options: { connections: number; seconds: number; warmUpSeconds: number; targetRate: number },
): Promise<TransitionsResult> {
  const drafter = await ApiClient.login(bench.url, 'bpt.mocchau');
  const plans = await createDraftPlans(drafter, options.connections, 'chuyển trạng thái');

  // The SQL of one transition each way, on a plan not used by the load.
  const [probe] = await createDraftPlans(drafter, 1, 'truy vấn');
  await bench.idle();
  const submit = await captureQueries(bench.orm, () => drafter.sendEvent(probe, 'SUBMIT'));
  const withdraw = await captureQueries(bench.orm, () => drafter.sendEvent(probe, 'WITHDRAW'));

  const spec = (seconds: number, overallRate?: number) => ({
    url: bench.url,
    connections: options.connections,
    duration: seconds,
    overallRate,
    headers: drafter.authHeaders,
    // Client i owns plan i: SUBMIT (draft → in_review), then WITHDRAW (in_review → draft), again and again.
    sequences: plans.map((id) => [event(id, 'SUBMIT'), event(id, 'WITHDRAW')]),
  });
  // A client stopped mid-cycle leaves its plan in review, and requests sent just before the stop may
  // still be running: let them finish, then put every plan back to draft (re-reading after a 409).
  const resetToDraft = async () => {
    await bench.idle();
    for (const id of plans) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const answer = await drafter.call<{ status: string }>('GET', `/api/plans/${id}`);
        if (answer.body.status !== 'in_review') break;
        if ((await drafter.call('POST', eventPath(id), { type: 'WITHDRAW' })).status === 200) break;
      }
    }
  };
  const warmUp = await measuredLoad(bench, spec(options.warmUpSeconds));
  await resetToDraft();
  const run = await measuredLoad(bench, spec(options.seconds));
  await resetToDraft();
  const atRate = await measuredLoad(bench, spec(options.seconds, options.targetRate));
  await resetToDraft();
  return { connections: options.connections, warmUp, run, atRate, targetRate: options.targetRate, submitQueries: submit.queries, withdrawQueries: withdraw.queries };
}

export interface IssueResult {
  plans: number;
  connections: number;
  run: LoadResult;
  issueQueries: CapturedQuery[];
}

/**
 * ISSUE takes the next number of the issuer's register (the counter row stays locked until commit):
 * one organisation's issues queue behind that lock, which is held only for the short transaction; the
 * final DOCX is rendered after it, in the worker pool. Measured on approved plans of one organisation,
 * a few clients at once.
 */
export async function benchIssue(bench: BenchApp, options: { plans: number; connections: number }): Promise<IssueResult> {
  const user = await ApiClient.login(bench.url, 'bpt.mocchau');
  const plans = await createDraftPlans(user, options.plans + 1, 'ban hành');
  for (const id of plans) {
    await user.sendEvent(id, 'SUBMIT');
    await user.sendEvent(id, 'FORWARD');
    await user.sendEvent(id, 'APPROVE');
  }
  const [probe, ...loadPlans] = plans;
  await bench.idle();
  const issue = await captureQueries(bench.orm, () => user.sendEvent(probe, 'ISSUE'));
  // Every client issues its own plans once: the same number each, since autocannon's cap is per client.
  const perClient = Math.max(1, Math.floor(loadPlans.length / options.connections));
  const sequences = Array.from({ length: Math.min(options.connections, loadPlans.length) }, (_, c) =>
    loadPlans.slice(c * perClient, (c + 1) * perClient).map((id) => event(id, 'ISSUE')),
  );
  const run = await measuredLoad(bench, {
    url: bench.url,
    connections: sequences.length,
    duration: 60,
    headers: user.authHeaders,
    sequences,
    maxRequestsPerClient: perClient,
    timeout: 30,
  });
  return { plans: perClient * sequences.length, connections: sequences.length, run, issueQueries: issue.queries };
}
