'use strict';
/**
 * Layout and reading aids: every main page at a phone's width, the version comparison word by word,
 * dates as dd/mm/yyyy whatever the browser's language, the editor's hints on long and missing text.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launchBrowser, PHONE } = require('./browser');
const { assert } = require('./checks');
const { ui } = require('./ui');

const TABS = ['Thông tin chung', 'Nội dung', 'Nơi nhận', 'Báo cáo', 'Xem trước'];
const LONG_PARAGRAPH = 'Tuyên truyền, vận động nhân dân tham gia xây dựng nông thôn mới, đô thị văn minh. '.repeat(62);

async function layoutChecks(context) {
  const u = ui(context);
  const { checks } = context;
  await u.loginAs('bpt.tinh');
  const plan = await twoVersionPlan(u);
  await checks.step('at a phone\'s width the plan form (every tab reachable), the plan page, its edit page and the lists fit the screen', () =>
    phonePages(u, plan.id, context.planId),
  );
  await checks.step('the version comparison shows, in each changed part, the words removed and added', () => wordDiff(u, plan.id));
  await checks.step('a long paragraph shows its length and is warned above 1.500 characters; an empty title says why it cannot be saved', () => textHints(u));
  await checks.step('the indicator editor shows "Chỉ tiêu" and "Đơn vị tính" in full; the preview header breaks "…VIỆT NAM / TỈNH SƠN LA" as the DOCX does', () =>
    indicatorsAndHeader(u, plan.id),
  );
  await checks.step('with the browser in English (en-US), dates still read and are typed dd/mm/yyyy', () => englishBrowser(context, plan.id));
}

/** A plan of bpt.tinh's organisation with a reporting form, then edited once through the API: version 2. */
async function twoVersionPlan(u) {
  const { body: me } = await u.api('GET', '/me');
  const content = {
    kind: 'plan', issuerId: me.organisation.id, coIssuerIds: [], heading: null, title: 'Kế hoạch thực hiện Cuộc vận động', place: 'Sơn La',
    preamble: ['Căn cứ Điều lệ Mặt trận Tổ quốc Việt Nam;'],
    body: [
      { type: 'heading1', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'paragraph', text: 'Phát huy vai trò của Mặt trận trong việc tuyên truyền, vận động nhân dân.' },
      { type: 'heading1', text: 'TỔ CHỨC THỰC HIỆN' },
    ],
    closing: ['Trên đây là kế hoạch thực hiện.'],
    signer: { authority: 'TM. BAN THƯỜNG TRỰC', deputy: null, title: 'PHÓ CHỦ TỊCH' },
    recipients: [{ label: 'Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam', note: 'b/c' }],
    archive: 'Lưu: VT.',
    reporting: [{ name: 'Báo cáo sơ kết', dueDate: '2026-12-15' }],
    form: {
      title: 'BIỂU BÁO CÁO SỐ LIỆU KẾT QUẢ',
      indicators: [{ code: '1', label: 'Số khu dân cư đạt chuẩn văn hóa', unit: 'khu', type: 'integer' }],
    },
    parentPlanId: null,
  };
  const created = await u.api('POST', '/plans', content);
  assert(created.status === 201, `creating the plan answered ${created.status}: ${JSON.stringify(created.body)}`);
  const edited = {
    ...content,
    title: 'Kế hoạch thực hiện tốt Cuộc vận động',
    body: [content.body[0], { type: 'paragraph', text: 'Phát huy vai trò nòng cốt của Mặt trận trong việc tuyên truyền, vận động nhân dân.' }, content.body[2]],
    reporting: [{ name: 'Báo cáo sơ kết', dueDate: '2026-12-20' }],
    version: created.body.version,
  };
  const updated = await u.api('PUT', `/plans/${created.body.id}`, edited);
  assert(updated.status === 200, `editing the plan answered ${updated.status}: ${JSON.stringify(updated.body)}`);
  return updated.body;
}

/** How far the page is wider than the window (0 when it fits). */
const overflow = (u) => u.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * A phone's screen, with the menu closed as it starts on a phone: left open from the desktop width,
 * it would cover the page as a drawer and hide it from the accessibility tree (the tabs from getByRole).
 */
async function atPhoneWidth(u) {
  await u.page.setViewportSize(PHONE);
  await u.page.evaluate(() => localStorage.setItem('RaStore.sidebar.open', 'false'));
  await u.page.reload();
}

async function atDesktopWidth(u) {
  await u.page.evaluate(() => localStorage.removeItem('RaStore.sidebar.open'));
  await u.page.setViewportSize({ width: 1280, height: 800 });
  await u.page.reload();
}

