import { EntityManager } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** A kind of background work: its queue name, when it runs, and what it does. */
export interface ScheduledJob {
  name: string;
  /** cron, in Vietnam's time zone */
  cron: string;
  /** also once at start, so a fresh instance does not wait for the next slot */
  runAtStart: boolean;
  run(): Promise<unknown>;
}

/**
 * Background work through pg-boss, in the application's own database (schema `pgboss`). Its SQL
 * goes over the app's connection pool: on a PostgreSQL server that is an ordinary pool, and the
 * embedded PGlite — which serves one connection at a time — runs the same jobs over its single
 * connection, between requests. A schedule fires once per slot however many instances run it
 * (pg-boss keys each slot's job), and a `singleton` queue runs one job at a time.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly jobs: ScheduledJob[] = [];
  private boss?: PgBoss;
  /** Jobs' runs and pg-boss's statements under way: the database must outlive them at shutdown. */
  private readonly busy = new Set<Promise<unknown>>();

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called by each job's owner in its constructor; the schedules start with the application. */
  register(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.backgroundJobs || !this.jobs.length) return;
    this.boss = new PgBoss({ db: { executeSql: (text, values) => this.executeSql(text, values) }, schema: 'pgboss' });
    this.boss.on('error', (error) => this.logger.error(error));
    await this.boss.start();
    for (const job of this.jobs) await this.start(this.boss, job);
  }

  /**
   * Stops taking jobs, then waits for every run and statement still under way — even past pg-boss's
   * own timeout: a job's completion written after the database closed would end the process with
   * "Connection terminated unexpectedly". A run's end leads pg-boss to a statement of its own, so the
   * wait repeats until a turn of the event loop starts nothing new.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.boss) return;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    do {
      await Promise.allSettled([...this.busy]);
      await new Promise((resolve) => setImmediate(resolve));
    } while (this.busy.size);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.busy.add(work);
    return work.finally(() => this.busy.delete(work));
  }

  /** Sends a job now (tests, and the start-up run). */
  async send(name: string): Promise<string | null> {
    if (!this.boss) throw new Error('background jobs are off (BACKGROUND_JOBS=false)');
    return this.boss.send(name, {});
  }

  /**
   * Asks for a run of a registered job now (the outbox after a commit), if background jobs run; off,
   * the caller's cron or a test runs the work. The job's queue runs one at a time, so a nudge while
   * one runs simply runs it again after.
   */
  async nudge(name: string): Promise<void> {
    if (this.boss) await this.boss.send(name, {});
  }

  private async start(boss: PgBoss, job: ScheduledJob): Promise<void> {
    await boss.createQueue(job.name, { name: job.name, policy: 'singleton', retryLimit: 3, retryDelay: 60 });
    await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
    await boss.work(job.name, async () => {
      await this.track(job.run());
    });
    if (job.runAtStart) await boss.send(job.name, {});
  }

  /** pg-boss's statements on one of the app's connections, as its own pool would run them. */
  private executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
    return this.track(this.query(text, values));
  }

  private async query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
    const client = this.em.getConnection().getKnex().client;
    const connection = await client.acquireConnection();
    try {
      return await connection.query(text, values);
    } finally {
      await client.releaseConnection(connection);
    }
  }
}
