import { MikroORM } from '@mikro-orm/core';
import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { AuditService } from '../../backend/src/audit/audit.service';
import { planInState } from '../support/plan-states';
import { ALL_DEMO_USERS, DemoOrgs, demoOrgs, planContent } from '../support/plans';
import { sql, startTestApp, TestApp } from '../support/test-app';
import { mainTablesChecksum } from './support';

/**
 * Property-based: random and hostile bodies, query strings and ids sent to every route the router
 * knows, as several users and as nobody. Never a 5xx; every refusal in Vietnamese (a 400 naming its
 * fields) and with no row changed; at the end every plan's audit chain verifies. Seeded: set FC_SEED
 * to replay a run, FC_RUNS to run longer.
 */
const SEED = Number(process.env.FC_SEED ?? 20_261_130);
const RUNS = Number(process.env.FC_RUNS ?? 1000);

const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữịỉĩìíọỏõòóụủũùúỵỷỹỳý]/i;
const CALLERS = ['bpt.tinh', 'tb.tinh', 'pct.tinh', 'vt.tinh', 'admin', 'ldld.tinh', 'bpt.thuanchau', 'nobody', 'forged-subject', 'garbage-token'];
type Method = 'get' | 'post' | 'put' | 'delete';

interface Route {
  method: Method;
  path: string;
}

/** What one generated request sends. */
interface Attempt {
  caller: string;
  method: Method;
  url: string;
  body?: { json: unknown } | { raw: string } | { multipart: { kind: string; bytes: Uint8Array } };
}

