import { jointPlanContent, planContent, send, useDemoApp } from '../support/plans';

/** GET /api/plans: the caller's rights are part of the query; filters, text search and sort on top. */
describe('plan lists', () => {
  const demo = useDemoApp();
  const ids: Record<string, string> = {};
  const list = async (user: string, filter: object = {}, sort = '["updatedAt","DESC"]') => {
    const response = await demo.t.as(user).get(`/api/plans?range=[0,99]&sort=${sort}&filter=${encodeURIComponent(JSON.stringify(filter))}`).expect(200);
    return { ids: response.body.map((p: { id: string }) => p.id) as string[], rows: response.body, range: response.headers['content-range'] as string };
  };

  beforeAll(async () => {
    const { t, orgs } = demo;
    const create = async (user: string, content: object) => (await t.as(user).post('/api/plans').send(content).expect(201)).body.id as string;
    ids.provinceDraft = await create('bpt.tinh', planContent(orgs.province, { title: 'Kế hoạch tổ chức hội nghị chuyển đổi số, 100% xã tham gia' }));
    ids.joint = await create('bpt.tinh', jointPlanContent(orgs, [orgs.ldld], { title: 'Kế hoạch phối hợp giám sát' }));
    await send(t, 'bpt.tinh', ids.joint, 'SUBMIT');
    await send(t, 'tb.tinh', ids.joint, 'FORWARD');
    ids.thuanChau = await create('bpt.thuanchau', planContent(orgs.thuanChau, { title: 'Kế hoạch của huyện Thuận Châu', place: 'Thuận Châu' }));
    ids.maiSon = await create('bpt.maison', planContent(orgs.maiSon, { title: 'Kế hoạch của huyện Mai Sơn', place: 'Mai Sơn' }));
    ids.maiSonDraft = await create('bpt.maison', planContent(orgs.maiSon, { title: 'Dự thảo của huyện Mai Sơn', place: 'Mai Sơn' }));
    // Ancestors read a district's plans from issue on.
    for (const [district, planId] of [['thuanchau', ids.thuanChau], ['maison', ids.maiSon]]) {
      for (const [role, event] of [['bpt', 'SUBMIT'], ['bpt', 'FORWARD'], ['pct', 'APPROVE'], ['vt', 'ISSUE']]) await send(t, `${role}.${district}`, planId, event);
    }
  });

  it('shows each caller only what it may read, counted in Content-Range', async () => {
    const maiSon = await list('pct.maison');
    expect(maiSon.ids).toContain(ids.maiSon);
    expect(maiSon.ids).not.toContain(ids.thuanChau);
    expect(maiSon.ids).not.toContain(ids.provinceDraft);
    expect(maiSon.range).toBe(`plans 0-${maiSon.ids.length - 1}/${maiSon.ids.length}`);

    // The province is an ancestor of both districts: it lists their issued plans, not their drafts.
    const province = await list('pct.tinh');
    expect(province.ids).toEqual(expect.arrayContaining([ids.provinceDraft, ids.joint, ids.thuanChau, ids.maiSon]));
    expect(province.ids).not.toContain(ids.maiSonDraft);
    // A co-issuer sees the joint plan in coordination, not the issuer's other drafts.
    const ldld = await list('ldld.tinh');
    expect(ldld.ids).toContain(ids.joint);
    expect(ldld.ids).not.toContain(ids.provinceDraft);
    // A commune sees none of these.
    expect((await list('ct.phonglai')).ids).toEqual(expect.not.arrayContaining([ids.thuanChau, ids.maiSon, ids.provinceDraft, ids.joint]));
  });

  it('filters by status, kind, issuer, year and text; sorts', async () => {
    const { orgs } = demo;
    expect((await list('pct.tinh', { status: 'in_coordination', kind: 'joint_plan' })).ids).toContain(ids.joint);
    expect((await list('pct.tinh', { status: 'in_coordination' })).ids).not.toContain(ids.provinceDraft);
    expect((await list('pct.tinh', { issuerId: orgs.thuanChau })).ids).toEqual([ids.thuanChau]);
    expect((await list('pct.tinh', { q: 'chuyển đổi số' })).ids).toEqual([ids.provinceDraft]);
    // The words as the search box matches them: diacritics and case ignored, the last word a prefix; signs are no words.
    expect((await list('pct.tinh', { q: 'CHUYEN DOI S' })).ids).toEqual([ids.provinceDraft]);
    expect((await list('pct.tinh', { q: '100% xa tham gia' })).ids).toEqual([ids.provinceDraft]);
    expect((await list('pct.tinh', { q: 'chuyen doi sox' })).ids).toEqual([]);
    const thisYear = new Date().getFullYear();
    expect((await list('pct.tinh', { year: thisYear, issuerId: orgs.maiSon })).ids).toEqual([ids.maiSon]);
    expect((await list('pct.tinh', { year: thisYear - 5 })).ids).toEqual([]);

    const byTitle = (await list('pct.tinh', { issuerId: [orgs.thuanChau, orgs.maiSon] }, '["title","ASC"]')).rows.map((p: { title: string }) => p.title);
    expect(byTitle).toEqual(['Kế hoạch của huyện Mai Sơn', 'Kế hoạch của huyện Thuận Châu']);
    await demo.t.as('pct.tinh').get('/api/plans?sort=["content","ASC"]').expect(400);
    await demo.t.as('pct.tinh').get(`/api/plans?filter=${encodeURIComponent('{"year":"năm nay"}')}`).expect(400);
  });
});
