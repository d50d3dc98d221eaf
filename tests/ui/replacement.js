'use strict';
/**
 * Điều 18 on the plan's page, as its users meet it: an issued plan with a format error gets a
 * correction notice (drafted by the drafter, approved by the leader, numbered by the clerk, read by a
 * recipient); one with a content error is replaced by a new plan that cites it, and once that is issued
 * the old plan says so, in its page and in the list, linking to its replacement.
 */
const { assert } = require('./checks');
const { DEMO_PIN, copyOfDemoDraft } = require('./friction');
const { ui } = require('./ui');

const CORRECTION = 'Tại dòng "Nơi nhận", tên đơn vị được sửa lại là "Ủy ban MTTQ Việt Nam huyện Thuận Châu".';

async function replacementChecks(context) {
  const u = ui(context);
  const state = {};
  const steps = [
    ['a distributed plan: bpt.tinh drafts a correction notice on its page, pct.tinh approves it, vt.tinh numbers it, Thuận Châu\'s clerk reads it', () => correction(u, state)],
    ['bpt.tinh replaces the plan from its page: the draft cites it; once issued, the old plan\'s page and the list say "Đã bị thay thế" and link to it', () => replacement(u, state)],
  ];
  for (const [name, run] of steps) await context.checks.step(name, run);
}

/** Events sent through the API, each by its user: what a test sets up around the pages it looks at. */
async function drive(u, planId, events) {
  for (const [user, type] of events) {
    await u.loginAs(user);
    const { status, body } = await u.api('POST', `/plans/${planId}/events`, { type, ...(['APPROVE', 'ISSUE'].includes(type) ? { pin: DEMO_PIN } : {}) });
    assert(status === 200, `${user} ${type}: ${status} ${JSON.stringify(body)}`);
  }
}
const TO_ISSUE = [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD'], ['pct.tinh', 'APPROVE'], ['vt.tinh', 'ISSUE']];

/** The correction notice's line in the plan's "Đính chính" card, once it has reached `status`. */
async function correctionItem(u, status) {
  const item = u.page.getByTestId('corrections').locator(`[data-correction-status="${status}"]`);
  await item.waitFor();
  return item;
}

async function correction(u, state) {
  await u.loginAs('bpt.tinh');
  state.planId = (await copyOfDemoDraft(u)).id;
  await drive(u, state.planId, [...TO_ISSUE, ['vt.tinh', 'DISTRIBUTE']]);
  const { body: plan } = await u.api('GET', `/plans/${state.planId}`);
  state.number = plan.number;

  await u.loginAs('bpt.tinh');
  await u.openPlan(state.planId);
  await u.page.getByTestId('corrections').locator('[data-action="CORRECT"]').click();
  const dialog = u.page.getByRole('dialog');
  const explanation = await u.textOf(dialog);
  assert(explanation.includes(`kế hoạch số ${state.number}`), `the correction dialog does not name the plan ${state.number}: ${explanation}`);
  await dialog.locator('textarea[name="text"]').fill(CORRECTION);
  await dialog.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await dialog.waitFor({ state: 'detached' });
  const draft = await correctionItem(u, 'draft');
  assert((await u.textOf(draft)).includes(CORRECTION), `the drafted notice reads: ${await u.textOf(draft)}`);
  assert((await draft.locator('[data-action="correction-approve"]').count()) === 0, 'the drafter is offered to approve her own notice');

  await u.loginAs('pct.tinh');
  await u.openPlan(state.planId);
  await (await correctionItem(u, 'draft')).locator('[data-action="correction-approve"]').click();
  await correctionItem(u, 'approved');

  await u.loginAs('vt.tinh');
  await u.openPlan(state.planId);
  await (await correctionItem(u, 'approved')).locator('[data-action="correction-issue"]').click();
  const issued = await correctionItem(u, 'issued');
  const issuedText = await u.textOf(issued);
  assert(/Số: \d+\/TB-/.test(issuedText), `the issued notice shows no TB number: ${issuedText}`);
  const docx = await u.download(issued.getByRole('button', { name: 'Tải DOCX' }));
  assert(docx.bytes.subarray(0, 2).toString('latin1') === 'PK', `the notice's download is no DOCX: ${docx.name}`);
  await u.screenshot('60-correction-issued');

  // A recipient finds the plan on its dashboard until it has read the notice.
  await u.loginAs('vt.thuanchau');
  await u.page.getByTestId('tasks-card').getByText(plan.title).first().waitFor();
  await u.openPlan(state.planId);
  await (await correctionItem(u, 'issued')).locator('[data-action="correction-read"]').click();
  await u.page.getByTestId('corrections').getByText(/^Đơn vị đã đọc lúc /).waitFor();
}

async function replacement(u, state) {
  assert(state.planId, 'no distributed plan to replace');
  await u.loginAs('bpt.tinh');
  await u.openPlan(state.planId);
  await u.confirmAction('REPLACE');
  await u.page.waitForURL(/#\/plans\/[0-9a-f-]{36}$/);
  const newId = u.planIdFromUrl();
  assert(newId !== state.planId, 'the replacement opened the old plan');
  await u.field('title').waitFor();
  const preamble = await u.page.locator('textarea').evaluateAll((areas) => areas.map((area) => area.value).join('\n'));
  assert(preamble.includes(`thay thế Kế hoạch số ${state.number}`), `the replacing draft does not cite Kế hoạch số ${state.number}: ${preamble.slice(0, 600)}`);

  await drive(u, newId, TO_ISSUE);
  const { body: replacing } = await u.api('GET', `/plans/${newId}`);
  await u.openPlan(state.planId);
  const banner = u.page.getByTestId('replaced-banner');
  const bannerText = await u.textOf(banner);
  assert(bannerText.startsWith('Đã bị thay thế bởi') && bannerText.includes(`Kế hoạch số ${replacing.number}`), `the old plan's banner reads "${bannerText}"`);
  await u.screenshot('61-plan-replaced', { fullPage: false });
  await banner.getByRole('link').click();
  await u.page.waitForURL(`**/plans/${newId}/show`);
  const replaces = await u.textOf(u.page.getByTestId('replaces-banner'));
  assert(replaces.includes(`Thay thế Kế hoạch số ${state.number}`), `the new plan's banner reads "${replaces}"`);

  // The list, searched by the old number: its row carries the chip, which leads to the replacement.
  await u.go(`/plans?filter=${encodeURIComponent(JSON.stringify({ q: state.number }))}`);
  const chip = u.page.locator('tbody tr').filter({ hasText: state.number }).getByTestId('replaced-chip');
  await chip.waitFor();
  await chip.click();
  await u.page.waitForURL(`**/plans/${newId}/show`);
}

module.exports = { replacementChecks };
