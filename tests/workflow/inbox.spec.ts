/**
 * The inbox tells each person what they owe: every report due within 7 days or overdue is a task of
 * the recipient until submitted; a task is what only this person can move forward now, the rest is
 * followed; a draft sent back says who sent it back, when and why.
 */
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { ALL_DEMO_USERS, demoOrgs, DemoOrgs, planContent, REPORTING_FORM, send } from '../support/plans';
import { sql, startTestApp, TestApp } from '../support/test-app';

const today = vietnamDay(new Date());

interface TaskRow {
  type: string;
  planId: string;
  actions: string[];
  deadline?: number;
  dueDate?: string;
  sentBack?: { event: string; at: string; comment: string | null; by: { fullName: string; organisationName: string } };
}

describe('the inbox: reports owed, tasks and following, plans sent back', () => {
  let t: TestApp;
  let orgs: DemoOrgs;

  const list = async (user: string, path: '/api/tasks' | '/api/following', range = '[0,99]') => {
    const response = await t.as(user).get(`${path}?range=${range}`).expect(200);
    return { rows: response.body as TaskRow[], total: Number(/\/(\d+)$/.exec(response.headers['content-range'])![1]) };
  };
  const rowsOf = async (user: string, path: '/api/tasks' | '/api/following', planId: string) => (await list(user, path)).rows.filter((row) => row.planId === planId);

  /** A plan of the province distributed to Thuận Châu and Mai Sơn, with these deadlines (days from today). */
  async function distributedPlan(title: string, dueInDays: number[]): Promise<string> {
    const content = planContent(orgs.province, {
      title,
      recipients: [{ label: 'Ủy ban MTTQ các huyện', orgIds: [orgs.thuanChau, orgs.maiSon] }],
      reporting: dueInDays.map((days, i) => ({ name: `Báo cáo lần ${i + 1}`, dueDate: addDays(today, days) })),
      form: REPORTING_FORM,
    });
    const planId = (await t.as('bpt.tinh').post('/api/plans').send(content).expect(201)).body.id;
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE'], ['vt.tinh', 'DISTRIBUTE']]) await send(t, user, planId, event);
    return planId;
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.login(...ALL_DEMO_USERS);
    orgs = await demoOrgs(t);
  });
  afterAll(() => t.close());

  describe('reports owed', () => {
    let planId: string;

    beforeAll(async () => {
      planId = await distributedPlan('Kế hoạch có báo cáo quá hạn và sắp đến hạn', [20, 25, 30]);
      // Time passes: the first round is now 174 days past due, the second due in 5 days. No reminder job has run.
      await sql(t, `update reporting_round set due_date = ?::date where plan_id = ? and position = 0`, [addDays(today, -174), planId]);
      await sql(t, `update reporting_round set due_date = ?::date where plan_id = ? and position = 1`, [addDays(today, 5), planId]);
      expect(await sql(t, `select 1 from report_reminder rem join reporting_round r on r.id = rem.round_id where r.plan_id = ?`, [planId])).toEqual([]);
    });

    it('an acknowledged plan leaves its reports due and overdue in the recipient\'s tasks, without the daily job', async () => {
      await t.as('vt.thuanchau').post(`/api/plans/${planId}/acknowledge`).expect(200);
      const rows = await rowsOf('pct.thuanchau', '/api/tasks', planId);
      expect(rows).toEqual([
        expect.objectContaining({ type: 'report_overdue', deadline: 0, dueDate: addDays(today, -174), actions: ['REPORT'] }),
        expect.objectContaining({ type: 'report_due', deadline: 1, dueDate: addDays(today, 5), actions: ['REPORT'] }),
      ]);
      // Not yet acknowledged: the acknowledgement comes first, the reports are owed all the same.
      expect((await rowsOf('vt.maison', '/api/tasks', planId)).map((row) => [row.type, row.deadline])).toEqual([
        ['report_overdue', 0],
        ['report_due', 1],
        ['acknowledge', undefined],
      ]);
    });

    it('only recipients owe reports; submitting or closing the round ends the task', async () => {
      expect(await rowsOf('ct.phonglai', '/api/tasks', planId)).toEqual([]);
      expect((await rowsOf('vt.tinh', '/api/tasks', planId)).filter((row) => row.type.startsWith('report'))).toEqual([]);

      await t.as('vt.thuanchau').put(`/api/plans/${planId}/reports/0/mine`).send({ values: { '1': 3 }, submit: false }).expect(200);
      expect((await rowsOf('vt.thuanchau', '/api/tasks', planId)).map((row) => row.deadline)).toEqual([0, 1]);
      await t.as('vt.thuanchau').put(`/api/plans/${planId}/reports/0/mine`).send({ values: { '1': 3 }, submit: true }).expect(200);
      expect((await rowsOf('vt.thuanchau', '/api/tasks', planId)).map((row) => row.deadline)).toEqual([1]);

      await t.as('vt.tinh').post(`/api/plans/${planId}/reports/1/close`).expect(200);
      expect((await rowsOf('vt.maison', '/api/tasks', planId)).map((row) => row.type)).toEqual(['report_overdue', 'acknowledge']);
    });

    it('pages the reports with the other tasks, the same items in the same order', async () => {
      const all = await list('vt.maison', '/api/tasks');
      expect(all.rows).toHaveLength(all.total);
      const pages: TaskRow[] = [];
      for (let from = 0; from < all.total; from += 2) pages.push(...(await list('vt.maison', '/api/tasks', `[${from},${from + 1}]`)).rows);
      expect(pages.map((row) => `${row.type}:${row.planId}:${row.deadline}`)).toEqual(all.rows.map((row) => `${row.type}:${row.planId}:${row.deadline}`));
    });
  });

  describe('tasks and following', () => {
    let planId: string;

    beforeAll(async () => {
      planId = (await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province, { title: 'Kế hoạch theo dõi và trả lại' })).expect(201)).body.id;
    });

    it('a draft is its drafter\'s task; once submitted, the drafter follows it and the reviewer has it', async () => {
      expect(await rowsOf('bpt.tinh', '/api/tasks', planId)).toEqual([expect.objectContaining({ type: 'plan', actions: ['SUBMIT', 'CANCEL'] })]);
      expect(await rowsOf('bpt.tinh', '/api/following', planId)).toEqual([]);
      await send(t, 'bpt.tinh', planId, 'SUBMIT');
      expect(await rowsOf('bpt.tinh', '/api/tasks', planId)).toEqual([]);
      expect(await rowsOf('bpt.tinh', '/api/following', planId)).toEqual([expect.objectContaining({ actions: ['WITHDRAW'] })]);
      expect(await rowsOf('tb.tinh', '/api/tasks', planId)).toEqual([expect.objectContaining({ actions: ['FORWARD', 'RETURN'] })]);
    });

    it('sent back with a reason: the drafter\'s task says who, when and why', async () => {
      await send(t, 'tb.tinh', planId, 'FORWARD');
      expect(await rowsOf('pct.tinh', '/api/tasks', planId)).toEqual([expect.objectContaining({ actions: ['RETURN', 'APPROVE', 'REJECT'] })]);
      await send(t, 'pct.tinh', planId, 'RETURN', 200, 'Bổ sung kinh phí thực hiện');
      const [task] = await rowsOf('bpt.tinh', '/api/tasks', planId);
      expect(task.sentBack).toEqual({
        event: 'RETURN',
        at: expect.any(String),
        comment: 'Bổ sung kinh phí thực hiện',
        by: { fullName: expect.any(String), organisationName: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La' },
      });
      expect(Date.now() - new Date(task.sentBack!.at).getTime()).toBeLessThan(60_000);
      // Submitted again, it is no longer a plan sent back.
      await send(t, 'bpt.tinh', planId, 'SUBMIT');
      expect((await rowsOf('tb.tinh', '/api/tasks', planId))[0].sentBack).toBeUndefined();
    });

    it('after distribution, recall and close are followed by the leader and the clerk, not tasks', async () => {
      for (const [user, event] of [['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE']]) await send(t, user, planId, event);
      expect(await rowsOf('vt.tinh', '/api/tasks', planId)).toEqual([expect.objectContaining({ actions: ['DISTRIBUTE'] })]);
      expect(await rowsOf('pct.tinh', '/api/following', planId)).toEqual([expect.objectContaining({ actions: ['RECALL'] })]);
      await send(t, 'vt.tinh', planId, 'DISTRIBUTE');
      expect(await rowsOf('vt.tinh', '/api/tasks', planId)).toEqual([]);
      expect(await rowsOf('vt.tinh', '/api/following', planId)).toEqual([expect.objectContaining({ actions: ['CLOSE'] })]);
      expect(await rowsOf('pct.tinh', '/api/tasks', planId)).toEqual([]);
      expect(await rowsOf('pct.tinh', '/api/following', planId)).toEqual([expect.objectContaining({ actions: ['RECALL'] })]);
    });

    it('following pages with Content-Range; a user with nothing to follow gets an empty page', async () => {
      const all = await list('pct.tinh', '/api/following');
      expect(all.total).toBeGreaterThanOrEqual(all.rows.length);
      expect(all.rows.every((row) => row.actions.every((action) => ['WITHDRAW', 'RECALL', 'CLOSE', 'CANCEL'].includes(action)))).toBe(true);
      expect(await list('ct.phonglai', '/api/following')).toEqual({ rows: [], total: 0 });
      await t.as('pct.tinh').get('/api/following?range=[0,5000]').expect(400);
    });
  });
});
