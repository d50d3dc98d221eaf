/**
 * Runs one autocannon load in a worker thread and posts a LoadResult back (see load.ts). Started
 * from its source text (`eval`), so it imports only types from its neighbours.
 */
import { connect, Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LatencySummary, LoadResult, LoadSpec, LoadWorkerData } from './load';

/** The part of autocannon's API used here (the package has no type declarations installed). */
/** Per client, kept across its sequence: the id it drives, when its current request was built. */
interface ClientContext {
  id?: string;
  sentAt?: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: ClientContext) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: ClientContext) => void;
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
const { spec: loadSpec, autocannon: autocannonPath } = workerData as LoadWorkerData;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require(autocannonPath) as Autocannon;

function summarise(latencies: number[]): LatencySummary {
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

/** A run's figures from the latencies (ms) of its 2xx answers and of all answers. */
function loadResult(r: {
  seconds: number;
  ok: number[];
  all: number[];
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  sampleErrors: string[];
  byLabel?: Record<string, number[]>;
}): LoadResult {
  return {
    seconds: Math.round(r.seconds * 100) / 100,
    requests: r.all.length,
    ok: r.ok.length,
    non2xx: r.all.length - r.ok.length,
    statusCodes: r.statusCodes,
    errors: r.errors,
    timeouts: r.timeouts,
    okPerSecond: Math.round((r.ok.length / r.seconds) * 10) / 10,
    requestsPerSecond: Math.round((r.all.length / r.seconds) * 10) / 10,
    latencyOk: summarise(r.ok),
    latencyAll: summarise(r.all),
    sampleErrors: r.sampleErrors,
    byLabel: Object.fromEntries(Object.entries(r.byLabel ?? {}).map(([label, latencies]) => [label, summarise(latencies)])),
  };
}

function run(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const ok: number[] = [];
    const all: number[] = [];
    const sampleErrors: string[] = [];
    let nextClient = 0;
    let lastResponseAt: number | null = null;
    const byLabel: Record<string, number[]> = {};
    const onResponse = (r: LoadSpec['sequences'][number][number]) => (status: number, body: string, context: ClientContext) => {
      const ok = status >= 200 && status < 300;
      if (!ok && sampleErrors.length < 5) sampleErrors.push(`${status} ${body.slice(0, 300)}`);
      if (ok && r.captureId) context.id = (JSON.parse(body) as { id: string }).id;
      // Built right after the previous answer (one request in flight per client): about when it was sent.
      if (ok && r.label && context.sentAt !== undefined) (byLabel[r.label] ??= []).push(performance.now() - context.sentAt);
    };
    const setupRequest = (request: AutocannonRequest, context: ClientContext): AutocannonRequest => {
      context.sentAt = performance.now();
      return { ...request, path: request.path.replace('{id}', context.id ?? '') };
    };
    const toAutocannon = (sequence: LoadSpec['sequences'][number]): AutocannonRequest[] =>
      sequence.map((r) => ({
        method: r.method,
        path: r.path,
        headers: r.body === undefined ? spec.headers : { ...spec.headers, 'content-type': 'application/json' },
        ...(r.body === undefined ? {} : { body: r.body }),
        // Only where needed: autocannon rebuilds a request with a setup function before each send.
        ...(r.label || r.path.includes('{id}') ? { setupRequest } : {}),
        onResponse: onResponse(r),
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
        // Up to the last answer: autocannon itself only stops on its next one-second tick.
        const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
        resolve(loadResult({
          seconds: ((lastResponseAt ?? performance.now()) - started) / 1000,
          ok, all, statusCodes, errors: result.errors, timeouts: result.timeouts, sampleErrors, byLabel,
        }));
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      lastResponseAt = performance.now();
      all.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) ok.push(responseTime);
    });
  });
}

/**
 * At a fixed overall rate: client i sends its k-th request at start + (i / clients + k) × interval, so
 * requests arrive evenly spaced (autocannon's overallRate sends each second's share in one burst).
 * A client whose answer comes late sends its next request at once; latency counts from the time a
 * request was due, so falling behind shows in the figures instead of hiding (coordinated omission).
 * Each client is one keep-alive socket writing prebuilt requests: on two cores, a heavier client
 * (node:http) took enough CPU to delay the answers it was timing.
 */
