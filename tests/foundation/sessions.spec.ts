import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DEMO_PASSWORD } from '../../backend/src/database/seeders/organisations.seeder';
import { startTestApp, TestApp } from '../support/test-app';

/** Two instances share one database only on a real server; PGlite lives inside one process. */
const onRealServer = Boolean(process.env.TEST_DATABASE_URL);
const realServerOnly = onRealServer ? it : it.skip;

interface LoggedIn {
  token: string;
  userId: string;
  organisationId: string;
}

async function logIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<LoggedIn> {
  const response = await t.http().post('/api/auth/login').send({ username, password }).expect(200);
  return { token: response.body.accessToken, userId: response.body.user.id, organisationId: response.body.user.organisationId };
}

const me = (t: TestApp, token: string) => t.http().get('/api/me').set('Authorization', `Bearer ${token}`);

/** `Set-Cookie` lines of a response by cookie name. */
function setCookies(response: Response): Record<string, string> {
  const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
}

/** `name=value` of a Set-Cookie line, as a browser would send it back. */
const cookiePair = (line: string) => line.split(';')[0];
const cookieValue = (line: string) => decodeURIComponent(cookiePair(line).split('=')[1]);

describe('sessions: a token ends with what it vouches for', () => {
  let t: TestApp;
  let second: TestApp | null = null;
  beforeAll(async () => {
    t = await startTestApp();
    await t.login('admin');
    if (onRealServer) second = await startTestApp({ databaseUrl: t.config.databaseUrl, jwtSecret: t.config.jwtSecret, ownsDatabase: false });
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it("ends the user's earlier tokens when an admin changes the password", async () => {
    const before = await logIn(t, 'hlhpn.tinh');
    await me(t, before.token).expect(200);
    await t.as('admin').put(`/api/users/${before.userId}`).send({ password: 'mat-khau-moi-2026' }).expect(200);
    const refused = await me(t, before.token).expect(401);
    expect(refused.body).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/đăng nhập/) });
    // The new password opens a new session.
    await me(t, (await logIn(t, 'hlhpn.tinh', 'mat-khau-moi-2026')).token).expect(200);
  });

  it('ends them when the roles or the organisation change, or the account is deactivated', async () => {
    const roles = await logIn(t, 'hccb.tinh');
    await me(t, roles.token).expect(200);
    await t.as('admin').put(`/api/users/${roles.userId}`).send({ roles: ['leader', 'clerk'] }).expect(200);
    await me(t, roles.token).expect(401);

    const moved = await logIn(t, 'vt.maison');
    const elsewhere = await logIn(t, 'vt.thuanchau');
    await me(t, moved.token).expect(200);
    await t.as('admin').put(`/api/users/${moved.userId}`).send({ organisationId: elsewhere.organisationId }).expect(200);
    await me(t, moved.token).expect(401);
    await me(t, elsewhere.token).expect(200);

    const leaving = await logIn(t, 'pct.maison');
    await me(t, leaving.token).expect(200);
    await t.as('admin').delete(`/api/users/${leaving.userId}`).expect(200);
    await me(t, leaving.token).expect(401);
  });

  it('keeps them through a change that grants nothing new (the full name)', async () => {
    const user = await logIn(t, 'bpt.maison');
    await t.as('admin').put(`/api/users/${user.userId}`).send({ fullName: 'Lò Văn Đổi Tên' }).expect(200);
    await me(t, user.token).expect(200);
  });

  it('ends only the session that logs out', async () => {
    const phone = await logIn(t, 'tinhdoan');
    const desk = await logIn(t, 'tinhdoan');
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${phone.token}`).expect(204);
    await me(t, phone.token).expect(401);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${phone.token}`).expect(401);
    await me(t, desk.token).expect(200);
  });

  it.each([
    ['a sub that is not a UUID', { sub: 'admin', sid: randomUUID() }],
    ['a sid that is not a UUID', { sub: randomUUID(), sid: "1' or '1'='1" }],
    ['an object as sub', { sub: { id: randomUUID() }, sid: randomUUID() }],
    ['no sid (a token of the old kind)', { sub: randomUUID() }],
    ['an unknown session', { sub: randomUUID(), sid: randomUUID() }],
  ])('refuses a validly signed token with %s (401, never 500)', async (_, claims) => {
    const token = await t.app.get(JwtService).signAsync(claims);
    const response = await me(t, token).expect(401);
    expect(response.body.code).toBe('UNAUTHORIZED');
  });

  it("refuses another user's session id under one's own user id", async () => {
    const mine = await logIn(t, 'ldld.tinh');
    const theirs = await logIn(t, 'hnd.tinh');
    const { sid } = t.app.get(JwtService).decode<{ sid: string }>(theirs.token);
    await me(t, await t.app.get(JwtService).signAsync({ sub: mine.userId, sid })).expect(401);
  });

  realServerOnly('ends them on every instance sharing the database', async () => {
    const user = await logIn(t, 'bpt.thuanchau');
    await me(second!, user.token).expect(200);
    await t.as('admin').put(`/api/users/${user.userId}`).send({ password: 'mat-khau-moi-2026' }).expect(200);
    await me(second!, user.token).expect(401);
    await me(t, user.token).expect(401);

    const onSecond = await logIn(second!, 'pct.thuanchau');
    await me(t, onSecond.token).expect(200);
    await second!.http().post('/api/auth/logout').set('Authorization', `Bearer ${onSecond.token}`).expect(204);
    await me(t, onSecond.token).expect(401);
  });
});

