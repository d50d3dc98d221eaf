import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFromEnv } from '../../backend/src/config/app-config';
import { startTestApp, TestApp } from '../support/test-app';

interface Organisation { id: string; name: string; level: string; kind: string; symbol: string; parentId: string | null }
interface PlanRow { id: string; title: string; status: string; issuerId: string; draftingUnit: { name: string; code: string } | null }

/** SEED_DEMO_DATA=2026: a province in the two-tier structure, its ban, member organisations and communes. */
describe('the 2026 demo (SEED_DEMO_DATA=2026)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemoData: '2026' });
    await t.login('bpt.tinh', 'tgdn.tinh', 'vt.tinh', 'ct.tohieu', 'ct.songma', 'hccb.tinh', 'hnd.tinh', 'admin');
  }, 300_000);
  afterAll(() => t.close());

  it('is what SEED_DEMO_DATA=2026 asks for, on the embedded database and on a server', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-config-'));
    try {
      expect(loadConfigFromEnv({ DATA_DIR: dataDir, SEED_DEMO_DATA: '2026' }).seedDemoData).toBe('2026');
      expect(loadConfigFromEnv({ DATA_DIR: dataDir, SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
      expect(loadConfigFromEnv({ DATABASE_URL: 'postgres://db/kehoach', JWT_SECRET: 'x'.repeat(40), SEED_DEMO_DATA: '2026' }).seedDemoData).toBe('2026');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('has no district level: communes and wards sit right under the province, beside its member organisations', async () => {
    const all = (await t.as('bpt.tinh').get('/api/organisations?range=[0,99]').expect(200)).body as Organisation[];
    const [province] = all.filter((o) => o.level === 'province' && o.kind === 'committee');
    expect(province).toMatchObject({ name: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La', parentId: null });
    expect(all.filter((o) => o.level === 'district')).toEqual([]);
    const members = all.filter((o) => o.kind === 'member_org');
    expect(members.map((o) => o.symbol).sort()).toEqual(['HCCB', 'HLHPN', 'HND', 'LĐLĐ', 'TĐTN']);
    expect(members.every((o) => o.parentId === province.id)).toBe(true);
    const communes = all.filter((o) => o.level === 'commune');
    expect(communes.length).toBeGreaterThanOrEqual(12);
    expect(communes.every((o) => o.parentId === province.id && o.kind === 'committee')).toBe(true);
    expect(communes.map((o) => o.name)).toEqual(expect.arrayContaining(['Ủy ban MTTQ Việt Nam phường Tô Hiệu', 'Ủy ban MTTQ Việt Nam phường Chiềng An']));

    const units = (await t.as('bpt.tinh').get(`/api/organisations/${province.id}/units`).expect(200)).body as { code: string; kind: string }[];
    expect(units.map((u) => u.code).sort()).toEqual(['BPT', 'DCPL', 'TCKT', 'TGĐN', 'VP']);
    expect(units.filter((u) => u.kind === 'office').map((u) => u.code)).toEqual(['VP']);
  });

  it('holds plans driven through the real workflow, each drafted by its unit', async () => {
    const plans = (await t.as('bpt.tinh').get('/api/plans?range=[0,99]').expect(200)).body as PlanRow[];
    expect(plans.map((p) => p.status).sort()).toEqual(['approved', 'distributed', 'draft']);
    for (const plan of plans) expect(plan.draftingUnit).not.toBeNull();
    const draft = plans.find((p) => p.status === 'draft')!;
    expect(draft.draftingUnit).toMatchObject({ code: 'TGĐN', name: 'Ban Tuyên giáo – Đối ngoại' });
    expect((await t.as('tgdn.tinh').get(`/api/plans/${draft.id}`).expect(200)).body.archive).toBe('Lưu: VT, TGĐN.');

    // The joint plan: every member organisation co-signed, the leader approved; the clerk issues it next.
    const joint = (await t.as('bpt.tinh').get(`/api/plans/${plans.find((p) => p.status === 'approved')!.id}`).expect(200)).body;
    expect(joint.coordination).toHaveLength(5);
    expect(joint.coordination.every((c: { state: string }) => c.state === 'signed')).toBe(true);
    expect(joint.archive).toBe('Lưu: VT, BPT.');
    const clerkTasks = (await t.as('vt.tinh').get('/api/tasks').expect(200)).body;
    expect(clerkTasks).toEqual(expect.arrayContaining([expect.objectContaining({ planId: joint.id, actions: expect.arrayContaining(['ISSUE']) })]));
    expect((await t.as('hccb.tinh').get(`/api/plans/${joint.id}`).expect(200)).body.status).toBe('approved');
  });

  it('distributed its plan to every commune, each with a reporting round to answer', async () => {
    const distributed = (await t.as('bpt.tinh').get('/api/plans?filter={"status":"distributed"}').expect(200)).body as PlanRow[];
    expect(distributed).toHaveLength(1);
    const plan = (await t.as('bpt.tinh').get(`/api/plans/${distributed[0].id}`).expect(200)).body;
    expect(plan.number).toBe('01/KH-MTTQ-BTT');
    expect(plan.reporting).toHaveLength(1);
    const { deliveries } = (await t.as('bpt.tinh').get(`/api/plans/${plan.id}/distribution`).expect(200)).body;
    expect(deliveries).toHaveLength(12);
    for (const commune of ['ct.tohieu', 'ct.songma']) {
      await t.as(commune).get(`/api/plans/${plan.id}`).expect(200);
      const tasks = (await t.as(commune).get('/api/tasks').expect(200)).body as { planId: string }[];
      expect(tasks.map((task) => task.planId)).toContain(plan.id);
    }
  });

  it('has the Chủ tịch of Hội Nông dân also a Phó Chủ tịch of the Front (kiêm nhiệm), who reads the Front\'s drafts', async () => {
    const [chairman] = (await t.as('admin').get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'hnd.tinh' }))}`).expect(200)).body as { id: string; organisationId: string }[];
    const organisations = (await t.as('admin').get('/api/organisations?range=[0,99]').expect(200)).body as Organisation[];
    const front = organisations.find((o) => o.name === 'Ủy ban MTTQ Việt Nam tỉnh Sơn La')!;
    expect(organisations.find((o) => o.id === chairman.organisationId)!.name).toBe('Hội Nông dân tỉnh Sơn La');
    const capacities = (await t.as('admin').get(`/api/users/${chairman.id}/capacities`).expect(200)).body;
    expect(capacities).toEqual([expect.objectContaining({ organisationId: front.id, roles: ['leader'], title: 'PHÓ CHỦ TỊCH' })]);
    const drafts = (await t.as('hnd.tinh').get('/api/plans?filter={"status":"draft"}').expect(200)).body as PlanRow[];
    expect(drafts.map((p) => p.issuerId)).toEqual([front.id]);
  });

  it('lets commune users log in and work on their own plans', async () => {
    const own = (await t.as('ct.tohieu').get('/api/plans?filter={"status":"in_review"}').expect(200)).body as PlanRow[];
    expect(own).toHaveLength(1);
    expect(own[0].title).toMatch(/Ngày hội Đại đoàn kết/);
    // Another commune does not see it.
    await t.as('ct.songma').get(`/api/plans/${own[0].id}`).expect(404);
  });
});
