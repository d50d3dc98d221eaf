import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { RemindersService } from '../../backend/src/reports/reminders.service';
import { ALL_DEMO_USERS, demoOrgs, DemoOrgs, planContent, REPORTING_FORM, roundNowDue, send } from '../support/plans';
import { sql, startTestApp, TestApp } from '../support/test-app';

const today = vietnamDay(new Date());

describe('after issue: distribution, acknowledgement, reports, reminders, implementing plans', () => {
  let t: TestApp;
  let orgs: DemoOrgs;
  let planId: string;
  let issuedNumber: string;
  const report = (user: string, deadline: number, body: object) => t.as(user).put(`/api/plans/${planId}/reports/${deadline}/mine`).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    await t.login(...ALL_DEMO_USERS);
    orgs = await demoOrgs(t);
    const content = planContent(orgs.province, {
      recipients: [
        { label: 'Ban Thường trực UB TW MTTQ Việt Nam', note: 'b/c' },
        { label: 'Ủy ban MTTQ các huyện', orgIds: [orgs.thuanChau, orgs.maiSon, orgs.mocChau] },
        { label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] },
      ],
      reporting: [
        // Due today when the plan goes out; a day later (below) it has passed.
        { name: 'Báo cáo 6 tháng', dueDate: today },
        { name: 'Báo cáo năm', dueDate: addDays(today, 5) },
      ],
      form: REPORTING_FORM,
    });
    const { body } = await t.as('bpt.tinh').post('/api/plans').send(content).expect(201);
    planId = body.id;
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE']]) await send(t, user, planId, event);
    issuedNumber = (await send(t, 'vt.tinh', planId, 'DISTRIBUTE')).number;
    await roundNowDue(t, planId, 0, addDays(today, -1));
  });
  afterAll(() => t.close());

  it('delivers once to each internal organisation named, lists outside lines and the archive', async () => {
    const view = (await t.as('vt.tinh').get(`/api/plans/${planId}/distribution`).expect(200)).body;
    expect(view.deliveries.map((d: { organisationId: string }) => d.organisationId).sort()).toEqual([orgs.thuanChau, orgs.maiSon, orgs.mocChau].sort());
    expect(view.deliveries.every((d: { label: string }) => d.label === 'Ủy ban MTTQ các huyện')).toBe(true);
    expect(view.external).toEqual([{ label: 'Ban Thường trực UB TW MTTQ Việt Nam', note: 'b/c' }]);
    expect(view.archive).toBe('Lưu: VT, BPT.');
    // Recipients read the plan and find it in their inbox.
    await t.as('pct.maison').get(`/api/plans/${planId}`).expect(200);
    const inbox = (await t.as('vt.maison').get('/api/tasks').expect(200)).body;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'acknowledge', planId, actions: ['ACKNOWLEDGE'] })]));
  });

  it('any member of a recipient acknowledges, once; the issuer sees who and when', async () => {
    const first = await t.as('bpt.thuanchau').post(`/api/plans/${planId}/acknowledge`).expect(200);
    expect(first.body).toMatchObject({ organisationId: orgs.thuanChau, acknowledgedBy: { fullName: 'Lò Văn Khánh' }, acknowledgedAt: expect.any(String) });
    const again = await t.as('pct.thuanchau').post(`/api/plans/${planId}/acknowledge`).expect(409);
    expect(again.body.code).toBe('ALREADY_ACKNOWLEDGED');
    await t.as('vt.maison').post(`/api/plans/${planId}/acknowledge`).expect(200);
    await t.as('vt.tinh').post(`/api/plans/${planId}/acknowledge`).expect(404);
    const view = (await t.as('pct.tinh').get(`/api/plans/${planId}/distribution`).expect(200)).body;
    expect(view.deliveries.filter((d: { acknowledgedAt: string | null }) => d.acknowledgedAt)).toHaveLength(2);
    // A recipient sees only its own delivery line.
    expect((await t.as('vt.maison').get(`/api/plans/${planId}/distribution`).expect(200)).body.deliveries).toHaveLength(1);
    const stillToAcknowledge = (await t.as('vt.maison').get('/api/tasks').expect(200)).body.filter((x: { type: string; planId: string }) => x.type === 'acknowledge' && x.planId === planId);
    expect(stillToAcknowledge).toEqual([]);
  });

  it('reports: drafts, submissions, corrections kept; bad values name the indicator; non-recipients get 404', async () => {
    const draft = await report('bpt.thuanchau', 1, { values: { '1': 120 }, note: 'Đang tổng hợp' }).expect(200);
    expect(draft.body).toMatchObject({ state: 'draft', revision: 1, submittedAt: null });
    const submitted = await report('pct.thuanchau', 1, { values: { '1': 125, '2': 87.5, '3': 'Mô hình “Khu dân cư tự quản”' }, submit: true, version: draft.body.version }).expect(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', revision: 2, submittedAt: expect.any(String) });
    const corrected = await report('bpt.thuanchau', 1, { values: { '1': 126, '2': 87.5, '3': 'Mô hình “Khu dân cư tự quản”' }, submit: true, version: submitted.body.version }).expect(200);
    expect(corrected.body).toMatchObject({ state: 'submitted', revision: 3, submittedAt: submitted.body.submittedAt });
    const stale = await report('bpt.thuanchau', 1, { values: { '1': 1 }, version: submitted.body.version }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const history = (await t.as('vt.tinh').get(`/api/plans/${planId}/reports/1/organisations/${orgs.thuanChau}/revisions`).expect(200)).body;
    expect(history.map((r: { values: { '1': number } }) => r.values['1'])).toEqual([120, 125, 126]);

    const bad = await report('vt.maison', 1, { values: { '1': -3, '2': 120, '3': 5, '9': 1 } }).expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['values.1', 'values.2', 'values.3', 'values.9']);
    expect(bad.body.errors['values.1']).toMatch(/Tổng số khu dân cư.*số nguyên không âm/);
    await report('vt.maison', 1, { values: { '1': 80, '2': 92.5 }, submit: true }).expect(200);

    // Not a recipient: the issuer's own staff, and a commune.
    await report('vt.tinh', 1, { values: { '1': 1 } }).expect(404);
    await report('ct.phonglai', 1, { values: { '1': 1 } }).expect(404);
    await report('vt.maison', 7, { values: {} }).expect(404);
  });

  it('the issuer\'s summary: submitted, late, overdue, pending, and totals', async () => {
    await report('bpt.mocchau', 0, { values: { '1': 40 }, submit: true }).expect(200);
    const past = (await t.as('vt.tinh').get(`/api/plans/${planId}/reports/0/summary`).expect(200)).body;
    const status = (summary: { rows: { organisationId: string; status: string }[] }, org: string) => summary.rows.find((r) => r.organisationId === org)!.status;
    expect(status(past, orgs.mocChau)).toBe('late');
    expect(status(past, orgs.thuanChau)).toBe('overdue');
    expect(past.counts).toMatchObject({ recipients: 3, late: 1, overdue: 2 });
    expect(past.totals).toEqual({ '1': 40, '2': null, '3': 0 });

    const coming = (await t.as('pct.tinh').get(`/api/plans/${planId}/reports/1/summary`).expect(200)).body;
    expect(status(coming, orgs.thuanChau)).toBe('submitted');
    expect(status(coming, orgs.mocChau)).toBe('pending');
    expect(coming.totals).toEqual({ '1': 206, '2': 90, '3': 1 });
    await t.as('vt.maison').get(`/api/plans/${planId}/reports/1/summary`).expect(403);

    const csv = await t.as('vt.tinh').get(`/api/plans/${planId}/reports/1/summary.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('Tổng cộng,,,206,90,1');
    expect(csv.text).toContain('Ủy ban MTTQ Việt Nam huyện Thuận Châu,Đã nộp');
  });

  it('the reminder job, run by two instances at once, creates each reminder once', async () => {
    // On a real server a second app instance shares the database; the embedded one lives in this app only.
    const other = t.config.databaseUrl
      ? await startTestApp({ databaseUrl: t.config.databaseUrl, jwtSecret: t.config.jwtSecret, ownsDatabase: false })
      : null;
    const runners = [t, other ?? t].map((app) => app.app.get(RemindersService));
    const results = await Promise.all(runners.map((r) => r.runDaily()));
    expect(results.filter((r) => r === null)).toHaveLength(1);
    // Deadline 0 overdue for Thuận Châu and Mai Sơn; deadline 1 due soon for Mộc Châu (the demo plan has its own).
    const reminders = await sql<{ organisation_id: string; deadline: number; kind: string }>(
      t,
      `select rem.organisation_id, r.position as deadline, rem.kind from report_reminder rem join reporting_round r on r.id = rem.round_id where r.plan_id = ? order by r.position, rem.kind`,
      [planId],
    );
    expect(reminders.map((r: { organisation_id: string; deadline: number; kind: string }) => [r.organisation_id, r.deadline, r.kind]).sort()).toEqual(
      [[orgs.maiSon, 0, 'overdue'], [orgs.mocChau, 1, 'due_soon'], [orgs.thuanChau, 0, 'overdue']].sort(),
    );
    expect(await runners[0].runDaily()).toBeNull();
    await other?.close();

    const tasks = (await t.as('bpt.mocchau').get('/api/tasks').expect(200)).body;
    expect(tasks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'report_due', planId, deadline: 1, actions: ['REPORT'] })]));
    const overdueHere = async () =>
      (await t.as('vt.thuanchau').get('/api/tasks').expect(200)).body.filter((x: { type: string; planId: string }) => x.type === 'report_overdue' && x.planId === planId);
    const overdue = await overdueHere();
    expect(overdue).toEqual([expect.objectContaining({ planId, deadline: 0, deadlineName: 'Báo cáo 6 tháng' })]);
    // Submitting clears the reminder.
    await report('vt.thuanchau', 0, { values: { '1': 100 }, submit: true }).expect(200);
    expect(await overdueHere()).toEqual([]);
  });

  it('a district derives its implementing plan; its communes\' reports roll up into the province\'s view', async () => {
    const derived = (await t.as('bpt.thuanchau').post(`/api/plans/${planId}/derive`).expect(201)).body;
    expect(derived).toMatchObject({ status: 'draft', parentPlanId: planId, issuerId: orgs.thuanChau, kind: 'plan' });
    const issuedOn = (await t.as('bpt.thuanchau').get(`/api/plans/${planId}`).expect(200)).body.issuedAt;
    const [day, month] = [new Date(issuedOn).toLocaleString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit' }), Number(new Date(issuedOn).toLocaleString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', month: 'numeric' }))];
    expect(derived.preamble[0]).toMatch(new RegExp(`^Thực hiện Kế hoạch số ${issuedNumber} ngày ${day}/${month <= 2 ? `0${month}` : month}/\\d{4} của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La`));
    expect(derived.body).toEqual((await t.as('bpt.thuanchau').get(`/api/plans/${planId}`).expect(200)).body.body);
    expect(derived.recipients[1].orgIds).toHaveLength(2);
    await t.as('ct.phonglai').post(`/api/plans/${planId}/derive`).expect(404);
    await t.as('pct.thuanchau').post(`/api/plans/${planId}/derive`).expect(403);

    for (const [user, event] of [['bpt.thuanchau', 'SUBMIT'], ['bpt.thuanchau', 'FORWARD'], ['pct.thuanchau', 'APPROVE'], ['vt.thuanchau', 'ISSUE'], ['vt.thuanchau', 'DISTRIBUTE']]) {
      await send(t, user, derived.id, event);
    }
    const implementing = (await t.as('pct.tinh').get(`/api/plans/${planId}/implementing`).expect(200)).body;
    expect(implementing).toEqual([expect.objectContaining({ id: derived.id, status: 'distributed', issuerName: 'Ủy ban MTTQ Việt Nam huyện Thuận Châu' })]);

    await t.as('ct.phonglai').put(`/api/plans/${derived.id}/reports/1/mine`).send({ values: { '1': 12, '2': 95 }, submit: true }).expect(200);
    const summary = (await t.as('vt.tinh').get(`/api/plans/${planId}/reports/1/summary`).expect(200)).body;
    const thuanChau = summary.rows.find((r: { organisationId: string }) => r.organisationId === orgs.thuanChau);
    expect(thuanChau.rollup).toMatchObject({ planId: derived.id, reporters: 2, submitted: 1, totals: { '1': 12, '2': 95 } });
    expect(summary.rolledUpTotals).toMatchObject({ '1': 12, '2': 95 });
  });

  it('after the issuer closes a round, a report is refused with 409', async () => {
    await t.as('bpt.tinh').post(`/api/plans/${planId}/reports/1/close`).expect(403);
    await t.as('vt.tinh').post(`/api/plans/${planId}/reports/1/close`).expect(200);
    const late = await report('bpt.mocchau', 1, { values: { '1': 50 }, submit: true }).expect(409);
    expect(late.body.code).toBe('ROUND_CLOSED');
    expect((await t.as('vt.tinh').get(`/api/plans/${planId}/reports/1/summary`).expect(200)).body.closed).toBe(true);
  });

  it('recall: the leader recalls with a reason; the document is marked and every recipient is told', async () => {
    await t.as('vt.tinh').post(`/api/plans/${planId}/events`).send({ type: 'RECALL', comment: 'Sai số liệu' }).expect(403);
    const recalled = await send(t, 'pct.tinh', planId, 'RECALL', 200, 'Ban hành nhầm biểu mẫu, sẽ thay thế bằng kế hoạch khác');
    expect(recalled.status).toBe('recalled');
    const view = (await t.as('vt.maison').get(`/api/plans/${planId}/distribution`).expect(200)).body;
    expect(view).toMatchObject({ status: 'recalled', recallReason: 'Ban hành nhầm biểu mẫu, sẽ thay thế bằng kế hoạch khác', recalledAt: expect.any(String) });
    const inbox = (await t.as('bpt.mocchau').get('/api/tasks').expect(200)).body;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'recalled', planId, status: 'recalled' })]));
    expect(inbox.filter((x: { type: string }) => x.type === 'report_due')).toEqual([]);
    await t.as('bpt.mocchau').post(`/api/plans/${planId}/acknowledge`).expect(200);
    expect((await t.as('bpt.mocchau').get('/api/tasks').expect(200)).body.filter((x: { type: string }) => x.type === 'recalled')).toEqual([]);
    await report('vt.maison', 0, { values: {} }).expect(409);
    await t.as('bpt.thuanchau').post(`/api/plans/${planId}/derive`).expect(409);
  });
});
