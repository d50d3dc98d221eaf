import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from '../support/test-app';

describe('health, API docs, and an embedded database that survives a restart', () => {
  it('reports health with a database round trip, and serves the OpenAPI document', async () => {
    const t = await startTestApp();
    try {
      const health = await t.http().get('/api/health').expect(200);
      expect(health.body).toMatchObject({ status: 'ok', database: { status: 'ok' } });
      const docs = await t.http().get('/api/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/organisations']));
      await t.http().get('/api/khong-ton-tai').expect(404);
    } finally {
      await t.close();
    }
  });

  const embeddedOnly = process.env.TEST_DATABASE_URL ? it.skip : it;
  embeddedOnly('keeps data in DATA_DIR across an app restart (PGlite)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-restart-'));
    const first = await startTestApp({ dataDir });
    await first.login('admin');
    const [province] = (await first.as('admin').get('/api/organisations?filter={"level":"province","kind":"committee"}').expect(200)).body;
    const created = await first.as('admin').post('/api/organisations').send({
      name: 'Ủy ban MTTQ Việt Nam huyện Sốp Cộp', shortName: 'MTTQ huyện Sốp Cộp', bodyName: 'BAN THƯỜNG TRỰC', symbol: 'MTTQ-BTT',
      place: 'Sốp Cộp', signatureAuthority: 'TM. BAN THƯỜNG TRỰC', signerTitle: 'PHÓ CHỦ TỊCH', kind: 'committee', level: 'district',
      parentId: province.id,
    }).expect(201);
    const countBefore = (await first.as('admin').get('/api/organisations?range=[0,0]').expect(200)).headers['content-range'];
    await first.close();

    const second = await startTestApp({ dataDir, jwtSecret: first.config.jwtSecret });
    try {
      await second.login('admin');
      const again = await second.as('admin').get(`/api/organisations/${created.body.id}`).expect(200);
      expect(again.body.name).toBe('Ủy ban MTTQ Việt Nam huyện Sốp Cộp');
      // The demo data was not seeded a second time.
      expect((await second.as('admin').get('/api/organisations?range=[0,0]').expect(200)).headers['content-range']).toBe(countBefore);
    } finally {
      await second.close();
    }
  });
});
