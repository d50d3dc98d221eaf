'use strict';
/**
 * The organisation as it is since 2025 (issue 15): a ban added to the committee drafts plans under its
 * code; the tree as its administrator changes it: a name or a place changes only
 * through a recorded change with its effective date, not through the edit form; a merge ends the
 * merged committee, which its page then says; each change is listed in the history with what it did.
 */
const { assert } = require('./checks');
const { vietnamDay } = require('./inbox');
const { ui } = require('./ui');

const THUAN_CHAU = 'Ủy ban MTTQ Việt Nam huyện Thuận Châu';
const RENAMED = 'Ủy ban MTTQ Việt Nam xã Thuận Châu';
const MOC_CHAU = 'Ủy ban MTTQ Việt Nam huyện Mộc Châu';

async function organisationChecks(context) {
  const u = ui(context);
  const state = {};
  const steps = [
    ['admin adds "Ban Tuyên giáo" (BTG) to the province; bpt.tinh picks it as a new plan\'s drafting unit and the archive line becomes "Lưu: VT, BTG."', () => unit(u)],
    ['admin renames Thuận Châu from its page with an effective date: the form shows the name read-only, the history lists "old → new"', () => rename(u, state)],
    ['admin merges Mộc Châu into the renamed committee: the history says so, and Mộc Châu\'s page says it has ended and offers no more changes', () => merge(u, state)],
    ['after the province is renamed, its distributed plan is shown as issued (page and document header), its draft under the new name', () => namesAsIssued(u)],
  ];
  for (const [name, run] of steps) await context.checks.step(name, run);
}

const changesPanel = (u) => u.page.getByTestId('organisation-changes');

