/** Runs one autocannon load in this worker thread and posts a LoadResult back (see load.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { LoadResult, LoadSpec, summarise } from './load';

/** The part of autocannon's API used here (the package has no type declarations installed). */
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  onResponse?: (status: number, body: string) => void;
}
interface AutocannonClient {
  setRequests(requests: AutocannonRequest[]): void;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: AutocannonClient, statusCode: number, resBytes: number, responseTime: number) => void): void;
}
interface AutocannonResult {
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (
  options: Record<string, unknown>,
  callback: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

function run(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const ok: number[] = [];
    const all: number[] = [];
    const sampleErrors: string[] = [];
    let nextClient = 0;
    const keepErrorBody = (status: number, body: string) => {
      if ((status < 200 || status >= 300) && sampleErrors.length < 5) sampleErrors.push(`${status} ${body.slice(0, 300)}`);
    };
    const toAutocannon = (sequence: LoadSpec['sequences'][number]): AutocannonRequest[] =>
      sequence.map((r) => ({
        method: r.method,
        path: r.path,
        headers: r.body === undefined ? spec.headers : { ...spec.headers, 'content-type': 'application/json' },
        ...(r.body === undefined ? {} : { body: r.body }),
        onResponse: keepErrorBody,
      }));
    const started = performance.now();
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.duration,
        pipelining: 1,
        timeout: spec.timeout ?? 10,
        ...(spec.maxRequestsPerClient ? { maxConnectionRequests: spec.maxRequestsPerClient } : {}),
        // Replaced per client below; autocannon needs one to start with.
        requests: toAutocannon(spec.sequences[0]),
        setupClient: (client: AutocannonClient) => {
          client.setRequests(toAutocannon(spec.sequences[nextClient++ % spec.sequences.length]));
        },
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (performance.now() - started) / 1000;
        const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
        const okCount = ok.length;
        resolve({
          seconds: Math.round(seconds * 100) / 100,
          requests: all.length,
          ok: okCount,
          non2xx: all.length - okCount,
          statusCodes,
          errors: result.errors,
          timeouts: result.timeouts,
          okPerSecond: Math.round((okCount / seconds) * 10) / 10,
          requestsPerSecond: Math.round((all.length / seconds) * 10) / 10,
          latencyOk: summarise(ok),
          latencyAll: summarise(all),
          sampleErrors,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      all.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) ok.push(responseTime);
    });
  });
}

run(workerData as LoadSpec).then(
  (result) => parentPort!.postMessage({ result }),
  (error: Error) => parentPort!.postMessage({ error: error.stack ?? String(error) }),
);
