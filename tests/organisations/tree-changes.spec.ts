/**
 * A tree that changes (issue 15, item 1): rename, move, merge and dissolve recorded with their date;
 * access follows the tree as it is now, the successor acts for what it took over, pending reports
 * move, and issued plans keep the names they were issued under.
 */
import { EntityManager } from '@mikro-orm/postgresql';
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { DocumentsService } from '../../backend/src/documents/documents.service';
import { Plan } from '../../backend/src/plans/plan.entity';
import { ALL_DEMO_USERS, demoOrgs, DemoOrgs, planContent, REPORTING_FORM, send } from '../support/plans';
import { sql, startTestApp, TestApp } from '../support/test-app';

const today = vietnamDay(new Date());
const OLD_NAME = 'Ủy ban MTTQ Việt Nam huyện Thuận Châu';
const NEW_NAME = 'Ủy ban MTTQ Việt Nam huyện Thuận Châu (tên mới)';

type Change = { kind: string; organisationId: string; successorId: string | null; effectiveOn: string; details: Record<string, unknown>; createdBy: { fullName: string } };
type Task = { type: string; planId: string; deadline: number };

describe('a tree that changes: merge and dissolve with plans in every state, names as issued', () => {
  let t: TestApp;
  let orgs: DemoOrgs;
  const plans = {} as Record<'draft' | 'inReview' | 'issued' | 'distributed' | 'fromProvince', string>;

  /** A plan of Thuận Châu to its commune Phổng Lái, with two reporting rounds, driven to `steps`' end. */
  async function thuanChauPlan(title: string, steps: [string, string][]): Promise<string> {
    const content = planContent(orgs.thuanChau, {
      title,
      recipients: [{ label: 'Ủy ban MTTQ xã Phổng Lái', orgIds: [orgs.phongLai] }],
      reporting: [{ name: 'Báo cáo tháng', dueDate: addDays(today, 3) }],
      form: REPORTING_FORM,
    });
    const id = (await t.as('bpt.thuanchau').post('/api/plans').send(content).expect(201)).body.id as string;
    for (const [user, event] of steps) await send(t, user, id, event);
    return id;
  }

  const organisation = async (id: string) => (await t.as('admin').get(`/api/organisations/${id}`).expect(200)).body;
  /** The reports `user`'s organisation owes on the province's plan, by deadline. */
  const reportsOwed = async (user: string) =>
    ((await t.as(user).get('/api/tasks?range=[0,99]').expect(200)).body as Task[]).filter((task) => task.planId === plans.fromProvince && task.type.startsWith('report_')).map((task) => task.deadline);
  const history = async (id: string) => (await t.as('bpt.tinh').get(`/api/organisations/${id}/changes`).expect(200)).body as Change[];

  beforeAll(async () => {
    t = await startTestApp();
    await t.login(...ALL_DEMO_USERS, 'qt.tinh', 'qt.thuanchau');
    orgs = await demoOrgs(t);
    const toIssue: [string, string][] = [['bpt.thuanchau', 'SUBMIT'], ['bpt.thuanchau', 'FORWARD'], ['pct.thuanchau', 'APPROVE'], ['vt.thuanchau', 'ISSUE']];
    plans.draft = await thuanChauPlan('Kế hoạch dự thảo của huyện', []);
    plans.inReview = await thuanChauPlan('Kế hoạch đang xem xét của huyện', [['bpt.thuanchau', 'SUBMIT']]);
    plans.issued = await thuanChauPlan('Kế hoạch đã ban hành của huyện', toIssue);
    plans.distributed = await thuanChauPlan('Kế hoạch đã gửi của huyện', [...toIssue, ['vt.thuanchau', 'DISTRIBUTE']]);

    // The province's plan to Thuận Châu: the first round submitted, the second only drafted.
    const content = planContent(orgs.province, {
      title: 'Kế hoạch của tỉnh gửi huyện',
      recipients: [{ label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] }],
      reporting: [{ name: 'Báo cáo đợt 1', dueDate: addDays(today, 2) }, { name: 'Báo cáo đợt 2', dueDate: addDays(today, 5) }],
      form: REPORTING_FORM,
    });
    plans.fromProvince = (await t.as('bpt.tinh').post('/api/plans').send(content).expect(201)).body.id;
    for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE'], ['vt.tinh', 'DISTRIBUTE']]) {
      await send(t, user, plans.fromProvince, event);
    }
    await t.as('vt.thuanchau').put(`/api/plans/${plans.fromProvince}/reports/0/mine`).send({ values: { '1': 12 }, submit: true }).expect(200);
    await t.as('vt.thuanchau').put(`/api/plans/${plans.fromProvince}/reports/1/mine`).send({ values: { '1': 5 } }).expect(200);
  });
  afterAll(() => t.close());

  it('level is text checked against the known levels; "central" is one of them', async () => {
    const central = await t.as('admin').post('/api/organisations').send({
      name: 'Ủy ban Trung ương MTTQ Việt Nam', shortName: 'UBTƯ MTTQ', bodyName: 'BAN THƯỜNG TRỰC', symbol: 'MTTQ-BTT', place: 'Hà Nội',
      signatureAuthority: 'TM. BAN THƯỜNG TRỰC', signerTitle: 'PHÓ CHỦ TỊCH', kind: 'committee', level: 'central',
    }).expect(201);
    expect(central.body.level).toBe('central');
    const bad = await t.as('admin').put(`/api/organisations/${central.body.id}`).send({ level: 'hamlet' }).expect(400);
    expect(Object.keys(bad.body.errors)).toEqual(['level']);
    expect(await sql(t, `select 1 from pg_type where typname = 'organisation_level'`)).toEqual([]);
  });

  it('before the merge: Thuận Châu reads its plans, Mai Sơn and Mộc Châu do not', async () => {
    for (const id of [plans.draft, plans.inReview, plans.issued, plans.distributed]) {
      await t.as('pct.thuanchau').get(`/api/plans/${id}`).expect(200);
      await t.as('pct.maison').get(`/api/plans/${id}`).expect(404);
      await t.as('bpt.mocchau').get(`/api/plans/${id}`).expect(404);
    }
    expect(await reportsOwed('vt.maison')).toEqual([]);
    expect(await reportsOwed('vt.thuanchau')).toEqual([1]);
  });

  it('a rename is recorded; an issued plan keeps the name it was issued under, a new plan takes the new one', async () => {
    const renamed = await t.as('qt.tinh').post(`/api/organisations/${orgs.thuanChau}/rename`).send({ name: NEW_NAME, effectiveOn: today }).expect(200);
    expect(renamed.body.at(-1)).toMatchObject({ kind: 'rename', organisationId: orgs.thuanChau, effectiveOn: today, createdBy: { fullName: expect.any(String) } });
    expect(renamed.body.at(-1).details).toMatchObject({ before: { name: OLD_NAME }, after: { name: NEW_NAME }, by: { id: expect.any(String) } });
    expect((await organisation(orgs.thuanChau)).name).toBe(NEW_NAME);

    const issued = (await t.as('vt.thuanchau').get(`/api/plans/${plans.issued}`).expect(200)).body;
    expect(issued).toMatchObject({ issuer: { name: NEW_NAME }, issuerNameAsIssued: OLD_NAME });
    const listed = (await t.as('vt.thuanchau').get(`/api/plans?filter=${JSON.stringify({ id: [plans.issued, plans.draft] })}`).expect(200)).body;
    expect(Object.fromEntries(listed.map((p: { id: string; issuerNameAsIssued: string | null }) => [p.id, p.issuerNameAsIssued]))).toEqual({
      [plans.issued]: OLD_NAME,
      [plans.draft]: null,
    });
    const fresh = await thuanChauPlan('Kế hoạch mới sau khi đổi tên', []);
    expect((await t.as('bpt.thuanchau').get(`/api/plans/${fresh}`).expect(200)).body.issuerNameAsIssued).toBe(NEW_NAME);

    // What the documents print, re-rendered now (the PDF, a lost DOCX): the snapshot for the issued one.
    const documents = t.app.get(DocumentsService);
    const em = t.app.get(EntityManager).fork();
    const inputOf = async (id: string) => documents.renderInput(em, await em.findOneOrFail(Plan, id, { populate: ['issuer'] }), false);
    expect((await inputOf(plans.issued)).issuer.name).toBe(OLD_NAME);
    expect((await inputOf(fresh)).issuer.name).toBe(NEW_NAME);
  });

  it('refuses changes naming a bad field (400), outside the caller\'s subtree (403)', async () => {
    const merge = (user: string, successor: string, body: Record<string, unknown>) => t.as(user).post(`/api/organisations/${successor}/merge`).send(body);
    const fieldsOf = (response: { body: { errors: Record<string, string> } }) => Object.keys(response.body.errors);
    expect(fieldsOf(await merge('qt.tinh', orgs.maiSon, { organisationIds: [orgs.thuanChau], effectiveOn: '2026-02-30' }).expect(400))).toEqual(['effectiveOn']);
    // Carried out when recorded: a day to come is refused, a day past (a reform already in force) is not.
    const ahead = await merge('qt.tinh', orgs.maiSon, { organisationIds: [orgs.thuanChau], effectiveOn: addDays(today, 1) }).expect(400);
    expect(ahead.body.errors.effectiveOn).toMatch(/không được sau hôm nay/);
    expect(fieldsOf(await merge('qt.tinh', orgs.maiSon, { organisationIds: [orgs.maiSon], effectiveOn: today }).expect(400))).toEqual(['organisationIds']);
    // The province merged into one of its districts would put the tree under itself.
    expect(fieldsOf(await merge('admin', orgs.maiSon, { organisationIds: [orgs.province], effectiveOn: today }).expect(400))).toEqual(['organisationIds.0']);
    const dissolveIntoChild = await t.as('qt.tinh').post(`/api/organisations/${orgs.thuanChau}/dissolve`).send({ successorId: orgs.phongLai, effectiveOn: today }).expect(400);
    expect(fieldsOf(dissolveIntoChild)).toEqual(['successorId']);
    const cycle = await t.as('qt.tinh').post(`/api/organisations/${orgs.thuanChau}/move`).send({ parentId: orgs.phongLai, effectiveOn: today }).expect(400);
    expect(fieldsOf(cycle)).toEqual(['parentId']);
    // Thuận Châu's administrator manages its own subtree only; not its own end, not Mai Sơn.
    await merge('qt.thuanchau', orgs.maiSon, { organisationIds: [orgs.thuanChau], effectiveOn: today }).expect(403);
    await t.as('qt.thuanchau').post(`/api/organisations/${orgs.thuanChau}/dissolve`).send({ successorId: orgs.maiSon, effectiveOn: today }).expect(403);
    await merge('pct.maison', orgs.maiSon, { organisationIds: [orgs.thuanChau], effectiveOn: today }).expect(403);
    await t.as('qt.tinh').get('/api/organisations/00000000-0000-4000-8000-000000000000/changes').expect(404);
    expect((await organisation(orgs.thuanChau)).dissolvedOn).toBeNull();
  });

  it('merges Thuận Châu into Mai Sơn: children, users, plans not yet issued and pending reports move', async () => {
    const merged = await t.as('qt.tinh').post(`/api/organisations/${orgs.maiSon}/merge`).send({ organisationIds: [orgs.thuanChau], effectiveOn: today }).expect(200);
    const change = merged.body.at(-1) as Change;
    expect(change).toMatchObject({ kind: 'merge', organisationId: orgs.thuanChau, successorId: orgs.maiSon, effectiveOn: today });
    expect(change.details).toMatchObject({ usersMoved: 4, reportsMoved: 1, successor: { id: orgs.maiSon } });
    expect((change.details.plansMoved as string[]).sort()).toEqual(expect.arrayContaining([plans.draft, plans.inReview]));

    expect(await organisation(orgs.thuanChau)).toMatchObject({ dissolvedOn: today, successorId: orgs.maiSon });
    const maiSon = await organisation(orgs.maiSon);
    expect(maiSon.predecessorIds).toEqual([orgs.thuanChau]);
    const phongLai = await organisation(orgs.phongLai);
    expect(phongLai).toMatchObject({ parentId: orgs.maiSon, path: `${maiSon.path}${orgs.phongLai}/` });

    // Its users now work for Mai Sơn: their sessions ended with the move; a new login is Mai Sơn's.
    await t.as('bpt.thuanchau').get('/api/me').expect(401);
    await t.login('bpt.thuanchau', 'vt.thuanchau');
    expect((await t.as('bpt.thuanchau').get('/api/me').expect(200)).body.user.organisationId).toBe(orgs.maiSon);
    // Thuận Châu's administrator joins Mai Sơn's staff, not its administrators.
    await t.login('qt.thuanchau');
    expect((await t.as('qt.thuanchau').get('/api/me').expect(200)).body.user).toMatchObject({ organisationId: orgs.maiSon, roles: [] });
  });

  it('after the merge: plans not yet issued are Mai Sơn\'s drafts; issued ones stay Thuận Châu\'s, Mai Sơn acts for them', async () => {
    for (const id of [plans.draft, plans.inReview]) {
      const plan = (await t.as('bpt.maison').get(`/api/plans/${id}`).expect(200)).body;
      expect(plan).toMatchObject({ status: 'draft', issuerId: orgs.maiSon, issuer: { id: orgs.maiSon }, symbol: 'KH-MTTQ-BTT', number: null });
    }
    await send(t, 'bpt.maison', plans.inReview, 'SUBMIT');
    const trail = (await t.as('bpt.maison').get(`/api/plans/${plans.inReview}/history`).expect(200)).body as { event: string; fromState: string; toState: string }[];
    expect(trail.find((record) => record.event === 'TRANSFER')).toMatchObject({ fromState: 'in_review', toState: 'draft' });

    const issued = (await t.as('pct.maison').get(`/api/plans/${plans.issued}`).expect(200)).body;
    expect(issued).toMatchObject({ status: 'issued', issuer: { id: orgs.thuanChau }, issuerNameAsIssued: OLD_NAME, number: expect.stringMatching(/^\d+\/KH-MTTQ-BTT$/) });
    // The list filters by the same rules in SQL (issuer ∈ the organisation and those it acts for).
    const listed = (await t.as('pct.maison').get(`/api/plans?filter=${JSON.stringify({ id: [plans.issued, plans.distributed, plans.draft] })}`).expect(200)).body as { id: string }[];
    expect(listed.map((plan) => plan.id).sort()).toEqual([plans.issued, plans.distributed, plans.draft].sort());
    await send(t, 'vt.maison', plans.issued, 'DISTRIBUTE');
    await t.as('vt.maison').post(`/api/plans/${plans.distributed}/reports/0/close`).expect(200);
    await t.as('vt.maison').get(`/api/plans/${plans.distributed}/reports/0/summary`).expect(200);
    // Thuận Châu's number register stays its own; Mai Sơn's clerk reads and exports it, no one else.
    const register = (await t.as('vt.maison').get(`/api/number-registers?filter=${JSON.stringify({ organisationId: orgs.thuanChau })}`).expect(200)).body as { planId: string }[];
    expect(register.map((entry) => entry.planId).sort()).toEqual([plans.issued, plans.distributed].sort());
    await t.as('vt.maison').get(`/api/number-registers/export.xlsx?from=${today}&to=${today}&organisationId=${orgs.thuanChau}`).expect(200);
    await t.as('vt.tinh').get(`/api/number-registers?filter=${JSON.stringify({ organisationId: orgs.thuanChau })}`).expect(403);
    // Drafting stays with an organisation that exists: nothing new in Thuận Châu's name.
    await t.as('bpt.maison').post('/api/plans').send(planContent(orgs.thuanChau)).expect(403);
    // An organisation unrelated to either still does not see them.
    for (const id of [plans.draft, plans.issued, plans.distributed]) await t.as('bpt.mocchau').get(`/api/plans/${id}`).expect(404);
  });

  it('pending reports moved to Mai Sơn; Thuận Châu\'s submitted report stays as it was', async () => {
    expect(await reportsOwed('vt.maison')).toEqual([1]);
    const draft = (await t.as('vt.maison').get(`/api/plans/${plans.fromProvince}/reports/1/mine`).expect(200)).body;
    expect(draft.report).toMatchObject({ organisationId: orgs.maiSon, state: 'draft', values: { '1': 5 } });
    await t.as('vt.maison').put(`/api/plans/${plans.fromProvince}/reports/1/mine`).send({ values: { '1': 6 }, submit: true, version: draft.report.version }).expect(200);

    const rows = async (deadline: number) =>
      (await t.as('vt.tinh').get(`/api/plans/${plans.fromProvince}/reports/${deadline}/summary`).expect(200)).body.rows as { organisationId: string; status: string; values: Record<string, number> | null }[];
    expect((await rows(0)).find((row) => row.organisationId === orgs.thuanChau)).toMatchObject({ status: 'submitted', values: { '1': 12 } });
    expect((await rows(1)).find((row) => row.organisationId === orgs.maiSon)).toMatchObject({ status: 'submitted', values: { '1': 6 } });
    expect(await reportsOwed('vt.maison')).toEqual([]);
  });

  it('a merged organisation is no longer offered nor accepted, and cannot change again (409)', async () => {
    const active = (await t.as('bpt.tinh').get('/api/organisations?range=[0,999]&filter={"active":true}').expect(200)).body as { id: string }[];
    expect(active.map((o) => o.id)).not.toContain(orgs.thuanChau);
    const ended = (await t.as('bpt.tinh').get('/api/organisations?filter={"active":false}').expect(200)).body as { id: string }[];
    expect(ended.map((o) => o.id)).toEqual([orgs.thuanChau]);
    const toThuanChau = planContent(orgs.province, { recipients: [{ label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] }] });
    const refused = await t.as('bpt.tinh').post('/api/plans').send(toThuanChau).expect(400);
    expect(Object.keys(refused.body.errors)).toEqual(['recipients.0.orgIds.0']);

    await t.as('qt.tinh').post(`/api/organisations/${orgs.mocChau}/merge`).send({ organisationIds: [orgs.thuanChau], effectiveOn: today }).expect(409);
    await t.as('qt.tinh').post(`/api/organisations/${orgs.thuanChau}/rename`).send({ name: 'Tên khác', effectiveOn: today }).expect(409);
  });

  it('dissolves Mộc Châu: its users can no longer log in, Mai Sơn acts for it; moves are recorded', async () => {
    const dissolved = await t.as('qt.tinh').post(`/api/organisations/${orgs.mocChau}/dissolve`).send({ successorId: orgs.maiSon, childrenParentId: orgs.province, effectiveOn: today }).expect(200);
    expect(dissolved.body.at(-1)).toMatchObject({ kind: 'dissolve', organisationId: orgs.mocChau, successorId: orgs.maiSon, details: { usersDeactivated: 1, childrenParent: { id: orgs.province } } });
    await t.as('bpt.mocchau').get('/api/me').expect(401);
    await t.http().post('/api/auth/login').send({ username: 'bpt.mocchau', password: 'kehoach2026' }).expect(401);
    expect((await organisation(orgs.maiSon)).predecessorIds.sort()).toEqual([orgs.thuanChau, orgs.mocChau].sort());

    const moved = await t.as('qt.tinh').post(`/api/organisations/${orgs.phongLai}/move`).send({ parentId: orgs.province, effectiveOn: today }).expect(200);
    expect(moved.body.at(-1)).toMatchObject({ kind: 'move', details: { oldParent: { id: orgs.maiSon }, newParent: { id: orgs.province } } });
    expect((await organisation(orgs.phongLai)).parentId).toBe(orgs.province);
  });

  it('keeps the history: its own changes and those it took over; append-only', async () => {
    expect((await history(orgs.thuanChau)).map((c) => c.kind)).toEqual(['rename', 'merge']);
    expect((await history(orgs.maiSon)).map((c) => [c.kind, c.organisationId])).toEqual([['merge', orgs.thuanChau], ['dissolve', orgs.mocChau]]);
    await expect(sql(t, `update organisation_change set effective_on = '2020-01-01'`)).rejects.toThrow(/append-only/);
    await expect(sql(t, `delete from organisation_change`)).rejects.toThrow(/append-only/);
  });
});
