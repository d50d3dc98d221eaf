'use strict';
/**
 * A joint plan's whole life, each step by the demo user whose job it is: drafted and submitted,
 * forwarded, changes requested by a co-issuer, edited (meeting a concurrent edit on the way) and
 * resubmitted, signed again, approved, issued with its number, distributed, downloaded, then
 * acknowledged by a recipient committee that starts its own implementing plan from it; then
 * reported on, followed up, closed and recalled (after-issue.js).
 */
const PizZip = require('pizzip');
const fs = require('node:fs');
const { assert } = require('./checks');
const { ui } = require('./ui');
const plan = require('./plan-editor');
const { afterIssueSteps } = require('./after-issue');

const TITLE = 'Phối hợp thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” năm 2026';
const CO_ISSUERS = ['Liên đoàn Lao động tỉnh Sơn La', 'Hội Nông dân tỉnh Sơn La'];
const CHANGE_REQUEST = 'Đề nghị bổ sung nhiệm vụ của Liên đoàn Lao động tỉnh trong phần nội dung.';
const ADDED_SECTION = 'Liên đoàn Lao động tỉnh';
const HND_LEADER = { username: 'hnd.tinh', fullName: 'Lường Văn Chiến' };
const LDLD_LEADER = { username: 'ldld.tinh', fullName: 'Quàng Văn Bình' };

async function scenario(context) {
  const u = ui(context);
  const state = {};
  const steps = [
    ['bpt.tinh drafts a joint plan with two co-issuers; the numbering is derived live', () => draft(u, state)],
    ['bpt.tinh submits it: "Đang xem xét"', () => submit(u, state)],
    ['tb.tinh finds it among his tasks and forwards it: "Đang lấy chữ ký"', () => forward(u, state, { fromTasks: true })],
    ['hnd.tinh signs version 1', () => sign(u, state, HND_LEADER, { status: 'in_coordination', words: 'Đang lấy chữ ký' })],
    ['ldld.tinh requests changes with a comment: back to "Dự thảo"', () => requestChanges(u, state)],
    ['bpt.tinh sees the comment; a concurrent save is explained as a 409, not swallowed', () => staleEdit(u, state)],
    ['bpt.tinh edits (a new version) and resubmits', () => editAndResubmit(u, state)],
    ['tb.tinh forwards it again', () => forward(u, state, { fromTasks: false })],
    ['hnd.tinh sees what changed since it signed, then signs again', () => signAgain(u, state)],
    ['ldld.tinh signs: "Chờ phê duyệt"', () => sign(u, state, LDLD_LEADER, { status: 'awaiting_approval', words: 'Chờ phê duyệt' })],
    ['pct.tinh approves: "Đã phê duyệt"', () => approve(u, state)],
    ['vt.tinh issues it with a number and distributes it: "Đã gửi"', () => issueAndDistribute(u, state)],
    ['vt.tinh downloads the PDF: signed by both co-issuers, the leader and the organisation', () => downloadPdf(u)],
    ['vt.tinh downloads the DOCX: a Word file with the number', () => downloadDocx(u, state)],
    ['vt.tinh finds the number in the register and registers an outside document', () => numberRegister(u, state)],
    ['bpt.thuanchau (a recipient) acknowledges receipt and starts its implementing plan', () => receive(u, state)],
    ['vt.tinh sees who acknowledged receipt', () => acknowledgements(u, state)],
    ...afterIssueSteps(u, state),
  ];
  let broken = false;
  for (const [name, run] of steps) {
    if (broken) context.checks.fail(name, 'not run: an earlier step failed');
    else broken = !(await context.checks.step(name, run));
  }
  context.planId = state.planId;
}