async function runPaced(spec: LoadSpec, rate: number): Promise<LoadResult> {
  const interval = (spec.connections / rate) * 1000;
  const ok: number[] = [];
  const all: number[] = [];
  const statusCodes: Record<string, number> = {};
  const sampleErrors: string[] = [];
  let errors = 0;
  let timeouts = 0;
  const started = performance.now();
  const end = started + spec.duration * 1000;
  let lastResponseAt = started;
  const client = async (index: number) => {
    const requests = spec.sequences[index % spec.sequences.length].map((r) => rawRequest(spec, r));
    const connection = new RawConnection(new URL(spec.url), (spec.timeout ?? 10) * 1000);
    let due = started + (index / spec.connections) * interval;
    for (let k = 0; due < end; k++, due += interval) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      try {
        const { status, body } = await connection.send(requests[k % requests.length]);
        lastResponseAt = performance.now();
        const latency = lastResponseAt - due;
        all.push(latency);
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
        if (status >= 200 && status < 300) ok.push(latency);
        else if (sampleErrors.length < 5) sampleErrors.push(`${status} ${body.toString('utf8', 0, 300)}`);
      } catch (error) {
        if ((error as Error).message === 'timeout') timeouts++;
        else errors++;
      }
    }
    connection.close();
  };
  await Promise.all(Array.from({ length: spec.connections }, (_, i) => client(i)));
  return loadResult({ seconds: (lastResponseAt - started) / 1000, ok, all, statusCodes, errors, timeouts, sampleErrors });
}

/** The bytes of one HTTP/1.1 request, built once. */
function rawRequest(spec: LoadSpec, r: LoadSpec['sequences'][number][number]): Buffer {
  const headers: Record<string, string | number> = { host: new URL(spec.url).host, ...spec.headers };
  if (r.body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) });
  const head = `${r.method} ${r.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.from(head + (r.body ?? ''));
}

/**
 * One keep-alive connection, one request at a time. Reads just enough HTTP/1.1 to find where an
 * answer ends (the app always sends Content-Length); reconnects if the server closed it.
 */
class RawConnection {
  private socket: Socket | null = null;
  private received: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: { status: number; body: Buffer }) => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly url: URL,
    private readonly timeoutMs: number,
  ) {}

  send(request: Buffer): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('timeout')), this.timeoutMs);
      this.waiting = { resolve, reject, timer };
      this.open().write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
  }

  private open(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect(Number(this.url.port), this.url.hostname);
    socket.setNoDelay(true);
    // Events of a socket already replaced by a reconnect are not this connection's any more.
    socket.on('data', (chunk: Buffer) => socket === this.socket && this.onData(chunk));
    socket.on('error', (error) => socket === this.socket && this.fail(error));
    socket.on('close', () => socket === this.socket && this.fail(new Error('connection closed')));
    this.received = Buffer.alloc(0);
    return (this.socket = socket);
  }

  private onData(chunk: Buffer): void {
    this.received = this.received.length ? Buffer.concat([this.received, chunk]) : chunk;
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.waiting) return;
    const head = this.received.toString('latin1', 0, headEnd);
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1]);
    if (!Number.isFinite(length)) return this.fail(new Error('answer without Content-Length'));
    if (this.received.length < headEnd + 4 + length) return;
    const body = this.received.subarray(headEnd + 4, headEnd + 4 + length);
    this.received = this.received.subarray(headEnd + 4 + length);
    const { resolve, timer } = this.waiting;
    clearTimeout(timer);
    this.waiting = null;
    resolve({ status: Number(head.slice(9, 12)), body });
  }

  private fail(error: Error): void {
    this.socket?.destroy();
    this.socket = null;
    if (!this.waiting) return;
    const { reject, timer } = this.waiting;
    clearTimeout(timer);
    this.waiting = null;
    reject(error);
  }
}

(loadSpec.overallRate ? runPaced(loadSpec, loadSpec.overallRate) : run(loadSpec)).then(
  (result) => parentPort!.postMessage({ result }),
  (error: Error) => parentPort!.postMessage({ error: error.stack ?? String(error) }),
);
