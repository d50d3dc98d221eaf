/**
 * GET /api/plans/:id/reports/:deadline/summary.docx end to end: a plan issued and distributed to
 * three districts, one reporting on time, one late, one not at all; the issuer downloads the
 * summary as a DOCX holding the same counts and totals as the JSON summary.
 */
import { DOCX_CONTENT_TYPE } from '../../backend/src/documents/documents.service';
import { formatLongDate, formatShortDate } from '../../backend/src/core/vietnamese-date';
import { readWordDocument, type WordTable } from '../../backend/src/documents/rendering/docx/word-document';
import { addDays, vietnamDay } from '../../backend/src/core/reporting-calendar';
import { planContent, REPORTING_FORM, roundNowDue, send, useDemoApp } from '../support/plans';
import { sql } from '../support/test-app';
import { download, issueAsDemoUsers } from './api';
import { normaliseSpaces, paragraphTexts } from './support';

const today = vietnamDay(new Date());

function tableRows(docx: Buffer, firstColumns: string[]): string[][][] {
  const tables = readWordDocument(docx).blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
  const texts = (table: WordTable) => table.rows.map((cells) => cells.map((cell) => cell.map((p) => normaliseSpaces(p.text)).filter(Boolean)));
  const found = tables.map(texts).find((rows) => firstColumns.every((title, i) => rows[0]?.[i]?.[0] === title));
  if (!found) throw new Error(`no table headed ${firstColumns.join(' | ')}`);
  return found;
}

describe('the report summary as DOCX', () => {
  const demo = useDemoApp();
  let plan: { id: string; number: string; issuedAt: string };
  const url = (deadline = 0) => `/api/plans/${plan.id}/reports/${deadline}/summary.docx`;

  beforeAll(async () => {
    const { t, orgs } = demo;
    const content = planContent(orgs.province, {
      recipients: [
        { label: 'Ban Thường trực UB TW MTTQ Việt Nam', note: 'b/c' },
        { label: 'Ủy ban MTTQ các huyện', orgIds: [orgs.thuanChau, orgs.maiSon, orgs.mocChau] },
      ],
      reporting: [{ name: 'Báo cáo năm', dueDate: today }],
      form: REPORTING_FORM,
    });
    const issued = await issueAsDemoUsers(t, content);
    plan = await send(t, 'vt.tinh', issued.id, 'DISTRIBUTE');
    // A day later: the deadline has passed.
    await roundNowDue(t, plan.id, 0, addDays(today, -1));
    const report = (user: string, body: object) => t.as(user).put(`/api/plans/${plan.id}/reports/0/mine`).send(body).expect(200);
    // Thuận Châu reported before the due date (moved back: no API submits in the past); Mai Sơn today, a day late.
    await report('pct.thuanchau', { values: { '1': 125, '2': 87.5, '3': 'Mô hình “Khu dân cư tự quản”' }, submit: true });
    await sql(t, `update report set submitted_at = submitted_at - interval '3 days' where plan_id = ? and organisation_id = ?`, [plan.id, orgs.thuanChau]);
    await report('vt.maison', { values: { '1': 1234, '2': 92.5 }, note: 'Số liệu <b>tạm tính</b> & chưa đủ', submit: true });
  });

  it('answers the DOCX to the issuer, with the counts and totals of the JSON summary', async () => {
    const summary = (await demo.t.as('vt.tinh').get(`/api/plans/${plan.id}/reports/0/summary`).expect(200)).body;
    expect(summary.counts).toEqual({ recipients: 3, submitted: 1, late: 1, overdue: 1, draft: 0, pending: 0 });
    expect(summary.totals).toEqual({ '1': 1359, '2': 90, '3': 1 });

    const file = await download(demo.t, 'vt.tinh', url());
    expect(file.contentType).toBe(DOCX_CONTENT_TYPE);
    expect(file.contentDisposition).toBe('attachment; filename="tong-hop-bao-cao-1.docx"');
    const texts = paragraphTexts(file.bytes);
    expect(texts).toEqual(
      expect.arrayContaining([
        'ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA',
        'BAN THƯỜNG TRỰC',
        'Số: /BC-MTTQ-BTT',
        `Sơn La, ${formatLongDate(new Date())}`,
        'BÁO CÁO TỔNG HỢP KẾT QUẢ',
        'Báo cáo năm',
        `(Thực hiện Kế hoạch số ${plan.number} ngày ${formatShortDate(new Date(plan.issuedAt))} của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La)`,
        'Tổng số đơn vị được giao báo cáo: 3; đã nộp đúng hạn: 1; nộp muộn: 1; quá hạn chưa nộp: 1; đang soạn, chưa nộp: 0; chưa nộp, chưa đến hạn: 0.',
      ]),
    );
    expect(tableRows(file.bytes, ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng hợp'])).toEqual([
      [['STT'], ['Chỉ tiêu'], ['Đơn vị tính'], ['Tổng hợp']],
      [['1'], ['Tổng số khu dân cư'], ['khu'], ['1.359']],
      [['2'], ['Tỷ lệ hộ gia đình văn hóa'], ['%'], ['90', '(bình quân)']],
      [['3'], ['Mô hình hiệu quả'], [], ['1', '(số đơn vị có nội dung)']],
    ]);
    const statuses = tableRows(file.bytes, ['STT', 'Đơn vị', 'Tình trạng']).slice(1);
    expect(statuses.map(([, name, status, , note]) => [name[0], status[0], note[0]])).toEqual(
      expect.arrayContaining([
        ['Ủy ban MTTQ Việt Nam huyện Thuận Châu', 'Đã nộp đúng hạn', undefined],
        ['Ủy ban MTTQ Việt Nam huyện Mai Sơn', 'Nộp muộn', 'Số liệu <b>tạm tính</b> & chưa đủ'],
        ['Ủy ban MTTQ Việt Nam huyện Mộc Châu', 'Quá hạn, chưa nộp', undefined],
      ]),
    );
    const figures = tableRows(file.bytes, ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']).flat(2);
    expect(figures).toEqual(expect.arrayContaining(['125', '87,5', 'Mô hình “Khu dân cư tự quản”', '1.234', '92,5']));
  });

  it('anyone of the issuer may download it; a recipient gets 403 and an outsider 404, as with the JSON summary', async () => {
    await download(demo.t, 'pct.tinh', url());
    await demo.t.as('vt.maison').get(url()).expect(403);
    await demo.t.as('vt.maison').get(`/api/plans/${plan.id}/reports/0/summary`).expect(403);
    await demo.t.as('ct.phonglai').get(url()).expect(404);
    await demo.t.as('ct.phonglai').get(`/api/plans/${plan.id}/reports/0/summary`).expect(404);
    const missing = await demo.t.as('vt.tinh').get(url(7)).expect(404);
    expect(missing.body.message).toBe('Kế hoạch không có kỳ báo cáo số 8');
    await demo.t.as('vt.tinh').get('/api/plans/00000000-0000-4000-8000-000000000000/reports/0/summary.docx').expect(404);
    await demo.t.http().get(url()).expect(401);
  });
});
