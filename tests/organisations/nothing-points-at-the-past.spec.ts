/**
 * The tree's changes leave nothing pointing at an organisation that has ended: names and place change
 * only by the recorded changes (the edit refuses them), roles held in a merged organisation (kiêm
 * nhiệm) move to its successor and those in a dissolved one end, plans not yet issued name the
 * successor as co-issuer and recipient, and a plan issued before delivers to the successor — followed
 * through a second change — while its document keeps the "Nơi nhận" it printed.
 */
import { vietnamDay } from '../../backend/src/core/reporting-calendar';
import { jointPlanContent, planContent, send, useDemoApp } from '../support/plans';
import { sql } from '../support/test-app';

const today = vietnamDay(new Date());
const UNISSUED = `('draft', 'in_review', 'in_coordination', 'awaiting_approval', 'approved')`;

type Change = { details: Record<string, unknown> };
type Capacity = { organisationId: string; roles: string[] };
/** A plan as GET answers it: its content spread, with its state. */
type PlanView = { status: string; contentVersion: number; coIssuerIds: string[]; recipients: { label: string; orgIds: string[] }[] };

describe('a change of the tree leaves nothing pointing at the past', () => {
  const demo = useDemoApp();
  beforeAll(() => demo.t.login('qt.tinh'));
  const plans = {} as Record<'jointDraft' | 'inCoordination' | 'inReview' | 'issuedBeforeMerge' | 'issuedBeforeBoth' | 'toTinhDoan' | 'labelledByName', string>;

  const userId = async (username: string) =>
    (await demo.t.as('admin').get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ q: username }))}`).expect(200)).body.find((u: { username: string }) => u.username === username).id as string;
  const capacitiesOf = async (username: string) => (await demo.t.as('admin').get(`/api/users/${await userId(username)}/capacities`).expect(200)).body as Capacity[];
  const giveCapacity = async (username: string, organisationId: string, roles: string[]) =>
    demo.t.as('admin').post(`/api/users/${await userId(username)}/capacities`).send({ organisationId, roles }).expect(201);
  const plan = async (id: string) => (await demo.t.as('admin').get(`/api/plans/${id}`).expect(200)).body as PlanView;
  const deliveredTo = async (id: string) =>
    ((await demo.t.as('vt.tinh').get(`/api/plans/${id}/distribution`).expect(200)).body.deliveries as { organisationId: string; label: string }[])
      .map(({ organisationId, label }) => ({ organisationId, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  const lastChange = async (response: Promise<{ body: Change[] }>) => (await response).body.at(-1)!;

  /** A province plan drafted by bpt.tinh and driven through `events` (each sent by the province's user for it). */
  async function provincePlan(content: Record<string, unknown>, events: string[]): Promise<string> {
    const id = (await demo.t.as('bpt.tinh').post('/api/plans').send(content).expect(201)).body.id as string;
    const by: Record<string, string> = { SUBMIT: 'bpt.tinh', FORWARD: 'tb.tinh', APPROVE: 'pct.tinh', ISSUE: 'vt.tinh' };
    for (const event of events) await send(demo.t, by[event], id, event);
    return id;
  }
  const line = (label: string, ...orgIds: string[]) => ({ label, orgIds });

  beforeAll(async () => {
    const { orgs } = demo;
    plans.jointDraft = await provincePlan(jointPlanContent(orgs, [orgs.hnd, orgs.ldld], {
      recipients: [line('Hội Nông dân tỉnh', orgs.hnd), line('Liên đoàn Lao động tỉnh', orgs.ldld)],
    }), []);
    plans.inCoordination = await provincePlan(jointPlanContent(orgs, [orgs.hnd, orgs.hlhpn]), ['SUBMIT', 'FORWARD']);
    await send(demo.t, 'hlhpn.tinh', plans.inCoordination, 'SIGN');
    plans.inReview = await provincePlan(planContent(orgs.province, { recipients: [line('Các hội', orgs.hnd, orgs.hlhpn)] }), ['SUBMIT']);
    plans.labelledByName = await provincePlan(planContent(orgs.province, {
      recipients: [line('Hội Nông dân tỉnh Sơn La, Hội Liên hiệp Phụ nữ tỉnh Sơn La', orgs.hnd, orgs.hlhpn)],
    }), []);
    plans.toTinhDoan = await provincePlan(planContent(orgs.province, { recipients: [line('Tỉnh Đoàn', orgs.tinhdoan)] }), []);
    const issued = ['SUBMIT', 'FORWARD', 'APPROVE', 'ISSUE'];
    plans.issuedBeforeMerge = await provincePlan(planContent(orgs.province, { recipients: [line('Hội Nông dân tỉnh', orgs.hnd), line('Hội LHPN tỉnh', orgs.hlhpn)] }), issued);
    plans.issuedBeforeBoth = await provincePlan(planContent(orgs.province, { recipients: [line('Hội Nông dân tỉnh', orgs.hnd), line('Hội LHPN tỉnh', orgs.hlhpn)] }), issued);

    // Roles held in Hội Nông dân by others, and by its own leader in LĐLĐ, its successor-to-be (given after
    // the signing above, which would otherwise have to say which of her organisations hlhpn.tinh signs for).
    await giveCapacity('pct.tinh', orgs.hnd, ['leader']);
    await giveCapacity('ldld.tinh', orgs.hnd, ['leader']);
    await giveCapacity('hlhpn.tinh', orgs.hnd, ['leader']);
    await giveCapacity('hlhpn.tinh', orgs.ldld, ['leader']);
    await giveCapacity('hnd.tinh', orgs.ldld, ['clerk']);
    await giveCapacity('bpt.tinh', orgs.tinhdoan, ['drafter']);
  });

  it('the edit refuses a new name, short name, symbol, body name or parent (400 naming each, pointing to the change); the same values pass', async () => {
    const { t, orgs } = demo;
    const before = (await t.as('admin').get(`/api/organisations/${orgs.hccb}`).expect(200)).body;
    const refused = await t.as('qt.tinh').put(`/api/organisations/${orgs.hccb}`)
      .send({ name: 'Hội Cựu chiến binh tỉnh (mới)', shortName: 'HCCB mới', symbol: 'HCCB-MOI', bodyName: 'BAN THƯỜNG VỤ MỚI', parentId: orgs.thuanChau, place: 'Mộc Châu' })
      .expect(400);
    expect(Object.keys(refused.body.errors).sort()).toEqual(['bodyName', 'name', 'parentId', 'shortName', 'symbol']);
    expect(refused.body.errors.name).toMatch(/"Đổi tên"/);
    expect(refused.body.errors.symbol).toMatch(/"Đổi tên"/);
    expect(refused.body.errors.parentId).toMatch(/"Chuyển"/);
    expect((await t.as('admin').get(`/api/organisations/${orgs.hccb}`).expect(200)).body).toMatchObject({ name: before.name, place: before.place, parentId: orgs.province });

    // What react-admin sends when only the place changed: the whole record, names and parent as they are.
    const { name, shortName, symbol, bodyName, parentId } = before;
    const saved = await t.as('qt.tinh').put(`/api/organisations/${orgs.hccb}`).send({ name, shortName, symbol, bodyName, parentId, place: 'Sơn La (trụ sở mới)' }).expect(200);
    expect(saved.body).toMatchObject({ name, symbol, parentId: orgs.province, place: 'Sơn La (trụ sở mới)' });
    // A root stays a root: null is its parent as it is.
    await t.as('admin').put(`/api/organisations/${orgs.province}`).send({ parentId: null }).expect(200);
    const rootMoved = await t.as('admin').put(`/api/organisations/${orgs.province}`).send({ parentId: orgs.thuanChau }).expect(400);
    expect(Object.keys(rootMoved.body.errors)).toEqual(['parentId']);
  });

  it('merging Hội Nông dân into LĐLĐ moves the roles held there, dropping those that would repeat; the record counts them', async () => {
    const { t, orgs } = demo;
    const change = await lastChange(t.as('qt.tinh').post(`/api/organisations/${orgs.ldld}/merge`).send({ organisationIds: [orgs.hnd], effectiveOn: today }).expect(200));
    // pct.tinh's moves; ldld.tinh's would repeat its own organisation, hlhpn.tinh's its role there.
    expect(change.details).toMatchObject({ capacitiesMoved: 1, capacitiesDropped: 2, usersMoved: 1 });

    expect(await capacitiesOf('pct.tinh')).toEqual([expect.objectContaining({ organisationId: orgs.ldld, roles: ['leader'] })]);
    expect(await capacitiesOf('ldld.tinh')).toEqual([]);
    expect(await capacitiesOf('hlhpn.tinh')).toEqual([expect.objectContaining({ organisationId: orgs.ldld, roles: ['leader'] })]);
    // Hội Nông dân's leader now works for LĐLĐ: the clerk's role it held there is part of its own roles, not a second capacity.
    expect(await capacitiesOf('hnd.tinh')).toEqual([]);
    await t.login('hnd.tinh');
    expect((await t.as('hnd.tinh').get('/api/me').expect(200)).body.user).toMatchObject({ organisationId: orgs.ldld, roles: expect.arrayContaining(['leader', 'clerk']) });
    expect(await sql(t, 'select id from user_capacity where organisation_id = ?', [orgs.hnd])).toEqual([]);
  });

  it('plans not yet issued name LĐLĐ instead, once, as co-issuer and recipient; back to draft with a new version', async () => {
    const { t, orgs } = demo;
    const jointDraft = await plan(plans.jointDraft);
    expect(jointDraft.coIssuerIds).toEqual([orgs.ldld]);
    expect(await sql(t, 'select co_issuer_ids from plan where id = ?', [plans.jointDraft])).toEqual([{ co_issuer_ids: [orgs.ldld] }]);
    // Its line naming Hội Nông dân goes: LĐLĐ is named by its own line already.
    expect(jointDraft.recipients).toEqual([expect.objectContaining({ label: 'Liên đoàn Lao động tỉnh', orgIds: [orgs.ldld] })]);

    const inCoordination = await plan(plans.inCoordination);
    expect(inCoordination).toMatchObject({ status: 'draft', contentVersion: 2, coIssuerIds: [orgs.ldld, orgs.hlhpn] });
    // HLHPN signed the content naming Hội Nông dân: its signature no longer counts.
    const signatures = (await t.as('admin').get(`/api/plans/${plans.inCoordination}`).expect(200)).body.signatures as { voidedAt: string | null }[];
    expect(signatures.map((signature) => signature.voidedAt)).toEqual([expect.any(String)]);

    const inReview = await plan(plans.inReview);
    expect(inReview).toMatchObject({ status: 'draft', contentVersion: 2 });
    expect(inReview.recipients).toEqual([expect.objectContaining({ label: 'Các hội', orgIds: [orgs.ldld, orgs.hlhpn] })]);
    // A label listing the organisations by name prints the successor's: the document names whom it goes to.
    expect((await plan(plans.labelledByName)).recipients).toEqual([
      expect.objectContaining({ label: 'Liên đoàn Lao động tỉnh Sơn La, Hội Liên hiệp Phụ nữ tỉnh Sơn La', orgIds: [orgs.ldld, orgs.hlhpn] }),
    ]);
    const trail = (await t.as('bpt.tinh').get(`/api/plans/${plans.inReview}/history`).expect(200)).body as { event: string; fromState: string; toState: string }[];
    expect(trail.at(-1)).toMatchObject({ event: 'SUCCESSOR_NAMED', fromState: 'in_review', toState: 'draft' });

    const [merge] = (await t.as('qt.tinh').get(`/api/organisations/${orgs.hnd}/changes`).expect(200)).body.filter((c: { kind: string }) => c.kind === 'merge') as Change[];
    expect(merge.details.plansNamingSuccessor).toEqual(expect.arrayContaining([plans.jointDraft, plans.inCoordination, plans.inReview]));
    // Issued plans are as issued: their content still names Hội Nông dân.
    expect((await plan(plans.issuedBeforeMerge)).recipients[0].orgIds).toEqual([orgs.hnd]);

    // No plan not yet issued, whoever its issuer, names the merged organisation anywhere.
    const pointing = await sql(t, `select id from plan where status in ${UNISSUED} and (issuer_id = ? or content->>'issuerId' = ? or co_issuer_ids @> array[?]::text[]
      or content->'coIssuerIds' @> ?::jsonb or content->'recipients' @> ?::jsonb or recipient_org_ids @> array[?]::text[])`,
    [orgs.hnd, orgs.hnd, orgs.hnd, JSON.stringify([orgs.hnd]), JSON.stringify([{ orgIds: [orgs.hnd] }]), orgs.hnd]);
    expect(pointing).toEqual([]);
  });

  it('a plan issued before the merge is delivered to LĐLĐ, under the line that named Hội Nông dân; its document is as printed', async () => {
    const { t, orgs } = demo;
    await send(t, 'vt.tinh', plans.issuedBeforeMerge, 'DISTRIBUTE');
    expect(await deliveredTo(plans.issuedBeforeMerge)).toEqual([
      { organisationId: orgs.hlhpn, label: 'Hội LHPN tỉnh' },
      { organisationId: orgs.ldld, label: 'Hội Nông dân tỉnh' },
    ]);
    expect((await plan(plans.issuedBeforeMerge)).recipients.map((r) => r.orgIds)).toEqual([[orgs.hnd], [orgs.hlhpn]]);
    // LĐLĐ received it: it reads it and acknowledges it.
    await t.as('ldld.tinh').get(`/api/plans/${plans.issuedBeforeMerge}`).expect(200);
    await t.as('ldld.tinh').post(`/api/plans/${plans.issuedBeforeMerge}/acknowledge`).expect(200);
  });

  it('dissolving Tỉnh Đoàn ends the roles held there and names HLHPN in its place', async () => {
    const { t, orgs } = demo;
    const change = await lastChange(t.as('qt.tinh').post(`/api/organisations/${orgs.tinhdoan}/dissolve`).send({ successorId: orgs.hlhpn, effectiveOn: today }).expect(200));
    expect(change.details).toMatchObject({ capacitiesEnded: 1, plansNamingSuccessor: expect.arrayContaining([plans.toTinhDoan]) });
    expect(await capacitiesOf('bpt.tinh')).toEqual([]);
    expect((await plan(plans.toTinhDoan)).recipients).toEqual([expect.objectContaining({ label: 'Tỉnh Đoàn', orgIds: [orgs.hlhpn] })]);
  });

  it('after LĐLĐ is dissolved too, a plan issued before both goes to the organisation doing the work now, once', async () => {
    const { t, orgs } = demo;
    const change = await lastChange(t.as('qt.tinh').post(`/api/organisations/${orgs.ldld}/dissolve`).send({ successorId: orgs.hlhpn, effectiveOn: today }).expect(200));
    // The roles moved to LĐLĐ at the merge end with it.
    expect(change.details).toMatchObject({ capacitiesEnded: 2 });
    await send(t, 'vt.tinh', plans.issuedBeforeBoth, 'DISTRIBUTE');
    // Hội Nông dân → LĐLĐ → HLHPN, which its own line names already: one delivery, under the first line.
    expect(await deliveredTo(plans.issuedBeforeBoth)).toEqual([{ organisationId: orgs.hlhpn, label: 'Hội Nông dân tỉnh' }]);
    expect((await plan(plans.issuedBeforeBoth)).recipients.map((r) => r.orgIds)).toEqual([[orgs.hnd], [orgs.hlhpn]]);
  });
});
