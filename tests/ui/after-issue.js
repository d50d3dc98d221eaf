'use strict';
/**
 * After the plan is out: a recipient reports (a wrong value refused under its indicator, then
 * corrected and submitted), the issuer's clerk follows the deadline up and closes the round, the
 * leader recalls the plan and the recipient marks the recall seen.
 */
const { assert } = require('./checks');
const { REPORT_NAME } = require('./plan-editor');

const RECALL_REASON = 'Ban hành nhầm biểu báo cáo; sẽ thay bằng kế hoạch khác.';
const THUAN_CHAU = 'Ủy ban MTTQ Việt Nam huyện Thuận Châu';

/** "2026-06-10" → "10/06/2026" */
const vietnameseDate = (day) => day.split('-').reverse().join('/');

/** Steps of the scenario, run after the plan is distributed and acknowledged; `state` carries planId and dueDate. */
const afterIssueSteps = (u, state) => [
  ['bpt.thuanchau reports: a wrong percentage is refused under its indicator, the report is saved and submitted; a colleague\'s correction meanwhile is a 409, explained', () => submitReport(u, state)],
  ['vt.tinh follows the deadline from the dashboard: counts, chart, totals, CSV and DOCX, a report\'s history', () => followUp(u, state)],
  ['vt.tinh closes the round; the recipient\'s report is then read-only', () => closeRound(u, state)],
  ['Thuận Châu issues its implementing plan; pct.tinh recalls the plan with a reason; the page says so and lists the implementing plan', () => recall(u, state)],
  ['bpt.thuanchau opens the recall from its inbox and marks the notice seen', () => recallSeen(u, state)],
];

async function submitReport(u, state) {
  await u.loginAs('bpt.thuanchau');
  await u.openPlan(state.planId);
  await u.page.getByTestId('reporting-panel').getByRole('link', { name: 'Nộp báo cáo' }).click();
  await u.page.getByTestId('report-editor').waitFor();
  const heading = await u.textOf(u.page.getByTestId('report-form'));
  assert(heading.includes(REPORT_NAME), `the form does not name the deadline: ${heading}`);
  assert(heading.includes(`Hạn nộp ${vietnameseDate(state.dueDate)}`), `the form does not show the due date ${vietnameseDate(state.dueDate)}: ${heading}`);
  assert(/Chưa nộp — còn \d+ ngày/.test(heading), `the form does not say the report is still to do: ${heading}`);

  await u.field('values.1').fill('125');
  await u.field('values.2').fill('120');
  await u.field('values.3').fill('Mô hình “Khu dân cư tự quản”');
  await u.field('note').fill('Kết quả sơ kết tại 15 xã, thị trấn.');
  await u.page.getByTestId('report-save-draft').click();
  const error = u.page.locator('#indicator-2-helper-text');
  await error.getByText('phải là tỷ lệ phần trăm từ 0 đến 100').waitFor();
  assert((await u.page.locator('#indicator-1-helper-text').innerText()) === 'Số nguyên, từ 0 trở lên', 'a valid indicator shows an error too');
  await u.screenshot('17-report-form-error', { fullPage: false });

  await u.field('values.2').fill('87,5');
  await u.page.getByTestId('report-save-draft').click();
  await u.page.getByTestId('report-state').getByText(/Đang soạn, chưa nộp/).waitFor();
  assert((await u.field('values.2').inputValue()) === '87,5', 'the saved percentage does not read "87,5"');
  await u.page.getByTestId('report-submit').click();
  await u.page.getByTestId('report-state').getByText(/^Đã nộp \d{2}\/\d{2}\/\d{4}/).waitFor();
  await u.page.getByText('Báo cáo đã nộp. Đơn vị vẫn sửa được').waitFor();
  await u.page.getByRole('button', { name: 'Lưu bản sửa' }).waitFor();
  await u.screenshot('18-report-form-submitted');
  await u.atPhoneWidth('19-phone-report-form', u.page.getByTestId('report-editor'));
  await colleagueCorrects(u, state);
}

/** A colleague corrects the submitted report meanwhile: saving over it is refused (409) and explained; the newer one loads. */
async function colleagueCorrects(u, state) {
  const { body: mine } = await u.api('GET', `/plans/${state.planId}/reports/0/mine`);
  const values = { ...mine.report.values, 1: 126 };
  const { status } = await u.api('PUT', `/plans/${state.planId}/reports/0/mine`, { values, note: mine.report.note, submit: true, version: mine.report.version });
  assert(status === 200, `the colleague's correction answered ${status}`);
  await u.field('values.1').fill('130');
  await u.page.getByRole('button', { name: 'Lưu bản sửa' }).click();
  await u.page.getByText('Báo cáo vừa được đồng nghiệp sửa').waitFor();
  await u.page.getByRole('button', { name: 'Mở bản mới nhất' }).click();
  await u.page.getByRole('dialog').waitFor({ state: 'detached' });
  await u.page.waitForFunction(() => document.querySelector('[name="values.1"]')?.value === '126');
}

