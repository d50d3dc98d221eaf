import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../backend/src/app.factory';
import { DEFAULT_MAIL_FROM, type AppConfig } from '../../backend/src/config/app-config';
import { DEMO_PASSWORD } from '../../backend/src/database/seeders/organisations.seeder';
import { cloneSeededTemplate, ClonedDatabase, databaseUrl, dropDatabase, withClient } from './seeded-database';

/**
 * The real app on a fresh database per spec: PGlite by default, or a new database on the server at
 * TEST_DATABASE_URL (created here, dropped by `close`). With demo data, a copy of the data seeded once
 * per run (seeded-database.ts); otherwise empty.
 */
export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** An HTTP client logged in as a demo user: `as('pct.tinh').post('/api/…')`. */
  as: (username: string) => AuthedClient;
  /** Logs demo users in (password DEMO_PASSWORD) so that `as(username)` can send their tokens. */
  login: (...usernames: string[]) => Promise<void>;
  config: AppConfig;
  /** Stops the app, keeping its database: another instance may start on it (`ownsDatabase: false`). */
  stop: () => Promise<void>;
  close: () => Promise<void>;
}

export type AuthedClient = Record<'get' | 'post' | 'put' | 'delete', (url: string) => request.Test>;

const TEST_SIGNING_MASTER_KEY = Buffer.alloc(32, 0x5a);

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    databaseUrl: null,
    dataDir: null,
    jwtSecret: randomBytes(32).toString('hex'),
    jwtExpiresIn: '1h',
    corsOrigins: [],
    seedDemoData: true,
    initialAdmin: null,
    trustProxy: false,
    adminDist: null,
    logLevel: 'silent',
    backgroundJobs: false,
    // One fixed key for the seeded template and every spec's copy of it (test keys only).
    signing: { masterKey: TEST_SIGNING_MASTER_KEY, trustedRoots: [], tsaUrl: null },
    // E-mail off unless a spec starts its own SMTP server (tests/notifications).
    mail: { smtpUrl: null, from: DEFAULT_MAIL_FROM, publicUrl: 'http://kehoach.test' },
    ...overrides,
  };
}

/**
 * `ownsDatabase: false` with a `databaseUrl` starts a second instance on another spec app's database
 * (that app creates and drops it).
 */
export async function startTestApp(options: Partial<AppConfig> & { ownsDatabase?: boolean } = {}): Promise<TestApp> {
  const { ownsDatabase = true, ...overrides } = options;
  const database = overrides.dataDir || !ownsDatabase ? null : await freshDatabase(testConfig(overrides));
  const config = testConfig({ ...database?.config, ...overrides });
  const app = await createApp(config);
  await app.init();
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const as = (username: string): AuthedClient => {
    const withToken = (method: 'get' | 'post' | 'put' | 'delete') => (url: string) => {
      const token = tokens.get(username);
      if (!token) throw new Error(`call await login('${username}') first`);
      return http()[method](url).set('Authorization', `Bearer ${token}`);
    };
    return { get: withToken('get'), post: withToken('post'), put: withToken('put'), delete: withToken('delete') };
  };
  const login = async (...usernames: string[]) => {
    for (const username of usernames) {
      const response = await http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
      tokens.set(username, response.body.accessToken);
    }
  };
  let running = true;
  const stop = async () => {
    if (running) await app.close();
    running = false;
  };
  const close = async () => {
    await stop();
    await database?.drop();
  };
  return { app, http, as, login, config, stop, close };
}

/**
 * The seeded copy when the app would seed the demo data anyway (and no first administrator is asked
 * for, which only an empty database creates); else an empty database, null meaning in-memory PGlite.
 */
async function freshDatabase(config: AppConfig): Promise<ClonedDatabase | null> {
  // The template holds the default demo; another demo (SEED_DEMO_DATA=2026) is seeded by its own app.
  const clone = config.seedDemoData === true && !config.initialAdmin ? await cloneSeededTemplate() : null;
  if (clone) return clone;
  const empty = await createTestDatabase();
  return empty && { config: { databaseUrl: empty.url, dataDir: null }, drop: empty.drop };
}

/** A new, empty database on the server at TEST_DATABASE_URL; null when the tests run on the embedded one. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return null;
  const name = `kehoach_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`create database "${name}"`));
  return { url: databaseUrl(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/** Raw SQL on the app's database, for what no API may do (tampering with the audit trail, inspecting rows). */
export function sql<T = Record<string, unknown>>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return t.app.get(MikroORM).em.fork().getConnection().execute(query, params) as Promise<T[]>;
}
