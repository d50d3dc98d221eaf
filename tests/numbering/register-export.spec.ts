import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vietnamDay } from '../../backend/src/core/reporting-calendar';
import { formatShortDate } from '../../backend/src/core/vietnamese-date';
import { REGISTER_COLUMN_TITLES, REGISTER_HEADER_ROW } from '../../backend/src/numbering/register-xlsx';
import { download } from '../documents/api';
import { convert, CONVERSION_TIMEOUT_MS, describeWithLibreOffice, pdfPages } from '../documents/libreoffice';
import { ALL_DEMO_USERS, demoOrgs, type DemoOrgs, planContent, send } from '../support/plans';
import { startTestApp, type TestApp } from '../support/test-app';

/** Mộc Châu's one user holds every workflow role, and its register starts empty. */
const MOC_CHAU = 'bpt.mocchau';
const today = vietnamDay(new Date());
const year = Number(today.slice(0, 4));
/** Outside documents are registered last year: a day of this year may still be in the future. */
const lastYear = year - 1;

const OUTSIDE = [
  { typeCode: 'BC', title: 'Kết quả Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư', issuedAt: `${lastYear}-03-05T09:00:00+07:00` },
  { typeCode: 'TB', title: 'Thông báo kết luận hội nghị Ủy ban MTTQ huyện lần thứ ba', issuedAt: `${lastYear}-03-31T23:30:00+07:00` },
  // Outside the March range: the last minute before it starts and the first after it ends, in Vietnam.
  { typeCode: 'GM', title: 'Dự hội nghị sơ kết', issuedAt: `${lastYear}-02-28T23:59:00+07:00` },
  { typeCode: 'CTr', title: 'Chương trình phối hợp giám sát', issuedAt: `${lastYear}-04-01T00:00:00+07:00` },
];

const exportUrl = (format: 'docx' | 'xlsx', from: string, to: string) => `/api/number-registers/export.${format}?from=${from}&to=${to}`;

