import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfigFromEnv } from '../../backend/src/config/app-config';

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
});