/** An organisation's edit page, found by its name through the API. */
async function openOrganisation(u, name) {
  const { body } = await u.api('GET', `/organisations?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
  const organisation = body.find((o) => o.name === name);
  assert(organisation, `no organisation is named "${name}": ${body.map((o) => o.name).join('; ')}`);
  await u.go(`/organisations/${organisation.id}`);
  await changesPanel(u).waitFor();
  return organisation.id;
}

/** A change made in its dialog: the fields filled by `fill`, the effective date typed, confirmed. */
async function change(u, action, fill, effectiveOn) {
  await changesPanel(u).getByRole('button', { name: action, exact: true }).click();
  const dialog = u.page.getByRole('dialog');
  await fill(dialog);
  await dialog.getByLabel('Ngày hiệu lực').fill(effectiveOn);
  await dialog.getByRole('button', { name: 'Ghi nhận thay đổi' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The history's rows, each on one line. */
async function historyRows(u) {
  return (await changesPanel(u).locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
}

async function unit(u) {
  await u.loginAs('admin');
  await openOrganisation(u, PROVINCE);
  const panel = u.page.getByTestId('units-panel');
  await panel.getByTestId('unit-name').fill('Ban Tuyên giáo');
  await panel.getByTestId('unit-code').fill('BTG');
  await panel.getByRole('button', { name: 'Thêm ban' }).click();
  await panel.getByTestId('unit-BTG').getByText('Ban Tuyên giáo (BTG)').waitFor();

  await u.loginAs('bpt.tinh');
  await u.go('/plans/create');
  await u.openTab('Nơi nhận');
  const archive = u.field('archive');
  const before = await archive.inputValue();
  await u.pickSelect('draftingUnitId', 'Ban Tuyên giáo (BTG)');
  await u.page.waitForFunction(() => document.querySelector('[name="archive"]')?.value.includes('BTG'), null, { timeout: 5_000 }).catch(() => {});
  const after = await archive.inputValue();
  assert(after === 'Lưu: VT, BTG.', `the archive line reads "${after}" (before: "${before}")`);
}

async function rename(u, state) {
  await u.loginAs('admin');
  state.thuanChau = await openOrganisation(u, THUAN_CHAU);
  const name = u.field('name');
  assert(await name.evaluate((input) => input.readOnly), 'the edit form lets the name be typed over');
  assert((await u.textOf(u.page.locator('#main-content'))).includes('Thay đổi bằng "Đổi tên"'), 'the form does not say where the name is changed');

  state.effectiveOn = vietnamDay();
  await change(u, 'Đổi tên', (dialog) => dialog.getByLabel('Tên', { exact: true }).fill(RENAMED), state.effectiveOn);
  await u.page.waitForFunction((wanted) => document.querySelector('input[name="name"]')?.value === wanted, RENAMED);
  const day = state.effectiveOn.split('-').reverse().join('/');
  await changesPanel(u).getByText(`${THUAN_CHAU} → ${RENAMED}`).waitFor();
  const rows = await historyRows(u);
  assert(rows.some((row) => row.includes(day) && row.includes('Đổi tên') && row.includes(`${THUAN_CHAU} → ${RENAMED}`) && row.includes('Quản trị hệ thống')),
    `the history lacks the rename: ${rows.join(' | ')}`);
  await u.screenshot('70-organisation-renamed');
}

async function merge(u, state) {
  assert(state.thuanChau, 'Thuận Châu was not renamed');
  await change(u, 'Sáp nhập vào tổ chức này', async (dialog) => {
    await u.pickAutocomplete(dialog.getByLabel('Các tổ chức hợp nhất vào'), 'Mộc Châu', MOC_CHAU);
    // The picker's list stays open for more (Escape would close the dialog): a click on the title closes it.
    await dialog.getByRole('heading').click();
  }, state.effectiveOn);
  await changesPanel(u).getByText(`${MOC_CHAU} hợp nhất vào ${RENAMED}`).waitFor();

  await openOrganisation(u, MOC_CHAU);
  await changesPanel(u).getByText(`${MOC_CHAU} hợp nhất vào ${RENAMED}`).waitFor();
  const panel = await u.textOf(changesPanel(u));
  assert(panel.includes('Tổ chức đã hợp nhất hoặc giải thể từ ngày'), `Mộc Châu's page does not say it has ended: ${panel}`);
  assert((await changesPanel(u).getByRole('button', { name: 'Đổi tên', exact: true }).count()) === 0, 'an ended organisation still offers a rename');
}

const PROVINCE = 'Ủy ban MTTQ Việt Nam tỉnh Sơn La';
const PROVINCE_RENAMED = 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La';

/** The first plan of `issuerId` in `status`, through the API. */
async function planOf(u, issuerId, status) {
  const { body } = await u.api('GET', `/plans?filter=${encodeURIComponent(JSON.stringify({ status, issuerId }))}`);
  assert(body.length > 0, `no ${status} plan of the province`);
  return body[0].id;
}

async function namesAsIssued(u) {
  const province = await openOrganisation(u, PROVINCE);
  await change(u, 'Đổi tên', (dialog) => dialog.getByLabel('Tên', { exact: true }).fill(PROVINCE_RENAMED), vietnamDay());
  await changesPanel(u).getByText(`${PROVINCE} → ${PROVINCE_RENAMED}`).waitFor();

  await u.openPlan(await planOf(u, province, 'distributed'));
  const page = await u.textOf(u.page.locator('#main-content'));
  assert(page.includes(PROVINCE) && !page.includes(PROVINCE_RENAMED), `the distributed plan's page does not name its issuer as issued: ${page.slice(0, 400)}`);
  const header = await u.textOf(u.page.getByTestId('document-preview'));
  assert(header.startsWith('ỦY BAN MTTQ VIỆT NAM'), `the issued document's header reads: ${header.slice(0, 200)}`);

  await u.openPlan(await planOf(u, province, 'draft'));
  const draft = await u.textOf(u.page.getByTestId('document-preview'));
  assert(draft.includes('ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM'), `the draft's header does not carry the new name: ${draft.slice(0, 200)}`);
}

module.exports = { organisationChecks };
