/**
 * GET /api/search: diacritics and case ignored ("đ" as "d"), words matched as prefixes while typing,
 * ranked title before text, highlighted, and never anything the caller may not read.
 */
import { planContent, send, useDemoApp } from '../support/plans';

interface Hit {
  kind: string;
  id: string;
  title: string;
  titleHighlights: [number, number][];
  number: string | null;
  issuer: string;
  snippet: { text: string; highlights: [number, number][] } | null;
}

const marked = (text: string, ranges: [number, number][]) => ranges.map(([from, to]) => text.slice(from, to));

describe('search as people type', () => {
  const demo = useDemoApp();
  const search = async (user: string, q: string) => (await demo.t.as(user).get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body as Hit[];
  const create = async (user: string, issuer: string, overrides: Record<string, unknown>) =>
    (await demo.t.as(user).post('/api/plans').send(planContent(issuer, overrides)).expect(201)).body.id as string;
  let titled: string;
  let inText: string;

  beforeAll(async () => {
    titled = await create('bpt.tinh', demo.orgs.province, { title: 'Xây dựng nông thôn mới năm 2022 tại Quỳnh Nhai' });
    inText = await create('bpt.tinh', demo.orgs.province, {
      title: 'Tổ chức Tháng hành động vì người nghèo',
      body: [{ type: 'paragraph', text: 'Các cấp Mặt trận vận động nhân dân tham gia phong trào Đền ơn đáp nghĩa, chăm lo gia đình chính sách ở Quỳnh Nhai.' }],
    });
  });

  it('without diacritics or case, finds the plan and highlights the words in its title', async () => {
    const hits = await search('bpt.tinh', 'ke hoach NONG THON moi 2022 quynh nhai');
    expect(hits.map((h) => h.id)).toEqual([titled]);
    const [hit] = hits;
    expect(hit).toMatchObject({ kind: 'plan', number: null, issuer: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La' });
    expect(marked(hit.title, hit.titleHighlights)).toEqual(['nông', 'thôn', 'mới', '2022', 'Quỳnh', 'Nhai']);
  });

  it('"đ" and "d" alike, in the text: the snippet shows the paragraph with the words marked', async () => {
    for (const q of ['den on dap nghia', 'ĐỀN ƠN ĐÁP NGHĨA', 'Đền ơn đáp nghĩa']) {
      const hits = await search('bpt.tinh', q);
      expect(hits.map((h) => h.id)).toContain(inText);
      const hit = hits.find((h) => h.id === inText)!;
      expect(marked(hit.snippet!.text, hit.snippet!.highlights)).toEqual(['Đền', 'ơn', 'đáp', 'nghĩa']);
    }
  });

  it('the last word is a prefix, so results come while typing; a title match ranks before a text match', async () => {
    expect((await search('bpt.tinh', 'quynh nh')).map((h) => h.id)).toEqual([titled, inText]);
    expect((await search('bpt.tinh', 'quỳnh nhai')).map((h) => h.id)).toEqual([titled, inText]);
  });

  it('the words before the last are whole words; a last word of one letter is still a prefix, checked on what the others found', async () => {
    expect((await search('bpt.tinh', 'quynh n')).map((h) => h.id)).toEqual([titled, inText]);
    expect(await search('bpt.tinh', 'quyn nhai')).toEqual([]);
    const [hit] = await search('bpt.tinh', 'nong thon m');
    expect(marked(hit.title, hit.titleHighlights)).toEqual(['nông', 'thôn', 'm']);
  });

  it('an edit is found at once, and the old words no longer are', async () => {
    const id = await create('bpt.tinh', demo.orgs.province, { title: 'Hội thi Dân vận khéo ở Mường La' });
    expect((await search('bpt.tinh', 'muong la')).map((h) => h.id)).toEqual([id]);
    const { version } = (await demo.t.as('bpt.tinh').get(`/api/plans/${id}`).expect(200)).body;
    await demo.t.as('bpt.tinh').put(`/api/plans/${id}`).send({ ...planContent(demo.orgs.province, { title: 'Hội thi Dân vận khéo ở Bắc Yên' }), version }).expect(200);
    expect(await search('bpt.tinh', 'muong la')).toEqual([]);
    expect((await search('bpt.tinh', 'bac yen')).map((h) => h.id)).toEqual([id]);
  });

  it('finds an issued plan by its number and symbol', async () => {
    const hits = await search('bpt.tinh', '01/KH-MTTQ-BTT');
    expect(hits[0]).toMatchObject({ number: '01/KH-MTTQ-BTT' });
  });

  it('never returns what the caller may not read', async () => {
    const districtDraft = await create('bpt.thuanchau', demo.orgs.thuanChau, { title: 'Kế hoạch riêng của huyện về xoá nhà tạm Pá Lông' });
    expect((await search('bpt.thuanchau', 'pa long')).map((h) => h.id)).toEqual([districtDraft]);
    // The province reads a district's plan only once issued; another district never reads its draft.
    expect(await search('bpt.tinh', 'pa long')).toEqual([]);
    expect(await search('bpt.maison', 'pa long')).toEqual([]);
    expect(await search('bpt.maison', 'quynh nhai')).toEqual([]);
    // After ISSUE the province reads it, and finds it.
    for (const [user, event] of [['bpt.thuanchau', 'SUBMIT'], ['bpt.thuanchau', 'FORWARD'], ['pct.thuanchau', 'APPROVE'], ['vt.thuanchau', 'ISSUE']]) await send(demo.t, user, districtDraft, event);
    expect((await search('bpt.tinh', 'pa long')).map((h) => h.id)).toEqual([districtDraft]);
  });

  it('a query with nothing to search, too long, or a bad limit is a 400 naming the field', async () => {
    const bad = (query: string) => demo.t.as('bpt.tinh').get(`/api/search?${query}`).expect(400);
    expect((await bad('q=%20-%2F-')).body.errors.q).toBe('cần ít nhất một chữ hoặc số để tìm');
    expect((await bad('')).body.errors.q).toBeTruthy();
    expect((await bad(`q=${'a'.repeat(201)}`)).body.errors.q).toBeTruthy();
    expect((await bad('q=nong&limit=0')).body.errors.limit).toBeTruthy();
    expect((await bad('q=nong&limit=abc')).body.errors.limit).toBeTruthy();
  });
});
