import ExcelJS from 'exceljs';
import { archiveLineForUnit, proposedArchiveLine } from '../../backend/src/core/organisation-units';
import { vietnamDay } from '../../backend/src/core/reporting-calendar';
import { REGISTER_COLUMN_TITLES, REGISTER_HEADER_ROW } from '../../backend/src/numbering/register-xlsx';
import { download } from '../documents/api';
import { demoOrgs, type DemoOrgs, planContent, send } from '../support/plans';
import { startTestApp, type TestApp } from '../support/test-app';

interface Unit { id: string; organisationId: string; name: string; code: string; kind: string }

const unitsUrl = (organisationId: string) => `/api/organisations/${organisationId}/units`;

describe('the archive line proposed from the drafting unit (core)', () => {
  it('names the unit after the văn thư, and follows a change of unit only while the line is still the proposed one', () => {
    expect(proposedArchiveLine('BPT')).toBe('Lưu: VT, BPT.');
    expect(proposedArchiveLine(null)).toBe('Lưu: VT.');
    expect(archiveLineForUnit('Lưu: VT.', null, 'BPT')).toBe('Lưu: VT, BPT.');
    expect(archiveLineForUnit('Lưu: VT, BPT.', 'BPT', 'TGĐN')).toBe('Lưu: VT, TGĐN.');
    expect(archiveLineForUnit('Lưu: VT, BPT.', 'BPT', null)).toBe('Lưu: VT.');
    // The drafter's own text stays.
    expect(archiveLineForUnit('Lưu: VT, BPT, Ban Tuyên giáo.', 'BPT', 'TGĐN')).toBe('Lưu: VT, BPT, Ban Tuyên giáo.');
    expect(archiveLineForUnit('Lưu: VT, BPT.', null, 'TGĐN')).toBe('Lưu: VT, BPT.');
  });
});

