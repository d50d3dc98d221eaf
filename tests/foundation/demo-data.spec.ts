import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.login('bpt.tinh', 'ldld.tinh', 'hlhpn.tinh', 'bpt.thuanchau');
  });
  afterAll(() => t.close());

  it('holds demo plans driven through the real workflow into several states', async () => {
    const plans = (await t.as('bpt.tinh').get('/api/plans?range=[0,99]').expect(200)).body;
    expect(plans.map((p: { status: string }) => p.status).sort()).toEqual(['awaiting_approval', 'distributed', 'draft', 'in_coordination']);

    const joint = plans.find((p: { status: string }) => p.status === 'in_coordination');
    const view = (await t.as('bpt.tinh').get(`/api/plans/${joint.id}`).expect(200)).body;
    expect(view.coordination.filter((c: { state: string }) => c.state === 'signed')).toHaveLength(2);
    expect(view.signatures.filter((s: { valid: boolean }) => s.valid)).toHaveLength(2);
    expect((await t.as('bpt.tinh').get(`/api/plans/${joint.id}/audit/verify`).expect(200)).body.valid).toBe(true);

    const issued = plans.find((p: { status: string }) => p.status === 'distributed');
    expect(issued.number).toMatch(/^01\/KH-MTTQ-BTT$/);
    // A recipient district reads the distributed plan.
    await t.as('bpt.thuanchau').get(`/api/plans/${issued.id}`).expect(200);
    // A co-issuer still to sign finds it in its inbox; one that has signed does not.
    expect((await t.as('ldld.tinh').get('/api/tasks').expect(200)).body).toEqual([]);
    const tasks = (await t.as('hlhpn.tinh').get('/api/tasks').expect(200)).body;
    expect(tasks).toEqual([expect.objectContaining({ planId: joint.id, actions: ['SIGN', 'REQUEST_CHANGES'] })]);
  });
});

describe('demo data on a server that holds no signing keys (SEED_DEMO_DATA=true, no SIGNING_MASTER_KEY)', () => {
  it('loads all the same, with no test certificates: its signatures are records only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-demo-nokeys-'));
    const t = await startTestApp({ dataDir, signing: { masterKey: null, trustedRoots: [], tsaUrl: null } });
    try {
      await t.login('bpt.tinh');
      const plans = (await t.as('bpt.tinh').get('/api/plans?range=[0,99]').expect(200)).body as { id: string; status: string }[];
      expect(plans.map((p) => p.status).sort()).toEqual(['awaiting_approval', 'distributed', 'draft', 'in_coordination']);
      const issued = plans.find((p) => p.status === 'distributed')!;
      expect((await t.as('bpt.tinh').get(`/api/plans/${issued.id}/signatures/verify`).expect(200)).body.signatures).toEqual([]);
    } finally {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
