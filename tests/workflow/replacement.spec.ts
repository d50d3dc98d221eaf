import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { planCitation, planNumberAndDate } from '../../backend/src/core/plan-citation';
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { readWordDocument } from '../../backend/src/documents/rendering/docx/word-document';
import { REGISTER_COLUMN_TITLES } from '../../backend/src/numbering/register-xlsx';
import { download } from '../documents/api';
import { ALL_DEMO_USERS, demoOrgs, type DemoOrgs, planContent, REPORTING_FORM, send } from '../support/plans';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { sql, startTestApp, type TestApp } from '../support/test-app';

const today = vietnamDay(new Date());
const ISSUER = { name: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La', bodyName: 'BAN THƯỜNG TRỰC' };

interface PlanAnswer {
  id: string;
  status: string;
  number: string;
  issuedAt: string;
  preamble: string[];
  replaces: { id: string; number: string | null } | null;
  replacedBy: { id: string; number: string | null } | null;
  availableActions: string[];
}

/** "12/KH-MTTQ-BTT" → its parts, for the citation. */
const cited = (plan: PlanAnswer) => {
  const [number, symbol] = plan.number.split('/');
  return { number: Number(number), symbol, issuedAt: new Date(plan.issuedAt), issuer: ISSUER };
};

/**
 * Nghị định 30/2020 Điều 18 through the API: an issued plan replaced by a new plan that cites it (its
 * ISSUE marks the old one, moves the pending reports, tells the recipients), and a correction notice
 * with a number from the outgoing register.
 */
describe('replacement and correction of an issued plan (Điều 18)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let orgs: DemoOrgs;
  let oldId: string;
  let old: PlanAnswer;
  let newId: string;

  const drive = async (planId: string, events: [string, string][]) => {
    for (const [user, event] of events) await send(t, user, planId, event);
  };
  const TO_ISSUE: [string, string][] = [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE']];
  /** Every active user with an address in the two recipient organisations (the demo's are username@kehoach.example). */
  const recipientAddresses = async () =>
    (await sql<{ email: string }>(t, `select email from "user" where organisation_id in (?, ?) and active and email is not null order by email`, [orgs.thuanChau, orgs.maiSon])).map((u) => u.email);
  const get = async (user: string, planId: string): Promise<PlanAnswer> => (await t.as(user).get(`/api/plans/${planId}`).expect(200)).body;
  /** The cells of today's outgoing register row (XLSX export) that holds `number`, empty cells as null. */
  const registerRow = async (number: string): Promise<unknown[]> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(t, 'vt.tinh', `/api/number-registers/export.xlsx?from=${today}&to=${today}`)).bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => Array.from({ length: REGISTER_COLUMN_TITLES.length }, (_, j) => sheet.getCell(i + 1, j + 1).value ?? null));
    return rows.find((cells) => cells[0] === number) ?? [];
  };
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    // E-mail on (the outbox is written only then); nothing is sent: background jobs are off in tests.
    sink = await startSmtpSink();
    t = await startTestApp({ mail: { smtpUrl: sink.url, from: '"Kế hoạch MTTQ" <kehoach@kehoach.test>', publicUrl: 'http://kehoach.test' } });
    await t.login(...ALL_DEMO_USERS);
    orgs = await demoOrgs(t);
    const content = planContent(orgs.province, {
      title: 'Kế hoạch thử thay thế và đính chính',
      recipients: [
        { label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [orgs.thuanChau] },
        { label: 'Ủy ban MTTQ huyện Mai Sơn', orgIds: [orgs.maiSon] },
      ],
      reporting: [
        { name: 'Báo cáo quý', dueDate: addDays(today, 10) },
        { name: 'Báo cáo năm', dueDate: addDays(today, 40) },
        { name: 'Báo cáo tổng kết', dueDate: addDays(today, 60) },
      ],
      form: REPORTING_FORM,
    });
    oldId = (await t.as('bpt.tinh').post('/api/plans').send(content).expect(201)).body.id;
    await drive(oldId, [...TO_ISSUE, ['vt.tinh', 'DISTRIBUTE']]);
    old = await get('bpt.tinh', oldId);
    // Thuận Châu submits the first round; Mai Sơn only drafts the second.
    await t.as('vt.thuanchau').put(`/api/plans/${oldId}/reports/0/mine`).send({ values: { '1': 12 }, submit: true }).expect(200);
    await t.as('vt.maison').put(`/api/plans/${oldId}/reports/1/mine`).send({ values: { '1': 5 }, note: 'Đang tổng hợp' }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('refuses a replacement of a plan not issued (409), by another organisation (403) or by one who cannot see it (404)', async () => {
    const draftId = (await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province, {})).expect(201)).body.id;
    expect((await t.as('bpt.tinh').post(`/api/plans/${draftId}/replace`).expect(409)).body.code).toBe('NOT_REPLACEABLE');
    // A recipient's drafter reads the plan but may not replace it; the issuer's leader is no drafter.
    await t.as('bpt.thuanchau').post(`/api/plans/${oldId}/replace`).expect(403);
    await t.as('pct.tinh').post(`/api/plans/${oldId}/replace`).expect(403);
    await t.as('bpt.mocchau').post(`/api/plans/${oldId}/replace`).expect(404);
  });

  it('makes a draft of the same issuer that cites the plan it replaces; one at a time', async () => {
    const created = await t.as('bpt.tinh').post(`/api/plans/${oldId}/replace`).expect(201);
    newId = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', issuer: { id: orgs.province }, replaces: { id: oldId, number: old.number }, replacedBy: null });
    expect(created.body.preamble).toEqual([`Kế hoạch này thay thế ${planCitation(cited(old))}.`, ...old.preamble]);
    expect(created.body.preamble[0]).toMatch(/^Kế hoạch này thay thế Kế hoạch số \d+\/KH-MTTQ-BTT ngày \d{2}\/\d{1,2}\/\d{4} của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La\.$/u);

    const again = await t.as('bpt.tinh').post(`/api/plans/${oldId}/replace`).expect(409);
    expect(again.body).toMatchObject({ code: 'REPLACEMENT_IN_PROGRESS', replacement: { id: newId, status: 'draft' } });
    expect(again.body.message).toContain('Kế hoạch thử thay thế và đính chính');
    // Until the replacement is issued the old plan is in force as before.
    expect((await get('vt.thuanchau', oldId)).replacedBy).toBeNull();
  });

  it('issuing the replacement marks the old plan, moves its pending round, keeps the submitted report and tells the recipients', async () => {
    // The replacement keeps two of the three deadlines: the third round ends with the old plan.
    const draft = (await t.as('bpt.tinh').get(`/api/plans/${newId}`).expect(200)).body;
    const content = Object.fromEntries(Object.keys(planContent(orgs.province)).map((key) => [key, draft[key]]));
    const reporting = [draft.reporting[0], { name: 'Báo cáo năm (sửa)', dueDate: addDays(today, 45) }];
    await t.as('bpt.tinh').put(`/api/plans/${newId}`).send({ ...content, reporting, version: draft.version }).expect(200);
    await drive(newId, TO_ISSUE);
    const replacement = await get('bpt.tinh', newId);

    const replaced = await get('vt.thuanchau', oldId);
    expect(replaced).toMatchObject({ status: 'distributed', replacedBy: { id: newId, number: replacement.number } });
    // Its history, public to the recipients, says by what.
    const history = (await t.as('vt.thuanchau').get(`/api/plans/${oldId}/history`).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ event: 'REPLACED', fromState: 'distributed', toState: 'distributed', details: { replacedBy: newId, number: replacement.number } });
    expect((await t.as('pct.tinh').get(`/api/plans/${oldId}/audit/verify`).expect(200)).body).toMatchObject({ valid: true });
    const issueRecord = (await t.as('bpt.tinh').get(`/api/plans/${newId}/history`).expect(200)).body.find((r: { event: string }) => r.event === 'ISSUE');
    expect(issueRecord.details).toMatchObject({ replaces: oldId, replacesNumber: old.number, movedRounds: [1] });

    // Round 1 (no report submitted) moved with Mai Sơn's draft; round 0 (submitted) stayed and closed; round 2 closed.
    const rounds = await sql<{ plan_id: string; position: number; name: string; closed: boolean }>(
      t,
      `select plan_id, position, name, closed_at is not null as closed from reporting_round where plan_id in (?, ?) order by plan_id = ?, position`,
      [oldId, newId, newId],
    );
    expect(rounds).toEqual([
      { plan_id: oldId, position: 0, name: 'Báo cáo quý', closed: true },
      { plan_id: oldId, position: 2, name: 'Báo cáo tổng kết', closed: true },
      { plan_id: newId, position: 1, name: 'Báo cáo năm (sửa)', closed: false },
    ]);
    const reports = await sql<{ plan_id: string; organisation_id: string; state: string }>(t, `select r.plan_id, r.organisation_id, r.state from report r where r.plan_id in (?, ?) order by r.state`, [oldId, newId]);
    expect(reports).toEqual([
      { plan_id: newId, organisation_id: orgs.maiSon, state: 'draft' },
      { plan_id: oldId, organisation_id: orgs.thuanChau, state: 'submitted' },
    ]);
    const summary = (await t.as('vt.tinh').get(`/api/plans/${oldId}/reports/0/summary`).expect(200)).body;
    expect(summary.rows.find((row: { organisationId: string }) => row.organisationId === orgs.thuanChau)).toMatchObject({ status: 'submitted', values: { '1': 12 } });

    // The old plan's recipients are told (one message each, under their "thu hồi" setting).
    const notices = await sql<{ to_address: string; subject: string }>(t, `select to_address, subject from outbox_message where kind = 'replaced' order by to_address`);
    expect(notices.map((n) => n.to_address)).toEqual(await recipientAddresses());
    expect(notices[0].subject).toBe('[Kế hoạch] Kế hoạch đã bị thay thế: Kế hoạch thử thay thế và đính chính');

    // Once distributed, the replacement is a plan received like any other, and the moved round is owed on it.
    await send(t, 'vt.tinh', newId, 'DISTRIBUTE');
    const inbox = (await t.as('vt.maison').get('/api/tasks?range=[0,49]').expect(200)).body as { type: string; planId: string; deadline?: number }[];
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'acknowledge', planId: newId })]));
    expect(inbox.filter((task) => task.planId === oldId && task.type.startsWith('report'))).toEqual([]);
    const mine = (await t.as('vt.maison').get(`/api/plans/${newId}/reports/1/mine`).expect(200)).body;
    expect(mine).toMatchObject({ name: 'Báo cáo năm (sửa)', report: { values: { '1': 5 }, state: 'draft' } });
    await t.as('vt.maison').get(`/api/plans/${newId}/reports/0/mine`).expect(200);
    expect(await sql(t, `select position from reporting_round where plan_id = ? order by position`, [newId])).toEqual([{ position: 0 }, { position: 1 }]);

    // The outgoing register's notes say it both ways (the last column, "Ghi chú").
    expect((await registerRow(old.number)).at(-1)).toBe(`Đã bị thay thế bởi Kế hoạch số ${replacement.number}`);
    expect((await registerRow(replacement.number)).at(-1)).toBe(`Thay thế Kế hoạch số ${old.number}`);

    // A replaced plan is no longer in force: no event changes it (recall, close), and none is offered.
    expect((await get('vt.tinh', oldId)).availableActions).toEqual([]);
    for (const event of ['RECALL', 'CLOSE']) {
      const refused = await t.as('vt.tinh').post(`/api/plans/${oldId}/events`).send({ type: event, comment: 'Thử' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'REPLACED', replacedBy: newId });
    }
    // A replaced plan is replaced once, and corrected no more.
    expect((await t.as('bpt.tinh').post(`/api/plans/${oldId}/replace`).expect(409)).body.code).toBe('ALREADY_REPLACED');
    expect((await t.as('bpt.tinh').post(`/api/plans/${oldId}/corrections`).send({ text: 'Sửa lỗi chính tả' }).expect(409)).body.code).toBe('ALREADY_REPLACED');
    // Lists say which plans were replaced.
    const list = (await t.as('bpt.tinh').get(`/api/plans?filter=${encodeURIComponent(JSON.stringify({ id: [oldId, newId] }))}`).expect(200)).body;
    expect(Object.fromEntries(list.map((p: { id: string; replacedById: string | null }) => [p.id, p.replacedById]))).toEqual({ [oldId]: newId, [newId]: null });
  });

  it('a correction notice: drafted, approved, issued with a number from the register, in the history and the recipients\' inbox', async () => {
    const base = `/api/plans/${newId}/corrections`;
    await t.as('bpt.tinh').post(base).send({ text: '   ' }).expect(400);
    await t.as('bpt.thuanchau').post(base).send({ text: 'Sửa' }).expect(403);
    const draftPlan = (await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province, {})).expect(201)).body.id;
    expect((await t.as('bpt.tinh').post(`/api/plans/${draftPlan}/corrections`).send({ text: 'Sửa' }).expect(409)).body.code).toBe('NOT_CORRECTABLE');

    const text = 'Tại mục II.1, dòng thứ 3: "ngày 15/12" nay sửa lại là "ngày 16/12".';
    const created = (await t.as('bpt.tinh').post(base).send({ text }).expect(201)).body;
    expect(created).toMatchObject({ status: 'draft', text, number: null });
    const cid = created.id;
    // Recipients do not see a draft notice.
    expect(await (await t.as('vt.thuanchau').get(base).expect(200)).body).toEqual([]);
    await t.as('vt.thuanchau').get(`${base}/${cid}/document.docx`).expect(404);

    // Out of order and by the wrong person.
    await t.as('vt.tinh').post(`${base}/${cid}/issue`).expect(409);
    await t.as('bpt.tinh').post(`${base}/${cid}/approve`).expect(403);
    const { approvedBy } = (await t.as('pct.tinh').post(`${base}/${cid}/approve`).expect(200)).body;
    expect(approvedBy).toEqual({ id: expect.any(String), fullName: expect.any(String) });
    await t.as('pct.tinh').post(`${base}/${cid}/issue`).expect(403);
    const registerBefore = await sql<{ last: number }>(t, `select coalesce(max(number), 0) as last from register_entry where organisation_id = ?`, [orgs.province]);
    const issued = (await t.as('vt.tinh').post(`${base}/${cid}/issue`).expect(200)).body;
    expect(issued).toMatchObject({ status: 'issued', number: `${String(registerBefore[0].last + 1).padStart(2, '0')}/TB-MTTQ-BTT`, issuedAt: expect.any(String) });
    await t.as('vt.tinh').post(`${base}/${cid}/issue`).expect(409);

    // The register holds its number, and its export lists it.
    const replacement = await get('bpt.tinh', newId);
    const summary = `Đính chính ${planNumberAndDate(cited(replacement))}`;
    const entries = (await t.as('vt.tinh').get('/api/number-registers?range=[0,49]').expect(200)).body as { typeCode: string; title: string; fullNumber: string; external: boolean }[];
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ typeCode: 'TB', title: summary, fullNumber: issued.number, external: false })]));
    // Its row is as full as a plan's: the leader who approved it, the corrected plan's recipients and
    // file copy, sent at its issue; the summary names the plan it corrects.
    const day = new Date(`${today}T00:00:00Z`);
    const correctionRow = [
      issued.number, day, `Thông báo đính chính ${planNumberAndDate(cited(replacement))}`, approvedBy.fullName,
      'Ủy ban MTTQ huyện Thuận Châu\nỦy ban MTTQ huyện Mai Sơn', 'VT, BPT', 4, day,
    ];
    expect(await registerRow(issued.number)).toEqual([...correctionRow, '0/2 đơn vị đã nhận', null]);

    // In the plan's history (public), sealing the document stored at issue: every download is those bytes.
    const history = (await t.as('vt.maison').get(`/api/plans/${newId}/history`).expect(200)).body;
    const document = await download(t, 'vt.maison', `${base}/${cid}/document.docx`);
    expect(history.at(-1)).toMatchObject({ event: 'CORRECTION', details: { correctionId: cid, number: issued.number, documentHash: sha256(document.bytes) } });
    expect(issued.documentHash).toBe(sha256(document.bytes));
    expect(document.sha256).toBe(issued.documentHash);
    // Even once the signer's name has changed, which a new rendering would print.
    await sql(t, `update "user" set full_name = 'Tên đã đổi' where id = ?`, [approvedBy.id]);
    const again = await download(t, 'vt.tinh', `${base}/${cid}/document.docx`);
    await sql(t, `update "user" set full_name = ? where id = ?`, [approvedBy.fullName, approvedBy.id]);
    expect(again.bytes.equals(document.bytes)).toBe(true);
    const docx = readWordDocument(document.bytes).allParagraphs.map((p) => p.text);
    expect(docx).toEqual(expect.arrayContaining([`Số: ${issued.number}`, 'THÔNG BÁO', summary, text, approvedBy.fullName]));
    // Nơi nhận: the plan's recipients.
    expect(docx.filter((line) => /huyện (Thuận Châu|Mai Sơn)/u.test(line))).toHaveLength(2);

    // The recipients: an inbox item to read, gone once read by the organisation; and an e-mail each.
    const correctionTasks = async (user: string) =>
      ((await t.as(user).get('/api/tasks?range=[0,49]').expect(200)).body as { type: string; correctionId?: string; title: string }[]).filter((task) => task.type === 'correction');
    expect(await correctionTasks('vt.maison')).toEqual([expect.objectContaining({ correctionId: cid, planId: newId, title: expect.stringContaining(summary) })]);
    expect(await correctionTasks('vt.tinh')).toEqual([]);
    // And in each recipient's incoming register, received when read.
    const registered = async (user: string) =>
      ((await t.as(user).get(`/api/incoming-documents?filter=${encodeURIComponent(JSON.stringify({ q: issued.number }))}`).expect(200)).body as { documentNumber: string; documentType: string; status: string; summary: string }[])
        .filter((entry) => entry.documentNumber === issued.number);
    expect(await registered('vt.maison')).toEqual([expect.objectContaining({ documentType: 'TB', status: 'pending', summary })]);
    expect(await registered('vt.tinh')).toEqual([]);
    const read = (await t.as('bpt.maison').post(`${base}/${cid}/read`).expect(200)).body;
    expect(await registered('vt.maison')).toEqual([expect.objectContaining({ status: 'received' })]);
    expect(await registered('vt.thuanchau')).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(read.readAt).toEqual(expect.any(String));
    expect(await registerRow(issued.number)).toEqual([...correctionRow, '1/2 đơn vị đã nhận', null]);
    expect(await correctionTasks('vt.maison')).toEqual([]);
    expect(await correctionTasks('vt.thuanchau')).toHaveLength(1);
    await t.as('vt.tinh').post(`${base}/${cid}/read`).expect(404);
    const listed = (await t.as('vt.thuanchau').get(base).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: cid, status: 'issued', number: issued.number, readAt: null })]);
    const mails = await sql<{ to_address: string }>(t, `select to_address from outbox_message where kind = 'corrected' order by to_address`);
    expect(mails.map((m) => m.to_address)).toEqual(await recipientAddresses());
  });

  it('a notice issued before its document was kept gets it at its first download, sealed in the history', async () => {
    const [{ id: cid }] = await sql<{ id: string }>(t, `select id from plan_correction where plan_id = ? and status = 'issued'`, [newId]);
    await sql(t, `update plan_correction set document_bytes = null, document_sha256 = null where id = ?`, [cid]);
    const url = `/api/plans/${newId}/corrections/${cid}/document.docx`;
    const first = await download(t, 'vt.thuanchau', url);
    const second = await download(t, 'vt.tinh', url);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(first.sha256).toBe(sha256(first.bytes));
    const history = (await t.as('vt.maison').get(`/api/plans/${newId}/history`).expect(200)).body as { event: string; details: unknown }[];
    expect(history.filter((record) => record.event === 'CORRECTION_DOCUMENT')).toEqual([
      expect.objectContaining({ details: { correctionId: cid, number: expect.stringMatching(/\/TB-MTTQ-BTT$/), documentHash: first.sha256 } }),
    ]);
    expect((await t.as('pct.tinh').get(`/api/plans/${newId}/audit/verify`).expect(200)).body).toMatchObject({ valid: true });
  });
});
