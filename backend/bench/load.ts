/**
 * Load generation with autocannon in a worker thread: the app under test keeps the main thread (one
 * core) to itself, autocannon runs on the other, so the client does not steal the server's event loop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CpuShare } from './machine';

export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `{id}` is replaced by the id the client's last `captureId` request answered (closed-loop runs only) */
  path: string;
  body?: string;
  /** the answer's JSON `id` goes into the paths of the client's next requests: a client drives the plan it created */
  captureId?: boolean;
  /** latencies of the 2xx answers to requests with this label are also summarised apart (LoadResult.byLabel) */
  label?: string;
}

export interface LoadSpec {
  /** http://127.0.0.1:port */
  url: string;
  connections: number;
  /** seconds; ignored when every client has `maxRequestsPerClient` */
  duration: number;
  headers: Record<string, string>;
  /**
   * The request sequence of each client (connection): client i loops over `sequences[i % length]`,
   * so every client can drive its own plans and each request is legal when it is sent.
   */
  sequences: LoadRequest[][];
  /** Stop each client after this many requests (e.g. one pass over its sequence). */
  maxRequestsPerClient?: number;
  /** seconds before a request counts as timed out */
  timeout?: number;
  /**
   * Requests per second from all clients together, evenly spaced (load-worker.ts runPaced): the
   * latency at a given load, instead of at saturation.
   */
  overallRate?: number;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  /** wall seconds of the run */
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  /** status code → count */
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** 2xx responses per second */
  okPerSecond: number;
  /** all responses per second */
  requestsPerSecond: number;
  /** latency of the 2xx responses, ms (exact, from every response) */
  latencyOk: LatencySummary;
  /** latency of all responses, ms */
  latencyAll: LatencySummary;
  /** a few bodies of non-2xx answers, to see why */
  sampleErrors: string[];
  /** latency of the 2xx answers per request label, ms (closed-loop runs only) */
  byLabel: Record<string, LatencySummary>;
  /** where the machine's CPU went meanwhile (set by measuredLoad) */
  cpu?: CpuShare | null;
  /** the ORM's connection pool, sampled during the run (set by measuredLoad) */
  pool?: PoolUse | null;
}

export interface PoolUse {
  max: number;
  averageUsed: number;
  /** requests waiting for a connection */
  averagePending: number;
  peakPending: number;
}

/**
 * The worker's compiled code, read once when the bench starts: other people rebuilding the tree
 * (nest build empties dist/) during a run must not take the load generator away.
 */
const WORKER_SOURCE = readFileSync(join(__dirname, 'load-worker.js'), 'utf8');
const AUTOCANNON = require.resolve('autocannon');

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { spec, autocannon: AUTOCANNON } satisfies LoadWorkerData });
    let settled = false;
    worker.once('message', (message: { result?: LoadResult; error?: string }) => {
      settled = true;
      if (message.error) reject(new Error(message.error));
      else resolve(message.result!);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`autocannon worker exited with code ${code} before answering`));
    });
  });
}

export interface LoadWorkerData {
  spec: LoadSpec;
  /** resolved path of the autocannon package (the worker runs from source, not from its file) */
  autocannon: string;
}
