'use strict';
/** Checks that stand on their own: rights, validation, the phone width, the administrator's pages. */
const { assert } = require('./checks');
const { notificationSettings } = require('./notifications');
const { organisationTemplates } = require('./templates');
const { ui } = require('./ui');


async function standaloneChecks(context) {
  const u = ui(context);
  const { checks } = context;
  await checks.step('a user without rights on the plan sees no action buttons and no edit or create button', () => noRights(u, context.planId));
  await checks.step('the plan list filters by state and by text', () => listFilters(u));
  await checks.step('a phone-width screen lays the plan list and page out without sideways scrolling', () => phone(u, context.planId));
  await checks.step('the search box finds a plan typed without diacritics, marks the words and opens it', () => search(u, context.planId));
  await checks.step('leaving a form with unsaved changes asks first', () => unsavedChanges(u));
  await checks.step('a validation error shows under its field (client rule and server rule)', () => validation(u));
  await checks.step('the administrator sees the organisation tree (siblings by name) and the users; others have no Users menu', () => administration(u));
  await checks.step('admin uploads a broken template and sees every failure; a sound one becomes version 1; back to the shipped one', () =>
    organisationTemplates(u),
  );
  await checks.step('a user sets which e-mails they receive, at once or as a daily digest, from the user menu', () => notificationSettings(u));
  checks.expect('no uncaught error in the page', () => context.browser.pageErrors.length === 0, () => [...new Set(context.browser.pageErrors)].join('; '));
}

/** tb.tinh (reviewer) reads the distributed plan but may do nothing to it now, nor create one. */
async function noRights(u, planId) {
  assert(planId, 'no plan was created by the scenario');
  await u.loginAs('tb.tinh');
  await u.openPlan(planId);
  const offered = await u.actionsOffered();
  assert(offered.length === 0, `action buttons shown: ${offered.join(', ')}`);
  assert((await u.page.getByRole('link', { name: 'Sửa' }).count()) === 0, 'an edit button is shown');
  await u.go('/plans');
  await u.page.getByText('Trích yếu').first().waitFor();
  assert((await u.page.getByRole('link', { name: 'Tạo kế hoạch' }).filter({ visible: true }).count()) === 0, 'a reviewer is offered "Tạo kế hoạch"');
  await u.screenshot('09-plan-list');
}

/** The scenario's plan ("Phối hợp thực hiện Cuộc vận động “Toàn dân đoàn kết …”"), found from the app bar while typing, without diacritics. */
async function search(u, planId) {
  await u.loginAs('bpt.tinh');
  const box = u.page.getByRole('combobox', { name: 'Tìm kế hoạch: tên, số, nội dung…' });
  await box.pressSequentially('phoi hop thuc hien toan dan doan ket');
  // The implementing plans cite it in their titles: the option wanted is the one whose title it is.
  const title = u.page.getByRole('option').locator('p', { hasText: /^Phối hợp thực hiện Cuộc vận động/ }).first();
  await title.waitFor();
  const marked = await title.locator('mark').allTextContents();
  assert(['Phối', 'hợp', 'thực', 'hiện', 'Toàn', 'dân', 'đoàn', 'kết'].every((word) => marked.includes(word)), `marked words: ${marked.join(', ')}`);
  await u.screenshot('15-search');
  await title.click();
  await u.page.waitForURL(`**/plans/${planId}/show`);
}

/** The browser's "leave this page?" question, answered yes by the test: it must have been asked. */
async function unsavedChanges(u) {
  await u.loginAs('bpt.tinh');
  await u.go('/plans/create');
  await u.field('title').fill('Bản nháp chưa lưu');
  const asked = u.dialogs.length;
  await u.page.getByRole('menuitem', { name: 'Tổng quan' }).click();
  await u.page.getByTestId('tasks-card').waitFor();
  const questions = u.dialogs.slice(asked).join(' ');
  assert(questions.includes('chưa được lưu'), `leaving the form did not warn about unsaved changes (${questions || 'no question asked'})`);
}