describe('the outgoing register (sổ đăng ký văn bản đi): export', () => {
  let t: TestApp;
  let orgs: DemoOrgs;
  let issuedNumber: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.login(...ALL_DEMO_USERS, 'qt.tinh');
    orgs = await demoOrgs(t);
    for (const document of OUTSIDE) await t.as(MOC_CHAU).post('/api/number-registers').send(document).expect(201);
    const content = planContent(orgs.mocChau, {
      place: 'Mộc Châu',
      title: 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026',
      recipients: [
        { label: 'Ban Thường trực Ủy ban MTTQ tỉnh', note: 'b/c' },
        { label: 'Ủy ban MTTQ xã Phổng Lái', orgIds: [orgs.phongLai] },
      ],
      archive: 'Lưu: VT, BPT.',
    });
    const { body: plan } = await t.as(MOC_CHAU).post('/api/plans').send(content).expect(201);
    for (const event of ['SUBMIT', 'FORWARD', 'APPROVE', 'ISSUE']) await send(t, MOC_CHAU, plan.id, event);
    issuedNumber = (await send(t, MOC_CHAU, plan.id, 'DISTRIBUTE')).number;
    await t.as('ct.phonglai').post(`/api/plans/${plan.id}/acknowledge`).expect(200);
  });
  afterAll(() => t.close());

  it('XLSX: the decree’s columns, only the entries of the range, dates as dates, Vietnamese intact', async () => {
    const file = await download(t, MOC_CHAU, exportUrl('xlsx', `${lastYear}-03-01`, `${lastYear}-03-31`));
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.contentDisposition).toContain(`so-dang-ky-van-ban-di-${lastYear}-03-01-${lastYear}-03-31.xlsx`);
    const sheet = await readSheet(file.bytes);
    expect(sheet.getCell(2, 1).value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(sheet.getCell(3, 1).value).toBe(`Từ ngày 01/3/${lastYear} đến ngày 31/3/${lastYear}`);
    expect(rowValues(sheet, REGISTER_HEADER_ROW)).toEqual(REGISTER_COLUMN_TITLES);
    const rows = dataRows(sheet);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      '01/BC-MTTQ-BTT', new Date(Date.UTC(lastYear, 2, 5)), 'Báo cáo kết quả Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư',
      null, null, null, null, null, null, 'Văn bản đăng ký ngoài hệ thống',
    ]);
    // A summary that already starts with the type's name keeps it once.
    expect(rows[1].slice(0, 3)).toEqual(['02/TB-MTTQ-BTT', new Date(Date.UTC(lastYear, 2, 31)), 'Thông báo kết luận hội nghị Ủy ban MTTQ huyện lần thứ ba']);
  });

  it('XLSX: an issued plan gives its signer, recipients, file copy, copies, date sent and receipts', async () => {
    const sheet = await readSheet((await download(t, MOC_CHAU, exportUrl('xlsx', today, today))).bytes);
    const [row] = dataRows(sheet);
    expect(row).toEqual([
      issuedNumber,
      new Date(`${today}T00:00:00Z`),
      'Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026',
      'Trần Văn Tâm',
      'Ban Thường trực Ủy ban MTTQ tỉnh (b/c)\nỦy ban MTTQ xã Phổng Lái',
      'VT, BPT',
      4,
      new Date(`${today}T00:00:00Z`),
      '1/1 đơn vị đã nhận',
      null,
    ]);
    const todayWritten = formatShortDate(new Date());
    expect(sheet.getCell(3, 1).value).toBe(`Từ ngày ${todayWritten} đến ngày ${todayWritten}`);
  });

  describeWithLibreOffice('DOCX opened by LibreOffice', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kehoach-register-'));
    /** The text LibreOffice reads out of the document: each paragraph, each table cell's included, on a line. */
    let lines: string[];
    beforeAll(async () => {
      const file = await download(t, MOC_CHAU, exportUrl('docx', `${lastYear}-01-01`, `${lastYear}-12-31`));
      expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      writeFileSync(join(directory, 'so-dang-ky.docx'), file.bytes);
      convert([join(directory, 'so-dang-ky.docx')], 'pdf', directory);
      convert([join(directory, 'so-dang-ky.docx')], 'txt:Text (encoded):UTF8', directory);
      lines = readFileSync(join(directory, 'so-dang-ky.txt'), 'utf8').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    }, CONVERSION_TIMEOUT_MS);
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it('is a landscape A4 book: the organisation, the title, the year, the ten columns', () => {
      const info = execFileSync('pdfinfo', [join(directory, 'so-dang-ky.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      expect(pdfPages(join(directory, 'so-dang-ky.pdf')).length).toBeGreaterThanOrEqual(1);
      expect(lines.slice(0, 4)).toEqual(['ỦY BAN MTTQ VIỆT NAM HUYỆN MỘC CHÂU', 'BAN THƯỜNG TRỰC', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', `Năm ${lastYear}`]);
      expect(lines.slice(4, 24)).toEqual([...REGISTER_COLUMN_TITLES, ...REGISTER_COLUMN_TITLES.map((_, i) => `(${i + 1})`)]);
    });

    it('lists last year’s four entries in date order, none of this year', () => {
      const rows = lines.slice(24);
      expect(rows).toEqual([
        '03/GM-MTTQ-BTT', `28/02/${lastYear}`, 'Giấy mời dự hội nghị sơ kết', 'Văn bản đăng ký ngoài hệ thống',
        '01/BC-MTTQ-BTT', `05/3/${lastYear}`, 'Báo cáo kết quả Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư', 'Văn bản đăng ký ngoài hệ thống',
        '02/TB-MTTQ-BTT', `31/3/${lastYear}`, 'Thông báo kết luận hội nghị Ủy ban MTTQ huyện lần thứ ba', 'Văn bản đăng ký ngoài hệ thống',
        '04/CTr-MTTQ-BTT', `01/4/${lastYear}`, 'Chương trình phối hợp giám sát', 'Văn bản đăng ký ngoài hệ thống',
      ]);
    });
  });

  it('an empty range is an empty book, not an error', async () => {
    const sheet = await readSheet((await download(t, MOC_CHAU, exportUrl('xlsx', `${lastYear - 1}-01-01`, `${lastYear - 1}-12-31`))).bytes);
    expect(dataRows(sheet)).toEqual([]);
    await download(t, MOC_CHAU, exportUrl('docx', `${lastYear - 1}-01-01`, `${lastYear - 1}-12-31`));
  });

  it('only the organisation’s clerks and administrators export, and only its own register', async () => {
    for (const format of ['docx', 'xlsx'] as const) {
      await t.as('bpt.tinh').get(exportUrl(format, `${lastYear}-01-01`, today)).expect(403);
      await t.as('pct.tinh').get(exportUrl(format, `${lastYear}-01-01`, today)).expect(403);
      await t.http().get(exportUrl(format, `${lastYear}-01-01`, today)).expect(401);
    }
    for (const provincial of ['vt.tinh', 'qt.tinh']) {
      const sheet = await readSheet((await download(t, provincial, exportUrl('xlsx', `${lastYear}-01-01`, today))).bytes);
      expect(sheet.getCell(1, 1).value).toBe('ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA');
      expect(dataRows(sheet).map((row) => row[2])).not.toEqual(expect.arrayContaining([expect.stringContaining('Đại đoàn kết')]));
    }
  });

  it.each([
    ['from=2026-13-01&to=2026-12-31', ['from']],
    ['from=2026-01-01', ['to']],
    ['from=01/01/2026&to=2026-02-30', ['from', 'to']],
    ['from=2026-03-01&to=2026-02-28', ['to']],
  ])('a bad range is a 400 naming the field: %s', async (query, fields) => {
    for (const format of ['docx', 'xlsx']) {
      const response = await t.as(MOC_CHAU).get(`/api/number-registers/export.${format}?${query}`).expect(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(fields);
      expect(response.body.message).toMatch(/không|phải/);
    }
  });
});

async function readSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

/** A row's cells 1–10, empty cells as null. */
function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return Array.from({ length: REGISTER_COLUMN_TITLES.length }, (_, i) => sheet.getCell(row, i + 1).value ?? null);
}

function dataRows(sheet: ExcelJS.Worksheet): unknown[][] {
  return Array.from({ length: sheet.rowCount - REGISTER_HEADER_ROW }, (_, i) => rowValues(sheet, REGISTER_HEADER_ROW + 1 + i));
}
