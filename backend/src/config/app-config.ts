import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything the app reads from its environment, resolved once at start. */
export interface AppConfig {
  port: number;
  /** A real PostgreSQL server; when absent the app runs an embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  /** Where the embedded database (and the generated JWT secret) live; null = in memory (tests). */
  dataDir: string | null;
  jwtSecret: string;
  jwtExpiresIn: string;
  corsOrigins: string[];
  /** Load the demo organisations, users and plans into an empty database. */
  seedDemoData: boolean;
  /** Serve the built admin UI from this folder at `/`, when it exists. */
  adminDist: string | null;
  logLevel: string;
  /** Timers of background jobs (report reminders); off in tests, which run the jobs directly. */
  backgroundJobs: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

/** Reads the environment. Refuses to start a real-database deployment without a JWT secret. */
export function loadConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || null;
  const dataDir = resolve(env.DATA_DIR || './data');
  return {
    port: Number(env.PORT || 3000),
    databaseUrl,
    dataDir: databaseUrl ? null : dataDir,
    jwtSecret: resolveJwtSecret(env.JWT_SECRET, databaseUrl, dataDir),
    jwtExpiresIn: env.JWT_EXPIRES_IN || '8h',
    corsOrigins: (env.CORS_ORIGINS || '').split(',').map((o) => o.trim()).filter(Boolean),
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    adminDist: resolve(env.ADMIN_DIST || 'admin/dist'),
    logLevel: env.LOG_LEVEL || 'info',
    backgroundJobs: env.BACKGROUND_JOBS !== 'false',
  };
}

function resolveJwtSecret(fromEnv: string | undefined, databaseUrl: string | null, dataDir: string): string {
  if (fromEnv) return fromEnv;
  if (databaseUrl) {
    throw new ConfigError(
      'JWT_SECRET chưa được đặt: với DATABASE_URL (PostgreSQL thật), hãy đặt biến môi trường JWT_SECRET ' +
        '(một chuỗi ngẫu nhiên dài, giống nhau trên mọi phiên bản ứng dụng).',
    );
  }
  // Embedded mode: one secret generated on first start and kept beside the data, so tokens survive restarts.
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
