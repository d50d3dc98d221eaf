import { startTestApp, TestApp } from '../support/test-app';

describe('login and /api/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs a demo user in and returns a token, never the password hash', async () => {
    const response = await t.http().post('/api/auth/login').send({ username: 'pct.tinh', password: 'kehoach2026' }).expect(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.user).toMatchObject({ username: 'pct.tinh', fullName: 'Nguyễn Thị Thu Hà', roles: ['leader'] });
    expect(JSON.stringify(response.body)).not.toMatch(/password/i);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ username: 'pct.tinh', password: 'sai-mat-khau' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ username: 'khong.ton.tai', password: 'kehoach2026' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng' });
  });

  it('refuses a login body without a username, naming the field', async () => {
    const response = await t.http().post('/api/auth/login').send({ password: 'x' }).expect(400);
    expect(response.body.errors).toHaveProperty('username');
    expect(response.body.message).toContain('username');
  });

  it('limits login attempts for one account', async () => {
    const attempt = () => t.http().post('/api/auth/login').send({ username: 'hnd.tinh', password: 'sai' });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another account from the same address is not locked out by it.
    await t.http().post('/api/auth/login').send({ username: 'tb.tinh', password: 'kehoach2026' }).expect(200);
  });

  it('/api/me gives the user, the organisation and the CASL rules', async () => {
    await t.login('bpt.tinh');
    const response = await t.as('bpt.tinh').get('/api/me').expect(200);
    expect(response.body.user).toMatchObject({ username: 'bpt.tinh', roles: ['drafter'] });
    expect(response.body.organisation).toMatchObject({ name: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La', symbol: 'MTTQ-BTT' });
    expect(response.body.rules).toEqual(expect.arrayContaining([expect.objectContaining({ action: expect.arrayContaining(['SUBMIT']), subject: 'Plan' })]));
  });

  it('requires a valid token on every non-public route', async () => {
    await t.http().get('/api/me').expect(401);
    const response = await t.http().get('/api/me').set('Authorization', 'Bearer not-a-token').expect(401);
    expect(response.body.message).toMatch(/đăng nhập/);
  });

  it('sends security headers', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
  });
});
