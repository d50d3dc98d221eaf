/**
 * Friction a first week of use found (issue 14, part 3): past deadlines, co-issuer choices, recipient
 * labels, what FORWARD leads to, and the draft an implementing plan starts from.
 */
import { addDays, vietnamDay, workingDaysBefore } from '../../backend/src/core/reporting-calendar';
import { REPORT_UP_LEAD_WORKING_DAYS } from '../../backend/src/plans/derive';
import { jointPlanContent, planContent, REPORTING_FORM, send, useDemoApp } from '../support/plans';
import { sql } from '../support/test-app';

const today = vietnamDay(new Date());
const dayMonthYear = (day: string) => day.split('-').reverse().join('/');

describe('friction found in the first week', () => {
  const demo = useDemoApp();
  const create = async (content: object) => (await demo.t.as('bpt.tinh').post('/api/plans').send(content).expect(201)).body;
  const refused = async (user: string, planId: string, type: string) =>
    (await demo.t.as(user).post(`/api/plans/${planId}/events`).send({ type, pin: 'kehoach2026' }).expect(400)).body;

  describe('a reporting deadline already past', () => {
    it('is kept in a draft, refused at SUBMIT naming the deadline; the due day itself is accepted', async () => {
      const yesterday = addDays(today, -1);
      const plan = await create(planContent(demo.orgs.province, { reporting: [{ name: 'Báo cáo năm', dueDate: addDays(today, 30) }, { name: 'Báo cáo quý', dueDate: yesterday }] }));
      const body = await refused('bpt.tinh', plan.id, 'SUBMIT');
      expect(body.errors).toEqual({ 'reporting.1.dueDate': expect.stringContaining(`Hạn báo cáo «Báo cáo quý» (${dayMonthYear(yesterday)}) đã qua`) });
      expect(body.message).toContain('«Báo cáo quý»');
      expect((await demo.t.as('bpt.tinh').get(`/api/plans/${plan.id}`).expect(200)).body.status).toBe('draft');

      const dueToday = await create(planContent(demo.orgs.province, { reporting: [{ name: 'Báo cáo nhanh', dueDate: today }] }));
      expect((await send(demo.t, 'bpt.tinh', dueToday.id, 'SUBMIT')).status).toBe('in_review');
    });

    it('is refused at ISSUE when the deadline passed while the plan waited for approval', async () => {
      const plan = await create(planContent(demo.orgs.province, { reporting: [{ name: 'Báo cáo 6 tháng', dueDate: addDays(today, 10) }] }));
      for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE']]) await send(demo.t, user, plan.id, event);
      // Weeks later: the deadline written then is now behind (15/03/2025, as in the walkthrough).
      await sql(demo.t, `update plan set content = jsonb_set(content, '{reporting,0,dueDate}', '"2025-03-15"') where id = ?`, [plan.id]);
      const body = await refused('vt.tinh', plan.id, 'ISSUE');
      expect(body.errors['reporting.0.dueDate']).toMatch(/^Hạn báo cáo «Báo cáo 6 tháng» \(15\/03\/2025\) đã qua/);
      const after = (await demo.t.as('vt.tinh').get(`/api/plans/${plan.id}`).expect(200)).body;
      expect(after).toMatchObject({ status: 'approved', number: null });
    });
  });

  describe('co-issuers', () => {
    const choices = async (user: string, issuerId: string) =>
      ((await demo.t.as(user).get(`/api/organisations?filter=${JSON.stringify({ coIssuerOf: issuerId })}&range=[0,199]`).expect(200)).body as { id: string }[])
        .map((o) => o.id)
        .sort();

    it('are offered from the issuer\'s member organisations, never the issuer nor a committee', async () => {
      const { orgs } = demo;
      expect(await choices('bpt.tinh', orgs.province)).toEqual([orgs.ldld, orgs.hnd, orgs.hlhpn, orgs.tinhdoan, orgs.hccb].sort());
      // A member organisation co-issues with its committee and the member organisations beside it.
      expect(await choices('ldld.tinh', orgs.ldld)).toEqual([orgs.province, orgs.hnd, orgs.hlhpn, orgs.tinhdoan, orgs.hccb].sort());
      // A district committee with no member organisation in the tree is offered none.
      expect(await choices('bpt.thuanchau', orgs.thuanChau)).toEqual([]);
    });

    it('follow the tree: a member organisation added under a district committee is that committee\'s alone', async () => {
      const { orgs } = demo;
      const hndHuyen = (
        await demo.t.as('admin').post('/api/organisations').send({
          name: 'Hội Nông dân huyện Thuận Châu', shortName: 'HND huyện', bodyName: 'BAN THƯỜNG VỤ', symbol: 'HND-TC', place: 'Thuận Châu',
          signatureAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH', kind: 'member_org', level: 'district', parentId: orgs.thuanChau,
        }).expect(201)
      ).body.id;
      expect(await choices('bpt.thuanchau', orgs.thuanChau)).toEqual([hndHuyen]);
      expect(await choices('bpt.maison', orgs.maiSon)).toEqual([]);
      expect(await choices('bpt.tinh', orgs.province)).not.toContain(hndHuyen);
    });

    it('are checked by the server too: a committee below or beside is a 400 naming the field', async () => {
      const { orgs } = demo;
      const response = await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(orgs, [orgs.ldld, orgs.mocChau])).expect(400);
      expect(response.body.errors).toEqual({ 'coIssuerIds.1': expect.stringContaining('tổ chức thành viên của cơ quan chủ trì') });
      await demo.t.as('bpt.tinh').post('/api/plans').send(jointPlanContent(orgs, [orgs.ldld, orgs.hccb])).expect(201);
    });
  });

  describe('"Nơi nhận" lines naming several organisations', () => {
    it('print all their names when the drafter leaves the label blank; a typed group label stays', async () => {
      const { orgs } = demo;
      const districts = [orgs.thuanChau, orgs.maiSon, orgs.mocChau];
      const plan = await create(
        planContent(orgs.province, {
          recipients: [
            { label: '', orgIds: districts },
            { label: 'Ủy ban MTTQ các huyện', orgIds: districts },
          ],
        }),
      );
      expect(plan.recipients[0].label).toBe('Ủy ban MTTQ Việt Nam huyện Thuận Châu, Ủy ban MTTQ Việt Nam huyện Mai Sơn, Ủy ban MTTQ Việt Nam huyện Mộc Châu');
      expect(plan.recipients[1].label).toBe('Ủy ban MTTQ các huyện');
      const outside = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province, { recipients: [{ label: ' ' }] })).expect(400);
      expect(outside.body.errors).toEqual({ 'recipients.0.label': 'không được để trống' });
    });
  });

  describe('what FORWARD leads to', () => {
    it('is the machine\'s answer: coordination while co-issuers must sign, otherwise the leader\'s approval', async () => {
      const { orgs } = demo;
      const joint = await create(jointPlanContent(orgs, [orgs.ldld, orgs.hnd]));
      const single = await create(planContent(orgs.province));
      for (const plan of [joint, single]) await send(demo.t, 'bpt.tinh', plan.id, 'SUBMIT');
      const read = async (id: string) => (await demo.t.as('tb.tinh').get(`/api/plans/${id}`).expect(200)).body;
      expect((await read(joint.id)).nextStatus).toEqual({ FORWARD: 'in_coordination', RETURN: 'draft' });
      expect((await read(single.id)).nextStatus).toEqual({ FORWARD: 'awaiting_approval', RETURN: 'draft' });
    });
  });

  describe('an implementing plan derived from a plan received', () => {
    const parentDue = addDays(today, 40);
    let parent: { id: string; number: string; title: string };

    beforeAll(async () => {
      const { orgs } = demo;
      const created = await create(
        planContent(orgs.province, {
          recipients: [{ label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] }],
          reporting: [{ name: 'Báo cáo quý', dueDate: parentDue }, { name: 'Báo cáo nhanh', dueDate: addDays(today, 1) }],
          form: REPORTING_FORM,
        }),
      );
      for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE']]) await send(demo.t, user, created.id, event);
      parent = await send(demo.t, 'vt.tinh', created.id, 'DISTRIBUTE');
    });

    it('is titled and cited as the unit\'s own plan implementing the parent, with no comma before "ngày"', async () => {
      const derived = (await demo.t.as('bpt.thuanchau').post(`/api/plans/${parent.id}/derive`).expect(201)).body;
      const citation = new RegExp(`^Thực hiện Kế hoạch số ${parent.number} ngày \\d{2}/\\d{1,2}/\\d{4} của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La về `);
      expect(derived.title).toMatch(citation);
      expect(derived.title).not.toBe(parent.title);
      expect(derived.preamble[0]).toMatch(citation);
      expect(derived.preamble[0]).toMatch(/;$/);
      expect(derived.preamble[1]).toBe('Ban Thường trực Ủy ban MTTQ Việt Nam huyện Thuận Châu xây dựng Kế hoạch thực hiện như sau:');
      expect(derived.preambleKinds).toEqual(['basis', 'statement']);
      expect(derived.preamble.join(' ')).not.toContain(', ngày');
    });

    it('reports up before the parent\'s deadlines, never on a day already past, so it can go out', async () => {
      const derived = (await demo.t.as('bpt.thuanchau').post(`/api/plans/${parent.id}/derive`).expect(201)).body;
      const [quarterly, quick] = derived.reporting;
      expect(quarterly.dueDate).toBe(workingDaysBefore(parentDue, REPORT_UP_LEAD_WORKING_DAYS));
      expect(quarterly.dueDate < parentDue).toBe(true);
      expect(quick.dueDate).toBe(today);
      expect((await send(demo.t, 'bpt.thuanchau', derived.id, 'SUBMIT')).status).toBe('in_review');
    });
  });
});
