/**
 * Load generation with autocannon in a worker thread: the app under test keeps the main thread (one
 * core) to itself, autocannon runs on the other, so the client does not steal the server's event loop.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CpuShare } from './machine';

export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
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

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'load-worker.js'), { workerData: spec });
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

export function summarise(latencies: number[]): LatencySummary {
  if (!latencies.length) return { count: 0, mean: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN };
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))];
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    count: sorted.length,
    mean: round(sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length),
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]),
  };
}
