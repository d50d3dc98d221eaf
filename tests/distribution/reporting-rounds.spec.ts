import { MikroORM } from '@mikro-orm/core';
import { RemindersService } from '../../backend/src/reports/reminders.service';
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { ALL_DEMO_USERS, demoOrgs, DemoOrgs, planContent, REPORTING_FORM, send } from '../support/plans';
import { sql, startTestApp, TestApp } from '../support/test-app';

const today = vietnamDay(new Date());
type Row = { organisationId: string; rollup: { planId: string; submitted: number; totals: Record<string, number> } | null };

describe('reporting rounds as rows; inbox, stats and follow-up read a page', () => {
  let t: TestApp;
  let orgs: DemoOrgs;
  let parentId: string;
  let childId: string;

  /** The editable content of a plan as the API answers it. */
  const contentOf = (plan: Record<string, unknown>) => Object.fromEntries(Object.keys(planContent(orgs.province)).map((key) => [key, plan[key]]));

  beforeAll(async () => {
    t = await startTestApp();
    await t.login(...ALL_DEMO_USERS);
    orgs = await demoOrgs(t);
    const content = planContent(orgs.province, {
      recipients: [{ label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] }],
      reporting: [
        { name: 'Báo cáo quý', dueDate: addDays(today, 3) },
        { name: 'Báo cáo năm', dueDate: addDays(today, 40) },
      ],
      form: REPORTING_FORM,
    });
    parentId = (await t.as('bpt.tinh').post('/api/plans').send(content).expect(201)).body.id;
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE'], ['vt.tinh', 'DISTRIBUTE']]) await send(t, user, parentId, event);
  });
  afterAll(() => t.close());

  it('distributing makes one row per deadline, in the content\'s order', async () => {
    const rounds = await sql<{ position: number; name: string; due_date: string; parent_round_id: string | null }>(
      t,
      `select position, name, due_date::text as due_date, parent_round_id from reporting_round where plan_id = ? order by position`,
      [parentId],
    );
    expect(rounds).toEqual([
      { position: 0, name: 'Báo cáo quý', due_date: addDays(today, 3), parent_round_id: null },
      { position: 1, name: 'Báo cáo năm', due_date: addDays(today, 40), parent_round_id: null },
    ]);
    const mine = (await t.as('vt.thuanchau').get(`/api/plans/${parentId}/reports/1/mine`).expect(200)).body;
    expect(mine).toMatchObject({ deadline: 1, roundId: expect.any(String), name: 'Báo cáo năm', closed: false });
  });

  it('a derived plan that reorders its deadlines still rolls up into the right round', async () => {
    const derived = (await t.as('bpt.thuanchau').post(`/api/plans/${parentId}/derive`).expect(201)).body;
    childId = derived.id;
    const parentRounds = await sql<{ id: string }>(t, `select id from reporting_round where plan_id = ? order by position`, [parentId]);
    expect(derived.reporting.map((r: { parentRoundId: string }) => r.parentRoundId)).toEqual(parentRounds.map((r) => r.id));

    // Another plan's round is refused, naming the deadline.
    const foreign = (await sql<{ id: string }>(t, `select id from reporting_round where plan_id <> ? limit 1`, [parentId]))[0];
    if (foreign) {
      const wrong = { ...contentOf(derived), reporting: [{ ...derived.reporting[0], parentRoundId: foreign.id }], version: derived.version };
      const refused = await t.as('bpt.thuanchau').put(`/api/plans/${childId}`).send(wrong).expect(400);
      expect(Object.keys(refused.body.errors)).toEqual(['reporting.0.parentRoundId']);
    }

    const reordered = { ...contentOf(derived), reporting: [...derived.reporting].reverse(), version: derived.version };
    await t.as('bpt.thuanchau').put(`/api/plans/${childId}`).send(reordered).expect(200);
    for (const [user, event] of [['bpt.thuanchau', 'SUBMIT'], ['bpt.thuanchau', 'FORWARD'], ['pct.thuanchau', 'APPROVE'], ['vt.thuanchau', 'ISSUE'], ['vt.thuanchau', 'DISTRIBUTE']]) {
      await send(t, user, childId, event);
    }
    // The child's first deadline is now the parent's yearly one.
    await t.as('ct.phonglai').put(`/api/plans/${childId}/reports/0/mine`).send({ values: { '1': 7 }, submit: true }).expect(200);
    const rollupIn = async (deadline: number) =>
      ((await t.as('vt.tinh').get(`/api/plans/${parentId}/reports/${deadline}/summary`).expect(200)).body.rows as Row[]).find((r) => r.organisationId === orgs.thuanChau)!.rollup;
    expect(await rollupIn(1)).toMatchObject({ planId: childId, submitted: 1, totals: { '1': 7 } });
    expect(await rollupIn(0)).toMatchObject({ planId: childId, submitted: 0 });
  });

  it('the reminder job works over the round rows, and the inbox pages with Content-Range', async () => {
    await t.app.get(MikroORM).em.fork().getConnection().execute(`delete from reminder_run`);
    expect(await t.app.get(RemindersService).runDaily()).toBeGreaterThan(0);
    const all = await t.as('vt.thuanchau').get('/api/tasks?range=[0,49]').expect(200);
    const total = Number(/\/(\d+)$/.exec(all.headers['content-range'])![1]);
    expect(all.body.length).toBe(total);
    expect(all.body).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'report_due', planId: parentId, deadline: 0, roundId: expect.any(String) })]));
    expect(total).toBeGreaterThanOrEqual(2);
    // Page by page, the same items in the same order.
    const pages = [];
    for (let from = 0; from < total; from += 1) pages.push(...(await t.as('vt.thuanchau').get(`/api/tasks?range=[${from},${from}]`).expect(200)).body);
    expect(pages.map((task: { type: string; planId: string }) => `${task.type}:${task.planId}`)).toEqual(all.body.map((task: { type: string; planId: string }) => `${task.type}:${task.planId}`));
    await t.as('vt.thuanchau').get('/api/tasks?range=[0,5000]').expect(400);
  });

  it('stats count in SQL what the list shows', async () => {
    const stats = (await t.as('pct.tinh').get('/api/plans/stats').expect(200)).body;
    const list = await t.as('pct.tinh').get('/api/plans?range=[0,0]').expect(200);
    const total = Number(/\/(\d+)$/.exec(list.headers['content-range'])![1]);
    const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    expect(sum(Object.values(stats.byStatus) as number[])).toBe(total);
    expect(sum(stats.byMonth.map((m: { count: number }) => m.count))).toBe(total);
    expect(stats.byStatus.distributed).toBeGreaterThanOrEqual(1);
    expect(stats.byMonth.map((m: { month: string }) => m.month)).toEqual([...stats.byMonth.map((m: { month: string }) => m.month)].sort());
  });

  it('the issuer follows its rounds due within a month, by id', async () => {
    const rounds = (await t.as('vt.tinh').get('/api/reporting-rounds/to-follow').expect(200)).body;
    expect(rounds).toEqual(expect.arrayContaining([expect.objectContaining({ planId: parentId, deadline: 0, name: 'Báo cáo quý', roundId: expect.any(String) })]));
    expect(rounds.find((r: { planId: string; deadline: number }) => r.planId === parentId && r.deadline === 1)).toBeUndefined();
    expect((await t.as('vt.thuanchau').get('/api/reporting-rounds/to-follow').expect(200)).body.every((r: { planId: string }) => r.planId !== parentId)).toBe(true);
  });

  it('existing data migrates: rounds from the content, reports, closures and reminders re-pointed', async () => {
    await t.as('vt.tinh').post(`/api/plans/${parentId}/reports/0/close`).expect(200);
    const reminders = async () => (await sql<{ n: string }>(t, `select count(*) as n from report_reminder`))[0].n;
    const before = { reminders: await reminders(), summary: (await t.as('vt.tinh').get(`/api/plans/${parentId}/reports/1/summary`).expect(200)).body };
    const migrator = t.app.get(MikroORM).getMigrator();
    const migration = ['Migration20261130150000_reporting_rounds'];
    await migrator.down({ migrations: migration });
    // The old shape: deadlines as indexes, closures in their own table.
    expect(await sql(t, `select deadline from report where plan_id = ?`, [childId])).toEqual([{ deadline: 0 }]);
    expect(await sql(t, `select deadline from report_round_closure where plan_id = ?`, [parentId])).toEqual([{ deadline: 0 }]);
    await migrator.up({ migrations: migration });

    const rounds = await sql<{ plan_id: string; position: number; closed: boolean; parent_position: number | null }>(
      t,
      `select r.plan_id, r.position, r.closed_at is not null as closed, pr.position as parent_position
       from reporting_round r left join reporting_round pr on pr.id = r.parent_round_id where r.plan_id in (?, ?) order by r.plan_id = ?, r.position`,
      [parentId, childId, childId],
    );
    // Links made before rounds existed were by index: the migration keeps that meaning.
    expect(rounds).toEqual([
      { plan_id: parentId, position: 0, closed: true, parent_position: null },
      { plan_id: parentId, position: 1, closed: false, parent_position: null },
      { plan_id: childId, position: 0, closed: false, parent_position: 0 },
      { plan_id: childId, position: 1, closed: false, parent_position: 1 },
    ]);
    expect(await reminders()).toBe(before.reminders);
    const after = (await t.as('vt.tinh').get(`/api/plans/${parentId}/reports/1/summary`).expect(200)).body;
    // The same summary, but for the round's new id and the roll-up, which now follows the by-index link.
    const comparable = (summary: { rows: Row[] }) => ({ ...summary, roundId: null, rolledUpTotals: null, rows: summary.rows.map((r) => ({ ...r, rollup: null })) });
    expect(comparable(after)).toEqual(comparable(before.summary));
    expect((await t.as('vt.tinh').get(`/api/plans/${parentId}/reports/0/summary`).expect(200)).body.closed).toBe(true);
    expect((await t.as('vt.thuanchau').get(`/api/plans/${parentId}/reports/1/mine`).expect(200)).body.closed).toBe(false);
  });
});