async function phonePages(u, planId, distributedPlanId) {
  await atPhoneWidth(u);
  try {
    for (const [route, name] of [['/plans/create', '40-phone-plan-create'], [`/plans/${planId}`, '41-phone-plan-edit']]) {
      await u.go(route);
      await u.field('title').waitFor();
      for (const [index, tab] of TABS.entries()) {
        await u.openTab(tab);
        // MUI scrolls the chosen tab into view with a short animation.
        await u.page.waitForTimeout(200);
        const wider = await overflow(u);
        assert(wider <= 0, `${route}, tab "${tab}": the page is ${wider}px wider than a phone's screen`);
        const box = await u.page.getByRole('tab', { name: tab }).boundingBox();
        assert(box && box.x >= 0 && box.x + box.width <= PHONE.width + 1, `${route}: the tab "${tab}" is off screen (${JSON.stringify(box)})`);
        if (index === 3) await u.screenshot(`${name}-reporting`);
      }
      await u.openTab('Thông tin chung');
      await u.screenshot(name);
    }
    if (distributedPlanId) await reportLinesClear(u, distributedPlanId);
    const pages = [
      [`/plans/${planId}/show`, u.page.getByTestId('document-preview'), '43-phone-plan-draft'],
      ['/plans', u.page.getByText('Kế hoạch thực hiện tốt Cuộc vận động').first(), '44-phone-plan-list'],
      ['/', u.page.getByTestId('tasks-card'), '45-phone-dashboard'],
      ['/organisations', u.page.getByText('Ủy ban MTTQ Việt Nam thành phố Sơn La'), '51-phone-organisations'],
    ];
    for (const [route, content, name] of pages) {
      await u.go(route);
      await content.waitFor();
      const wider = await overflow(u);
      assert(wider <= 0, `${route}: the page is ${wider}px wider than a phone's screen`);
      await u.screenshot(name);
    }
  } finally {
    await atDesktopWidth(u);
  }
}

/** On the issuer's page of a distributed plan, each reporting deadline's text and its button do not overlap. */
async function reportLinesClear(u, planId) {
  await u.openPlan(planId);
  const panel = u.page.getByTestId('reporting-panel');
  await panel.waitFor();
  const rows = await panel.locator('li').all();
  for (const row of rows) {
    const text = await row.locator('.MuiListItemText-root').boundingBox();
    const button = await row.getByTestId('open-report').boundingBox();
    const apart = text.x + text.width <= button.x || text.y + text.height <= button.y || button.y + button.height <= text.y;
    assert(apart, `a report line overlaps its button: text ${JSON.stringify(text)}, button ${JSON.stringify(button)}`);
  }
  assert((await overflow(u)) <= 0, 'the plan page with its reporting panel is wider than a phone\'s screen');
  await panel.scrollIntoViewIfNeeded();
  await u.screenshot('42-phone-plan-reporting', { fullPage: false });
}

/** Version 1 compared with the current one: the title, the body paragraph and the deadline each show their words. */
async function wordDiff(u, planId) {
  await u.openPlan(planId);
  await u.page.getByRole('button', { name: 'So với bản hiện tại' }).click();
  const diff = u.page.getByTestId('version-diff');
  await diff.waitFor();
  const words = (part, op) => diff.locator(`[data-diff-part="${part}"] [data-word-op="${op}"]`).allInnerTexts();
  const title = await words('title', 'added');
  assert(title.map((w) => w.trim()).join('|') === 'tốt', `the title's added words read ${JSON.stringify(title)}`);
  const body = await words('body', 'added');
  assert(body.map((w) => w.trim()).join('|') === 'nòng cốt', `the body's added words read ${JSON.stringify(body)}`);
  const removed = await words('reporting', 'removed');
  const added = await words('reporting', 'added');
  assert(removed.join('|') === '15' && added.join('|') === '20', `the deadline's words read -${removed} +${added}`);
  const parts = await diff.locator('[data-diff-part]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-diff-part')));
  assert(parts.join(',') === 'title,body,reporting', `the parts compared are ${parts}`);
  await u.screenshot('46-version-diff', { fullPage: false });
  await u.page.keyboard.press('Escape');
}

/** A 5,000-character paragraph is flagged with its length; an empty title explains the disabled save. */
async function textHints(u) {
  await u.go('/plans/create');
  await u.field('title').waitFor();
  const toolbarHint = u.page.getByTestId('save-hint');
  const hint = await toolbarHint.innerText();
  assert(hint.includes('Trích yếu'), `with an empty title the toolbar says "${hint}"`);
  await u.field('title').fill('Kế hoạch có đoạn văn rất dài');
  await u.page.getByTestId('save-hint').waitFor({ state: 'detached' });
  await u.openTab('Nội dung');
  await u.field('body.1.text').fill(LONG_PARAGRAPH);
  const length = u.page.locator('[data-length-hint="body.1.text"]');
  const text = await length.innerText();
  assert(/5[.,]\d{3} ký tự/.test(text) && text.includes('1.500'), `the long paragraph's hint reads "${text}"`);
  assert((await length.getAttribute('data-too-long')) === 'true', 'the long paragraph is not flagged as too long');
  await u.screenshot('47-long-paragraph', { fullPage: false });
  await u.field('body.1.text').fill('Một đoạn ngắn.');
  await length.waitFor({ state: 'detached' });
}

