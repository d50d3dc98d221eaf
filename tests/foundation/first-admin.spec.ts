/**
 * A real deployment starts without the demo accounts; its first administrator comes from INITIAL_ADMIN_*
 * at start or from `npm run create-admin`, on a fresh server database (TEST_DATABASE_URL) or a fresh
 * embedded one (DATA_DIR).
 */
import { Logger } from '@nestjs/common';
import { transformFileSync } from '@swc/core';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../../backend/src/config/app-config';
import { demoAccountsWarning } from '../../backend/src/database/seeders/demo-data.service';
import { createTestDatabase, sql, startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'mật-khẩu-đủ-dài-2026';
const ROOT_ORGANISATION = { name: 'Ủy ban MTTQ Việt Nam tỉnh Lai Châu', symbol: 'MTTQ-BTT', place: 'Lai Châu' };

interface FreshDatabase {
  /** startTestApp's options for it */
  app: Partial<AppConfig>;
  /** the environment that points the command at it */
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/** A database no app has touched: a new one on TEST_DATABASE_URL's server, or an empty DATA_DIR. */
async function freshDatabase(): Promise<FreshDatabase> {
  const server = await createTestDatabase();
  if (server) return { app: { databaseUrl: server.url }, env: { DATABASE_URL: server.url, DATA_DIR: '' }, drop: server.drop };
  const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-first-admin-'));
  return { app: { dataDir }, env: { DATABASE_URL: '', DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

const openApp = (db: FreshDatabase, overrides: Partial<AppConfig> = {}) =>
  startTestApp({ ...db.app, ownsDatabase: false, seedDemoData: false, ...overrides });

const logIn = (t: TestApp, username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });

describe('a real deployment: no demo accounts, the first administrator from INITIAL_ADMIN_*', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  it('starts on an empty database with no user at all', async () => {
    const t = await openApp(db);
    try {
      expect(await sql(t, 'select count(*)::int as n from "user"')).toEqual([{ n: 0 }]);
      await logIn(t, 'admin', 'kehoach2026').expect(401);
    } finally {
      await t.close();
    }
  });

  it('creates the administrator and the root organisation at start when no user exists, and only then', async () => {
    const initialAdmin = { username: 'quantri', fullName: 'Nguyễn Văn A', password: PASSWORD, organisation: ROOT_ORGANISATION };
    const first = await openApp(db, { initialAdmin });
    try {
      const { body } = await logIn(first, 'quantri', PASSWORD).expect(200);
      expect(body.user).toMatchObject({ username: 'quantri', fullName: 'Nguyễn Văn A', roles: ['sysadmin'] });
      const me = await first.http().get('/api/me').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
      expect(me.body.organisation).toMatchObject({ ...ROOT_ORGANISATION, parentId: null, kind: 'committee' });
    } finally {
      await first.close();
    }
    // A restart with other INITIAL_ADMIN_* values changes nothing: there is a user already.
    const again = await openApp(db, { initialAdmin: { ...initialAdmin, username: 'quantri2' } });
    try {
      expect(await sql(again, 'select username from "user"')).toEqual([{ username: 'quantri' }]);
    } finally {
      await again.close();
    }
  });
});

describe('the warning about demo accounts on a real server', () => {
  it('is given whenever demo data is on with DATABASE_URL, and only then', () => {
    expect(demoAccountsWarning({ seedDemoData: true, databaseUrl: 'postgres://db/kehoach' })).toMatch(/CẢNH BÁO.*mật khẩu công khai "kehoach2026"/);
    expect(demoAccountsWarning({ seedDemoData: true, databaseUrl: null })).toBeNull();
    expect(demoAccountsWarning({ seedDemoData: false, databaseUrl: 'postgres://db/kehoach' })).toBeNull();
  });

  (process.env.TEST_DATABASE_URL ? it : it.skip)('is logged at start on a real server seeded with demo data', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const t = await startTestApp({ seedDemoData: true });
    try {
      expect(warn).toHaveBeenCalledWith(demoAccountsWarning(t.config));
    } finally {
      warn.mockRestore();
      await t.close();
    }
  });
});

describe('npm run create-admin', () => {
  let build: string;
  let db: FreshDatabase;
  beforeAll(async () => {
    build = compileBackend();
    db = await freshDatabase();
  });
  afterAll(async () => {
    rmSync(build, { recursive: true, force: true });
    await db.drop();
  });

  const createAdmin = (args: string[], options: { password?: string; stdin?: string } = {}) =>
    run(join(build, 'database', 'create-admin.js'), args, { ...db.env, ADMIN_PASSWORD: options.password ?? '' }, options.stdin);
  const rootArgs = ['--organisation', ROOT_ORGANISATION.name, '--symbol', ROOT_ORGANISATION.symbol, '--place', ROOT_ORGANISATION.place];

  it('never takes the password from the command line', async () => {
    const result = await createAdmin(['--username', 'quantri', '--password', PASSWORD]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Không nhận mật khẩu trên dòng lệnh');
  });

  it('refuses a password shorter than 12 characters, read from stdin', async () => {
    const result = await createAdmin(['--username', 'quantri', ...rootArgs], { stdin: 'ngan-qua\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ít nhất 12 ký tự');
  });

  it('migrates the database, creates the root organisation and the administrator, who can log in', async () => {
    const result = await createAdmin(['--username', 'quantri', '--full-name', 'Nguyễn Văn A', ...rootArgs], { password: PASSWORD });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining(`Đã tạo quản trị viên "quantri" (Nguyễn Văn A) thuộc "${ROOT_ORGANISATION.name}"`) });
    const t = await openApp(db);
    try {
      const { body } = await logIn(t, 'quantri', PASSWORD).expect(200);
      expect(body.user.roles).toEqual(['sysadmin']);
    } finally {
      await t.close();
    }
  });

  it('refuses a username that exists, and a second root organisation', async () => {
    const taken = await createAdmin(['--username', 'quantri'], { stdin: `${PASSWORD}\n` });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('Tên đăng nhập "quantri" đã có người dùng');
    const otherRoot = await createAdmin(['--username', 'quantri2', '--organisation', 'Ủy ban MTTQ Việt Nam tỉnh khác', '--symbol', 'MTTQ-BTT', '--place', 'X'], { password: PASSWORD });
    expect(otherRoot.code).toBe(1);
    expect(otherRoot.stderr).toContain(`chọn một tổ chức gốc đã có: "${ROOT_ORGANISATION.name}"`);
  });
});

/**
 * backend/src compiled with the tests' own swc options (seconds, where `nest build` takes a minute and
 * empties dist/, which others may be using), under node_modules so that its packages resolve.
 */
function compileBackend(): string {
  const source = join(ROOT, 'backend', 'src');
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'kehoach-backend-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest's config is a CommonJS file, outside the TypeScript project
  const swcOptions = require('../jest.config.js').transform['^.+\\.ts$'][1];
  for (const file of readdirSync(source, { recursive: true, encoding: 'utf8' })) {
    const target = join(out, file.replace(/\.ts$/, '.js'));
    if (!/\.(ts|json)$/.test(file) || file.endsWith('.spec.ts')) continue;
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.json')) copyFileSync(join(source, file), target);
    else writeFileSync(target, transformFileSync(join(source, file), { ...swcOptions, swcrc: false }).code);
  }
  return out;
}

function run(script: string, args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
