'use strict';
/**
 * Friction a first week found (issue 14, part 3): a past deadline warned of in the editor, the
 * co-issuer picker, a "Nơi nhận" line naming several organisations, the page after an event, and
 * what the FORWARD and DISTRIBUTE dialogs announce.
 */
const { assert } = require('./checks');
const { contentOf } = require('./plan-editor');
const { ui } = require('./ui');

const DISTRICTS = ['Ủy ban MTTQ Việt Nam huyện Thuận Châu', 'Ủy ban MTTQ Việt Nam huyện Mai Sơn', 'Ủy ban MTTQ Việt Nam huyện Mộc Châu'];
const DEMO_PIN = 'kehoach2026';

async function frictionChecks(context) {
  const u = ui(context);
  const { checks } = context;
  const state = {};
  await checks.step('the editor warns of a reporting deadline already past, and offers only member organisations as co-issuers', () => editorHints(u));
  await checks.step('a "Nơi nhận" line naming three organisations prints all three, in the preview too', () => recipientLabel(u));
  await checks.step('after "Trình" the page shows the new state and actions at once: no "Sửa" without a reload', () => actionsAfterEvent(u, state));
  await checks.step('the FORWARD dialog names the next step: the leader\'s approval, or the co-issuers still to sign', () => forwardDialogs(u, state));
  await checks.step('the DISTRIBUTE dialog lists the organisations it delivers to', () => distributeDialog(u, state));
}

/** A new plan's form: the reporting tab's warning under a past date, the co-issuers the picker offers. */
async function editorHints(u) {
  await u.loginAs('bpt.tinh');
  await u.go('/plans/create');
  await u.page.getByRole('radio', { name: 'Kế hoạch phối hợp', exact: true }).check();
  await u.field('coIssuerIds').click();
  await u.page.getByRole('option', { name: 'Liên đoàn Lao động tỉnh Sơn La' }).waitFor();
  const offered = await u.page.getByRole('option').allInnerTexts();
  assert(offered.length === 5, `the co-issuer picker offers ${offered.length} organisations: ${offered.join('; ')}`);
  assert(!offered.some((name) => name.startsWith('Ủy ban MTTQ')), `the co-issuer picker offers a committee: ${offered.join('; ')}`);
  await u.page.keyboard.press('Escape');

  await u.openTab('Báo cáo');
  await u.page.locator('.ra-input-reporting').getByRole('button', { name: 'Thêm' }).click();
  await u.field('reporting.0.name').fill('Báo cáo quý');
  await u.field('reporting.0.dueDate').fill('15/03/2025');
  await u.page.locator('.ra-input-reporting').getByText('Hạn 15/03/2025 đã qua').waitFor();
  const later = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await u.field('reporting.0.dueDate').fill(later.split('-').reverse().join('/'));
  await u.page.locator('.ra-input-reporting').getByText('đã qua').waitFor({ state: 'detached' });
}

/** Picking three district committees one after another: the line's label names them all. */
async function recipientLabel(u) {
  await u.go('/plans/create');
  await u.openTab('Nơi nhận');
  await u.page.locator('.ra-input-recipients').getByRole('button', { name: 'Thêm' }).click();
  for (const name of DISTRICTS) await u.pickAutocomplete(u.field('recipients.0.orgIds'), name.split(' ').slice(-2).join(' '), name);
  const label = await u.field('recipients.0.label').inputValue();
  assert(label === DISTRICTS.join(', '), `the line's label reads "${label}"`);
  await u.openTab('Xem trước');
  const preview = await u.textOf(u.page.getByTestId('document-preview'));
  assert(preview.includes(DISTRICTS.join(', ')), `the preview's "Nơi nhận" lacks the three names: ${preview.slice(-600)}`);
  await u.screenshot('40-recipient-label-preview', { fullPage: false });
}

/**
 * A copy of the demo draft "Ngày hội" (a plan of the province naming the four district committees),
 * made through the API by bpt.tinh, optionally as a joint plan with two member organisations (the first
 * two offered, or those named).
 */
