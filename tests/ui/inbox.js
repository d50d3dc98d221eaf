'use strict';
/**
 * The inbox tells each person what they owe: reports due and overdue stay a recipient's tasks after it
 * acknowledged the plan (overdue in red, on the plan page too); a draft sent back says who, when and
 * why; what nobody waits on is followed, apart; the action buttons act through the plan page's
 * confirm dialog; the menu counts the tasks. Screenshots of every role's inbox, desktop and phone.
 */
const { DESKTOP } = require('./browser');
const { assert } = require('./checks');
const { contentOf } = require('./plan-editor');
const { ui } = require('./ui');

const PIN = 'kehoach2026';
const REPORT_SOON = 'Báo cáo nhanh kết quả tuần đầu';
const RETURN_REASON = 'Đề nghị bổ sung dự toán kinh phí và phân công cụ thể cho từng ban.';
const WIDE = { width: 1280, height: 800 };
/** Every role's inbox, screenshot at desktop and phone width. */
const ROLES = ['bpt.tinh', 'tb.tinh', 'pct.tinh', 'vt.tinh', 'vt.thuanchau', 'ct.phonglai'];

/** Today in Việt Nam plus `days`, as "YYYY-MM-DD". */
const vietnamDay = (days = 0) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function inboxChecks(context) {
  const u = ui(context);
  const state = {};
  const steps = [
    ['a district owes a report due in 3 days and an overdue one: after acknowledging, both stay its tasks, the overdue in red, on the plan page too', () => reportsOwed(u, state, context)],
    ['tb.tinh returns a plan from his tasks, through the confirm dialog asking why; the drafter\'s task says who, when and why', () => sentBack(u, state)],
    ['what nobody waits on is followed, not a task: the drafter\'s submitted plan, the leader\'s recall, the clerk\'s close', () => following(u, state)],
    ['"Hủy kế hoạch" in the tasks asks the same confirm question, then cancels (it does not open the plan)', () => cancelFromTasks(u, state)],
    ['the menu counts the caller\'s tasks', () => menuCount(u)],
    ['every role\'s inbox at desktop (1280 px) and phone (390 px) width, without sideways scrolling', () => screenshots(u)],
  ];
  for (const [name, run] of steps) await context.checks.step(name, run);
}

/** The API as the logged-in user, failing loudly on an unexpected answer. */
async function call(u, method, route, body, expected = 200) {
  const { status, body: answer } = await u.api(method, route, body);
  assert(status === expected, `${method} ${route} answered ${status}: ${JSON.stringify(answer).slice(0, 300)}`);
  return answer;
}

/** Logs in as `username` and sends a plan event (the PIN with the signing ones). */
async function sendAs(u, username, planId, type, comment) {
  await u.loginAs(username);
  await call(u, 'POST', `/plans/${planId}/events`, { type, ...(comment ? { comment } : {}), ...(['APPROVE', 'ISSUE', 'SIGN'].includes(type) ? { pin: PIN } : {}) });
}

/** As bpt.tinh: a new draft copied from the demo plan that is out (its form included), with these changes. */
async function newDraft(u, changes) {
  const distributed = await call(u, 'GET', `/plans?filter=${encodeURIComponent(JSON.stringify({ status: 'distributed' }))}&range=[0,49]`);
  const plans = await Promise.all(distributed.map((plan) => call(u, 'GET', `/plans/${plan.id}`)));
  const demo = plans.find((plan) => plan.reporting.length > 0 && plan.form);
  assert(demo, 'the demo data has no distributed plan with reporting deadlines');
  const content = contentOf(demo, { reporting: [], ...changes });
  delete content.version; // a new plan has none
  return { planId: (await call(u, 'POST', '/plans', content, 201)).id, demoId: demo.id };
}

/** The row of a plan in a dashboard card, of one kind of task. */
const rowOf = (u, card, planId, type) => u.page.getByTestId(card).locator(`[data-plan-id="${planId}"]${type ? `[data-task-type="${type}"]` : ''}`);

