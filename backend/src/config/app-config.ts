import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { splitPemBundle } from '../signing/pki/certificate-der';

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
  /**
   * Load the demo organisations, users and plans (public password) into an empty database: by default
   * only on the embedded database; on a real server only when SEED_DEMO_DATA=true. `'2026'`: instead of
   * the default demo, a province in the two-tier structure of 2026 (communes under the province).
   */
  seedDemoData: DemoDataChoice;
  /** The first administrator, created at start when the database has no user (INITIAL_ADMIN_*). */
  initialAdmin: FirstAdminInput | null;
  /** Express's `trust proxy`: how many reverse proxies stand before the app, or 'loopback'; false = none. */
  trustProxy: number | 'loopback' | false;
  /** Serve the built admin UI from this folder at `/`, when it exists. */
  adminDist: string | null;
  logLevel: string;
  /** Timers of background jobs (report reminders); off in tests, which run the jobs directly. */
  backgroundJobs: boolean;
  signing: SigningConfig;
  mail: MailConfig;
}

/** No demo data, the default demo (`true`), or the 2026 two-tier province (`'2026'`). */
export type DemoDataChoice = boolean | '2026';

/** SEED_DEMO_DATA: `2026` anywhere; otherwise on by default only on the embedded database. */
function demoDataFromEnv(value: string | undefined, databaseUrl: string | null): DemoDataChoice {
  if (value === '2026') return '2026';
  return databaseUrl ? value === 'true' : value !== 'false';
}

/** E-mail notifications (issue 14 §2): nothing is sent without an SMTP server. */
export interface MailConfig {
  /** SMTP_URL, e.g. `smtp://127.0.0.1:2525` or `smtps://user:pass@mail.example:465`; null: e-mail is off. */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of every message. */
  from: string;
  /** PUBLIC_URL: where users open the app, for the links in messages (no trailing slash). */
  publicUrl: string;
}

export const DEFAULT_MAIL_FROM = '"Kế hoạch MTTQ" <kehoach@localhost>';

/** Digital signatures of the issued PDF (Nghị định 30/2020 Điều 5). */
export interface SigningConfig {
  /**
   * Seals the signing keys held by the server (32 bytes, SIGNING_MASTER_KEY in base64). On the
   * embedded database one is generated beside the data; on a real server without it the server holds
   * no keys and only external signing (USB token, remote signing) is possible.
   */
  masterKey: Buffer | null;
  /**
   * Root certificates (PEM, one each) signers' certificates must chain to, from the PEM bundle file
   * SIGNING_TRUSTED_ROOTS, read and checked at start; besides them, the demo data's test CA.
   */
  trustedRoots: string[];
  /** An RFC 3161 time-stamp authority (SIGNING_TSA_URL): signatures then are PAdES B-T. */
  tsaUrl: string | null;
}

/** Who the first administrator is; the root organisation is needed only when the database has none. */
export interface FirstAdminInput {
  username: string;
  fullName: string;
  password: string;
  organisation: RootOrganisationInput | null;
}

export const DEFAULT_ADMIN_FULL_NAME = 'Quản trị hệ thống';

export interface RootOrganisationInput {
  name: string;
  symbol: string;
  place: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

/** Reads the environment. Refuses to start a real-database deployment without a JWT secret. */
export function loadConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || null;
  const dataDir = resolve(env.DATA_DIR || './data');
  const port = Number(env.PORT || 3000);
  return {
    port,
    databaseUrl,
    dataDir: databaseUrl ? null : dataDir,
    jwtSecret: resolveJwtSecret(env.JWT_SECRET, databaseUrl, dataDir),
    jwtExpiresIn: env.JWT_EXPIRES_IN || '8h',
    corsOrigins: (env.CORS_ORIGINS || '').split(',').map((o) => o.trim()).filter(Boolean),
    seedDemoData: demoDataFromEnv(env.SEED_DEMO_DATA, databaseUrl),
    initialAdmin: initialAdminFromEnv(env),
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    adminDist: resolve(env.ADMIN_DIST || 'admin/dist'),
    logLevel: env.LOG_LEVEL || 'info',
    backgroundJobs: env.BACKGROUND_JOBS !== 'false',
    signing: {
      masterKey: resolveMasterKey(env.SIGNING_MASTER_KEY, databaseUrl, dataDir),
      trustedRoots: env.SIGNING_TRUSTED_ROOTS ? trustedRootsFrom(env.SIGNING_TRUSTED_ROOTS) : [],
      tsaUrl: env.SIGNING_TSA_URL || null,
    },
    mail: {
      smtpUrl: env.SMTP_URL || null,
      from: env.MAIL_FROM || DEFAULT_MAIL_FROM,
      publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    },
  };
}