async function copyOfDemoDraft(u, { joint = false, coIssuerNames = null } = {}) {
  const { body: drafts } = await u.api('GET', `/plans?filter=${encodeURIComponent(JSON.stringify({ status: 'draft', q: 'Ngày hội' }))}`);
  assert(drafts.length > 0, 'the demo draft "Ngày hội" is missing');
  const { body: demo } = await u.api('GET', `/plans/${drafts[0].id}`);
  // A new plan: the content without the version an edit would send.
  const content = contentOf(demo);
  delete content.version;
  const { body: members } = await u.api('GET', `/organisations?filter=${encodeURIComponent(JSON.stringify({ coIssuerOf: demo.issuerId }))}`);
  const coIssuers = !joint ? [] : coIssuerNames ? coIssuerNames.map((name) => members.find((o) => o.name === name)) : members.slice(0, 2);
  const body = joint ? { ...content, kind: 'joint_plan', heading: 'KẾ HOẠCH PHỐI HỢP', coIssuerIds: coIssuers.map((o) => o.id) } : content;
  const { status, body: created } = await u.api('POST', '/plans', body);
  assert(status === 201, `creating the copy answered ${status} ${JSON.stringify(created)}`);
  return { id: created.id, coIssuerNames: coIssuers.map((o) => o.name) };
}

/** "Trình" confirmed: the chip, the buttons and the missing "Sửa" change together, with no reload. */
async function actionsAfterEvent(u, state) {
  await u.loginAs('bpt.tinh');
  state.single = (await copyOfDemoDraft(u)).id;
  state.joint = await copyOfDemoDraft(u, { joint: true });
  const { status } = await u.api('POST', `/plans/${state.joint.id}/events`, { type: 'SUBMIT' });
  assert(status === 200, `submitting the joint plan answered ${status}`);

  await u.openPlan(state.single);
  const edit = u.page.getByRole('link', { name: 'Sửa' });
  await edit.waitFor();
  await u.act('SUBMIT', { status: 'in_review', words: 'Đang xem xét' });
  await edit.waitFor({ state: 'detached', timeout: 5_000 });
  const offered = await u.actionsOffered();
  assert(!offered.includes('SUBMIT') && !offered.includes('CANCEL'), `after "Trình" the page still offers ${offered.join(', ')}`);
  await u.act('WITHDRAW', { status: 'draft', words: 'Dự thảo' });
  await edit.waitFor({ timeout: 5_000 });
  await u.act('SUBMIT', { status: 'in_review', words: 'Đang xem xét' });
}

/** tb.tinh opens FORWARD on each plan: the dialog says what comes next for that plan. */
async function forwardDialogs(u, state) {
  await u.loginAs('tb.tinh');
  await u.openPlan(state.joint.id);
  const jointText = await dialogText(u, 'FORWARD', state.joint.coIssuerNames[1]);
  assert(jointText.includes('lấy chữ ký 2 tổ chức phối hợp'), `the joint plan's FORWARD dialog reads: ${jointText}`);
  for (const name of state.joint.coIssuerNames) assert(jointText.includes(name), `the FORWARD dialog does not name ${name}: ${jointText}`);
  await u.screenshot('41-forward-dialog-joint', { fullPage: false });
  await u.page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
  await u.page.getByRole('dialog').waitFor({ state: 'detached' });

  await u.openPlan(state.single);
  const singleText = await dialogText(u, 'FORWARD', 'trình lãnh đạo phê duyệt');
  assert(singleText.includes('trình lãnh đạo phê duyệt') && !singleText.includes('chữ ký'), `the plan's FORWARD dialog reads: ${singleText}`);
  await u.page.locator('[data-confirm="FORWARD"]').click();
  await u.page.getByRole('dialog').waitFor({ state: 'detached' });
  await u.expectStatus('awaiting_approval', 'Chờ phê duyệt');
}

/** The plan approved and issued through the API by the leader and the clerk; the clerk opens DISTRIBUTE. */
async function distributeDialog(u, state) {
  for (const [user, type] of [['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE']]) {
    await u.loginAs(user);
    const { status, body } = await u.api('POST', `/plans/${state.single}/events`, { type, pin: DEMO_PIN });
    assert(status === 200, `${user} ${type}: ${status} ${JSON.stringify(body)}`);
  }
  await u.openPlan(state.single);
  const names = [...DISTRICTS, 'Ủy ban MTTQ Việt Nam thành phố Sơn La'];
  const text = await dialogText(u, 'DISTRIBUTE', names[3]);
  assert(text.includes('sẽ được gửi đến 4 đơn vị'), `the DISTRIBUTE dialog reads: ${text}`);
  for (const name of names) assert(text.includes(name), `the DISTRIBUTE dialog does not list ${name}: ${text}`);
  await u.screenshot('42-distribute-dialog', { fullPage: false });
  await u.page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
}

/** Opens an action's dialog and answers what it announces, once `awaited` (a name loaded after the dialog) is in. */
async function dialogText(u, action, awaited) {
  await u.page.locator(`[data-action="${action}"]`).click();
  const outlook = u.page.getByRole('dialog').getByTestId('action-outlook');
  await outlook.getByText(awaited).first().waitFor();
  return u.textOf(outlook);
}

module.exports = { DEMO_PIN, copyOfDemoDraft, frictionChecks };
