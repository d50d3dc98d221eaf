/** The real app, in this process, on a random port, plus a small JSON client for preparing data. */
import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.factory';
import { AppConfig, loadConfigFromEnv } from '../src/config/app-config';
import { DEMO_PASSWORD } from '../src/database/seeders/organisations.seeder';
import { LoadResult, LoadSpec, runLoad } from './load';
import { withCpuShare } from './machine';
import { samplePlanContent } from '../src/plans/sample-plan-content';

export interface BenchApp {
  app: INestApplication;
  orm: MikroORM;
  /** http://127.0.0.1:port */
  url: string;
  /** server processes of the bench's database; empty for the embedded PGlite (it runs in this process) */
  databasePids(): Promise<number[]>;
  /** The ORM's connection pool right now (knex/tarn), or null if it cannot be read. */
  poolNow(): { used: number; pending: number; max: number } | null;
  /**
   * Resolves once no connection is in use (at most `timeoutMs`): requests sent just before a load
   * run stopped are still being served, and must not mix with what is measured next.
   */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * As tests/support/test-app.ts testConfig: silent, demo data, a random secret, in-memory PGlite when
 * there is no server, no background timers. Built through loadConfigFromEnv so fields added to
 * AppConfig later get their defaults.
 */
export function benchConfig(databaseUrl: string | null): AppConfig {
  const env: NodeJS.ProcessEnv = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_EXPIRES_IN: '1h',
    // The demo signing keys are kept under a master key: a throw-away one for the throw-away database.
    SIGNING_MASTER_KEY: randomBytes(32).toString('base64'),
    SEED_DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
    BACKGROUND_JOBS: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  return { ...loadConfigFromEnv(env), port: 0, databaseUrl, dataDir: null, corsOrigins: [], adminDist: null };
}

export async function startBenchApp(config: AppConfig): Promise<BenchApp> {
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  let closed = false;
  const orm: MikroORM = app.get(MikroORM, { strict: false });
  const bench: BenchApp = {
    app,
    orm,
    url: `http://127.0.0.1:${port}`,
    poolNow() {
      try {
        const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
        return pool ? { used: pool.numUsed(), pending: pool.numPendingAcquires(), max: pool.max } : null;
      } catch {
        return null;
      }
    },
    async idle(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      let quiet = 0;
      while (quiet < 3 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const now = bench.poolNow();
        quiet = !now || (now.used === 0 && now.pending === 0) ? quiet + 1 : 0;
      }
    },
    async databasePids() {
      if (!config.databaseUrl) return [];
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute<{ pid: number }[]>('select pid from pg_stat_activity where datname = current_database()', [], 'all');
      return rows.map((r) => Number(r.pid));
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
  return bench;
}

interface TarnPool {
  max: number;
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * runLoad, with the machine's CPU split (bench / its PostgreSQL backends / the rest) for the run,
 * and the ORM pool sampled every 20 ms: are requests queueing for a database connection?
 */
export async function measuredLoad(bench: BenchApp, spec: LoadSpec): Promise<LoadResult> {
  const samples: { used: number; pending: number }[] = [];
  let max = 0;
  const timer = setInterval(() => {
    const now = bench.poolNow();
    if (!now) return;
    samples.push(now);
    max = now.max;
  }, 20);
  try {
    const { result, cpu } = await withCpuShare(() => bench.databasePids(), () => runLoad(spec));
    const average = (pick: (s: { used: number; pending: number }) => number) => samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
    const pool = samples.length
      ? { max, averageUsed: average((s) => s.used), averagePending: average((s) => s.pending), peakPending: Math.max(...samples.map((s) => s.pending)) }
      : null;
    return { ...result, cpu, pool };
  } finally {
    clearInterval(timer);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read by each scenario as it needs
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A logged-in demo user. */
export class ApiClient {
  private constructor(
    readonly baseUrl: string,
    readonly token: string,
    readonly user: { id: string; organisationId: string; username: string },
  ) {}

  static async login(baseUrl: string, username: string): Promise<ApiClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const body = (await response.json()) as { accessToken: string; user: { id: string; organisationId: string; username: string } };
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(body)}`);
    return new ApiClient(baseUrl, body.accessToken, body.user);
  }

  get authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read by each scenario as it needs
  async call<T = any>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? this.authHeaders : { ...this.authHeaders, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a DOCX…)
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** Same, failing unless the status is the expected one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read by each scenario as it needs
  async expect<T = any>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (answer.status !== status) {
      throw new Error(`${this.user.username} ${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    return answer.body;
  }

  sendEvent(planId: string, type: string, comment?: string) {
    return this.expect(200, 'POST', `/api/plans/${planId}/events`, eventBody(type, comment));
  }
}

/** An event's body; SIGN, APPROVE and ISSUE sign the PDF with the demo key, whose PIN is the demo password. */
export function eventBody(type: string, comment?: string): Record<string, string> {
  return { type, ...(comment === undefined ? {} : { comment }), ...(['SIGN', 'APPROVE', 'ISSUE'].includes(type) ? { pin: DEMO_PASSWORD } : {}) };
}

/** A valid plan of the given issuer. */
export const planContent = (issuerId: string, title: string) => samplePlanContent(issuerId, { title });