describe('the browser session: HttpOnly cookie and CSRF token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function cookieLogin(username: string, headers: Record<string, string> = {}) {
    const response = await t.http().post('/api/auth/login').set(headers).send({ username, password: DEMO_PASSWORD }).expect(200);
    const cookies = setCookies(response);
    return {
      cookies,
      cookieHeader: [cookies.kehoach_session, cookies.kehoach_csrf].map(cookiePair).join('; '),
      csrf: cookieValue(cookies.kehoach_csrf),
    };
  }

  it('sets the token as an HttpOnly, SameSite=Strict cookie and a CSRF token the page can read', async () => {
    const { cookies } = await cookieLogin('pct.tinh');
    expect(cookies.kehoach_session).toMatch(/; HttpOnly/);
    expect(cookies.kehoach_session).toMatch(/; SameSite=Strict/);
    expect(cookies.kehoach_session).toMatch(/; Path=\/api/);
    expect(cookies.kehoach_session).not.toMatch(/; Secure/);
    expect(cookies.kehoach_csrf).not.toMatch(/HttpOnly/);
    expect(cookies.kehoach_csrf).toMatch(/; SameSite=Strict/);
  });

  it('marks the cookies Secure behind a proxy that says the request came over https', async () => {
    const { cookies } = await cookieLogin('pct.tinh', { 'X-Forwarded-Proto': 'https' });
    expect(cookies.kehoach_session).toMatch(/; Secure/);
    expect(cookies.kehoach_csrf).toMatch(/; Secure/);
  });

  it('reads with the cookie alone, and changes only with the CSRF header', async () => {
    const session = await cookieLogin('bpt.tinh');
    const read = await t.http().get('/api/me').set('Cookie', session.cookieHeader).expect(200);
    expect(read.body.user.username).toBe('bpt.tinh');

    const forged = await t.http().post('/api/auth/logout').set('Cookie', session.cookieHeader).expect(403);
    expect(forged.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: expect.stringContaining('CSRF') });
    const other = await cookieLogin('tb.tinh');
    await t.http().post('/api/auth/logout').set('Cookie', session.cookieHeader).set('X-CSRF-Token', other.csrf).expect(403);
    await t.http().get('/api/me').set('Cookie', session.cookieHeader).expect(200);

    const loggedOut = await t.http().post('/api/auth/logout').set('Cookie', session.cookieHeader).set('X-CSRF-Token', session.csrf).expect(204);
    expect(setCookies(loggedOut).kehoach_session).toMatch(/Expires=Thu, 01 Jan 1970/);
    await t.http().get('/api/me').set('Cookie', session.cookieHeader).expect(401);
  });

  it('asks no CSRF header of a Bearer client, which carries no ambient authority', async () => {
    const response = await t.http().post('/api/auth/login').send({ username: 'vt.tinh', password: DEMO_PASSWORD }).expect(200);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${response.body.accessToken}`).expect(204);
  });
});

describe('login throttling, shared by every instance', () => {
  let t: TestApp;
  let second: TestApp | null = null;
  beforeAll(async () => {
    // Behind a proxy on this host: X-Forwarded-For gives each test its own client address.
    t = await startTestApp({ trustProxy: 'loopback' });
    if (onRealServer) {
      second = await startTestApp({ databaseUrl: t.config.databaseUrl, jwtSecret: t.config.jwtSecret, trustProxy: 'loopback', ownsDatabase: false });
    }
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const attempt = (app: TestApp, address: string, username: string, password = 'sai-mat-khau') =>
    app.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('limits failures per address across usernames (30 per 15 minutes)', async () => {
    const usernames = Array.from({ length: 16 }, (_, i) => `khong.co.${i}`);
    const statuses: number[] = [];
    for (const round of [1, 2]) for (const username of usernames) statuses.push((await attempt(t, '203.0.113.7', `${username}.${round}`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);

    const refused = await attempt(t, '203.0.113.7', 'pct.tinh', DEMO_PASSWORD).expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS', message: expect.stringMatching(/thử lại sau \d+ phút/) });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Other addresses are not held back by it.
    await attempt(t, '203.0.113.8', 'pct.tinh', DEMO_PASSWORD).expect(200);
  });

  it('limits failures per username across addresses (10 per 15 minutes)', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) statuses.push((await attempt(t, `198.51.100.${i}`, 'hnd.tinh')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    await attempt(t, '198.51.100.50', 'hnd.tinh', DEMO_PASSWORD).expect(429);
  });

  it('does not count successful logins', async () => {
    for (let i = 0; i < 31; i++) await attempt(t, '192.0.2.1', 'ct.phonglai', DEMO_PASSWORD).expect(200);
  });

  realServerOnly('counts the failures seen by every instance together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(t, '192.0.2.20', 'tb.tinh')).status);
    for (let i = 0; i < 5; i++) statuses.push((await attempt(second!, '192.0.2.20', 'tb.tinh')).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    await attempt(second!, '192.0.2.20', 'tb.tinh').expect(429);
    await attempt(t, '192.0.2.21', 'tb.tinh').expect(429);
  });
});
