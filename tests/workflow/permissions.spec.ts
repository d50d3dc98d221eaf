import { ALL_EVENTS, LEGAL_EVENTS, planInState, rightSender, wrongSenders } from '../support/plan-states';
import { useDemoApp, planContent, send } from '../support/plans';

const STATES = Object.keys(LEGAL_EVENTS);

describe('every event in every state: 409 when illegal now, 403 when not the sender\'s', () => {
  const demo = useDemoApp();
  const plans: Record<string, string> = {};
  beforeAll(async () => {
    for (const state of STATES) plans[state] = await planInState(demo.t, demo.orgs, state);
  });

  const illegal = STATES.flatMap((state) => ALL_EVENTS.filter((e) => !LEGAL_EVENTS[state].includes(e)).map((event) => [state, event]));
  it.each(illegal)('%s: %s by its own role → 409', async (state, event) => {
    const response = await demo.t.as(rightSender(state, event)).post(`/api/plans/${plans[state]}/events`).send({ type: event, comment: 'lý do' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: state });
    expect(response.body.message).toMatch(/^Không thể/);
  });

  const forbidden = STATES.flatMap((state) =>
    LEGAL_EVENTS[state].flatMap((event) => wrongSenders(state, event).map((user) => [state, event, user])),
  );
  it.each(forbidden)('%s: %s by %s → 403', async (state, event, user) => {
    const response = await demo.t.as(user).post(`/api/plans/${plans[state]}/events`).send({ type: event, comment: 'lý do' });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/không có quyền/);
  });

  it('refused events changed nothing: each plan is still in its state with a valid audit chain', async () => {
    for (const state of STATES) {
      expect((await demo.t.as('bpt.tinh').get(`/api/plans/${plans[state]}`).expect(200)).body.status).toBe(state);
      expect((await demo.t.as('bpt.tinh').get(`/api/plans/${plans[state]}/audit/verify`).expect(200)).body.valid).toBe(true);
    }
  });

  it.each(STATES)('%s: availableActions is exactly what each reader may send', async (state) => {
    for (const user of ['bpt.tinh', 'tb.tinh', 'pct.tinh', 'vt.tinh', 'ldld.tinh', 'hnd.tinh']) {
      const expected = LEGAL_EVENTS[state].filter((event) => rightSender(state, event) === user || (user === 'hnd.tinh' && rightSender(state, event) === 'ldld.tinh'));
      const { body } = await demo.t.as(user).get(`/api/plans/${plans[state]}`).expect(200);
      expect(body.availableActions.sort()).toEqual(expected.sort());
    }
  });

  it('RETURN, REQUEST_CHANGES, REJECT and RECALL need a comment (400 naming it)', async () => {
    const response = await demo.t.as('pct.tinh').post(`/api/plans/${plans.awaiting_approval}/events`).send({ type: 'REJECT' }).expect(400);
    expect(response.body.errors).toHaveProperty('comment');
    await demo.t.as('pct.tinh').post(`/api/plans/${plans.awaiting_approval}/events`).send({ type: 'RETURN', comment: '   ' }).expect(400);
    const unknown = await demo.t.as('pct.tinh').post(`/api/plans/${plans.awaiting_approval}/events`).send({ type: 'PUBLISH' }).expect(400);
    expect(unknown.body.errors).toHaveProperty('type');
  });

  it('an outsider gets 404; an ancestor committee reads from issue on but cannot act', async () => {
    const { body: districtPlan } = await demo.t.as('bpt.thuanchau').post('/api/plans').send(planContent(demo.orgs.thuanChau, { place: 'Thuận Châu' })).expect(201);
    await send(demo.t, 'bpt.thuanchau', districtPlan.id, 'SUBMIT');
    await send(demo.t, 'bpt.thuanchau', districtPlan.id, 'FORWARD');
    // Another district: not found, neither read nor act.
    await demo.t.as('pct.maison').get(`/api/plans/${districtPlan.id}`).expect(404);
    await demo.t.as('pct.maison').post(`/api/plans/${districtPlan.id}/events`).send({ type: 'APPROVE' }).expect(404);
    // A commune below Thuận Châu cannot read its district's plans either.
    await demo.t.as('ct.phonglai').get(`/api/plans/${districtPlan.id}`).expect(404);
    // The province (ancestor) does not see the district's drafts.
    await demo.t.as('pct.tinh').get(`/api/plans/${districtPlan.id}`).expect(404);
    await demo.t.as('pct.tinh').post(`/api/plans/${districtPlan.id}/events`).send({ type: 'APPROVE' }).expect(404);
    expect((await send(demo.t, 'pct.thuanchau', districtPlan.id, 'APPROVE')).status).toBe('approved');
    // Once issued, it reads the plan, and has no action.
    await send(demo.t, 'vt.thuanchau', districtPlan.id, 'ISSUE');
    const asProvince = await demo.t.as('pct.tinh').get(`/api/plans/${districtPlan.id}`).expect(200);
    expect(asProvince.body.availableActions).toEqual([]);
    await demo.t.as('pct.tinh').post(`/api/plans/${districtPlan.id}/events`).send({ type: 'RECALL', comment: 'lý do' }).expect(403);
  });

  it('only a drafter of the issuer creates and edits its plans', async () => {
    await demo.t.as('pct.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(403);
    await demo.t.as('bpt.thuanchau').post('/api/plans').send(planContent(demo.orgs.province)).expect(403);
    const { body } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province)).expect(201);
    await demo.t.as('tb.tinh').put(`/api/plans/${body.id}`).send({ ...planContent(demo.orgs.province, { title: 'Sửa' }), version: body.version }).expect(403);
    await demo.t.as('bpt.thuanchau').put(`/api/plans/${body.id}`).send({ ...planContent(demo.orgs.province, { title: 'Sửa' }), version: body.version }).expect(404);
  });
});
