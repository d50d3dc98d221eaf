/**
 * The SQL a request makes, as MikroORM sends it (parameters inlined): the ORM's logger is switched
 * to query logging for the duration of `fn` and its output collected instead of written. Nothing else
 * should run meanwhile (the bench calls it between load runs).
 */
import type { LogContext, Logger } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';

export interface CapturedQuery {
  sql: string;
  tookMs: number | null;
}

export async function captureQueries<T>(orm: MikroORM, fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const logger = orm.config.getLogger() as Logger;
  const queries: CapturedQuery[] = [];
  const original = logger.logQuery;
  const debug = orm.config.get('debug');
  // Through the config, not logger.setDebugMode: every em.fork() re-syncs the logger from the config.
  orm.config.set('debug', ['query', 'query-params']);
  logger.logQuery = (context: { query: string } & LogContext) => {
    queries.push({ sql: context.query, tookMs: context.took ?? null });
  };
  try {
    return { result: await fn(), queries };
  } finally {
    logger.logQuery = original;
    orm.config.set('debug', debug);
  }
}

/** One line per query: its first words, enough to see what a request does. */
export function shortQuery(sql: string, width = 110): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** Runs EXPLAIN (ANALYZE, BUFFERS) of a captured query and answers the plan's lines. */
export async function explainAnalyze(orm: MikroORM, sql: string): Promise<string[]> {
  const rows = await orm.em.fork().getConnection().execute<Record<string, string>[]>(`explain (analyze, buffers) ${sql}`, [], 'all');
  return rows.map((row) => row['QUERY PLAN']);
}
