import { useDemoApp, jointPlanContent, planContent, send } from '../support/plans';

describe('the whole road of a plan and a joint plan', () => {
  const demo = useDemoApp();

  it('plan: draft → review → approval → issue → distribute → close, with number and audit chain', async () => {
    const content = planContent(demo.orgs.province);
    const created = await demo.t.as('bpt.tinh').post('/api/plans').send(content).expect(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, contentVersion: 1, number: null, symbol: 'KH-MTTQ-BTT' });
    expect(created.body.availableActions.sort()).toEqual(['CANCEL', 'SUBMIT']);
    const id = created.body.id;

    expect((await send(demo.t, 'bpt.tinh', id, 'SUBMIT')).status).toBe('in_review');
    expect((await demo.t.as('tb.tinh').get(`/api/plans/${id}`).expect(200)).body.availableActions.sort()).toEqual(['FORWARD', 'RETURN']);
    expect((await send(demo.t, 'tb.tinh', id, 'FORWARD')).status).toBe('awaiting_approval');
    const approved = await send(demo.t, 'pct.tinh', id, 'APPROVE');
    expect(approved.status).toBe('approved');
    expect(approved.signatures).toEqual([expect.objectContaining({ kind: 'approval', userName: 'Nguyễn Thị Thu Hà', valid: true })]);
    const issued = await send(demo.t, 'vt.tinh', id, 'ISSUE');
    expect(issued).toMatchObject({ status: 'issued', number: expect.stringMatching(/^\d{2,}\/KH-MTTQ-BTT$/) });
    expect(issued.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await send(demo.t, 'vt.tinh', id, 'DISTRIBUTE')).status).toBe('distributed');
    expect((await send(demo.t, 'vt.tinh', id, 'CLOSE')).status).toBe('closed');

    const history = (await demo.t.as('bpt.tinh').get(`/api/plans/${id}/history`).expect(200)).body;
    // ISSUE commits the number; the document, rendered after that commit, is sealed by its own record.
    expect(history.map((r: { event: string }) => r.event)).toEqual(['CREATE', 'SUBMIT', 'FORWARD', 'APPROVE', 'ISSUE', 'DOCUMENT', 'DISTRIBUTE', 'CLOSE']);
    expect(history[4]).toMatchObject({ fromState: 'approved', toState: 'issued', actorName: 'Hoàng Thị Lan', details: { number: issued.number } });
    expect(history[5]).toMatchObject({ fromState: 'issued', toState: 'issued', actorName: 'Hoàng Thị Lan', details: { documentHash: issued.documentHash } });
    expect((await demo.t.as('bpt.tinh').get(`/api/plans/${id}/audit/verify`).expect(200)).body).toMatchObject({ valid: true, records: 8 });

    const response = await demo.t.as('bpt.tinh').get(`/api/plans?filter=${JSON.stringify({ id: [id] })}`).expect(200);
    expect(response.headers['content-range']).toBe('plans 0-0/1');
    const listed = response.body;
    expect(listed).toEqual([expect.objectContaining({ id, status: 'closed', number: issued.number, reporting: content.reporting })]);
    expect(listed[0]).not.toHaveProperty('body');
  });

  it('an event answers the plan exactly as reading it afterwards does, at every step', async () => {
    // The answer is built from the plan as the event left it (ISSUE: after its document was stored):
    // it must present the same plan as GET (signatures, version, timestamps, actions, number).
    const coIssuers = [demo.orgs.ldld, demo.orgs.hnd];
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(demo.orgs, coIssuers)).expect(201);
    const road: [string, string][] = [
      ['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['ldld.tinh', 'SIGN'], ['hnd.tinh', 'SIGN'],
      ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE'], ['vt.tinh', 'DISTRIBUTE'],
    ];
    for (const [username, event] of road) {
      const answered = await send(demo.t, username, plan.id, event);
      const read = (await demo.t.as(username).get(`/api/plans/${plan.id}`).expect(200)).body;
      expect(answered).toEqual(read);
    }
  });

  it('joint plan with five co-issuers: each signs its own region, then approval', async () => {
    const coIssuers = [demo.orgs.ldld, demo.orgs.hnd, demo.orgs.hlhpn, demo.orgs.tinhdoan, demo.orgs.hccb];
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(demo.orgs, coIssuers)).expect(201);
    await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
    // Co-issuers cannot see the plan before coordination.
    await demo.t.as('ldld.tinh').get(`/api/plans/${plan.id}`).expect(404);
    const forwarded = await send(demo.t, 'tb.tinh', plan.id, 'FORWARD');
    expect(forwarded.status).toBe('in_coordination');
    expect(forwarded.coordination.map((c: { state: string }) => c.state)).toEqual(Array(5).fill('pending'));

    const signers = ['ldld.tinh', 'hnd.tinh', 'hlhpn.tinh', 'tinhdoan', 'hccb.tinh'];
    for (const [index, signer] of signers.entries()) {
      const view = (await demo.t.as(signer).get(`/api/plans/${plan.id}`).expect(200)).body;
      expect(view.availableActions.sort()).toEqual(['REQUEST_CHANGES', 'SIGN']);
      const after = await send(demo.t, signer, plan.id, 'SIGN');
      expect(after.status).toBe(index < 4 ? 'in_coordination' : 'awaiting_approval');
      // Signing twice is not possible.
      if (index < 4) await send(demo.t, signer, plan.id, 'SIGN', 409);
    }
    const approved = await send(demo.t, 'pct.tinh', plan.id, 'APPROVE');
    expect(approved.signatures.filter((s: { valid: boolean }) => s.valid)).toHaveLength(6);
    const issued = await send(demo.t, 'vt.tinh', plan.id, 'ISSUE');
    expect(issued.status).toBe('issued');
    expect((await demo.t.as('hccb.tinh').get(`/api/plans/${plan.id}/audit/verify`).expect(200)).body.valid).toBe(true);
  });
});