/**
 * Where LibreOffice breaks the organisation's name in the DOCX header: 13pt in a 3,470-twip cell
 * (173.5pt) holds "ỦY BAN MTTQ VIỆT NAM" (about 150pt) but not "… TỈNH" (190pt).
 */
const DOCX_HEADER_LINES = 'ỦY BAN MTTQ VIỆT NAM / TỈNH SƠN LA';

/** In the page: an element's text as the lines the browser broke it into (words grouped by their top). */
function linesOfText(element) {
  const text = element.firstChild;
  const lines = new Map();
  for (const word of text.data.matchAll(/\S+/g)) {
    const range = document.createRange();
    range.setStart(text, word.index);
    range.setEnd(text, word.index + word[0].length);
    const top = Math.round(range.getBoundingClientRect().top);
    lines.set(top, [...(lines.get(top) ?? []), word[0]]);
  }
  return [...lines.values()].map((words) => words.join(' '));
}

/** The indicator row's labels in full; the preview header broken into lines where the DOCX breaks it. */
async function indicatorsAndHeader(u, planId) {
  for (const width of [1280, PHONE.width]) {
    if (width === PHONE.width) await atPhoneWidth(u);
    await u.go(`/plans/${planId}`);
    await u.field('title').waitFor();
    await u.openTab('Báo cáo');
    const labels = u.page.locator('form .MuiInputLabel-root').filter({ visible: true });
    const shown = await labels.allInnerTexts();
    for (const label of ['Chỉ tiêu', 'Đơn vị tính', 'Kiểu số liệu']) {
      const element = labels.filter({ hasText: new RegExp(`^${label}\\s*\\*?$`) });
      assert((await element.count()) > 0, `at ${width}px no label reads "${label}" (${shown.join(' | ')})`);
      const cut = await element.first().evaluate((e) => e.scrollWidth > e.clientWidth + 1);
      assert(!cut, `at ${width}px the label "${label}" is cut`);
    }
    await u.screenshot(`48-indicators-${width}`, { fullPage: false });
    await u.openTab('Xem trước');
    const organisation = u.page.getByTestId('document-preview').locator('table.header td').first().locator('div').first();
    const lines = await organisation.evaluate(linesOfText);
    assert(lines.join(' / ') === DOCX_HEADER_LINES, `at ${width}px the preview sets the organisation as "${lines.join(' / ')}", the DOCX as "${DOCX_HEADER_LINES}"`);
    await u.screenshot(`49-preview-header-${width}`, { fullPage: false });
  }
  await atDesktopWidth(u);
}

/**
 * A second browser in en-US: the plan page's dates read dd/mm/yyyy, a day that does not exist
 * (31/02) is refused under its field, and a deadline typed "20/01/2027" is saved as 2027-01-20.
 */
async function englishBrowser(context, planId) {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-ui-en-'));
  const browser = await launchBrowser({ executablePath: context.chromium, profileDir, locale: 'en-US' });
  try {
    const u = ui({ ...context, browser });
    await u.loginAs('bpt.tinh');
    const language = await u.page.evaluate(() => new Intl.DateTimeFormat().resolvedOptions().locale);
    assert(language.startsWith('en'), `the browser's language is ${language}, not English`);
    await u.go(`/plans/${planId}`);
    await u.openTab('Báo cáo');
    const due = u.field('reporting.0.dueDate');
    const shown = await due.inputValue();
    assert(shown === '20/12/2026', `the deadline 2026-12-20 shows as "${shown}"`);
    await due.fill('31/02/2027');
    await u.page.getByRole('button', { name: 'Lưu' }).click();
    await u.page.getByText('Ghi ngày theo dạng ngày/tháng/năm').waitFor();
    await due.fill('20/01/2027');
    await u.page.getByRole('button', { name: 'Lưu' }).click();
    await u.page.getByTestId('document-preview').waitFor();
    const { body: saved } = await u.api('GET', `/plans/${planId}`);
    assert(saved.reporting[0].dueDate === '2027-01-20', `"20/01/2027" was saved as ${saved.reporting[0].dueDate}`);
    const page = await u.page.locator('main').innerText();
    assert(!/\b\d{1,2}\/\d{1,2}\/\d{2}\b(?!\d)/.test(page) && !/(Jan|Dec)[a-z]* \d/.test(page), 'an English-style date is shown on the plan page');
    await u.screenshot('50-en-us-plan-page');
  } finally {
    await browser.close().catch(() => {});
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

module.exports = { layoutChecks };
