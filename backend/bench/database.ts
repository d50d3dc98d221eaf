/**
 * The bench's own database: a throw-away `kehoach_bench_<random>` on the PostgreSQL server, created
 * at start and dropped at the end (also after a failure or Ctrl-C).
 */
import { randomBytes } from 'node:crypto';

/** The few `pg` calls the bench makes (the package ships without type declarations here). */
interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
type PgClientClass = new (config: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: PgClientClass };

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ServerProbe {
  reachable: boolean;
  /** "PostgreSQL 15.20 …" or the connection error */
  detail: string;
}

async function withClient<T>(url: string, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function probeServer(url: string): Promise<ServerProbe> {
  try {
    const rows = await withClient(url, async (c) => (await c.query<{ version: string }>('select version()')).rows);
    return { reachable: true, detail: rows[0].version.split(',')[0] };
  } catch (error) {
    return { reachable: false, detail: (error as Error).message || String(error) };
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `kehoach_bench_${randomBytes(5).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withClient(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** Server settings that explain the figures (pool, fsync, memory). */
export async function serverSettings(serverUrl: string): Promise<Record<string, string>> {
  const names = ['max_connections', 'shared_buffers', 'work_mem', 'synchronous_commit', 'fsync', 'random_page_cost', 'effective_cache_size'];
  return withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string; unit: string | null }>(
      'select name, setting, unit from pg_settings where name = any($1)',
      [names],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
  });
}
