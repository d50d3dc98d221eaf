import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../../backend/src/config/app-config';

/**
 * The demo data, seeded once per test run and cloned for every spec that starts on it: seeding drives
 * the real workflow over the demo plans and was most of each spec's start, and all the more on a busy
 * machine. jest's global setup (global-setup.ts, through seed-template.js) seeds it and sets these
 * variables, which the workers inherit from jest's main process.
 */
const TEMPLATE_DATABASE = 'KEHOACH_TEST_TEMPLATE_DATABASE';
const TEMPLATE_DATA_DIR = 'KEHOACH_TEST_TEMPLATE_DATA_DIR';

/**
 * Migrates and seeds the template: a database on TEST_DATABASE_URL's server, else a PGlite data directory.
 * `seed` starts the app on it, which migrates and seeds, and closes it. Answers the environment
 * variables that name it.
 */
export async function createSeededTemplate(seed: (location: Partial<AppConfig>) => Promise<void>): Promise<Record<string, string>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let location: Partial<AppConfig>;
  if (serverUrl) {
    const name = `kehoach_test_template_${process.pid}_${Date.now()}`;
    await withClient(serverUrl, (c) => c.query(`create database "${name}"`));
    process.env[TEMPLATE_DATABASE] = name;
    location = { databaseUrl: databaseUrl(serverUrl, name) };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-test-template-'));
    process.env[TEMPLATE_DATA_DIR] = dataDir;
    location = { dataDir };
  }
  try {
    await seed(location);
    return Object.fromEntries([TEMPLATE_DATABASE, TEMPLATE_DATA_DIR].flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : [])));
  } catch (error) {
    // jest skips the global teardown when the setup fails.
    await dropSeededTemplate();
    throw error;
  }
}

export async function dropSeededTemplate(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const name = process.env[TEMPLATE_DATABASE];
  if (serverUrl && name) await dropDatabase(serverUrl, name);
  const dataDir = process.env[TEMPLATE_DATA_DIR];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

export interface ClonedDatabase {
  /** what startTestApp passes to the app */
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>;
  drop: () => Promise<void>;
}

/**
 * A fresh copy of the seeded template, or null when there is none (a run without the global setup). On
 * the server `CREATE DATABASE … TEMPLATE`, which needs the template free of connections: only the
 * global setup ever connects to it. On PGlite, a copy of the data directory.
 */
export async function cloneSeededTemplate(): Promise<ClonedDatabase | null> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = process.env[TEMPLATE_DATABASE];
  if (serverUrl && template) {
    const name = `kehoach_test_${process.pid}_${Date.now()}_${Math.random().toString(16).slice(2, 8)}`;
    await withClient(serverUrl, (c) => c.query(`create database "${name}" template "${template}"`));
    return {
      config: { databaseUrl: databaseUrl(serverUrl, name), dataDir: null },
      drop: () => dropDatabase(serverUrl, name),
    };
  }
  const templateDir = process.env[TEMPLATE_DATA_DIR];
  if (!serverUrl && templateDir) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-test-'));
    cpSync(templateDir, dataDir, { recursive: true });
    return { config: { databaseUrl: null, dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  return null;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(url);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
