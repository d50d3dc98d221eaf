/**
 * The incoming documents register (văn bản đến, Nghị định 30/2020 Đ20–22): a clerk registers, the leader
 * assigns and directs, the assignee reports progress; arrival numbers gapless per organisation and year;
 * a plan distributed inside the system lands in every recipient's register and acknowledging it is the
 * receipt; an implementing plan is derived from any entry; search finds entries of one's own register.
 */
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { planContent, send, useDemoApp } from '../support/plans';
import { sql } from '../support/test-app';

const today = vietnamDay(new Date());
const year = Number(today.slice(0, 4));
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

interface Entry {
  id: string;
  arrivalNumber: number;
  year: number;
  status: string;
  receivedAt: string | null;
  planId: string | null;
  derivedPlanIds: string[];
  file: { name: string; type: string; size: number } | null;
  [field: string]: unknown;
}

/** An outside document as the clerk types it in; override what a test cares about. */
const outside = (overrides: Record<string, unknown> = {}) => ({
  sender: 'Ủy ban nhân dân tỉnh Sơn La',
  documentNumber: '12/KH-UBND',
  documentDate: addDays(today, -3),
  documentType: 'KH',
  summary: 'Triển khai thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2026',
  urgency: 'urgent',
  ...overrides,
});

describe('incoming documents register', () => {
  const demo = useDemoApp();
  const as = (user: string) => demo.t.as(user);
  const register = async (user: string, overrides: Record<string, unknown> = {}) =>
    (await as(user).post('/api/incoming-documents').send(outside(overrides)).expect(201)).body as Entry;
  const list = async (user: string, filter: Record<string, unknown> = {}) => {
    const response = await as(user).get(`/api/incoming-documents?range=[0,99]&sort=["arrivalNumber","ASC"]&filter=${encodeURIComponent(JSON.stringify(filter))}`).expect(200);
    return response.body as Entry[];
  };

  describe('register round trip', () => {
    let entry: Entry;

    it('the clerk registers an outside document with its file; it reads back, with the file byte for byte', async () => {
      entry = await register('vt.tinh');
      expect(entry).toMatchObject({ year, receivedAt: today, status: 'received', planId: null, urgency: 'urgent', sender: 'Ủy ban nhân dân tỉnh Sơn La', file: null });
      const uploaded = await as('vt.tinh').put(`/api/incoming-documents/${entry.id}/file`).attach('file', PDF, 'kh-12-ubnd.pdf').expect(200);
      expect(uploaded.body.file).toEqual({ name: 'kh-12-ubnd.pdf', type: 'application/pdf', size: PDF.length });
      const read = await as('bpt.tinh').get(`/api/incoming-documents/${entry.id}`).expect(200);
      expect(read.body).toMatchObject({ id: entry.id, documentNumber: '12/KH-UBND', file: { name: 'kh-12-ubnd.pdf' } });
      const file = await as('pct.tinh').get(`/api/incoming-documents/${entry.id}/file`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(file.headers['content-type']).toMatch(/application\/pdf/);
      expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    });

    it('arrival numbers are gapless 1..n per organisation and year, each register its own', async () => {
      const before = (await list('vt.tinh', { year })).map((e) => e.arrivalNumber);
      const more = await Promise.all([1, 2, 3, 4].map((i) => register('vt.tinh', { documentNumber: `${i}/TB-UBND` })));
      const numbers = (await list('vt.tinh', { year })).map((e) => e.arrivalNumber);
      expect(numbers).toEqual(Array.from({ length: before.length + more.length }, (_, i) => i + 1));
      const district = await register('vt.thuanchau');
      expect(district.arrivalNumber).toBe((await list('vt.thuanchau', { year })).length);
      expect((await list('vt.thuanchau')).every((e) => e.organisationId === district.organisationId)).toBe(true);
    });

    it('lists filtered by text, status, urgency and the days received', async () => {
      await register('vt.tinh', { summary: 'Về việc tổ chức Ngày hội Đại đoàn kết toàn dân tộc', urgency: 'flash', documentType: 'TB' });
      expect((await list('vt.tinh', { q: 'Đại đoàn kết' })).map((e) => e.summary)).toEqual(['Về việc tổ chức Ngày hội Đại đoàn kết toàn dân tộc']);
      // As the search box matches: diacritics and case ignored, the last word a prefix.
      expect((await list('vt.tinh', { q: 'NGAY HOI DAI DOAN K' })).map((e) => e.summary)).toEqual(['Về việc tổ chức Ngày hội Đại đoàn kết toàn dân tộc']);
      expect((await list('vt.tinh', { urgency: 'flash' })).map((e) => e.urgency)).toEqual(['flash']);
      expect((await list('vt.tinh', { from: today, to: today, status: 'received' })).length).toBeGreaterThan(1);
      expect(await list('vt.tinh', { from: addDays(today, 1) })).toEqual([]);
      const bad = await as('vt.tinh').get(`/api/incoming-documents?filter=${encodeURIComponent('{"status":"lost","from":"2026-13-01"}')}`).expect(400);
      expect(Object.keys(bad.body.errors)).toEqual(['filter.status']);
      const badDay = await as('vt.tinh').get(`/api/incoming-documents?filter=${encodeURIComponent('{"from":"2026-13-01"}')}`).expect(400);
      expect(Object.keys(badDay.body.errors)).toEqual(['filter.from']);
    });

    it('the clerk edits; the leader assigns with direction and deadline; the assignee takes it to done; each change is in the history', async () => {
      const edited = await as('vt.tinh').put(`/api/incoming-documents/${entry.id}`).send({ summary: 'Triển khai Chương trình nông thôn mới năm 2026 (bản sửa)' }).expect(200);
      expect(edited.body.summary).toBe('Triển khai Chương trình nông thôn mới năm 2026 (bản sửa)');
      // Assigning is the leader's; the clerk may not.
      await as('vt.tinh').put(`/api/incoming-documents/${entry.id}`).send({ direction: 'Giao Ban Phong trào' }).expect(403);
      const bpt = (await as('bpt.tinh').get('/api/me').expect(200)).body.user;
      const deadline = addDays(today, 10);
      // Waiting for the leader's direction: in the leader's list of what to handle, nobody else's.
      const toHandle = async (user: string) =>
        ((await as(user).get(`/api/incoming-documents?filter=${encodeURIComponent(JSON.stringify({ toHandle: true }))}&range=[0,99]`).expect(200)).body as { id: string }[]).map((e) => e.id);
      expect(await toHandle('pct.tinh')).toContain(entry.id);
      expect(await toHandle('bpt.tinh')).not.toContain(entry.id);
      const assigned = await as('pct.tinh').put(`/api/incoming-documents/${entry.id}`)
        .send({ status: 'received', assigneeUnit: 'Ban Phong trào', assigneeId: bpt.id, direction: 'Ban Phong trào tham mưu kế hoạch thực hiện', deadline }).expect(200);
      expect(assigned.body).toMatchObject({ status: 'assigned', assigneeName: bpt.fullName, assigneeUnit: 'Ban Phong trào', deadline });
      // Someone else of the organisation may not move it; the assignee may, in order.
      await as('tb.tinh').put(`/api/incoming-documents/${entry.id}`).send({ status: 'in_progress' }).expect(403);
      await as('bpt.tinh').put(`/api/incoming-documents/${entry.id}`).send({ status: 'received' }).expect(409);
      // Given out: the assignee's to handle now, no longer the leader's.
      expect(await toHandle('bpt.tinh')).toContain(entry.id);
      expect(await toHandle('pct.tinh')).not.toContain(entry.id);
      await as('bpt.tinh').put(`/api/incoming-documents/${entry.id}`).send({ status: 'in_progress' }).expect(200);
      expect(await toHandle('bpt.tinh')).toContain(entry.id);
      const done = await as('bpt.tinh').put(`/api/incoming-documents/${entry.id}`).send({ status: 'done' }).expect(200);
      expect(done.body.status).toBe('done');
      expect(await toHandle('bpt.tinh')).not.toContain(entry.id);
      const history = (await as('vt.tinh').get(`/api/incoming-documents/${entry.id}/history`).expect(200)).body as { action: string; actor: { fullName: string } | null; changes: Record<string, unknown>; assigneeName: string | null }[];
      expect(history.map((h) => h.action)).toEqual(['register', 'file', 'edit', 'edit', 'edit', 'edit']);
      expect(history[3].changes).toMatchObject({ assigneeUnit: 'Ban Phong trào', assigneeId: bpt.id, deadline, status: 'assigned' });
      // The page names the person given the document; the other lines name nobody.
      expect(history.map((h) => h.assigneeName)).toEqual([null, null, null, bpt.fullName, null, null]);
      expect(history.at(-1)).toMatchObject({ actor: { fullName: bpt.fullName }, changes: { status: 'done' } });
      // An assigned entry is no longer deleted.
      await as('vt.tinh').delete(`/api/incoming-documents/${entry.id}`).expect(409);
    });

    it('deleting the last entry registered by hand gives its number back', async () => {
      const last = await register('vt.tinh');
      await as('pct.tinh').delete(`/api/incoming-documents/${last.id}`).expect(403);
      await as('vt.tinh').delete(`/api/incoming-documents/${last.id}`).expect(200);
      await as('vt.tinh').get(`/api/incoming-documents/${last.id}`).expect(404);
      expect((await register('vt.tinh')).arrivalNumber).toBe(last.arrivalNumber);
    });

    it('400s name the field; only the clerk registers', async () => {
      const bad = await as('vt.tinh').post('/api/incoming-documents').send(outside({ sender: ' ', documentDate: '2026-02-30', documentType: 'XX', urgency: 'soon' })).expect(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['documentDate', 'documentType', 'sender', 'urgency']);
      const future = await as('vt.tinh').post('/api/incoming-documents').send(outside({ receivedAt: addDays(today, 2) })).expect(400);
      expect(future.body.errors).toEqual({ receivedAt: 'ngày đến không được sau hôm nay' });
      const stranger = await as('pct.tinh').put(`/api/incoming-documents/${entry.id}`).send({ assigneeId: (await as('bpt.maison').get('/api/me')).body.user.id }).expect(400);
      expect(Object.keys(stranger.body.errors)).toEqual(['assigneeId']);
      await as('bpt.tinh').post('/api/incoming-documents').send(outside()).expect(403);
    });

    it('another organisation gets 404 for the entry, its file, its history; never sees it in its list', async () => {
      for (const path of ['', '/file', '/history']) await as('vt.maison').get(`/api/incoming-documents/${entry.id}${path}`).expect(404);
      await as('vt.maison').put(`/api/incoming-documents/${entry.id}`).send({ summary: 'x' }).expect(404);
      await as('vt.maison').delete(`/api/incoming-documents/${entry.id}`).expect(404);
      await as('bpt.maison').post(`/api/incoming-documents/${entry.id}/derive`).expect(404);
      expect((await list('vt.maison')).map((e) => e.id)).not.toContain(entry.id);
    });

    it('a file too big is a 413, another kind of file a 400 naming it', async () => {
      const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x25);
      const tooBig = await as('vt.tinh').put(`/api/incoming-documents/${entry.id}/file`).attach('file', big, 'scan.pdf');
      expect(tooBig.status).toBe(413);
      const wrong = await as('vt.tinh').put(`/api/incoming-documents/${entry.id}/file`).attach('file', Buffer.from('MZ\u0090\u0000'), 'virus.pdf').expect(400);
      expect(Object.keys(wrong.body.errors)).toEqual(['file']);
    });
  });

  describe('a plan distributed inside the system', () => {
    let planId: string;

    beforeAll(async () => {
      const content = planContent(demo.orgs.province, {
        title: 'Tổ chức Tuần lễ cao điểm chăm lo Tết vì người nghèo',
        recipients: [{ label: 'Ủy ban MTTQ các huyện', orgIds: [demo.orgs.thuanChau, demo.orgs.maiSon] }],
      });
      planId = (await as('bpt.tinh').post('/api/plans').send(content).expect(201)).body.id;
      for (const [user, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE'], ['vt.tinh', 'DISTRIBUTE']]) {
        await send(demo.t, user, planId, event);
      }
    });

    it("lands in each recipient's register at once, with the issuer, number, date and title, awaiting receipt", async () => {
      const plan = (await as('vt.tinh').get(`/api/plans/${planId}`).expect(200)).body;
      for (const user of ['vt.thuanchau', 'vt.maison']) {
        const [landed] = (await list(user)).filter((e) => e.planId === planId);
        expect(landed).toMatchObject({
          sender: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La', documentNumber: plan.number, documentDate: today, documentType: 'KH',
          summary: 'Tổ chức Tuần lễ cao điểm chăm lo Tết vì người nghèo', status: 'pending', receivedAt: null, file: null,
        });
      }
      // Not in the issuer's register, nor in one it was not sent to.
      expect((await list('vt.tinh')).filter((e) => e.planId === planId)).toEqual([]);
      expect((await list('bpt.mocchau')).filter((e) => e.planId === planId)).toEqual([]);
      // Numbers stay gapless with the entries registered by hand.
      const numbers = (await list('vt.thuanchau', { year })).map((e) => e.arrivalNumber);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    });

    it('acknowledging the plan is the receipt: received that day; only then is it assigned', async () => {
      const [landed] = (await list('vt.maison')).filter((e) => e.planId === planId);
      await as('pct.maison').put(`/api/incoming-documents/${landed.id}`).send({ assigneeUnit: 'Văn phòng' }).expect(409);
      await as('bpt.maison').post(`/api/plans/${planId}/acknowledge`).expect(200);
      const received = (await as('vt.maison').get(`/api/incoming-documents/${landed.id}`).expect(200)).body;
      expect(received).toMatchObject({ status: 'received', receivedAt: today, acknowledgedAt: expect.any(String) });
      await as('pct.maison').put(`/api/incoming-documents/${landed.id}`).send({ assigneeUnit: 'Văn phòng' }).expect(200);
      // The other recipient's entry waits still.
      const [other] = (await list('vt.thuanchau')).filter((e) => e.planId === planId);
      expect(other.status).toBe('pending');
    });

    it("derive from the entry goes through the plan's own derive: a draft with the plan as parent", async () => {
      const [landed] = (await list('vt.maison')).filter((e) => e.planId === planId);
      const derived = await as('bpt.maison').post(`/api/incoming-documents/${landed.id}/derive`).expect(201);
      const draft = (await as('bpt.maison').get(`/api/plans/${derived.body.id}`).expect(200)).body;
      expect(draft.parentPlanId).toBe(planId);
      expect((await as('vt.maison').get(`/api/incoming-documents/${landed.id}`).expect(200)).body.derivedPlanIds).toEqual([derived.body.id]);
      // The entry of a plan landed is not deleted.
      await as('vt.maison').delete(`/api/incoming-documents/${landed.id}`).expect(409);
    });

    it("derive through the plan itself: the recipient's entry of the plan lists it too, with its history line", async () => {
      const [landed] = (await list('vt.thuanchau')).filter((e) => e.planId === planId);
      const derived = await as('bpt.thuanchau').post(`/api/plans/${planId}/derive`).expect(201);
      const entry = (await as('vt.thuanchau').get(`/api/incoming-documents/${landed.id}`).expect(200)).body as Entry;
      expect(entry).toMatchObject({ derivedPlanIds: [derived.body.id], status: landed.status });
      const history = (await as('vt.thuanchau').get(`/api/incoming-documents/${landed.id}/history`).expect(200)).body as { action: string; actor: { fullName: string } | null; changes: Record<string, unknown> }[];
      const bpt = (await as('bpt.thuanchau').get('/api/me').expect(200)).body.user;
      expect(history.at(-1)).toMatchObject({ action: 'derive', actor: { fullName: bpt.fullName }, changes: { planId: derived.body.id } });
      // The other recipient's entry lists only its own plan.
      const [other] = (await list('vt.maison')).filter((e) => e.planId === planId);
      expect(other.derivedPlanIds).not.toContain(derived.body.id);
    });
  });

  it('derive from an outside document: a draft of the caller whose title and preamble cite the entry', async () => {
    const entry = await register('vt.thuanchau', {
      sender: 'Ủy ban nhân dân tỉnh Sơn La',
      documentNumber: '12/KH-UBND',
      documentDate: `${year}-03-05`,
      summary: 'Triển khai phong trào “Cả nước chung tay vì người nghèo”',
    });
    await as('vt.thuanchau').post(`/api/incoming-documents/${entry.id}/derive`).expect(403);
    const derived = await as('bpt.thuanchau').post(`/api/incoming-documents/${entry.id}/derive`).expect(201);
    const draft = (await as('bpt.thuanchau').get(`/api/plans/${derived.body.id}`).expect(200)).body;
    const citation = `Kế hoạch số 12/KH-UBND ngày 05/3/${year} của Ủy ban nhân dân tỉnh Sơn La về triển khai phong trào “Cả nước chung tay vì người nghèo”`;
    expect(draft).toMatchObject({ status: 'draft', issuerId: demo.orgs.thuanChau });
    expect(draft.title).toBe(`Thực hiện ${citation}`);
    expect(draft.preamble[0]).toBe(`Thực hiện ${citation};`);
    expect(draft.parentPlanId).toBeNull();
    expect((await as('vt.thuanchau').get(`/api/incoming-documents/${entry.id}`).expect(200)).body.derivedPlanIds).toEqual([derived.body.id]);
  });

  it('derive from an entry whose link cannot be written leaves no plan: the plan and the link are one transaction', async () => {
    const subject = 'Tháng hành động vì an toàn thực phẩm tại cơ sở';
    const entry = await register('vt.thuanchau', { summary: `Phát động ${subject}` });
    // Whatever makes the link fail once the plan is made (here the register's history refusing the line;
    // as well a lost connection or the entry deleted meanwhile) must take the plan down with it.
    await sql(demo.t, `create function refuse_derive_line() returns trigger language plpgsql as $$
      begin if new.action = 'derive' and new.document_id = '${entry.id}' then raise exception 'refused'; end if; return new; end $$`);
    await sql(demo.t, `create trigger refuse_derive_line before insert on incoming_document_change for each row execute function refuse_derive_line()`);
    try {
      await as('bpt.thuanchau').post(`/api/incoming-documents/${entry.id}/derive`).expect(500);
    } finally {
      await sql(demo.t, `drop trigger refuse_derive_line on incoming_document_change`);
      await sql(demo.t, `drop function refuse_derive_line()`);
    }
    expect(await sql(demo.t, `select id from plan where title like ?`, [`%${subject}%`])).toEqual([]);
    expect((await as('vt.thuanchau').get(`/api/incoming-documents/${entry.id}`).expect(200)).body.derivedPlanIds).toEqual([]);
    // Once it can be written, the derive goes through: plan and link.
    const derived = await as('bpt.thuanchau').post(`/api/incoming-documents/${entry.id}/derive`).expect(201);
    expect((await as('vt.thuanchau').get(`/api/incoming-documents/${entry.id}`).expect(200)).body.derivedPlanIds).toEqual([derived.body.id]);
  });

  it('the clerk deleting an entry while it is derived from: either both stand, linked, or neither', async () => {
    const subject = 'Ngày hội văn hóa các dân tộc vùng cao năm nay';
    const entry = await register('vt.thuanchau', { summary: `Tổ chức ${subject}` });
    const [derived, deleted] = await Promise.all([
      as('bpt.thuanchau').post(`/api/incoming-documents/${entry.id}/derive`),
      as('vt.thuanchau').delete(`/api/incoming-documents/${entry.id}`),
    ]);
    const plans = await sql<{ id: string }>(demo.t, `select id from plan where title like ?`, [`%${subject}%`]);
    if (derived.status === 201) {
      expect(deleted.status).toBe(409);
      expect(plans.map((p) => p.id)).toEqual([derived.body.id]);
      expect((await as('vt.thuanchau').get(`/api/incoming-documents/${entry.id}`).expect(200)).body.derivedPlanIds).toEqual([derived.body.id]);
    } else {
      expect([derived.status, deleted.status]).toEqual([404, 200]);
      expect(plans).toEqual([]);
    }
  });

  describe('search', () => {
    interface Hit { kind: string; id: string; title: string; number: string | null; titleHighlights: [number, number][] }
    const search = async (user: string, q: string) => (await as(user).get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body as Hit[];
    let entry: Entry;

    beforeAll(async () => {
      entry = await register('vt.tinh', { summary: 'Về việc hỗ trợ đồng bào vùng lũ Mường Lống', documentNumber: '88/CV-BCĐ' });
    });

    it('finds an incoming entry with and without diacritics, by summary and by number, marked', async () => {
      for (const q of ['dong bao vung lu muong long', 'ĐỒNG BÀO vùng lũ Mường Lống', '88/CV-BCĐ']) {
        const hits = await search('pct.tinh', q);
        expect(hits.map((h) => [h.kind, h.id])).toContainEqual(['incoming', entry.id]);
      }
      const [hit] = (await search('bpt.tinh', 'muong long')).filter((h) => h.kind === 'incoming');
      expect(hit).toMatchObject({ title: 'Về việc hỗ trợ đồng bào vùng lũ Mường Lống', number: '88/CV-BCĐ' });
      expect(hit.titleHighlights.map(([from, to]) => hit.title.slice(from, to))).toEqual(['Mường', 'Lống']);
    });

    it("merges plans and entries in one ranked answer, and never returns another organisation's entry", async () => {
      const planId = (await as('bpt.tinh').post('/api/plans').send(planContent(demo.orgs.province, { title: 'Cứu trợ đồng bào Mường Lống' })).expect(201)).body.id;
      const kinds = (await search('bpt.tinh', 'muong long')).map((h) => `${h.kind}:${h.id}`);
      expect(kinds).toEqual(expect.arrayContaining([`plan:${planId}`, `incoming:${entry.id}`]));
      expect((await search('vt.maison', 'muong long')).filter((h) => h.kind === 'incoming')).toEqual([]);
      expect((await search('vt.thuanchau', '88/CV-BCĐ')).filter((h) => h.id === entry.id)).toEqual([]);
    });
  });

  it("the registers' counters never fall behind their entries", async () => {
    const behind = await sql(demo.t, `select 1 from incoming_counter c where c.last_number < (select max(arrival_number) from incoming_document d where d.organisation_id = c.organisation_id and d.year = c.year)`);
    expect(behind).toEqual([]);
  });
});