/** The certificates of a PEM bundle file; a file that cannot be read or holds no certificate stops the start. */
function trustedRootsFrom(path: string): string[] {
  let pem: string;
  try {
    pem = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new ConfigError(`SIGNING_TRUSTED_ROOTS: không đọc được tệp "${path}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  try {
    const roots = splitPemBundle(pem).map((der) => new X509Certificate(der).toString());
    if (roots.length) return roots;
  } catch {
    // reported below, like a file without any certificate
  }
  throw new ConfigError(`SIGNING_TRUSTED_ROOTS: tệp "${path}" không chứa chứng thư gốc hợp lệ nào (cần các khối PEM "-----BEGIN CERTIFICATE-----").`);
}

function resolveMasterKey(fromEnv: string | undefined, databaseUrl: string | null, dataDir: string): Buffer | null {
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new ConfigError('SIGNING_MASTER_KEY phải là 32 byte ngẫu nhiên viết ở dạng base64 (ví dụ: openssl rand -base64 32).');
    return key;
  }
  if (databaseUrl) return null;
  return Buffer.from(generatedSecret(join(dataDir, 'signing-master-key'), () => randomBytes(32).toString('base64')), 'base64');
}

/** A secret generated on the embedded database's first start and kept beside the data, so it survives restarts. */
function generatedSecret(file: string, generate: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = generate();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function resolveJwtSecret(fromEnv: string | undefined, databaseUrl: string | null, dataDir: string): string {
  if (fromEnv) return fromEnv;
  if (databaseUrl) {
    throw new ConfigError(
      'JWT_SECRET chưa được đặt: với DATABASE_URL (PostgreSQL thật), hãy đặt biến môi trường JWT_SECRET ' +
        '(một chuỗi ngẫu nhiên dài, giống nhau trên mọi phiên bản ứng dụng).',
    );
  }
  // Embedded mode: one secret kept beside the data, so tokens survive restarts.
  return generatedSecret(join(dataDir, 'jwt-secret'), () => randomBytes(48).toString('base64url'));
}

/** INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD together; the root organisation's fields if given. */
function initialAdminFromEnv(env: NodeJS.ProcessEnv): FirstAdminInput | null {
  const { INITIAL_ADMIN_USERNAME: username, INITIAL_ADMIN_PASSWORD: password } = env;
  if (!username && !password) return null;
  if (!username || !password) {
    throw new ConfigError('INITIAL_ADMIN_USERNAME và INITIAL_ADMIN_PASSWORD phải được đặt cùng nhau để tạo quản trị viên đầu tiên.');
  }
  const { INITIAL_ORGANISATION_NAME: name, INITIAL_ORGANISATION_SYMBOL: symbol, INITIAL_ORGANISATION_PLACE: place } = env;
  return {
    username,
    password,
    fullName: env.INITIAL_ADMIN_FULL_NAME || DEFAULT_ADMIN_FULL_NAME,
    organisation: rootOrganisationInput(name, symbol, place),
  };
}

/** None of the fields: use the existing root. Some: a root to create, whose missing fields validation reports. */
export function rootOrganisationInput(name?: string, symbol?: string, place?: string): RootOrganisationInput | null {
  return name || symbol || place ? { name: name ?? '', symbol: symbol ?? '', place: place ?? '' } : null;
}

function trustProxyFromEnv(value: string | undefined): AppConfig['trustProxy'] {
  if (!value || value === 'false') return false;
  if (value === 'loopback') return value;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0) {
    throw new ConfigError(`TRUST_PROXY phải là số proxy đứng trước ứng dụng (ví dụ 1) hoặc "loopback", không phải "${value}".`);
  }
  return hops;
}
