'use strict';
/** The user's own e-mail settings page, reached from the user menu. */
const { assert } = require('./checks');

/** pct.tinh turns "report due" off and takes new tasks as a daily digest; the server keeps exactly that. */
async function notificationSettings(u) {
  await u.loginAs('pct.tinh');
  await u.page.evaluate(() => window.scrollTo(0, 0));
  await u.page.getByRole('button', { name: 'Tài khoản', exact: true }).click();
  await u.page.getByRole('menuitem', { name: 'Thông báo qua e-mail' }).click();
  const settings = u.page.getByTestId('notification-settings');
  await settings.getByText('pct.tinh@kehoach.example').waitFor();
  await settings.getByLabel('Báo cáo sắp đến hạn (trong 7 ngày)').uncheck();
  const newTask = settings.locator('.ra-input-categories\\.new_task\\.delivery');
  await newTask.getByLabel('Tổng hợp hằng ngày').check();
  await u.screenshot('16-notification-settings');
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  await u.page.getByText('Đã lưu cài đặt thông báo').waitFor();
  const { body } = await u.api('GET', '/me/notification-settings');
  assert(body.categories.report_due.enabled === false, `report_due: ${JSON.stringify(body.categories.report_due)}`);
  assert(body.categories.new_task.delivery === 'daily_digest', `new_task: ${JSON.stringify(body.categories.new_task)}`);
  assert(body.categories.recalled.enabled === true && body.categories.recalled.delivery === 'immediate', `recalled: ${JSON.stringify(body.categories.recalled)}`);
  // The digest choice is offered only for a kind that is on.
  assert((await settings.locator('.ra-input-categories\\.report_due\\.delivery').count()) === 0, 'a delivery choice is shown for a kind turned off');
}

module.exports = { notificationSettings };
