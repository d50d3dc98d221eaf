import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../backend/src/app.factory';
import type { AppConfig } from '../../backend/src/config/app-config';
import { DEMO_PASSWORD } from '../../backend/src/database/seeders/organisations.seeder';

/**
 * The real app on a fresh database per spec: an in-memory PGlite by default, or a new database on the
 * server at TEST_DATABASE_URL (created here, dropped by `close`).
 */
export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** An HTTP client logged in as a demo user: `as('pct.tinh').post('/api/…')`. */
  as: (username: string) => AuthedClient;
  /** Logs demo users in (password DEMO_PASSWORD) so that `as(username)` can send their tokens. */
  login: (...usernames: string[]) => Promise<void>;
  config: AppConfig;
  close: () => Promise<void>;
}

export type AuthedClient = Record<'get' | 'post' | 'put' | 'delete', (url: string) => request.Test>;

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
    ...overrides,
  };
}

/**
 * `ownsDatabase: false` with a `databaseUrl` starts a second instance on another spec app's database
 * (that app creates and drops it).
 */
export async function startTestApp(options: Partial<AppConfig> & { ownsDatabase?: boolean } = {}): Promise<TestApp> {
  const { ownsDatabase = true, ...overrides } = options;
  const database = overrides.dataDir || !ownsDatabase ? null : await createTestDatabase();
  const config = testConfig({ databaseUrl: database?.url ?? null, ...overrides });
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
  const close = async () => {
    await app.close();
    await database?.drop();
  };
  return { app, http, as, login, config, close };
}

/** A new, empty database on the server at TEST_DATABASE_URL; null when the tests run on the embedded one. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return null;
  const name = `kehoach_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(url);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Raw SQL on the app's database, for what no API may do (tampering with the audit trail, inspecting rows). */
export function sql<T = Record<string, unknown>>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return t.app.get(MikroORM).em.fork().getConnection().execute(query, params) as Promise<T[]>;
}