async function draft(u, state) {
  await u.loginAs('bpt.tinh');
  await u.go('/plans');
  await u.visible(u.page.getByRole('link', { name: 'Tạo kế hoạch' })).click();
  await plan.fillGeneral(u, { kind: 'Kế hoạch phối hợp', coIssuers: CO_ISSUERS, title: TITLE });
  await u.openTab('Nội dung');
  await plan.fillContent(u);
  const labels = await plan.blockLabels(u);
  const expected = ['I.', '1.', '-', 'II.', '1.', '1.1.', '+', '', 'III.', ''];
  assert(JSON.stringify(labels) === JSON.stringify(expected), `block numbering ${JSON.stringify(labels)}, expected ${JSON.stringify(expected)}`);
  await u.screenshot('02-plan-editor-content');
  await u.openTab('Nơi nhận');
  await plan.fillRecipients(u);
  await u.openTab('Báo cáo');
  state.dueDate = await plan.fillReporting(u);
  await u.openTab('Xem trước');
  const preview = await u.page.getByTestId('document-preview').innerText();
  for (const text of ['KẾ HOẠCH PHỐI HỢP', 'I. MỤC ĐÍCH, YÊU CẦU', '1.1. Tuyên truyền, vận động', 'TM. BAN THƯỜNG VỤ LĐLĐ TỈNH', 'Nơi nhận:', 'BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ']) {
    assert(preview.includes(text), `the preview lacks "${text}"`);
  }
  await u.screenshot('03-plan-editor-preview');
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  await u.page.waitForURL(/#\/plans\/[0-9a-f-]{36}\/show/);
  state.planId = u.planIdFromUrl();
  await u.expectStatus('draft', 'Dự thảo');
}

async function submit(u, state) {
  await u.openPlan(state.planId);
  await u.screenshot('04-plan-draft');
  await u.act('SUBMIT', { status: 'in_review', words: 'Đang xem xét' });
}

async function forward(u, state, { fromTasks }) {
  await u.loginAs('tb.tinh');
  if (fromTasks) {
    const task = u.page.getByTestId('tasks-card').getByText(TITLE);
    await task.waitFor();
    await u.screenshot('01-dashboard-reviewer');
    await task.click();
    await u.page.getByTestId('document-preview').waitFor();
  } else {
    await u.openPlan(state.planId);
  }
  await u.act('FORWARD', { status: 'in_coordination', words: 'Đang lấy chữ ký' });
}

async function sign(u, state, signer, expected) {
  await u.loginAs(signer.username);
  await u.openPlan(state.planId);
  await u.act('SIGN', expected);
  await u.page.getByTestId('signatures-panel').getByText(new RegExp(`Đã ký phiên bản \\d+ — ${signer.fullName}`)).waitFor();
}

async function requestChanges(u, state) {
  await u.loginAs('ldld.tinh');
  await u.openPlan(state.planId);
  await u.page.locator('[data-action="REQUEST_CHANGES"]').click();
  const confirm = u.page.locator('[data-confirm="REQUEST_CHANGES"]');
  assert(await confirm.isDisabled(), 'REQUEST_CHANGES can be confirmed without a comment');
  await u.page.locator('textarea[name="comment"]').fill(CHANGE_REQUEST);
  await confirm.click();
  await u.expectStatus('draft', 'Dự thảo');
}

/** Someone else saves first: the drafter's save answers 409 and the page says so in a dialog. */
async function staleEdit(u, state) {
  await u.loginAs('bpt.tinh');
  await u.openPlan(state.planId);
  await u.page.getByTestId('timeline').getByText(CHANGE_REQUEST).waitFor();
  await u.page.getByRole('link', { name: 'Sửa' }).click();
  await u.openTab('Nội dung');
  await plan.insertBlockBelow(u, 3, 'Mục (1.)', 'Nội dung sửa trong lúc người khác cũng sửa');
  const { body: current } = await u.api('GET', `/plans/${state.planId}`);
  const { status } = await u.api('PUT', `/plans/${state.planId}`, plan.contentOf(current, { closing: ['Trên đây là kế hoạch phối hợp.'] }));
  assert(status === 200, `the concurrent edit through the API answered ${status}`);
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  await u.page.getByText('Kế hoạch vừa được người khác sửa').waitFor();
  await u.screenshot('05-plan-edit-stale-version', { fullPage: false });
  await u.page.getByRole('button', { name: 'Mở bản mới nhất' }).click();
  await u.page.getByTestId('document-preview').waitFor();
}

async function editAndResubmit(u, state) {
  await u.page.getByRole('link', { name: 'Sửa' }).click();
  await u.openTab('Nội dung');
  await plan.insertBlockBelow(u, 7, 'Mục (1.)', ADDED_SECTION);
  await plan.insertBlockBelow(u, 8, 'Gạch đầu dòng (-)', 'Vận động công nhân lao động tham gia Cuộc vận động.');
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  await u.page.getByTestId('document-preview').waitFor();
  await u.expectStatus('draft', 'Dự thảo');
  const summary = await u.page.locator('h1').locator('..').innerText();
  assert(summary.includes('phiên bản nội dung 3'), `expected content version 3 after two edits: ${summary}`);
  await u.act('SUBMIT', { status: 'in_review', words: 'Đang xem xét' });
}

async function signAgain(u, state) {
  await u.loginAs(HND_LEADER.username);
  await u.openPlan(state.planId);
  const notice = u.page.getByTestId('changes-since-signed');
  await notice.waitFor();
  await notice.locator('[data-diff-op="added"]').getByText(ADDED_SECTION).waitFor();
  const panel = await u.page.getByTestId('signatures-panel').innerText();
  assert(panel.includes('hết hiệu lực'), `the voided signature is not shown: ${panel}`);
  await u.screenshot('06-plan-changes-since-signed');
  await u.act('SIGN', { status: 'in_coordination', words: 'Đang lấy chữ ký' });
  await notice.waitFor({ state: 'detached' });
}

async function approve(u, state) {
  await u.loginAs('pct.tinh');
  await u.openPlan(state.planId);
  await u.act('APPROVE', { status: 'approved', words: 'Đã phê duyệt' });
}

async function issueAndDistribute(u, state) {
  await u.loginAs('vt.tinh');
  await u.openPlan(state.planId);
  await u.act('ISSUE', { status: 'issued', words: 'Đã ban hành' });
  const number = (await u.page.getByTestId('plan-number').innerText()).replace(/^Số:\s*/, '');
  assert(/^\d{2,}\/KH-MTTQ-BTT$/.test(number), `unexpected number "${number}"`);
  state.number = number;
  const header = await u.page.getByTestId('document-number').innerText();
  assert(header.includes(number), `the document header shows "${header}", not the number ${number}`);
  // Every signature on the PDF — each co-issuer's, the leader's, the organisation's at issue — checks out.
  const signatures = u.page.getByTestId('pdf-signatures-panel');
  await signatures.waitFor();
  await u.page.locator('[data-pdf-signature="valid"]').nth(3).waitFor();
  assert((await u.page.locator('[data-pdf-signature="invalid"]').count()) === 0, 'a PDF signature is shown invalid');
  const panel = await signatures.innerText();
  assert(panel.includes('Bao trùm toàn bộ văn bản'), `the organisation's signature does not cover the whole PDF: ${panel}`);
  await u.screenshot('08b-pdf-signatures');
  await u.act('DISTRIBUTE', { status: 'distributed', words: 'Đã gửi' });
}

async function downloadPdf(u) {
  const [download] = await Promise.all([u.page.waitForEvent('download'), u.page.getByTestId('download-pdf').click()]);
  const bytes = fs.readFileSync(await download.path());
  assert(bytes.subarray(0, 5).toString() === '%PDF-', 'the download is not a PDF');
  assert((bytes.toString('latin1').match(/\/ByteRange/g) ?? []).length === 4, 'the issued PDF does not carry its four signatures');
}

async function downloadDocx(u, state) {
  const [download] = await Promise.all([u.page.waitForEvent('download'), u.page.getByTestId('download-docx').click()]);
  const bytes = fs.readFileSync(await download.path());
  assert(bytes.subarray(0, 2).toString() === 'PK', 'the download is not a zip (DOCX) file');
  const xml = new PizZip(bytes).file('word/document.xml')?.asText();
  assert(xml, 'the DOCX has no word/document.xml');
  const text = xml.replace(/<[^>]+>/g, '');
  assert(text.includes(state.number), `word/document.xml does not contain the number ${state.number}`);
}

/** The issued number is in the register; a report made outside the system takes the next one. */
async function numberRegister(u, state) {
  await u.go('/number-registers');
  await u.page.getByText(state.number, { exact: true }).waitFor();
  await u.visible(u.page.getByRole('link', { name: 'Đăng ký số' })).click();
  await u.pickSelect('typeCode', 'Báo cáo');
  await u.field('title').fill('Báo cáo kết quả công tác Mặt trận quý I');
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  const next = `${String(Number.parseInt(state.number, 10) + 1).padStart(2, '0')}/BC-MTTQ-BTT`;
  await u.page.getByText(`Đã cấp số ${next}`).waitFor();
  await u.page.getByText(next, { exact: true }).waitFor();
  await u.screenshot('08-number-register');
  await exportRegister(u, 'docx', 'word/document.xml', [state.number, 'SỔ ĐĂNG KÝ VĂN BẢN ĐI']);
  await exportRegister(u, 'xlsx', 'xl/sharedStrings.xml', [state.number, next, 'Báo cáo kết quả công tác Mặt trận quý I']);
  await namedSeries(u);
}

/** The clerk adds a named series for invitations, sees it, and removes it again (it gave no number). */
async function namedSeries(u) {
  const panel = u.page.getByTestId('number-series-panel');
  await panel.getByTestId('number-series-name').locator('input').fill('Giấy mời');
  await panel.getByTestId('number-series-types').getByRole('combobox').click();
  await u.page.getByRole('option', { name: 'Giấy mời' }).click();
  await u.page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Thêm sổ riêng' }).click();
  const item = panel.getByTestId('number-series-Giấy mời');
  await item.getByText('Giấy mời', { exact: true }).first().waitFor();
  await item.getByRole('button').click();
  await item.waitFor({ state: 'detached' });
}

/** "Xuất sổ (DOCX)" / "Xuất sổ (Excel)" for this year to today: the file holds the numbers just given. */
async function exportRegister(u, format, part, expected) {
  const [download] = await Promise.all([u.page.waitForEvent('download'), u.page.getByTestId(`register-export-${format}`).click()]);
  assert(download.suggestedFilename().endsWith(`.${format}`), `the register export is named ${download.suggestedFilename()}`);
  const xml = new PizZip(fs.readFileSync(await download.path())).file(part)?.asText();
  assert(xml, `the ${format} export has no ${part}`);
  const text = xml.replace(/<[^>]+>/g, '');
  for (const wanted of expected) assert(text.includes(wanted), `the ${format} export does not contain ${wanted}`);
}

/** The recipient committee finds the plan in its tasks, acknowledges it, and derives its own draft from it. */
async function receive(u, state) {
  await u.loginAs('bpt.thuanchau');
  // The task's title opens the plan; its "Xác nhận đã nhận" button would acknowledge right there.
  const task = u.page.getByTestId('tasks-card').locator(`[data-plan-id="${state.planId}"][data-task-type="acknowledge"]`);
  await task.getByRole('button', { name: 'Xác nhận đã nhận' }).waitFor();
  await task.getByRole('link').click();
  await u.page.getByTestId('document-preview').waitFor();
  await u.confirmAction('ACKNOWLEDGE');
  await u.page.locator('[data-action="ACKNOWLEDGE"]').waitFor({ state: 'detached' });
  await u.confirmAction('DERIVE');
  await u.page.waitForURL(/#\/plans\/[0-9a-f-]{36}$/);
  state.implementingId = /#\/plans\/([0-9a-f-]{36})$/.exec(u.page.url())[1];
  await u.openTab('Nội dung');
  const preamble = await u.field('preambleLines.0.text').inputValue();
  assert(preamble.includes(state.number), `the implementing plan's preamble does not cite ${state.number}: ${preamble}`);
  await u.screenshot('16-implementing-plan-editor');
}

async function acknowledgements(u, state) {
  await u.loginAs('vt.tinh');
  await u.openPlan(state.planId);
  const panel = u.page.getByTestId('distribution-panel');
  await panel.getByText('Đã xác nhận nhận: 1/2 đơn vị').waitFor();
  await panel.getByText(/Đã nhận — Lò Văn Khánh/).waitFor();
  await u.screenshot('07-plan-distributed');
}

module.exports = { scenario };
