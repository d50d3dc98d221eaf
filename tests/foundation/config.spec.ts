import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfigFromEnv } from '../../backend/src/config/app-config';

const REAL_SERVER = { DATABASE_URL: 'postgres://db/kehoach', JWT_SECRET: 's3cret' };

describe('configuration from the environment', () => {
  it('refuses to start on a real database without JWT_SECRET, with a clear message', () => {
    expect(() => loadConfigFromEnv({ DATABASE_URL: 'postgres://db/kehoach' })).toThrow(ConfigError);
    expect(() => loadConfigFromEnv({ DATABASE_URL: 'postgres://db/kehoach' })).toThrow(/JWT_SECRET/);
  });

  it('generates a secret on first embedded start and keeps it in DATA_DIR', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-config-'));
    const first = loadConfigFromEnv({ DATA_DIR: dataDir });
    const second = loadConfigFromEnv({ DATA_DIR: dataDir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(first.jwtSecret);
    expect(first.databaseUrl).toBeNull();
  });

  it('reads PORT, CORS_ORIGINS and a given JWT_SECRET', () => {
    const config = loadConfigFromEnv({ DATABASE_URL: 'postgres://db/k', JWT_SECRET: 's3cret', PORT: '8080', CORS_ORIGINS: 'https://a.vn, https://b.vn' });
    expect(config).toMatchObject({ port: 8080, jwtSecret: 's3cret', corsOrigins: ['https://a.vn', 'https://b.vn'], dataDir: null });
  });

  it('loads demo data by default only on the embedded database; a real server needs SEED_DEMO_DATA=true', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-config-'));
    expect(loadConfigFromEnv({ DATA_DIR: dataDir }).seedDemoData).toBe(true);
    expect(loadConfigFromEnv({ DATA_DIR: dataDir, SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
    expect(loadConfigFromEnv(REAL_SERVER).seedDemoData).toBe(false);
    expect(loadConfigFromEnv({ ...REAL_SERVER, SEED_DEMO_DATA: '1' }).seedDemoData).toBe(false);
    expect(loadConfigFromEnv({ ...REAL_SERVER, SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
  });

  it('reads the first administrator from INITIAL_ADMIN_* and INITIAL_ORGANISATION_*, both or neither', () => {
    expect(loadConfigFromEnv(REAL_SERVER).initialAdmin).toBeNull();
    expect(loadConfigFromEnv({ ...REAL_SERVER, INITIAL_ADMIN_USERNAME: 'quantri', INITIAL_ADMIN_PASSWORD: 'mot-mat-khau-dai' }).initialAdmin).toEqual({
      username: 'quantri', password: 'mot-mat-khau-dai', fullName: 'Quản trị hệ thống', organisation: null,
    });
    const withRoot = loadConfigFromEnv({
      ...REAL_SERVER, INITIAL_ADMIN_USERNAME: 'quantri', INITIAL_ADMIN_PASSWORD: 'mot-mat-khau-dai', INITIAL_ADMIN_FULL_NAME: 'Nguyễn Văn A',
      INITIAL_ORGANISATION_NAME: 'Ủy ban MTTQ Việt Nam tỉnh Lai Châu', INITIAL_ORGANISATION_SYMBOL: 'MTTQ-BTT', INITIAL_ORGANISATION_PLACE: 'Lai Châu',
    });
    expect(withRoot.initialAdmin).toMatchObject({
      fullName: 'Nguyễn Văn A',
      organisation: { name: 'Ủy ban MTTQ Việt Nam tỉnh Lai Châu', symbol: 'MTTQ-BTT', place: 'Lai Châu' },
    });
    expect(() => loadConfigFromEnv({ ...REAL_SERVER, INITIAL_ADMIN_USERNAME: 'quantri' })).toThrow(/INITIAL_ADMIN_PASSWORD/);
  });

  it('trusts no proxy unless TRUST_PROXY names the hops or loopback', () => {
    expect(loadConfigFromEnv(REAL_SERVER).trustProxy).toBe(false);
    expect(loadConfigFromEnv({ ...REAL_SERVER, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfigFromEnv({ ...REAL_SERVER, TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(() => loadConfigFromEnv({ ...REAL_SERVER, TRUST_PROXY: 'true' })).toThrow(ConfigError);
  });
});