async function followUp(u, state) {
  await u.loginAs('vt.tinh');
  const followed = u.page.getByTestId('reports-to-follow').getByText(REPORT_NAME);
  await followed.waitFor();
  await u.screenshot('27-dashboard-reports-to-follow', { fullPage: false });
  await followed.click();
  const summary = u.page.getByTestId('report-summary');
  await summary.waitFor();
  const count = async (status) => u.textOf(u.page.locator(`[data-count="${status}"]`));
  assert((await count('submitted')) === '1 Đã nộp', `submitted count: ${await count('submitted')}`);
  assert((await count('pending')) === '1 Chưa đến hạn', `pending count: ${await count('pending')}`);
  const chart = u.page.getByTestId('summary-chart');
  await chart.locator('.recharts-pie-sector').first().waitFor();
  const legend = await u.textOf(chart);
  assert(legend.includes('Nộp đúng hạn: 1') && legend.includes('Chưa nộp: 1'), `the chart's legend reads: ${legend}`);

  const row = await u.textOf(u.page.locator(`[data-organisation="${THUAN_CHAU}"]`));
  for (const expected of ['Đã nộp', '126', '87,5 %', 'Khu dân cư tự quản', 'Kết quả sơ kết']) assert(row.includes(expected), `Thuận Châu's row lacks "${expected}": ${row}`);
  const total = async (code) => u.textOf(u.page.locator(`[data-total="${code}"]`));
  assert((await total('1')) === '126 tổng', `total of 1: ${await total('1')}`);
  assert((await total('2')) === '87,5 % trung bình', `total of 2: ${await total('2')}`);
  assert((await total('3')) === '1 số đơn vị có trả lời', `total of 3: ${await total('3')}`);
  await u.screenshot('20-report-summary');

  const csv = await u.download(u.page.getByTestId('download-summary-csv'));
  const rows = csv.bytes.toString('utf8');
  assert(csv.name.endsWith('.csv'), `the CSV is named ${csv.name}`);
  assert(rows.includes(`${THUAN_CHAU},Đã nộp`) && rows.includes('Tổng cộng,,,126,87.5,1'), `the CSV reads:\n${rows}`);
  const docx = await u.download(u.page.getByTestId('download-summary-docx'));
  assert(docx.bytes.subarray(0, 2).toString() === 'PK', 'the summary DOCX is not a Word (zip) file');

  await u.page.locator(`[data-organisation="${THUAN_CHAU}"]`).getByRole('button', { name: 'Lịch sử báo cáo' }).click();
  const history = u.page.getByTestId('report-revisions');
  await history.getByText('Lần lưu 3').waitFor();
  const revisions = await u.textOf(history);
  assert(revisions.includes('Lần lưu 1') && revisions.includes('Lò Văn Khánh'), `the history reads: ${revisions}`);
  assert((await history.locator('[data-revision="3"]').getByText('(đã sửa)').count()) === 1, 'the correction is not marked in the history');
  await u.screenshot('21-report-revisions', { fullPage: false });
  await history.getByRole('button', { name: 'Đóng' }).click();
  await history.waitFor({ state: 'detached' });
  await u.atPhoneWidth('22-phone-report-summary', summary);
}

async function closeRound(u, state) {
  await u.page.getByTestId('close-round').click();
  await u.page.getByTestId('confirm-close-round').click();
  await u.page.getByTestId('round-closed').waitFor();
  assert((await u.page.getByTestId('close-round').count()) === 0, 'the closed round still offers "Khóa kỳ báo cáo"');

  await u.loginAs('bpt.thuanchau');
  await u.go(`/plans/${state.planId}/reports/0`);
  await u.page.getByTestId('report-closed').waitFor();
  assert(await u.field('values.1').isDisabled(), 'the closed report can still be edited');
  assert((await u.page.getByTestId('report-submit').count()) === 0, 'the closed report still offers to save');
  await u.screenshot('23-report-form-closed', { fullPage: false });
}

/** Thuận Châu's implementing plan, taken to issue through the API: only then may the province read it. */
async function issueImplementingPlan(u, state) {
  const road = [['bpt.thuanchau', 'SUBMIT'], ['bpt.thuanchau', 'FORWARD'], ['pct.thuanchau', 'APPROVE'], ['vt.thuanchau', 'ISSUE']];
  for (const [user, type] of road) {
    await u.loginAs(user);
    // Signing events carry the demo key's PIN (the demo password), as the dialog asks for it.
    const pin = ['APPROVE', 'ISSUE'].includes(type) ? { pin: 'kehoach2026' } : {};
    const { status, body } = await u.api('POST', `/plans/${state.implementingId}/events`, { type, ...pin });
    assert(status === 200, `${user} ${type} on the implementing plan: ${status} ${JSON.stringify(body)}`);
  }
}

async function recall(u, state) {
  await issueImplementingPlan(u, state);
  await u.loginAs('pct.tinh');
  await u.openPlan(state.planId);
  await u.act('RECALL', { comment: RECALL_REASON, status: 'recalled', words: 'Đã thu hồi' });
  await u.page.getByTestId('recall-reason').getByText(RECALL_REASON).waitFor();
  const implementing = await u.textOf(u.page.getByTestId('implementing-plans'));
  assert(implementing.includes(THUAN_CHAU) && implementing.includes('Đã ban hành'), `the implementing plans panel reads: ${implementing}`);
}

async function recallSeen(u, state) {
  await u.loginAs('bpt.thuanchau');
  const task = u.page.getByTestId('tasks-card').locator(`[data-plan-id="${state.planId}"][data-task-type="recalled"]`);
  await task.getByText('Thông báo thu hồi').waitFor();
  await task.getByRole('link').click();
  const banner = u.page.getByTestId('recall-banner');
  await banner.getByText(RECALL_REASON).waitFor();
  await u.screenshot('24-plan-recalled-recipient', { fullPage: false });
  await banner.getByTestId('recall-seen-button').click();
  await banner.getByTestId('recall-seen').waitFor();
  await u.go('/');
  await u.page.getByTestId('tasks-card').waitFor();
  // The inbox was read before: it shows until its refetch answers.
  await u.page.locator(`[data-task-type="recalled"][data-plan-id="${state.planId}"]`).waitFor({ state: 'detached' });
}

module.exports = { afterIssueSteps };