describe('units of an organisation (ban, văn phòng)', () => {
  let t: TestApp;
  let orgs: DemoOrgs;
  let phongTrao: Unit;
  let tuyenGiao: Unit;
  let thuanChauUnit: Unit;

  beforeAll(async () => {
    t = await startTestApp();
    await t.login('admin', 'qt.tinh', 'qt.thuanchau', 'bpt.tinh', 'tb.tinh', 'pct.tinh', 'vt.tinh', 'bpt.thuanchau');
    orgs = await demoOrgs(t);
  });
  afterAll(() => t.close());

  it("lets the organisation's administrator add, list, rename its units; codes unique per organisation (400 naming the field)", async () => {
    phongTrao = (await t.as('qt.tinh').post(unitsUrl(orgs.province)).send({ name: 'Ban Phong trào', code: 'BPT', kind: 'ban' }).expect(201)).body;
    expect(phongTrao).toMatchObject({ organisationId: orgs.province, name: 'Ban Phong trào', code: 'BPT', kind: 'ban' });
    tuyenGiao = (await t.as('qt.tinh').post(unitsUrl(orgs.province)).send({ name: 'Ban Tuyên giáo', code: 'TGĐN', kind: 'ban' }).expect(201)).body;
    await t.as('qt.tinh').post(unitsUrl(orgs.province)).send({ name: 'Văn phòng', code: 'VP', kind: 'office' }).expect(201);

    const renamed = await t.as('qt.tinh').put(`${unitsUrl(orgs.province)}/${tuyenGiao.id}`).send({ name: 'Ban Tuyên giáo – Đối ngoại' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Ban Tuyên giáo – Đối ngoại', code: 'TGĐN' });

    // Anyone reads them (a drafter picks its unit): the office first, then the ban by name.
    const listed = await t.as('bpt.tinh').get(unitsUrl(orgs.province)).expect(200);
    expect(listed.body.map((u: Unit) => u.code)).toEqual(['VP', 'BPT', 'TGĐN']);
    expect(listed.headers['content-range']).toBe('units 0-2/3');

    const duplicate = await t.as('qt.tinh').post(unitsUrl(orgs.province)).send({ name: 'Ban khác', code: 'BPT', kind: 'ban' }).expect(400);
    expect(duplicate.body.errors).toEqual({ code: expect.stringContaining('BPT') });
    const renamedOntoTaken = await t.as('qt.tinh').put(`${unitsUrl(orgs.province)}/${tuyenGiao.id}`).send({ code: 'BPT' }).expect(400);
    expect(renamedOntoTaken.body.errors).toHaveProperty('code');
    expect((await t.as('qt.tinh').post(unitsUrl(orgs.province)).send({ name: 'Ban X', code: 'bpt x', kind: 'ban' }).expect(400)).body.errors).toHaveProperty('code');
    expect((await t.as('qt.tinh').post(unitsUrl(orgs.province)).send({ name: 'Ban X', code: 'BX', kind: 'phong' }).expect(400)).body.errors).toHaveProperty('kind');
    expect((await t.as('qt.tinh').post(unitsUrl(orgs.province)).send({ name: '', code: 'BX', kind: 'ban' }).expect(400)).body.errors).toHaveProperty('name');

    // Another organisation may use the same code.
    thuanChauUnit = (await t.as('qt.thuanchau').post(unitsUrl(orgs.thuanChau)).send({ name: 'Ban Phong trào', code: 'BPT', kind: 'ban' }).expect(201)).body;
  });

  it('refuses whoever may not update the organisation (403), and a unit asked through another organisation (404)', async () => {
    await t.as('bpt.tinh').post(unitsUrl(orgs.province)).send({ name: 'Ban Y', code: 'BY', kind: 'ban' }).expect(403);
    await t.as('qt.thuanchau').post(unitsUrl(orgs.province)).send({ name: 'Ban Y', code: 'BY', kind: 'ban' }).expect(403);
    await t.as('qt.thuanchau').put(`${unitsUrl(orgs.province)}/${phongTrao.id}`).send({ name: 'Ban Y' }).expect(403);
    await t.as('qt.thuanchau').delete(`${unitsUrl(orgs.province)}/${phongTrao.id}`).expect(403);
    // The province's administrator manages its subtree's units too.
    await t.as('qt.tinh').put(`${unitsUrl(orgs.thuanChau)}/${thuanChauUnit.id}`).send({ name: 'Ban Phong trào huyện' }).expect(200);
    await t.as('qt.tinh').put(`${unitsUrl(orgs.maiSon)}/${thuanChauUnit.id}`).send({ name: 'Ban Z' }).expect(404);
    await t.as('bpt.tinh').get(unitsUrl('00000000-0000-4000-8000-000000000000')).expect(404);
  });

  it("puts a user in a unit of its own organisation, never another's (400 on unitId)", async () => {
    const [drafter] = (await t.as('qt.tinh').get('/api/users?filter={"q":"bpt.tinh"}').expect(200)).body;
    const placed = await t.as('qt.tinh').put(`/api/users/${drafter.id}`).send({ unitId: phongTrao.id }).expect(200);
    expect(placed.body.unitId).toBe(phongTrao.id);
    expect((await t.as('qt.tinh').get(`/api/users/${drafter.id}`).expect(200)).body.unitId).toBe(phongTrao.id);

    const elsewhere = await t.as('qt.tinh').put(`/api/users/${drafter.id}`).send({ unitId: thuanChauUnit.id }).expect(400);
    expect(elsewhere.body.errors).toHaveProperty('unitId');
    const created = await t
      .as('qt.tinh')
      .post('/api/users')
      .send({ username: 'tg.tinh', fullName: 'Hà Thị Minh', password: 'mat-khau-dai', organisationId: orgs.province, unitId: tuyenGiao.id, roles: ['drafter'] })
      .expect(201);
    expect(created.body.unitId).toBe(tuyenGiao.id);
    await t
      .as('qt.tinh')
      .post('/api/users')
      .send({ username: 'tg2.tinh', fullName: 'Hà Văn Nam', password: 'mat-khau-dai', organisationId: orgs.province, unitId: thuanChauUnit.id, roles: ['drafter'] })
      .expect(400);
  });

  it("drafts a plan by the drafter's unit, proposing its archive line; the drafter may move it to another of the issuer's units", async () => {
    const created = await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province, { archive: 'Lưu: VT.' })).expect(201);
    expect(created.body.draftingUnit).toEqual({ id: phongTrao.id, name: 'Ban Phong trào', code: 'BPT' });
    expect(created.body.archive).toBe('Lưu: VT, BPT.');

    // The drafter's own archive line is kept as written.
    const own = await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province, { archive: 'Lưu: VT, BPT, Ban Tuyên giáo.' })).expect(201);
    expect(own.body.archive).toBe('Lưu: VT, BPT, Ban Tuyên giáo.');
    // None asked for: no unit, the default line.
    const none = await t.as('bpt.tinh').post('/api/plans').send({ ...planContent(orgs.province, { archive: 'Lưu: VT.' }), draftingUnitId: null }).expect(201);
    expect(none.body).toMatchObject({ draftingUnit: null, archive: 'Lưu: VT.' });

    const { id, version, ...content } = created.body;
    const moved = await t.as('bpt.tinh').put(`/api/plans/${id}`).send({ ...planContent(orgs.province, { archive: content.archive }), version, draftingUnitId: tuyenGiao.id }).expect(200);
    expect(moved.body.draftingUnit).toMatchObject({ code: 'TGĐN', name: 'Ban Tuyên giáo – Đối ngoại' });
    expect(moved.body.archive).toBe('Lưu: VT, TGĐN.');
    // Only the unit changing is an edit too, in the history.
    const back = await t.as('bpt.tinh').put(`/api/plans/${id}`).send({ ...planContent(orgs.province, { archive: 'Lưu: VT, TGĐN.' }), version: moved.body.version, draftingUnitId: phongTrao.id }).expect(200);
    expect(back.body).toMatchObject({ draftingUnit: { code: 'BPT' }, archive: 'Lưu: VT, BPT.' });
    const history = (await t.as('bpt.tinh').get(`/api/plans/${id}/history`).expect(200)).body as { event: string }[];
    expect(history.filter((entry) => entry.event === 'EDIT')).toHaveLength(2);

    const foreign = await t.as('bpt.tinh').put(`/api/plans/${id}`).send({ ...planContent(orgs.province), version: back.body.version, draftingUnitId: thuanChauUnit.id }).expect(400);
    expect(foreign.body.errors).toHaveProperty('draftingUnitId');
    await t.as('bpt.tinh').post('/api/plans').send({ ...planContent(orgs.province), draftingUnitId: thuanChauUnit.id }).expect(400);

    // Lists show the unit and filter by it.
    const byUnit = await t.as('bpt.tinh').get(`/api/plans?filter=${JSON.stringify({ draftingUnitId: phongTrao.id })}`).expect(200);
    expect(byUnit.body.map((p: { id: string }) => p.id).sort()).toEqual([id, own.body.id].sort());
    expect(byUnit.body[0].draftingUnit).toMatchObject({ code: 'BPT', name: 'Ban Phong trào' });
    expect((await t.as('bpt.tinh').get(`/api/plans?filter=${JSON.stringify({ draftingUnitId: 'BPT' })}`).expect(400)).body.errors).toHaveProperty(['filter.draftingUnitId']);
  });

  it("removes only a unit nobody belongs to and no plan names (409 otherwise)", async () => {
    const inUse = await t.as('qt.tinh').delete(`${unitsUrl(orgs.province)}/${phongTrao.id}`).expect(409);
    expect(inUse.body).toMatchObject({ code: 'UNIT_IN_USE', users: 1, plans: 2 });
    const spare = (await t.as('qt.tinh').post(unitsUrl(orgs.province)).send({ name: 'Ban Dân chủ – Pháp luật', code: 'DCPL', kind: 'ban' }).expect(201)).body;
    await t.as('qt.tinh').delete(`${unitsUrl(orgs.province)}/${spare.id}`).expect(204);
    expect((await t.as('bpt.tinh').get(unitsUrl(orgs.province)).expect(200)).body.map((u: Unit) => u.code)).not.toContain('DCPL');
  });

  it("fills the outgoing register's file-copy column with the drafting unit", async () => {
    const { body: plan } = await t.as('bpt.tinh').post('/api/plans').send(planContent(orgs.province, { archive: 'Lưu: VT.' })).expect(201);
    for (const [username, event] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE']]) await send(t, username, plan.id, event);
    const { number } = await send(t, 'vt.tinh', plan.id, 'ISSUE');
    const today = vietnamDay(new Date());
    const file = await download(t, 'vt.tinh', `/api/number-registers/export.xlsx?from=${today}&to=${today}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const column = REGISTER_COLUMN_TITLES.length;
    const rows = Array.from({ length: sheet.rowCount - REGISTER_HEADER_ROW }, (_, i) =>
      Array.from({ length: column }, (_, c) => sheet.getCell(REGISTER_HEADER_ROW + 1 + i, c + 1).value ?? null),
    );
    const row = rows.find((cells) => cells[0] === number)!;
    expect(row[5]).toBe('Ban Phong trào');
    // A plan without a drafting unit keeps the units its archive line names (the demo's, "Lưu: VT, BPT.").
    expect(rows.filter((cells) => cells[0] !== number).map((cells) => cells[5])).toEqual(expect.arrayContaining(['VT, BPT']));
  });
});
