import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { planContent, REPORTING_FORM, send, useDemoApp } from '../support/plans';
import { sql } from '../support/test-app';

const INTERNAL_COMMENT = 'Ý kiến nội bộ của Hội Nông dân';
const dueSoon = addDays(vietnamDay(new Date()), 20);

/** Drives a plan along `road` ([user, event] pairs) through the API. */
async function drive(t: Parameters<typeof send>[0], planId: string, road: string[][]) {
  for (const [user, event, comment] of road) await send(t, user, planId, event, 200, comment);
}

/** A commune plan (ct.phonglai holds every workflow role), issued: ancestors read it from here on. */
const ISSUE_ALONE = ['SUBMIT', 'FORWARD', 'APPROVE', 'ISSUE'];

describe('who may see and change what (security: parents, the tree, admin scope, internal history)', () => {
  const demo = useDemoApp();
  /** A provincial joint plan, distributed to Thuận Châu only, whose drafting had a voided signature. */
  let provincePlan: string;

  beforeAll(async () => {
    const { t, orgs } = demo;
    await t.login('qt.tinh', 'qt.thuanchau', 'qt.phonglai');
    const content = planContent(orgs.province, {
      kind: 'joint_plan',
      heading: 'KẾ HOẠCH PHỐI HỢP',
      coIssuerIds: [orgs.ldld, orgs.hnd],
      recipients: [{ label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] }],
      reporting: [{ name: 'Báo cáo quý', dueDate: dueSoon }],
      form: REPORTING_FORM,
    });
    const created = (await t.as('bpt.tinh').post('/api/plans').send(content).expect(201)).body;
    provincePlan = created.id;
    await drive(t, provincePlan, [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['ldld.tinh', 'SIGN'], ['hnd.tinh', 'REQUEST_CHANGES', INTERNAL_COMMENT]]);
    const edited = { ...content, title: `${content.title} (sửa)`, version: (await t.as('bpt.tinh').get(`/api/plans/${provincePlan}`)).body.version };
    await t.as('bpt.tinh').put(`/api/plans/${provincePlan}`).send(edited).expect(200);
    await drive(t, provincePlan, [
      ['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['ldld.tinh', 'SIGN'], ['hnd.tinh', 'SIGN'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE'], ['vt.tinh', 'DISTRIBUTE'],
    ]);
  });

  describe('parent plans', () => {
    it('refuses a parent the issuer did not receive, and answers an unknown id the same way', async () => {
      const { t, orgs } = demo;
      const foreign = await t.as('bpt.maison').post('/api/plans').send(planContent(orgs.maiSon, { parentPlanId: provincePlan })).expect(400);
      const unknown = await t.as('bpt.maison').post('/api/plans').send(planContent(orgs.maiSon, { parentPlanId: '6f1c1d2e-8a43-4c1b-9a77-0d5e2b8f4c10' })).expect(400);
      expect(foreign.body.errors).toHaveProperty('parentPlanId');
      expect(foreign.body).toEqual(unknown.body);
      // A recipient may name it (derive is the usual way).
      await t.as('bpt.thuanchau').post('/api/plans').send(planContent(orgs.thuanChau, { parentPlanId: provincePlan })).expect(201);
    });

    it('rolls up only implementing plans of the parent\'s recipients', async () => {
      const { t, orgs } = demo;
      // Mai Sơn's own plan, reported on by Phổng Lái, then linked to the province's plan behind the API's back.
      const child = (await t.as('bpt.maison').post('/api/plans').send(
        planContent(orgs.maiSon, { place: 'Mai Sơn', recipients: [{ label: 'Ủy ban MTTQ xã Phổng Lái', orgIds: [orgs.phongLai] }], reporting: [{ name: 'Báo cáo quý', dueDate: dueSoon }], form: REPORTING_FORM }),
      ).expect(201)).body;
      await drive(t, child.id, [['bpt.maison', 'SUBMIT'], ['bpt.maison', 'FORWARD'], ['pct.maison', 'APPROVE'], ['vt.maison', 'ISSUE'], ['vt.maison', 'DISTRIBUTE']]);
      await t.as('ct.phonglai').put(`/api/plans/${child.id}/reports/0/mine`).send({ values: { '1': 999999 }, submit: true }).expect(200);
      const summary = async () => (await t.as('vt.tinh').get(`/api/plans/${provincePlan}/reports/0/summary`).expect(200)).body;
      const before = await summary();
      await sql(t, 'update plan set parent_id = ? where id = ?', [provincePlan, child.id]);
      const after = await summary();
      expect(after.rolledUpTotals).toEqual(before.rolledUpTotals);
      expect(JSON.stringify(after)).not.toContain('999999');
    });
  });

  describe('what recipients and ancestors see', () => {
    it('a recipient reads the issued plan, not its drafting history', async () => {
      const { t } = demo;
      const view = (await t.as('pct.thuanchau').get(`/api/plans/${provincePlan}`).expect(200)).body;
      expect(view.signatures.length).toBeGreaterThan(0);
      expect(view.signatures.every((s: { valid: boolean; comment: string | null }) => s.valid && s.comment === null)).toBe(true);
      await t.as('pct.thuanchau').get(`/api/plans/${provincePlan}/versions`).expect(404);
      await t.as('pct.thuanchau').get(`/api/plans/${provincePlan}/versions/1`).expect(404);
      await t.as('pct.thuanchau').get(`/api/plans/${provincePlan}/diff?from=1`).expect(404);
      const history = (await t.as('pct.thuanchau').get(`/api/plans/${provincePlan}/history`).expect(200)).body;
      expect(history.map((r: { event: string }) => r.event)).toEqual(['ISSUE', 'DOCUMENT', 'DISTRIBUTE']);
      expect(JSON.stringify(history)).not.toContain(INTERNAL_COMMENT);
      await t.as('pct.thuanchau').get(`/api/plans/${provincePlan}/document`).expect(200);
    });

    it('the issuer and co-issuers keep the whole history', async () => {
      const { t } = demo;
      for (const user of ['bpt.tinh', 'hnd.tinh']) {
        const history = (await t.as(user).get(`/api/plans/${provincePlan}/history`).expect(200)).body;
        expect(JSON.stringify(history)).toContain(INTERNAL_COMMENT);
        expect((await t.as(user).get(`/api/plans/${provincePlan}/versions`).expect(200)).body).toHaveLength(2);
        const signatures = (await t.as(user).get(`/api/plans/${provincePlan}`).expect(200)).body.signatures;
        expect(signatures.some((s: { voidedAt: string | null }) => s.voidedAt)).toBe(true);
      }
    });

    it('an ancestor committee reads a plan from issue on, never a draft', async () => {
      const { t, orgs } = demo;
      const draft = (await t.as('bpt.thuanchau').post('/api/plans').send(planContent(orgs.thuanChau, { place: 'Thuận Châu' })).expect(201)).body;
      await send(t, 'bpt.thuanchau', draft.id, 'SUBMIT');
      await t.as('pct.tinh').get(`/api/plans/${draft.id}`).expect(404);
      const listed = (await t.as('pct.tinh').get(`/api/plans?filter=${encodeURIComponent(JSON.stringify({ id: draft.id }))}`).expect(200)).body;
      expect(listed).toEqual([]);
      await drive(t, draft.id, [['bpt.thuanchau', 'FORWARD'], ['pct.thuanchau', 'APPROVE'], ['vt.thuanchau', 'ISSUE']]);
      const asProvince = (await t.as('pct.tinh').get(`/api/plans/${draft.id}`).expect(200)).body;
      expect(asProvince.availableActions).toEqual([]);
      await t.as('pct.tinh').post(`/api/plans/${draft.id}/events`).send({ type: 'RECALL', comment: 'thử' }).expect(403);
      await t.as('pct.tinh').get(`/api/plans/${draft.id}/versions`).expect(404);
    });
  });

  describe('moving an organisation', () => {
    it('access follows the tree as it is now, at once: plans, lists and summaries', async () => {
      const { t, orgs } = demo;
      const commune = (await t.as('ct.phonglai').post('/api/plans').send(
        planContent(orgs.phongLai, { place: 'Phổng Lái', recipients: [{ label: 'Ủy ban MTTQ huyện Mộc Châu', orgIds: [orgs.mocChau] }], reporting: [{ name: 'Báo cáo quý', dueDate: dueSoon }], form: REPORTING_FORM }),
      ).expect(201)).body;
      await drive(t, commune.id, [...ISSUE_ALONE, 'DISTRIBUTE'].map((event) => ['ct.phonglai', event]));
      const listedFor = async (user: string) =>
        (await t.as(user).get(`/api/plans?filter=${encodeURIComponent(JSON.stringify({ issuerId: orgs.phongLai }))}`).expect(200)).body.map((p: { id: string }) => p.id);

      await t.as('pct.thuanchau').get(`/api/plans/${commune.id}`).expect(200);
      await t.as('pct.maison').get(`/api/plans/${commune.id}`).expect(404);
      expect(await listedFor('pct.thuanchau')).toContain(commune.id);

      await t.as('admin').post(`/api/organisations/${orgs.phongLai}/move`).send({ parentId: orgs.maiSon, effectiveOn: vietnamDay(new Date()) }).expect(200);

      await t.as('pct.thuanchau').get(`/api/plans/${commune.id}`).expect(404);
      await t.as('pct.thuanchau').get(`/api/plans/${commune.id}/reports/0/summary`).expect(404);
      expect(await listedFor('pct.thuanchau')).not.toContain(commune.id);
      await t.as('pct.maison').get(`/api/plans/${commune.id}`).expect(200);
      await t.as('pct.maison').get(`/api/plans/${commune.id}/reports/0/summary`).expect(200);
      expect(await listedFor('pct.maison')).toContain(commune.id);
      // The organisation's own path moved, and so did its users' view of the tree.
      const moved = (await t.as('admin').get(`/api/organisations/${orgs.phongLai}`).expect(200)).body;
      expect(moved.parentId).toBe(orgs.maiSon);

      await t.as('admin').post(`/api/organisations/${orgs.phongLai}/move`).send({ parentId: orgs.thuanChau, effectiveOn: vietnamDay(new Date()) }).expect(200);
      await t.as('pct.thuanchau').get(`/api/plans/${commune.id}`).expect(200);
      await t.as('pct.maison').get(`/api/plans/${commune.id}`).expect(404);
    });
  });

  describe('administrators manage their own subtree', () => {
    /** Which organisation each scope names, for each administrator: [own subtree, sibling, ancestor]. */
    const targets = (orgs: typeof demo.orgs, secondProvince: string): Record<string, Record<string, string | null>> => ({
      'qt.tinh': { subtree: orgs.thuanChau, sibling: secondProvince, ancestor: null },
      'qt.thuanchau': { subtree: orgs.phongLai, sibling: orgs.maiSon, ancestor: orgs.province },
      'qt.phonglai': { subtree: orgs.phongLai, sibling: ttThuanChau, ancestor: orgs.thuanChau },
      admin: { subtree: orgs.thuanChau, sibling: secondProvince, ancestor: orgs.province },
    });
    let ttThuanChau: string;
    let secondProvince: string;
    let table: Record<string, Record<string, string | null>>;

    beforeAll(async () => {
      const { t, orgs } = demo;
      const all = (await t.as('admin').get('/api/organisations?range=[0,999]').expect(200)).body as { id: string; name: string }[];
      ttThuanChau = all.find((o) => o.name.includes('thị trấn Thuận Châu'))!.id;
      secondProvince = (await t.as('admin').post('/api/organisations').send({
        name: 'Ủy ban MTTQ Việt Nam tỉnh Điện Biên', shortName: 'MTTQ tỉnh', bodyName: 'BAN THƯỜNG TRỰC', symbol: 'MTTQ-BTT', place: 'Điện Biên',
        signatureAuthority: 'TM. BAN THƯỜNG TRỰC', signerTitle: 'PHÓ CHỦ TỊCH', kind: 'committee', level: 'province',
      }).expect(201)).body.id;
      table = targets(orgs, secondProvince);
    });

    const SCOPES = ['subtree', 'sibling', 'ancestor'] as const;
    const ADMINS = ['admin', 'qt.tinh', 'qt.thuanchau', 'qt.phonglai'];
    const allowed = (admin: string, scope: string) => admin === 'admin' || scope === 'subtree';
    const cases = ADMINS.flatMap((admin) => SCOPES.map((scope) => [admin, scope] as const));
    let counter = 0;

    it.each(cases)('%s on an organisation of its %s', async (admin, scope) => {
      const target = table[admin][scope];
      if (!target) return; // the province is a root: it has no ancestor
      const { t } = demo;
      const update = await t.as(admin).put(`/api/organisations/${target}`).send({ place: 'Sơn La' });
      expect(update.status).toBe(allowed(admin, scope) ? 200 : 403);
      const child = await t.as(admin).post('/api/organisations').send({
        name: `Ủy ban MTTQ Việt Nam xã Thử ${++counter}`, shortName: 'MTTQ xã', bodyName: 'BAN THƯỜNG TRỰC', symbol: 'MTTQ-BTT', place: 'Sơn La',
        signatureAuthority: 'TM. BAN THƯỜNG TRỰC', signerTitle: 'CHỦ TỊCH', kind: 'committee', level: 'commune', parentId: target,
      });
      expect(child.status).toBe(allowed(admin, scope) ? 201 : 403);
    });

    it.each(cases)('%s on a user of its %s', async (admin, scope) => {
      const target = table[admin][scope];
      if (!target) return;
      const { t } = demo;
      const created = await t.as(admin).post('/api/users').send({
        username: `thu.${++counter}`, fullName: 'Người Thử', password: 'mat-khau-dai-du', organisationId: target, roles: ['drafter'],
      });
      expect(created.status).toBe(allowed(admin, scope) ? 201 : 403);
      if (created.status === 201) {
        await t.as(admin).put(`/api/users/${created.body.id}`).send({ fullName: 'Người Thử Đã Sửa' }).expect(200);
        await t.as(admin).delete(`/api/users/${created.body.id}`).expect(200);
      }
    });

    it.each(cases)('%s on the templates of its %s', async (admin, scope) => {
      const target = table[admin][scope];
      if (!target) return;
      const response = await demo.t.as(admin).get(`/api/organisations/${target}/templates`);
      expect(response.status).toBe(allowed(admin, scope) ? 200 : 403);
    });

    it('an organisation\'s administrator cannot lift itself or anyone out of its scope', async () => {
      const { t, orgs } = demo;
      const me = (await t.as('qt.thuanchau').get('/api/me').expect(200)).body.user;
      await t.as('qt.thuanchau').put(`/api/users/${me.id}`).send({ organisationId: orgs.province, roles: ['leader'] }).expect(403);
      await t.as('qt.thuanchau').put(`/api/users/${me.id}`).send({ roles: ['sysadmin'] }).expect(403);
      await t.as('qt.thuanchau').post('/api/users').send({
        username: 'thu.quantri', fullName: 'Người Thử', password: 'mat-khau-dai-du', organisationId: orgs.phongLai, roles: ['sysadmin'],
      }).expect(403);
      await t.as('qt.thuanchau').post(`/api/organisations/${orgs.thuanChau}/move`).send({ parentId: orgs.maiSon, effectiveOn: vietnamDay(new Date()) }).expect(403);
      await t.as('qt.thuanchau').delete(`/api/organisations/${orgs.thuanChau}`).expect(403);
      await t.as('qt.tinh').post('/api/organisations').send({
        name: 'Ủy ban MTTQ Việt Nam tỉnh Lai Châu', shortName: 'MTTQ tỉnh', bodyName: 'BAN THƯỜNG TRỰC', symbol: 'MTTQ-BTT', place: 'Lai Châu',
        signatureAuthority: 'TM. BAN THƯỜNG TRỰC', signerTitle: 'PHÓ CHỦ TỊCH', kind: 'committee', level: 'province',
      }).expect(403);
      // Still where it was.
      expect((await t.as('qt.thuanchau').get('/api/me').expect(200)).body.user).toMatchObject({ organisationId: orgs.thuanChau, roles: ['admin'] });
    });
  });

  describe('the user directory', () => {
    it('shows the people one works with, not the whole country', async () => {
      const { t } = demo;
      const usernames = async (user: string) => ((await t.as(user).get('/api/users?range=[0,999]').expect(200)).body as { username: string }[]).map((u) => u.username);
      const maiSon = await usernames('bpt.maison');
      expect(maiSon).toEqual(expect.arrayContaining(['bpt.maison', 'pct.maison', 'vt.maison', 'pct.tinh', 'vt.tinh']));
      for (const hidden of ['bpt.thuanchau', 'bpt.tinh', 'tb.tinh', 'qt.tinh', 'admin', 'qt.phonglai']) expect(maiSon).not.toContain(hidden);
      const thuanChau = await usernames('bpt.thuanchau');
      // Its subtree (Phổng Lái) and the leaders of the plan it received (the province and its co-issuers).
      expect(thuanChau).toEqual(expect.arrayContaining(['ct.phonglai', 'qt.phonglai', 'pct.tinh', 'ldld.tinh', 'hnd.tinh']));
      expect(thuanChau).not.toContain('bpt.maison');
      expect((await usernames('admin')).length).toBeGreaterThan(maiSon.length);
      const hidden = (await t.as('admin').get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'bpt.thuanchau' }))}`).expect(200)).body[0];
      await t.as('bpt.maison').get(`/api/users/${hidden.id}`).expect(404);
    });
  });
});