describe('hostile input, property-based', () => {
  let t: TestApp;
  let orgs: DemoOrgs;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let routes: Route[] = [];
  let started = 0;
  /** How many answers of each status: printed, to show the requests reach past authentication and validation. */
  const statuses: Record<number, number> = {};

  beforeAll(async () => {
    started = Date.now();
    console.log(`fast-check seed ${SEED}, ${RUNS} runs (FC_SEED=${SEED} to replay)`);
    const adminDist = mkdtempSync(join(tmpdir(), 'kehoach-admin-'));
    writeFileSync(join(adminDist, 'index.html'), '<!doctype html><title>kehoach</title>');
    t = await startTestApp({ adminDist });
    await t.login(...ALL_DEMO_USERS);
    orgs = await demoOrgs(t);
    ids.draft = (await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province)).expect(201)).body.id;
    ids.commented = (await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province)).expect(201)).body.id;
    ids.distributed = await planInState(t, orgs, 'distributed');
    ids.organisation = (await t.as('admin').post('/api/organisations').send(organisationBody(orgs)).expect(201)).body.id;
    ids.user = (await t.as('admin').post('/api/users').send(userBody(ids.organisation)).expect(201)).body.id;
    const jwt = t.app.get(JwtService);
    tokens['forged-subject'] = jwt.sign({ sub: 'not-a-uuid', sid: 'not-a-uuid' });
    tokens['garbage-token'] = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.';
    routes = routerRoutes(t);
  });
  afterAll(() => t?.close());

  /** Sends an attempt; answers the response after checking it against the properties every answer keeps. */
  const attempt = async ({ caller, method, url, body }: Attempt): Promise<Response> => {
    const before = await mainTablesChecksum(t);
    let request = caller in tokens || caller === 'nobody' ? t.http()[method](url) : t.as(caller)[method](url);
    if (tokens[caller]) request = request.set('Authorization', `Bearer ${tokens[caller]}`);
    if (body && 'json' in body) request = request.set('Content-Type', 'application/json').send(JSON.stringify(body.json));
    if (body && 'raw' in body) request = request.set('Content-Type', 'application/json').send(body.raw);
    if (body && 'multipart' in body) request = request.field('kind', body.multipart.kind).attach('file', Buffer.from(body.multipart.bytes), 'mau.docx');
    const response = await request;
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const where = `${caller} ${method.toUpperCase()} ${url.slice(0, 200)} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
    if (response.status >= 500) throw new Error(`5xx: ${where}`);
    if (response.status >= 400) {
      if (!VIETNAMESE.test(response.body?.message ?? '')) throw new Error(`not Vietnamese: ${where}`);
      const fieldless = response.body.code === 'MALFORMED_JSON';
      if (response.status === 400 && !fieldless && !Object.keys(response.body.errors ?? {}).length) throw new Error(`400 without errors: ${where}`);
      if ((await mainTablesChecksum(t)) !== before) throw new Error(`a refused request changed rows: ${where}`);
    }
    return response;
  };

  it('keeps the audit chain valid for any accepted comment (item 2)', async () => {
    const planId = ids.commented;
    let inReview = false;
    await fc.assert(
      fc.asyncProperty(commentArbitrary, async (comment) => {
        const type = inReview ? 'WITHDRAW' : 'SUBMIT';
        const response = await attempt({ caller: 'bpt.tinh', method: 'post', url: `/api/plans/${planId}/events`, body: { json: { type, comment } } });
        if (response.status === 400) return expect(Object.keys(response.body.errors)).toEqual(['comment']);
        expect(response.status).toBe(200);
        inReview = !inReview;
        const history = (await t.as('bpt.tinh').get(`/api/plans/${planId}/history`).expect(200)).body;
        expect(history.at(-1).comment).toBe(comment.normalize('NFC').replace(/\r\n?/g, '\n').trim() || null);
        expect((await t.as('bpt.tinh').get(`/api/plans/${planId}/audit/verify`).expect(200)).body).toMatchObject({ valid: true });
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 5), endOnFailure: true },
    );
  });

  it('answers every hostile request to every route with a Vietnamese 4xx or a success, changing nothing when it refuses', async () => {
    expect(routes.length).toBeGreaterThan(30);
    await fc.assert(
      fc.asyncProperty(attemptArbitrary(routes, () => ({ ids, orgs })), async (generated) => {
        const response = await attempt(generated);
        // A logout (or an account change) ends the caller's session: log in again, so later requests still reach the routes.
        if (response.status === 401 && ALL_DEMO_USERS.includes(generated.caller)) await t.login(generated.caller);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  it('leaves every plan with a valid audit chain', async () => {
    const audit = t.app.get(AuditService);
    const plans = await sql<{ id: string }>(t, 'select id from plan');
    for (const { id } of plans) expect({ id, ...(await audit.verify(t.app.get(MikroORM).em.fork() as never, id)) }).toMatchObject({ id, valid: true });
    console.log(`hostile-input suite: ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}); answers by status ${JSON.stringify(statuses)}`);
  });
});

/** Every route the Express router holds, with its method: new routes are covered without editing this file. */
function routerRoutes(t: TestApp): Route[] {
  const stack = (t.app.getHttpAdapter().getInstance().router as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack;
  return stack.flatMap(({ route }) =>
    route && route.path.startsWith('/api')
      ? Object.keys(route.methods).filter((m): m is Method => ['get', 'post', 'put', 'delete'].includes(m)).map((method) => ({ method, path: route.path }))
      : [],
  );
}

function organisationBody(orgs: DemoOrgs) {
  return {
    name: 'Ủy ban MTTQ xã Thử Nghiệm', shortName: 'MTTQ xã', bodyName: 'BAN THƯỜNG TRỰC', symbol: 'MTTQ-TN', place: 'Thuận Châu',
    signatureAuthority: 'TM. BAN THƯỜNG TRỰC', signerTitle: 'CHỦ TỊCH', kind: 'committee', level: 'commune', parentId: orgs.thuanChau,
  };
}

function userBody(organisationId: string) {
  return { username: 'thu.nghiem', fullName: 'Người Thử Nghiệm', password: 'kehoach2026', organisationId, roles: ['drafter'] };
}

/** A well-formed body for the routes that take one: mutated one field at a time, it reaches deep into validation. */
function validBody(route: Route, ids: Record<string, string>, orgs: DemoOrgs): unknown {
  const key = `${route.method} ${route.path}`;
  if (key === 'post /api/plans') return planContent(orgs.province);
  if (key === 'put /api/plans/:id') return { ...planContent(orgs.province), version: 1 };
  if (key.endsWith('/events')) return { type: 'SUBMIT', comment: 'Ý kiến' };
  if (key === 'post /api/auth/login') return { username: 'bpt.tinh', password: 'sai mật khẩu' };
  if (key.startsWith('post /api/users') || key.startsWith('put /api/users')) return { ...userBody(ids.organisation), username: 'nguoi.moi' };
  if (key === 'post /api/organisations' || key === 'put /api/organisations/:id') return organisationBody(orgs);
  if (key.endsWith('/mine')) return { values: { '1': 5 }, note: 'Ghi chú', submit: false };
  if (key === 'post /api/number-registers') return { typeCode: 'BC', title: 'Báo cáo', issuedAt: '2026-01-05T08:00:00+07:00' };
  return {};
}

/** Short enough for a URL: Node itself answers a request line over 16 kB with a bare 431, before the app. */
const urlText = fc.oneof(
  fc.constantFrom(
    'x\ud800y', '\udc00', 'a\u0000b', '\u0000', '\u202eabc.exe', 'a\u0007b', '\u001b[2J', '\r\n', ' ', '', '\u00a0', '\ufeff', '\uffff',
    '%00', "'; drop table plan; --", '$ne', '__proto__', '1e400', 'NaN', '-1', '2026-02-30',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const hostileText = fc.oneof(urlText, fc.constantFrom('x'.repeat(30_000), 'Đ'.repeat(5_001)));

const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, 99_999_999_999, 2_147_483_648, -1, 0, 0.5, -0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** `{"__proto__": …}` as JSON.parse builds it: an own key, which JSON.stringify sends on. */
const protoObject = fc.constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}').map((text) => JSON.parse(text) as unknown);

const valueWith = (text: fc.Arbitrary<string>): fc.Arbitrary<unknown> => fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant({ $ne: null }),
    fc.constant({ $gt: '' }),
    protoObject,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const hostileValue = valueWith(hostileText);
const urlValue = valueWith(urlText);

/** Bodies no serializer writes: numbers beyond double, deep nesting, broken JSON. */
const rawBody = fc.oneof(
  fc.integer({ min: 60, max: 20_000 }).map((depth) => `{"comment":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.integer({ min: 60, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.constantFrom('{"version":1e400,"type":"SUBMIT"}', '{"comment":"\\ud800"}', '{"type":"SUBMIT"', 'null', '"x"', '[]', '{"a":1,"a":2}', '\u0000', ''),
);

/** Every UTF-8 byte as %XX, as a client puts any text into a URL (a lone surrogate becomes U+FFFD's bytes). */
const percentEncoded = (text: string) => [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

const hostileId = fc.oneof(
  fc.constantFrom('abc', '0', '-1', 'null', '6F1C1F3E-8C4B-4F0A-9D55-1C0B7C7E9A11', '00000000-0000-0000-0000-000000000000', '%00', '%zz', '%ED%A0%80', '..%2F..%2Fetc', 'x'.repeat(500)),
  fc.uuid(),
  urlText.filter((text) => text.length > 0).map(percentEncoded),
);

/** One request: a route, ids real or hostile, a caller, a query and a body, each possibly hostile. */
function attemptArbitrary(routes: Route[], fixtures: () => { ids: Record<string, string>; orgs: DemoOrgs }): fc.Arbitrary<Attempt> {
  return fc.constantFrom(...routes).chain((route) => {
    const { ids, orgs } = fixtures();
    // Real ids that a request may change or delete are the suite's own, so the demo data stays as the other tests need it.
    const real: Record<string, string[]> = {
      id: route.path.startsWith('/api/plans') ? [ids.draft, ids.distributed] : route.path.startsWith('/api/users') ? [ids.user] : [ids.organisation],
      organisationId: [orgs.province, orgs.ldld],
      deadline: ['0', '1'],
      n: ['1', '2'],
    };
    const param = (name: string) => fc.oneof(fc.constantFrom(...(real[name] ?? ['x'])), hostileId);
    // `:id` parameters, and wildcards such as `{*path}`
    const holes = [...route.path.matchAll(/:(\w+)|\{\*(\w+)\}/g)].map((match) => ({ text: match[0], name: match[1] ?? match[2] }));
    const path = fc.tuple(...holes.map(({ name }) => param(name))).map((values) => holes.reduce((url, hole, i) => url.replace(hole.text, values[i]), route.path));
    return fc.record({
      caller: fc.constantFrom(...CALLERS),
      method: fc.constant(route.method),
      url: fc.tuple(path, queryArbitrary).map(([url, query]) => url + query),
      body: route.method === 'post' || route.method === 'put' ? bodyArbitrary(validBody(route, ids, orgs), route) : fc.constant(undefined),
    });
  });
}

const filterNames = fc.constantFrom('id', 'q', 'status', 'kind', 'issuerId', 'year', 'organisationId', 'parentId', 'level', 'role', 'active', 'typeCode', 'unknown');
const queryArbitrary = fc.oneof(
  fc.constant(''),
  fc.record({ name: filterNames, value: urlValue }).map(({ name, value }) => `?filter=${encodeURIComponent(JSON.stringify({ [name]: value }))}`),
  fc.record({ range: urlValue, sort: urlValue }).map(({ range, sort }) => `?range=${encodeURIComponent(JSON.stringify(range))}&sort=${encodeURIComponent(JSON.stringify(sort))}`),
  fc.record({ name: fc.constantFrom('filter', 'range', 'sort', 'from', 'to', 'kind'), text: urlText }).map(({ name, text }) => `?${name}=${percentEncoded(text)}`),
  fc.constantFrom('?from=1&to=abc', '?from=abc', '?from=1&to=99999999999', '?kind=single', '?filter=%7B', '?filter[q]=x', '?range=[0,1e300]', '?filter={"q":"%00"}'),
);

function bodyArbitrary(valid: unknown, route: Route): fc.Arbitrary<Attempt['body']> {
  const paths = pathsOf(valid);
  const options: fc.Arbitrary<Attempt['body']>[] = [
    fc.constant({ json: valid }),
    fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => ({ json: replaceAt(valid, path, value) })),
    fc.tuple(hostileText, hostileValue).map(([key, value]) => ({ json: Object.assign(structuredClone(valid) as object, { [key]: value }) })),
    hostileValue.map((value) => ({ json: value })),
    rawBody.map((raw) => ({ raw })),
  ];
  if (route.path.endsWith('/templates')) {
    options.push(fc.record({ kind: hostileText, bytes: fc.uint8Array({ maxLength: 200 }) }).map((multipart) => ({ multipart })));
  }
  return fc.oneof(...options);
}

/** Every path into a JSON value (`['body', 3, 'text']`), the value itself included. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]))];
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let holder = copy;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  holder[path[path.length - 1]] = replacement;
  return copy;
}

/** Comments as people type them, and as hostile clients send them. */
const commentArbitrary = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
  fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 80 }).map((text) => text.normalize('NFD')),
  fc.constantFrom('Đồng ý\r\nban hành', 'x\ud800y', 'a\u0000', '\u202eabc', 'Ý kiến\tkèm theo', '  có khoảng trắng  '),
);
