import { JwtService } from '@nestjs/jwt';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_DEMO_USERS, DemoOrgs, demoOrgs, planContent } from '../support/plans';
import { startTestApp, TestApp } from '../support/test-app';
import { mainTablesChecksum } from './support';

/**
 * Input that once gave a 500, a 404 or a broken audit chain (security review, items 2 and 8). The app
 * serves an admin UI from a temporary folder, as production does, so that body-parser failures take
 * the same road as there.
 */
describe('bad input is refused with a 4xx naming what is wrong', () => {
  let t: TestApp;
  let orgs: DemoOrgs;
  let planId: string;

  beforeAll(async () => {
    const adminDist = mkdtempSync(join(tmpdir(), 'kehoach-admin-'));
    writeFileSync(join(adminDist, 'index.html'), '<!doctype html><title>kehoach</title>');
    t = await startTestApp({ adminDist });
    await t.login(...ALL_DEMO_USERS);
    orgs = await demoOrgs(t);
    planId = (await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province)).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const verify = async () => (await t.as('bpt.tinh').get(`/api/plans/${planId}/audit/verify`).expect(200)).body;

  describe('item 2: text is NFC and free of characters that cannot be stored as sent', () => {
    it('refuses a comment with a lone surrogate (400 naming comment); the audit chain still verifies', async () => {
      const response = await t.as('bpt.tinh').post(`/api/plans/${planId}/events`).send({ type: 'SUBMIT', comment: 'x\ud800y' }).expect(400);
      expect(response.body.errors).toEqual({ comment: expect.stringContaining('ký tự không hợp lệ') });
      expect(await verify()).toMatchObject({ valid: true });
    });

    it('stores and hashes a decomposed (NFD) comment as NFC, so the chain verifies', async () => {
      const nfd = 'Đồng ý ban hành'.normalize('NFD');
      await t.as('bpt.tinh').post(`/api/plans/${planId}/events`).send({ type: 'SUBMIT', comment: nfd }).expect(200);
      const history = (await t.as('bpt.tinh').get(`/api/plans/${planId}/history`).expect(200)).body;
      expect(history.at(-1).comment).toBe('Đồng ý ban hành'.normalize('NFC'));
      expect(await verify()).toMatchObject({ valid: true });
      await t.as('bpt.tinh').post(`/api/plans/${planId}/events`).send({ type: 'WITHDRAW', comment: 'rút lại' }).expect(200);
    });
  });

  describe('item 8: never a 500 for bad input', () => {
    it.each([
      ['a plan title', '/api/plans', 'post', () => planContent(orgs.province, { title: 'Kế hoạch\u0000' }), 'title'],
      ['a body block', '/api/plans', 'post', () => planContent(orgs.province, { body: [{ type: 'paragraph', text: 'a\u0000b' }] }), 'body.0.text'],
      ['a comment', () => `/api/plans/${planId}/events`, 'post', () => ({ type: 'SUBMIT', comment: 'a\u0000' }), 'comment'],
      ['a user name at login', '/api/auth/login', 'post', () => ({ username: 'admin\u0000', password: 'kehoach2026' }), 'username'],
      ['an escape character', '/api/auth/login', 'post', () => ({ username: 'admin\u001b[2J', password: 'x' }), 'username'],
    ] as const)('NUL or a control character in %s: 400 naming the field, nothing stored', async (_what, url, _method, body, field) => {
      const before = await mainTablesChecksum(t);
      const path = typeof url === 'function' ? url() : url;
      const client = path === '/api/auth/login' ? t.http() : t.as('bpt.tinh');
      const response = await client.post(path).send(body()).expect(400);
      expect(Object.keys(response.body.errors)).toEqual([field]);
      expect(response.body.errors[field]).toMatch(/ký tự không hợp lệ/);
      expect(await mainTablesChecksum(t)).toBe(before);
    });

    it('NUL in a list filter: 400 naming filter.q', async () => {
      const response = await t.as('pct.tinh').get(`/api/plans?filter=${encodeURIComponent(JSON.stringify({ q: 'a\u0000' }))}`).expect(400);
      expect(response.body.errors).toEqual({ 'filter.q': expect.stringContaining('ký tự không hợp lệ') });
    });

    it('JSON nested 50,000 deep: 400 before validation sees it', async () => {
      const deep = `{"type":"SUBMIT","comment":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
      const response = await t.as('bpt.tinh').post(`/api/plans/${planId}/events`).set('Content-Type', 'application/json').send(deep).expect(400);
      expect(response.body.errors).toEqual({ comment: expect.stringContaining('lồng nhau quá sâu') });
      const plan = `{"kind":"plan","body":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
      await t.as('bpt.tinh').post('/api/plans').set('Content-Type', 'application/json').send(plan).expect(400);
    });

    const uuid = '6f1c1f3e-8c4b-4f0a-9d55-1c0b7c7e9a11';
    it.each([
      ['/api/plans', 'id', 'abc'],
      ['/api/plans', 'issuerId', 'abc'],
      ['/api/plans', 'status', 'bogus'],
      ['/api/plans', 'kind', 'bogus'],
      ['/api/plans', 'status', { $ne: null }],
      ['/api/plans', 'q', { $ne: null }],
      ['/api/plans', 'year', 99_999_999_999],
      ['/api/organisations', 'id', ['abc']],
      ['/api/organisations', 'parentId', 'abc'],
      ['/api/organisations', 'level', 'bogus'],
      ['/api/organisations', 'kind', { $ne: null }],
      ['/api/users', 'id', 'abc'],
      ['/api/users', 'organisationId', 'abc'],
      ['/api/users', 'role', { $ne: null }],
      ['/api/number-registers', 'year', 'abc'],
      ['/api/number-registers', 'typeCode', { $ne: null }],
      ['/api/plans', 'unknownFilter', uuid],
      [`/api/organisations/{province}/templates`, 'kind', 'bogus'],
      [`/api/organisations/{province}/templates`, 'active', 'maybe'],
    ])('GET %s with filter.%s = %j: 400 naming filter.<name>', async (path, name, value) => {
      const url = path.replace('{province}', orgs.province);
      const user = path.includes('number-registers') ? 'vt.tinh' : 'admin';
      const response = await t.as(user).get(`${url}?filter=${encodeURIComponent(JSON.stringify({ [name]: value }))}`).expect(400);
      expect(Object.keys(response.body.errors)).toEqual([`filter.${name}`]);
    });

    it('accepts the filters react-admin sends', async () => {
      const filter = (value: object) => encodeURIComponent(JSON.stringify(value));
      await t.as('pct.tinh').get(`/api/plans?filter=${filter({ id: [planId], status: 'draft', kind: ['plan'], issuerId: orgs.province, year: '2026', q: 'x' })}`).expect(200);
      await t.as('admin').get(`/api/organisations?filter=${filter({ parentId: null, level: 'district', kind: 'committee', id: [orgs.province] })}`).expect(200);
      await t.as('admin').get(`/api/users?filter=${filter({ organisationId: orgs.province, role: 'leader', active: true })}`).expect(200);
      await t.as('vt.tinh').get(`/api/number-registers?filter=${filter({ year: 2026, typeCode: 'KH' })}`).expect(200);
    });

    it.each(['range=null', 'range=5', 'range=[0,1e300]', 'sort=null', 'sort=5', 'filter=[1]'])('GET /api/plans?%s: 400 naming the parameter', async (query) => {
      const response = await t.as('pct.tinh').get(`/api/plans?${query}`).expect(400);
      expect(Object.keys(response.body.errors)).toEqual([query.split('=')[0]]);
    });

    it.each([
      ['diff?from=1&to=abc', 'to'],
      ['diff?from=abc', 'from'],
      ['versions/abc', 'n'],
      ['versions/99999999999', 'n'],
      ['reports/abc/mine', 'deadline'],
    ])('GET /api/plans/:id/%s: 400 naming %s', async (path, field) => {
      const response = await t.as('bpt.tinh').get(`/api/plans/${planId}/${path}`).expect(400);
      expect(Object.keys(response.body.errors)).toEqual([field]);
    });

    it('a validly signed token whose subject is not a UUID: 401', async () => {
      const token = t.app.get(JwtService).sign({ sub: 'not-a-uuid' });
      const response = await t.http().get('/api/me').set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(401);
    });

    it('with the admin UI served, malformed JSON is a 400 and an oversized body a 413, in Vietnamese', async () => {
      const malformed = await t.as('bpt.tinh').post('/api/plans').set('Content-Type', 'application/json').send('{"kind": ').expect(400);
      expect(malformed.body).toMatchObject({ code: 'MALFORMED_JSON', message: expect.stringMatching(/JSON/) });
      const huge = JSON.stringify(planContent(orgs.province, { title: 'x'.repeat(3 * 1024 * 1024) }));
      const tooLarge = await t.as('bpt.tinh').post('/api/plans').set('Content-Type', 'application/json').send(huge).expect(413);
      expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/quá lớn/) });
      await t.http().get('/api/no-such-route').expect(404);
      await t.http().get('/plans/some/page').expect(200);
    });

    it('accepts a real plan of 200 blocks (well over 100 kB of JSON)', async () => {
      const body = Array.from({ length: 200 }, (_, i) => ({ type: 'paragraph', text: `Đoạn ${i + 1}: ${'Mặt trận Tổ quốc Việt Nam các cấp vận động nhân dân. '.repeat(12)}` }));
      const content = planContent(orgs.province, { body });
      expect(JSON.stringify(content).length).toBeGreaterThan(100 * 1024);
      await t.as('bpt.tinh').post('/api/plans').send(content).expect(201);
    });

    it('reports a wrong type as the wrong type, not as "too long"', async () => {
      const response = await t.http().post('/api/auth/login').send({ username: { a: 1 }, password: 'x' }).expect(400);
      expect(response.body.errors).toEqual({ username: 'phải là chuỗi ký tự' });
    });

    it.each(['2026-02-30', '2026-06-10T00:00:00Z', '2026-6-10', '10/06/2026', '20260610'])('refuses the due date %s: not YYYY-MM-DD', async (dueDate) => {
      const content = planContent(orgs.province, { reporting: [{ name: 'Báo cáo', dueDate }] });
      const response = await t.as('bpt.tinh').post('/api/plans').send(content).expect(400);
      expect(response.body.errors).toEqual({ 'reporting.0.dueDate': 'phải là ngày theo định dạng YYYY-MM-DD' });
    });

    it.each(['2099-01-01T00:00:00Z', '1944-12-31T00:00:00+07:00', new Date(Date.now() + 2 * 86_400_000).toISOString(), '2026-02-30T00:00:00Z'])(
      'refuses a number register entry dated %s',
      async (issuedAt) => {
        const before = await mainTablesChecksum(t);
        const response = await t.as('vt.tinh').post('/api/number-registers').send({ typeCode: 'BC', title: 'Báo cáo', issuedAt }).expect(400);
        expect(Object.keys(response.body.errors)).toEqual(['issuedAt']);
        expect(await mainTablesChecksum(t)).toBe(before);
      },
    );

    it('deleting an organisation that still has accounts: 409 IN_USE, not a 500', async () => {
      const organisation = (await t.as('admin').post('/api/organisations').send({
        name: 'Ủy ban MTTQ xã Thử Xóa', shortName: 'MTTQ xã', bodyName: 'BAN THƯỜNG TRỰC', symbol: 'MTTQ-TX', place: 'Thuận Châu',
        signatureAuthority: 'TM. BAN THƯỜNG TRỰC', signerTitle: 'CHỦ TỊCH', kind: 'committee', level: 'commune', parentId: orgs.thuanChau,
      }).expect(201)).body.id;
      await t.as('admin').post('/api/users').send({ username: 'thu.xoa', fullName: 'Người Thử Xóa', password: 'kehoach2026', organisationId: organisation, roles: ['drafter'] }).expect(201);
      const response = await t.as('admin').delete(`/api/organisations/${organisation}`).expect(409);
      expect(response.body).toMatchObject({ code: 'IN_USE' });
    });

    it('answers an error as JSON even on a route that declared another content type', async () => {
      const response = await t.as('bpt.tinh').get(`/api/plans/${planId}/reports/abc/summary.csv`).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.errors).toEqual({ deadline: expect.any(String) });
    });

    it('registers an entry dated today or in the past', async () => {
      await t.as('vt.tinh').post('/api/number-registers').send({ typeCode: 'BC', title: 'Báo cáo', issuedAt: '1990-05-01T08:00:00+07:00' }).expect(201);
      await t.as('vt.tinh').post('/api/number-registers').send({ typeCode: 'BC', title: 'Báo cáo', issuedAt: new Date().toISOString() }).expect(201);
    });
  });
});
