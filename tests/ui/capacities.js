'use strict';
/**
 * One person, two capacities (issue 15): the administrator gives Hội Nông dân's chairman a role and a
 * title in Hội LHPN ("Kiêm nhiệm"); on a joint plan both organisations co-sign, so her signing dialog
 * asks which one she signs for, and each organisation's line shows her under the title she signed in.
 */
const { assert } = require('./checks');
const { DEMO_PIN, copyOfDemoDraft } = require('./friction');
const { ui } = require('./ui');

const HND = 'Hội Nông dân tỉnh Sơn La';
const HLHPN = 'Hội Liên hiệp Phụ nữ tỉnh Sơn La';
const TITLE = 'PHÓ CHỦ TỊCH';

async function capacityChecks(context) {
  const u = ui(context);
  const state = {};
  const steps = [
    [`admin gives hnd.tinh a leader's capacity in Hội LHPN, signing as ${TITLE}: the "Kiêm nhiệm" table lists it`, () => giveCapacity(u, state)],
    ['on a joint plan of both, hnd.tinh chooses whom she signs for, then signs for the other; each line and each block of the document shows her under its title', () => signTwice(u, state)],
  ];
  for (const [name, run] of steps) await context.checks.step(name, run);
}

async function giveCapacity(u, state) {
  await u.loginAs('admin');
  const { body: users } = await u.api('GET', `/users?filter=${encodeURIComponent(JSON.stringify({ q: 'hnd.tinh' }))}`);
  const chairman = users.find((user) => user.username === 'hnd.tinh');
  assert(chairman, 'no user hnd.tinh');
  state.fullName = chairman.fullName;
  await u.go(`/users/${chairman.id}`);
  const panel = u.page.getByTestId('capacities-panel');
  await panel.waitFor();
  await u.pickAutocomplete(panel.getByLabel('Tổ chức', { exact: true }), 'Phụ nữ', HLHPN);
  await panel.getByRole('checkbox', { name: 'Lãnh đạo' }).check();
  await panel.getByLabel('Chức danh ký').fill(TITLE);
  await panel.getByRole('button', { name: 'Thêm', exact: true }).click();
  const row = panel.locator('tbody tr').filter({ hasText: HLHPN });
  await row.waitFor();
  const text = await u.textOf(row);
  assert(text.includes('Lãnh đạo') && text.includes(TITLE), `the capacity's row reads "${text}"`);
}

/** SIGN confirmed with the demo PIN, for `organisation` when the dialog asks. */
async function sign(u, organisation) {
  await u.page.locator('[data-action="SIGN"]').click();
  const asks = (await u.page.locator('input[name="organisationId"]').count()) > 0;
  if (organisation) {
    assert(asks, 'the signing dialog does not ask whom she signs for');
    await u.pickSelect('organisationId', organisation);
  } else {
    assert(!asks, 'the signing dialog asks whom she signs for when only one organisation is left');
  }
  await u.page.locator('input[name="pin"]').fill(DEMO_PIN);
  await u.page.locator('[data-confirm="SIGN"]').click();
  await u.page.getByRole('dialog').waitFor({ state: 'detached' });
}

async function signTwice(u, state) {
  assert(state.fullName, 'the capacity was not given');
  await u.loginAs('bpt.tinh');
  const { id } = await copyOfDemoDraft(u, { joint: true, coIssuerNames: [HND, HLHPN] });
  for (const [user, type] of [['bpt.tinh', 'SUBMIT'], ['tb.tinh', 'FORWARD']]) {
    if (user !== 'bpt.tinh') await u.loginAs(user);
    const { status, body } = await u.api('POST', `/plans/${id}/events`, { type });
    assert(status === 200, `${user} ${type}: ${status} ${JSON.stringify(body)}`);
  }

  await u.loginAs('hnd.tinh');
  await u.openPlan(id);
  await sign(u, HND);
  const panel = u.page.getByTestId('signatures-panel');
  await panel.getByText(new RegExp(`Đã ký phiên bản \\d+ — ${state.fullName} \\(CHỦ TỊCH\\)`)).waitFor();
  await sign(u, null);
  await panel.getByText(new RegExp(`Đã ký phiên bản \\d+ — ${state.fullName} \\(${TITLE}\\)`)).waitFor();
  await u.expectStatus('awaiting_approval', 'Chờ phê duyệt');
  // The document's blocks: each organisation's authority line, then the title she signed under there.
  const preview = await u.textOf(u.page.getByTestId('document-preview'));
  for (const block of ['TM. BAN THƯỜNG VỤ HND TỈNH CHỦ TỊCH', `TM. BAN THƯỜNG VỤ HLHPN TỈNH ${TITLE}`]) {
    assert(preview.includes(block), `the document preview lacks "${block}": ${preview.slice(-700)}`);
  }
  await u.screenshot('72-signed-in-two-capacities');
}

module.exports = { capacityChecks };