/** Whether an element's text is drawn in a red (the theme's error colour), not grey. */
async function isRed(locator) {
  const colour = await locator.evaluate((element) => getComputedStyle(element).color);
  const [r, g, b] = colour.match(/\d+/g).map(Number);
  return r > 150 && g < 100 && b < 100;
}

async function reportsOwed(u, state, context) {
  await u.loginAs('bpt.tinh');
  const organisations = await call(u, 'GET', '/organisations?range=[0,999]');
  const thuanChau = organisations.find((o) => o.name.includes('huyện Thuận Châu'));
  const { planId, demoId } = await newDraft(u, {
    title: 'Kế hoạch kiểm tra báo cáo sắp đến hạn trong hộp việc',
    recipients: [{ label: 'Ủy ban MTTQ huyện Thuận Châu', orgIds: [thuanChau.id] }],
    reporting: [{ name: REPORT_SOON, dueDate: vietnamDay(3) }],
  });
  state.demoId = demoId;
  await call(u, 'POST', `/plans/${planId}/events`, { type: 'SUBMIT' });
  await sendAs(u, 'tb.tinh', planId, 'FORWARD');
  await sendAs(u, 'pct.tinh', planId, 'APPROVE');
  await sendAs(u, 'vt.tinh', planId, 'ISSUE');
  await call(u, 'POST', `/plans/${planId}/events`, { type: 'DISTRIBUTE' });

  // Half a year passes for the demo plan (its rounds' due dates move back): Thuận Châu owes its first reports, overdue.
  await context.daysPass(demoId, 200);
  await u.loginAs('vt.thuanchau');
  const acknowledge = rowOf(u, 'tasks-card', demoId, 'acknowledge');
  await acknowledge.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
  await u.page.getByRole('dialog').getByText('Xác nhận đơn vị đã nhận kế hoạch').waitFor();
  await u.page.locator('[data-confirm="ACKNOWLEDGE"]').click();
  await acknowledge.waitFor({ state: 'detached' });
  assert(/#\/$/.test(u.page.url()), `acknowledging from the tasks left the dashboard: ${u.page.url()}`);

  const overdue = rowOf(u, 'tasks-card', demoId, 'report_overdue').first();
  await overdue.waitFor();
  assert(await isRed(overdue.locator('[data-overdue="true"]')), 'the overdue report is not shown in red in the tasks');
  const due = rowOf(u, 'tasks-card', planId, 'report_due');
  await due.getByText(REPORT_SOON).waitFor();
  assert((await due.locator('[data-overdue="true"]').count()) === 0, 'a report not yet due is shown as overdue');
  const reportsCard = u.page.getByTestId('reports-due');
  await reportsCard.getByText(REPORT_SOON).waitFor();
  const cardText = await u.textOf(reportsCard);
  assert(!cardText.includes('không có báo cáo nào'), `the reports card says nothing is due: ${cardText}`);
  assert(/quá hạn \d+ ngày/.test(cardText), `the reports card does not say how overdue: ${cardText}`);
  await u.screenshot('inbox-recipient-due-and-overdue');

  await u.openPlan(demoId);
  const overdueLine = u.page.getByTestId('reporting-panel').locator('[data-overdue="true"]').first();
  await overdueLine.waitFor();
  assert(await isRed(overdueLine.locator('.MuiListItemText-secondary')), 'the overdue line on the plan page is not red');
}

async function sentBack(u, state) {
  await u.loginAs('bpt.tinh');
  state.returnedId = (await newDraft(u, { title: 'Kế hoạch trả lại để bổ sung kinh phí' })).planId;
  await call(u, 'POST', `/plans/${state.returnedId}/events`, { type: 'SUBMIT' });

  await u.loginAs('tb.tinh');
  const row = rowOf(u, 'tasks-card', state.returnedId);
  await row.getByRole('button', { name: 'Trả lại' }).click();
  const confirm = u.page.locator('[data-confirm="RETURN"]');
  await confirm.waitFor();
  assert(await confirm.isDisabled(), 'RETURN can be confirmed from the tasks without a reason');
  await u.page.locator('textarea[name="comment"]').fill(RETURN_REASON);
  await confirm.click();
  await row.waitFor({ state: 'detached' });

  await u.loginAs('bpt.tinh');
  const note = rowOf(u, 'tasks-card', state.returnedId).getByTestId('sent-back');
  await note.getByText(RETURN_REASON).waitFor();
  const text = await u.textOf(note);
  for (const part of ['Cầm Văn Thành', 'Ủy ban MTTQ Việt Nam tỉnh Sơn La', 'đã trả lại', vietnamDay().split('-').reverse().join('/')]) {
    assert(text.includes(part), `the returned plan's note lacks "${part}": ${text}`);
  }
  await u.screenshot('inbox-drafter-sent-back', { fullPage: false });
}

async function following(u, state) {
  // Continues as bpt.tinh: submitting from the tasks moves the plan to what she follows.
  await rowOf(u, 'tasks-card', state.returnedId).getByRole('button', { name: 'Trình' }).click();
  await u.page.locator('[data-confirm="SUBMIT"]').click();
  await rowOf(u, 'tasks-card', state.returnedId).waitFor({ state: 'detached' });
  await rowOf(u, 'following-card', state.returnedId).getByRole('button', { name: 'Rút lại' }).waitFor();

  for (const [username, button] of [['pct.tinh', 'Thu hồi'], ['vt.tinh', 'Đóng']]) {
    await u.loginAs(username);
    await rowOf(u, 'following-card', state.demoId).getByRole('button', { name: button }).waitFor();
    assert((await rowOf(u, 'tasks-card', state.demoId).count()) === 0, `${username} has the distributed plan among the tasks`);
  }
}

async function cancelFromTasks(u, state) {
  await u.loginAs('bpt.tinh');
  const { planId } = await newDraft(u, { title: 'Kế hoạch nháp sẽ hủy từ hộp việc' });
  // Made through the API: the dashboard reads the inbox again.
  await u.page.reload();
  const row = rowOf(u, 'tasks-card', planId);
  await row.getByRole('button', { name: 'Hủy kế hoạch' }).click();
  await u.page.getByRole('dialog').waitFor();
  assert(/#\/$/.test(u.page.url()), `"Hủy kế hoạch" opened another page: ${u.page.url()}`);
  await u.page.locator('[data-confirm="CANCEL"]').click();
  await row.waitFor({ state: 'detached' });
  const plan = await call(u, 'GET', `/plans/${planId}`);
  assert(plan.status === 'cancelled', `the plan is ${plan.status} after "Hủy kế hoạch"`);
  state.cancelledId = planId;
}

async function menuCount(u) {
  for (const username of ['bpt.tinh', 'vt.thuanchau']) {
    await u.loginAs(username);
    const total = await u.page.evaluate(async () => {
      const response = await fetch('/api/tasks?range=[0,0]');
      return Number(/\/(\d+)$/.exec(response.headers.get('Content-Range'))[1]);
    });
    const badge = u.visible(u.page.getByTestId('tasks-badge'));
    await u.page.waitForFunction((expected) => document.querySelector('[data-testid="tasks-badge"]')?.getAttribute('data-count') === String(expected), total);
    const shown = (await u.textOf(badge)).replace(/\D/g, '');
    assert(total > 0 && shown === String(Math.min(total, 99)), `${username}: the menu shows "${shown}", the inbox has ${total} tasks`);
  }
}

async function screenshots(u) {
  for (const username of ROLES) {
    await u.loginAs(username);
    await u.page.getByTestId('following-card').waitFor();
    await u.page.setViewportSize(WIDE);
    try {
      await u.screenshot(`inbox-${username}-desktop`);
    } finally {
      await u.page.setViewportSize(DESKTOP);
    }
    await u.atPhoneWidth(`inbox-${username}-phone`, u.page.getByTestId('tasks-card'));
  }
}

module.exports = { inboxChecks, vietnamDay };
