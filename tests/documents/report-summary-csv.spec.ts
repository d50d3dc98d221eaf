/**
 * GET /api/plans/:id/reports/:deadline/summary.csv against formula injection (OWASP "CSV injection"):
 * indicator codes and labels (chosen by the drafter), unit names (by an administrator), notes and text
 * answers (by the reporting units) that a spreadsheet would run as formulas come out as text; figures
 * stay plain numbers.
 */
import { csvCell } from '../../backend/src/reports/summary-csv';
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { planContent, send, useDemoApp } from '../support/plans';
import { sql } from '../support/test-app';
import { issueAsDemoUsers } from './api';

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

const FORM = {
  title: 'BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ',
  indicators: [
    { code: '-2+3+cmd', label: "|' /C calc'!A0", unit: 'khu', type: 'integer' },
    { code: '=1+1', label: 'Tỷ lệ hộ gia đình văn hóa', unit: '%', type: 'percent' },
    { code: '-1+1', label: '=HYPERLINK("http://evil.example/?l=","Bấm vào đây")', unit: '', type: 'text' },
    { code: '+1+1', label: 'Mô hình', unit: '', type: 'text' },
    { code: '@SUM(1+1)', label: 'Ghi nhận', unit: '', type: 'text' },
    { code: '\uFF1D1+1', label: 'Chỉ tiêu toàn khổ', unit: 'người', type: 'integer' },
  ],
};

/** Unit names an administrator could give (set in SQL: the API is not what this spec tests). */
const UNIT_NAMES = {
  thuanChau: "@SUM(1+1)*cmd|' /C calc'!A0",
  maiSon: '-1+1. =HYPERLINK("http://evil.example","Mai Sơn")',
  mocChau: '\t=1+1 Mộc Châu',
};

/** RFC 4180: fields separated by commas, quoted when they hold quotes, commas or line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  const field = /("((?:[^"]|"")*)"|[^",\r\n]*)(,|\r\n|$)/gy;
  for (let match = field.exec(text); match && match.index < text.length; match = field.exec(text)) {
    rows[rows.length - 1].push(match[2] !== undefined ? match[2].replace(/""/g, '"') : match[1]);
    if (match[3] === '\r\n') rows.push([]);
  }
  return rows.filter((row) => row.length > 0);
}

describe('the report summary as CSV, against formula injection', () => {
  const demo = useDemoApp();
  let csv: string;

  beforeAll(async () => {
    const { t, orgs } = demo;
    const content = planContent(orgs.province, {
      recipients: [{ label: 'Ủy ban MTTQ các huyện', orgIds: [orgs.thuanChau, orgs.maiSon, orgs.mocChau] }],
      reporting: [{ name: 'Báo cáo năm', dueDate: addDays(vietnamDay(new Date()), 5) }],
      form: FORM,
    });
    const plan = await send(demo.t, 'vt.tinh', (await issueAsDemoUsers(t, content)).id, 'DISTRIBUTE');
    const report = (user: string, body: object) => t.as(user).put(`/api/plans/${plan.id}/reports/0/mine`).send(body).expect(200);
    await report('pct.thuanchau', {
      values: { '-2+3+cmd': 125, '=1+1': 87.5, '-1+1': "=cmd|' /C calc'!A0", '+1+1': '+1+1', '@SUM(1+1)': '\uFF0B1', '\uFF1D1+1': 0 },
      note: "=cmd|' /C calc'!A0",
      submit: true,
    });
    await report('vt.maison', {
      values: { '-2+3+cmd': 1234, '=1+1': 92.5, '-1+1': '-1+1. =HYPERLINK("http://evil.example","x")' },
      note: "Số liệu tạm tính;=cmd|' /C calc'!A0\n- dòng hai\n\t@SUM(1)",
      submit: true,
    });
    await report('bpt.mocchau', { values: { '-2+3+cmd': 7 }, note: '\uFF0D1+1', submit: true });
    for (const [key, name] of Object.entries(UNIT_NAMES)) {
      await sql(t, 'update organisation set name = ? where id = ?', [name, orgs[key as keyof typeof UNIT_NAMES]]);
    }
    csv = (await t.as('vt.tinh').get(`/api/plans/${plan.id}/reports/0/summary.csv`).expect(200)).text;
  });

  it('writes no text cell that a spreadsheet would read as a formula, headers included', () => {
    const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(header).toEqual([
      'STT', 'Đơn vị', 'Trạng thái', 'Ngày nộp',
      "'-2+3+cmd. |' /C calc'!A0 (khu)",
      "'=1+1. Tỷ lệ hộ gia đình văn hóa (%)",
      '\'-1+1. =HYPERLINK("http://evil.example/?l=","Bấm vào đây")',
      "'+1+1. Mô hình",
      "'@SUM(1+1). Ghi nhận",
      "'\uFF1D1+1. Chỉ tiêu toàn khổ (người)",
      'Ghi chú',
    ]);
    for (const cell of [header, ...rows].flat()) expect(cell).not.toMatch(FORMULA_START);

    const byUnit = new Map(rows.map((row) => [row[1], row]));
    expect(byUnit.get(`'${UNIT_NAMES.thuanChau}`)!.slice(4)).toEqual(['125', '87.5', "'=cmd|' /C calc'!A0", "'+1+1", "'\uFF0B1", '0', "'=cmd|' /C calc'!A0"]);
    expect(byUnit.get(`'${UNIT_NAMES.maiSon}`)!.slice(4)).toEqual([
      '1234', '92.5', '\'-1+1. =HYPERLINK("http://evil.example","x")', '', '', '',
      "Số liệu tạm tính;'=cmd|' /C calc'!A0\n'- dòng hai\n\t'@SUM(1)",
    ]);
    expect(byUnit.get(`'${UNIT_NAMES.mocChau}`)!.slice(4)).toEqual(['7', '', '', '', '', '', "'\uFF0D1+1"]);
    expect(rows.at(-1)).toEqual(['', 'Tổng cộng', '', '', '1366', '90', '2', '1', '1', '0', '']);
  });

  it('writes figures as plain numbers, unquoted', () => {
    const lines = csv.split('\r\n');
    expect(lines).toContain(',Tổng cộng,,,1366,90,2,1,1,0,');
    expect(csv).toMatch(/,125,87\.5,/);
    expect(csv).toMatch(/,1234,92\.5,/);
  });

  it('leaves no formula at the start of a piece a Vietnamese-locale Excel would cut on ";" and line breaks', () => {
    const pieces = csv.split(/[;\r\n]/).map((piece) => piece.replace(/^[ \t"]*/, ''));
    expect(pieces.filter((piece) => FORMULA_START.test(piece))).toEqual([]);
  });
});

describe('one CSV cell', () => {
  it.each([
    [-5, '-5'],
    [87.5, '87.5'],
    [0, '0'],
    [null, ''],
    ['-5', `"'-5"`],
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r'=1+1"`],
    ['\n=1+1', `"'\n'=1+1"`],
    ['\uFF0D1+1', `"'\uFF0D1+1"`],
    ['\uFF20SUM(A1)', `"'\uFF20SUM(A1)"`],
    ['a; "=1+1"', `"a; ""'=1+1"""`],
    ['Ủy ban MTTQ Việt Nam huyện Thuận Châu', 'Ủy ban MTTQ Việt Nam huyện Thuận Châu'],
    ['Mô hình "Khu dân cư", tự quản', '"Mô hình ""Khu dân cư"", tự quản"'],
    ['dòng một\r\ndòng hai', '"dòng một\r\ndòng hai"'],
    ['1 - 2 = -1', '1 - 2 = -1'],
  ])('%j is written %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
});