/** A forgotten title is refused in the browser; a plan without body blocks is refused by the server, on the field. */
async function validation(u) {
  await u.go('/plans/create');
  await u.field('heading').fill('KẾ HOẠCH');
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  await u.page.locator('.ra-input-title').getByText('Bắt buộc').waitFor();
  await u.field('title').fill('Kế hoạch không có nội dung');
  await u.openTab('Nội dung');
  const body = u.page.locator('.ra-input-body');
  while ((await body.getByRole('button', { name: 'Xóa bỏ' }).count()) > 0) await body.getByRole('button', { name: 'Xóa bỏ' }).first().click();
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  await body.getByText('nội dung kế hoạch phải có ít nhất một mục').waitFor();
  assert(/#\/plans\/create/.test(u.page.url()), 'the invalid plan left the create page');
  await u.screenshot('10-validation-error', { fullPage: false });
}

/** Continues as tb.tinh on the plan list: each filter narrows the rows to the matching plans (the scenario's plan was recalled). */
async function listFilters(u) {
  await u.pickSelect('status', 'Đã thu hồi');
  await u.page.locator('[data-status]:not([data-status="recalled"])').first().waitFor({ state: 'detached' });
  assert((await u.page.locator('[data-status="recalled"]').count()) > 0, 'no recalled plan is listed');
  const text = 'Phối hợp thực hiện';
  await u.page.getByPlaceholder('Tìm kiếm').fill(text);
  await u.page.locator('tbody tr').filter({ hasNotText: text }).first().waitFor({ state: 'detached' });
  assert((await u.page.locator('tbody tr').filter({ hasText: text }).count()) > 0, `no recalled plan about "${text}" is listed`);
}

async function phone(u, planId) {
  const pages = [
    ['/plans', u.page.getByText('Phối hợp thực hiện').first(), '11-phone-plan-list'],
    [`/plans/${planId}/show`, u.page.getByTestId('document-preview'), '12-phone-plan-page'],
    ['/', u.page.getByTestId('tasks-card'), '13-phone-dashboard'],
  ];
  for (const [route, content, name] of pages) {
    await u.go(route);
    await u.atPhoneWidth(name, content);
  }
}

async function administration(u) {
  await u.loginAs('bpt.tinh');
  assert((await u.page.getByRole('menuitem', { name: 'Người dùng' }).count()) === 0, 'a drafter sees the Users menu');
  await u.loginAs('admin');
  await u.page.getByRole('menuitem', { name: 'Người dùng' }).waitFor();
  await u.go('/organisations');
  await u.page.getByText('Liên đoàn Lao động tỉnh Sơn La').waitFor();
  await siblingsByName(u);
  await u.screenshot('14-organisations-tree');
  await u.go('/users');
  await u.page.getByText('bpt.tinh').waitFor();
  await u.screenshot('15-users');
}

/** In the tree each organisation's children follow one another in alphabetical (Vietnamese) order. */
async function siblingsByName(u) {
  const { body: organisations } = await u.api('GET', `/organisations?range=${encodeURIComponent('[0,199]')}`);
  const shown = await u.page.locator('tbody td.column-name').allInnerTexts();
  assert(shown.length === organisations.length, `the tree shows ${shown.length} of ${organisations.length} organisations`);
  for (const parent of [null, ...organisations.map((o) => o.id)]) {
    const children = organisations.filter((o) => o.parentId === parent).map((o) => o.name);
    const order = [...children].sort((a, b) => shown.indexOf(a) - shown.indexOf(b));
    const expected = [...children].sort((a, b) => a.localeCompare(b, 'vi'));
    assert(JSON.stringify(order) === JSON.stringify(expected), `siblings shown as ${order.join(', ')}; by name: ${expected.join(', ')}`);
  }
}

module.exports = { standaloneChecks };
