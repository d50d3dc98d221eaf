import { demoOrgs, DemoOrgs, eventBody, planContent, send, useDemoApp } from '../support/plans';
import { sql, startTestApp, TestApp } from '../support/test-app';

/** Mộc Châu's one user holds every workflow role: quick to drive, and its register starts empty. */
const MOC_CHAU = 'bpt.mocchau';

async function approvedPlans(t: TestApp, orgs: DemoOrgs, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { body } = await t.as(MOC_CHAU).post('/api/plans').send(planContent(orgs.mocChau, { title: `Kế hoạch số ${i + 1}`, place: 'Mộc Châu' })).expect(201);
    for (const event of ['SUBMIT', 'FORWARD', 'APPROVE']) await send(t, MOC_CHAU, body.id, event);
    ids.push(body.id);
  }
  return ids;
}

const numbersOf = (plans: { number: string }[]) => plans.map((p) => Number(p.number.split('/')[0])).sort((a, b) => a - b);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('concurrency and the audit chain', () => {
  const demo = useDemoApp();

  it('50 plans issued at once get numbers 1..50: no gap, no duplicate', async () => {
    const ids = await approvedPlans(demo.t, demo.orgs, 50);
    const issued = await Promise.all(ids.map((id) => send(demo.t, MOC_CHAU, id, 'ISSUE')));
    expect(numbersOf(issued)).toEqual(oneTo(50));
    const register = await demo.t.as(MOC_CHAU).get('/api/number-registers?range=[0,99]&sort=["number","ASC"]').expect(200);
    expect(register.body.map((e: { number: number }) => e.number)).toEqual(oneTo(50));
    expect(register.body[4]).toMatchObject({ fullNumber: '05/KH-MTTQ-BTT', typeCode: 'KH', external: false });
  });

  it('the clerk registers an outside document on the same register; others may not', async () => {
    const entry = await demo.t.as(MOC_CHAU).post('/api/number-registers').send({ typeCode: 'BC', title: 'Báo cáo kết quả 6 tháng' }).expect(201);
    expect(entry.body).toMatchObject({ number: 51, fullNumber: '51/BC-MTTQ-BTT', external: true, planId: null });
    await demo.t.as('bpt.tinh').post('/api/number-registers').send({ typeCode: 'BC', title: 'X' }).expect(403);
    const invalid = await demo.t.as(MOC_CHAU).post('/api/number-registers').send({ typeCode: 'XX', title: '' }).expect(400);
    expect(Object.keys(invalid.body.errors).sort()).toEqual(['title', 'typeCode']);
    // A clerk sees only its own organisation's register.
    const provincial = await demo.t.as('vt.tinh').get('/api/number-registers').expect(200);
    expect(provincial.body.every((e: { organisationId: string }) => e.organisationId === demo.orgs.province)).toBe(true);
  });

  it('two concurrent APPROVE on one plan: exactly one wins', async () => {
    const { body } = await demo.t.as(MOC_CHAU).post('/api/plans').send(planContent(demo.orgs.mocChau, { place: 'Mộc Châu' })).expect(201);
    await send(demo.t, MOC_CHAU, body.id, 'SUBMIT');
    await send(demo.t, MOC_CHAU, body.id, 'FORWARD');
    const results = await Promise.all([1, 2].map(() => demo.t.as(MOC_CHAU).post(`/api/plans/${body.id}/events`).send(eventBody('APPROVE'))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = (await demo.t.as(MOC_CHAU).get(`/api/plans/${body.id}/history`).expect(200)).body;
    expect(history.filter((r: { event: string }) => r.event === 'APPROVE')).toHaveLength(1);
  });

  it('events racing on one plan queue on its row lock: each is judged on the state the previous one left', async () => {
    const { body } = await demo.t.as(MOC_CHAU).post('/api/plans').send(planContent(demo.orgs.mocChau, { place: 'Mộc Châu' })).expect(201);
    const submits = await Promise.all(Array.from({ length: 10 }, () => demo.t.as(MOC_CHAU).post(`/api/plans/${body.id}/events`).send({ type: 'SUBMIT' })));
    expect(submits.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(submits.filter((r) => r.status === 409).every((r) => r.body.code === 'ILLEGAL_TRANSITION' && r.body.status === 'in_review')).toBe(true);

    // In review, FORWARD and WITHDRAW race. WITHDRAW is legal before and after FORWARD; FORWARD is
    // not legal after WITHDRAW. Either order must leave the plan in draft with exactly the winners in its chain.
    const [forward, withdraw] = await Promise.all(['FORWARD', 'WITHDRAW'].map((type) => demo.t.as(MOC_CHAU).post(`/api/plans/${body.id}/events`).send({ type })));
    expect(withdraw.status).toBe(200);
    expect(withdraw.body.status).toBe('draft');
    const history = (await demo.t.as(MOC_CHAU).get(`/api/plans/${body.id}/history`).expect(200)).body as { event: string; seq: number }[];
    const winners = forward.status === 200 ? ['FORWARD', 'WITHDRAW'] : ['WITHDRAW'];
    if (forward.status !== 200) expect(forward.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 'draft' });
    expect(history.map((r) => r.event)).toEqual(['CREATE', 'SUBMIT', ...winners]);
    expect(history.map((r) => r.seq)).toEqual(history.map((_, i) => i + 1));
    expect((await demo.t.as(MOC_CHAU).get(`/api/plans/${body.id}/audit/verify`).expect(200)).body).toMatchObject({ valid: true, records: history.length });
  });

  it('tampering with an audit row makes /audit/verify answer valid: false', async () => {
    const { body } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    await send(demo.t, 'bpt.tinh', body.id, 'SUBMIT');
    await send(demo.t, 'tb.tinh', body.id, 'RETURN', 200, 'Chưa rõ nội dung');
    expect((await demo.t.as('bpt.tinh').get(`/api/plans/${body.id}/audit/verify`).expect(200)).body).toEqual({ valid: true, records: 3 });

    await sql(demo.t, `update audit_record set comment = 'Đồng ý' where plan_id = ? and seq = 3`, [body.id]);
    expect((await demo.t.as('bpt.tinh').get(`/api/plans/${body.id}/audit/verify`).expect(200)).body).toEqual({ valid: false, records: 3, brokenAt: 3 });

    await sql(demo.t, `update audit_record set comment = 'Chưa rõ nội dung' where plan_id = ? and seq = 3`, [body.id]);
    await sql(demo.t, `delete from audit_record where plan_id = ? and seq = 2`, [body.id]);
    expect((await demo.t.as('bpt.tinh').get(`/api/plans/${body.id}/audit/verify`).expect(200)).body).toMatchObject({ valid: false, brokenAt: 3 });
  });
});

const realServerOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;
realServerOnly('two app instances on one PostgreSQL server', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp({ databaseUrl: first.config.databaseUrl, jwtSecret: first.config.jwtSecret, ownsDatabase: false });
    await first.login(MOC_CHAU);
    await second.login(MOC_CHAU);
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('issue 50 plans through both instances at once: numbers 1..50, no gap, no duplicate', async () => {
    const orgs = await demoOrgs(first, MOC_CHAU);
    const ids = await approvedPlans(first, orgs, 50);
    const issued = await Promise.all(ids.map((id, i) => send(i % 2 ? second : first, MOC_CHAU, id, 'ISSUE')));
    expect(numbersOf(issued)).toEqual(oneTo(50));
  });
});
