import { vietnamDay } from '../../backend/src/core/reporting-calendar';
import { ALL_DEMO_USERS, demoOrgs, planContent, send } from '../support/plans';
import { startTestApp, type TestApp } from '../support/test-app';

/** Mộc Châu's one user holds every workflow role, and its register starts empty. */
const MOC_CHAU = 'bpt.mocchau';
const PHONG_LAI = 'ct.phonglai';
const year = Number(vietnamDay(new Date()).slice(0, 4));
const lastYear = year - 1;

describe('number series: the shared register (Đ15), named series, numbers already used', () => {
  let t: TestApp;
  const register = (body: object, status = 201) => t.as(MOC_CHAU).post('/api/number-registers').send(body).expect(status);

  beforeAll(async () => {
    t = await startTestApp();
    await t.login(...ALL_DEMO_USERS, 'qt.tinh');
  });
  afterAll(() => t.close());

  it('a named series counts on its own; every other type shares the one register of the year', async () => {
    const series = await t.as(MOC_CHAU).post('/api/number-series').send({ name: 'Giấy mời', typeCodes: ['GM'] }).expect(201);
    expect(series.body).toMatchObject({ name: 'Giấy mời', typeCodes: ['GM'] });
    const numbers: string[] = [];
    for (const typeCode of ['BC', 'GM', 'TB', 'GM', 'KH']) numbers.push((await register({ typeCode, title: `Văn bản ${typeCode}` })).body.fullNumber);
    expect(numbers).toEqual(['01/BC-MTTQ-BTT', '01/GM-MTTQ-BTT', '02/TB-MTTQ-BTT', '02/GM-MTTQ-BTT', '03/KH-MTTQ-BTT']);
    const list = await t.as(MOC_CHAU).get('/api/number-series').expect(200);
    expect(list.headers['content-range']).toBe('number-series 0-0/1');
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(['Giấy mời']);
  });

  it('a number already used in the series is a 409 naming the entry; a free one is taken and later numbers follow it', async () => {
    const used = await register({ typeCode: 'BC', title: 'Báo cáo sơ kết 6 tháng', issuedAt: `${lastYear}-06-30T10:00:00+07:00` });
    const taken = await register({ typeCode: 'TB', title: 'Thông báo khác', issuedAt: `${lastYear}-07-02T10:00:00+07:00`, number: used.body.number }, 409);
    expect(taken.body).toMatchObject({ code: 'NUMBER_REGISTER.NUMBER_TAKEN', entry: { id: used.body.id, fullNumber: '01/BC-MTTQ-BTT', title: 'Báo cáo sơ kết 6 tháng' } });
    expect(taken.body.message).toContain('01/BC-MTTQ-BTT');
    expect(taken.body.message).toContain(`30/6/${lastYear}`);
    expect(taken.body.message).toContain('Báo cáo sơ kết 6 tháng');
    // The same number in another year's register, or in the named series, is free.
    expect((await register({ typeCode: 'GM', title: 'Mời dự hội nghị', number: 1, issuedAt: `${lastYear}-07-03T10:00:00+07:00` })).body.fullNumber).toBe('01/GM-MTTQ-BTT');
    await register({ typeCode: 'GM', title: 'Mời lần nữa', number: 1, issuedAt: `${lastYear}-08-03T10:00:00+07:00` }, 409);
    const free = await register({ typeCode: 'BC', title: 'Báo cáo đã đánh số tay', number: 40 });
    expect(free.body).toMatchObject({ number: 40, fullNumber: '40/BC-MTTQ-BTT', external: true });
    expect((await register({ typeCode: 'TB', title: 'Thông báo sau đó' })).body.number).toBe(41);
    // Below the counter, a gap left free may still be filled; a used one may not.
    expect((await register({ typeCode: 'CTr', title: 'Chương trình', number: 20 })).body.number).toBe(20);
    const again = await register({ typeCode: 'KH', title: 'Kế hoạch', number: 3 }, 409);
    expect(again.body.entry.fullNumber).toBe('03/KH-MTTQ-BTT');
  });

  it.each([
    [{ typeCode: 'BC', title: 'X', number: 0 }, ['number']],
    [{ typeCode: 'BC', title: 'X', number: 1.5 }, ['number']],
    [{ typeCode: 'BC', title: 'X', number: '7' }, ['number']],
  ])('a bad number is a 400 naming it: %j', async (body, fields) => {
    expect(Object.keys((await register(body, 400)).body.errors)).toEqual(fields);
  });

  it('a series is refused for a name or a type already used, or a type numbered this year', async () => {
    const create = (body: object, status: number) => t.as(MOC_CHAU).post('/api/number-series').send(body).expect(status);
    expect((await create({ name: 'Giấy mời', typeCodes: ['HD'] }, 409)).body.code).toBe('NUMBER_SERIES.NAME_TAKEN');
    const typeTaken = await create({ name: 'Thư mời', typeCodes: ['GM', 'HD'] }, 409);
    expect(typeTaken.body).toMatchObject({ code: 'NUMBER_SERIES.TYPE_TAKEN' });
    expect(typeTaken.body.message).toContain('Giấy mời');
    const numbered = await create({ name: 'Báo cáo', typeCodes: ['BC'] }, 409);
    expect(numbered.body).toMatchObject({ code: 'NUMBER_SERIES.TYPE_NUMBERED' });
    expect(numbered.body.message).toContain(`Báo cáo đã được cấp số trong sổ năm ${year}`);
    const invalid = await create({ name: '', typeCodes: ['XX'] }, 400);
    expect(Object.keys(invalid.body.errors).sort()).toEqual(['name', 'typeCodes']);
    await create({ name: 'Trống', typeCodes: [] }, 400);
    expect(Object.keys((await create({ name: '   ', typeCodes: ['HD'] }, 400)).body.errors)).toEqual(['name']);
  });

  it('a series that gave numbers stays; an unused one may be removed', async () => {
    const [used] = (await t.as(MOC_CHAU).get('/api/number-series').expect(200)).body;
    expect((await t.as(MOC_CHAU).delete(`/api/number-series/${used.id}`).expect(409)).body.code).toBe('NUMBER_SERIES.IN_USE');
    const unused = await t.as(MOC_CHAU).post('/api/number-series').send({ name: 'Hướng dẫn', typeCodes: ['HD'] }).expect(201);
    await t.as(MOC_CHAU).delete(`/api/number-series/${unused.body.id}`).expect(204);
    await t.as(MOC_CHAU).delete(`/api/number-series/${unused.body.id}`).expect(404);
  });

  it('series are the clerk’s of their own organisation: others see none of them and change nothing', async () => {
    const [mine] = (await t.as(MOC_CHAU).get('/api/number-series').expect(200)).body;
    expect((await t.as('vt.tinh').get('/api/number-series').expect(200)).body).toEqual([]);
    expect((await t.as('qt.tinh').get('/api/number-series').expect(200)).body).toEqual([]);
    await t.as('vt.tinh').delete(`/api/number-series/${mine.id}`).expect(404);
    await t.as('qt.tinh').post('/api/number-series').send({ name: 'Giấy mời', typeCodes: ['GM'] }).expect(403);
    await t.as('bpt.tinh').get('/api/number-series').expect(403);
    await t.as('bpt.tinh').post('/api/number-series').send({ name: 'Giấy mời', typeCodes: ['GM'] }).expect(403);
    // The province's clerk numbers invitations from its shared register: Mộc Châu's series is its own.
    expect((await t.as('vt.tinh').post('/api/number-registers').send({ typeCode: 'GM', title: 'Mời họp' }).expect(201)).body.fullNumber).not.toBe('01/GM-MTTQ-BTT');
  });

  it('ISSUE takes a plan’s number from the series that names its type', async () => {
    // Phổng Lái's one user holds every workflow role; its register is empty, so plans may have a series of their own.
    const orgs = await demoOrgs(t);
    await t.as(PHONG_LAI).post('/api/number-series').send({ name: 'Kế hoạch', typeCodes: ['KH'] }).expect(201);
    await t.as(PHONG_LAI).post('/api/number-registers').send({ typeCode: 'BC', title: 'Báo cáo' }).expect(201);
    await t.as(PHONG_LAI).post('/api/number-registers').send({ typeCode: 'TB', title: 'Thông báo' }).expect(201);
    const { body: plan } = await t.as(PHONG_LAI).post('/api/plans').send(planContent(orgs.phongLai, { place: 'Phổng Lái' })).expect(201);
    for (const event of ['SUBMIT', 'FORWARD', 'APPROVE']) await send(t, PHONG_LAI, plan.id, event);
    expect((await send(t, PHONG_LAI, plan.id, 'ISSUE')).number).toBe('01/KH-MTTQ-BTT');
    expect((await t.as(PHONG_LAI).post('/api/number-registers').send({ typeCode: 'BC', title: 'Báo cáo nữa' }).expect(201)).body.number).toBe(3);
  });
});
