'use strict';
/**
 * The incoming register (văn bản đến) as its three users meet it: the clerk registers a document
 * received from outside the system with its PDF and gets the year's next arrival number; the leader
 * finds it on the dashboard and gives it to a drafter with a direction and a deadline; the drafter
 * finds it on her dashboard and builds the implementing plan from it.
 */
const { assert } = require('./checks');
const { vietnamDay } = require('./inbox');
const { ui } = require('./ui');

const SENDER = 'Ủy ban nhân dân tỉnh Sơn La';
const NUMBER = '15/KH-UBND';
const SUMMARY = 'Triển khai công tác phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa lũ';
const DIRECTION = 'Giao Ban Phong trào tham mưu xây dựng kế hoạch thực hiện, trình Thường trực trước hạn.';
const FILE_NAME = 'ke-hoach-15-kh-ubnd.pdf';
const ASSIGNEE = 'Lò Thị Hương';
const CARD = 'incoming-to-handle';

/** "YYYY-MM-DD" as a person types and reads it: "dd/mm/yyyy". */
const dayMonthYear = (day) => day.split('-').reverse().join('/');

/** A one-page PDF with its cross-reference table: the server takes a file by its first bytes, "%PDF-". */
function minimalPdf() {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function incomingChecks(context) {
  const u = ui(context);
  const state = { deadline: vietnamDay(14) };
  const steps = [
    ['vt.tinh registers a "Khẩn" document from outside with its PDF: the next arrival number, on the entry and at the top of the register', () => register(u, state)],
    ['pct.tinh opens it from "Văn bản đến cần xử lý" and gives it to bpt.tinh with a direction and a deadline; it leaves her card', () => assign(u, state)],
    ['bpt.tinh opens it from her card and builds the implementing plan: a draft titled "Thực hiện Kế hoạch số 15/KH-UBND …"', () => derive(u, state)],
  ];
  for (const [name, run] of steps) await context.checks.step(name, run);
}

/**
 * Waits until the page shows every part (each field's label followed by its value, on one line of text):
 * the URL changes before the new page is drawn.
 */
async function expectShows(u, parts, what) {
  const shows = (wanted) => {
    const text = document.querySelector('#main-content')?.innerText.replace(/\s+/g, ' ') ?? '';
    return wanted.every((part) => text.includes(part));
  };
  await u.page.waitForFunction(shows, parts).catch(() => {});
  const text = await u.textOf(u.page.locator('#main-content'));
  const missing = parts.filter((part) => !text.includes(part));
  assert(missing.length === 0, `${what} lacks "${missing.join('", "')}": ${text.slice(0, 800)}`);
}

async function register(u, state) {
  await u.loginAs('vt.tinh');
  await u.page.getByRole('menuitem', { name: 'Văn bản đến' }).click();
  await u.visible(u.page.getByRole('link', { name: 'Tạo mới' })).click();
  await u.page.waitForURL(/#\/incoming-documents\/create$/);
  await u.field('sender').fill(SENDER);
  await u.field('documentNumber').fill(NUMBER);
  await u.field('documentDate').fill(dayMonthYear(vietnamDay(-3)));
  await u.pickSelect('documentType', 'Kế hoạch');
  await u.field('summary').fill(SUMMARY);
  await u.pickSelect('urgency', 'Khẩn');
  const pdf = minimalPdf();
  await u.page.locator('.ra-input-file input[type="file"]').setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: pdf });
  await u.page.locator('.ra-input-file').getByText(FILE_NAME).waitFor();
  await u.page.getByRole('button', { name: 'Lưu' }).click();

  await u.page.waitForURL(/#\/incoming-documents\/[0-9a-f-]{36}\/show$/);
  state.entryId = /incoming-documents\/([0-9a-f-]{36})\//.exec(u.page.url())[1];
  const notice = await u.page.getByText(/^Đã vào sổ, số đến \d+$/).first().textContent();
  state.arrivalNumber = Number(/\d+$/.exec(notice)[0]);
  // The file goes up once the entry is saved: its download button says it is there, and gives it back whole.
  const file = await u.download(u.page.getByRole('button', { name: `Tải tệp văn bản: ${FILE_NAME}` }));
  assert(file.bytes.equals(pdf), `the downloaded file (${file.name}, ${file.bytes.length} bytes) differs from the uploaded PDF`);
  await expectShows(
    u,
    [`Số đến ${state.arrivalNumber}`, `Ngày đến ${dayMonthYear(vietnamDay())}`, 'Độ khẩn Khẩn', 'Tình trạng Đã tiếp nhận', `Cơ quan ban hành ${SENDER}`, `Số, ký hiệu ${NUMBER}`, `Ngày văn bản ${dayMonthYear(vietnamDay(-3))}`, 'Loại văn bản Kế hoạch', `Trích yếu ${SUMMARY}`],
    'the new entry\'s page',
  );
  await u.screenshot('50-incoming-registered');

  // The register, newest arrival first: the entry on top, its number following the one before it.
  await u.page.getByRole('menuitem', { name: 'Văn bản đến' }).click();
  const rows = u.page.locator('tbody tr');
  await rows.filter({ hasText: SUMMARY }).waitFor();
  const numbers = (await rows.locator('td.column-arrivalNumber').allInnerTexts()).map(Number);
  const top = await u.textOf(rows.first());
  assert(numbers[0] === state.arrivalNumber && top.includes(SUMMARY), `the register's first row is not the new entry (number ${state.arrivalNumber}): numbers ${numbers.join(', ')}`);
  if (numbers.length > 1) assert(numbers[1] === state.arrivalNumber - 1, `arrival numbers are not consecutive: ${numbers.slice(0, 5).join(', ')}`);
  for (const part of [NUMBER, SENDER, 'Khẩn', 'Đã tiếp nhận']) assert(top.includes(part), `the register's top row lacks "${part}": ${top}`);
}

/** The entry's line on the dashboard card "Văn bản đến cần xử lý". */
const cardLine = (u) => u.page.getByTestId(CARD).getByRole('link').filter({ hasText: SUMMARY });

/** The card once its list has come: some lines, or the words saying there are none. */
async function cardLoaded(u) {
  const card = u.page.getByTestId(CARD);
  await card.getByRole('link').first().or(card.getByText('Không có văn bản đến nào chờ anh/chị xử lý.')).waitFor();
}

async function assign(u, state) {
  assert(state.entryId, 'no entry was registered');
  await u.loginAs('pct.tinh');
  const line = cardLine(u);
  const leaderLine = await u.textOf(line);
  assert(leaderLine.includes(`Số ${NUMBER} của ${SENDER} · Khẩn`), `the leader's card line reads "${leaderLine}"`);
  await line.click();
  await u.page.waitForURL(new RegExp(`#/incoming-documents/${state.entryId}/show$`));

  await u.page.getByRole('link', { name: 'Sửa' }).click();
  await u.page.waitForURL(new RegExp(`#/incoming-documents/${state.entryId}$`));
  // The stored file is named in its row.
  await u.page.locator('.ra-input-file').getByText(FILE_NAME).waitFor();
  await u.pickSelect('assigneeId', ASSIGNEE);
  await u.field('direction').fill(DIRECTION);
  await u.field('deadline').fill(dayMonthYear(state.deadline));
  await u.page.getByRole('button', { name: 'Lưu' }).click();

  await u.page.waitForURL(new RegExp(`#/incoming-documents/${state.entryId}/show$`));
  await expectShows(
    u,
    ['Tình trạng Đã giao xử lý', `Người được giao ${ASSIGNEE}`, `Hạn xử lý ${dayMonthYear(state.deadline)}`, `Ý kiến chỉ đạo ${DIRECTION}`],
    'the assigned entry\'s page',
  );
  await u.screenshot('51-incoming-assigned');

  // Given out, it no longer waits for the leader (a fresh page: nothing kept from before the assignment).
  await u.go('/');
  await u.page.reload();
  await cardLoaded(u);
  assert((await cardLine(u).count()) === 0, 'the entry given out is still on the leader\'s card');
}

async function derive(u, state) {
  assert(state.entryId, 'no entry was registered');
  await u.loginAs('bpt.tinh');
  const line = cardLine(u);
  const assigneeLine = await u.textOf(line);
  assert(assigneeLine.includes(`Số ${NUMBER} của ${SENDER} · Khẩn · hạn xử lý ${dayMonthYear(state.deadline)}`), `the assignee's card line reads "${assigneeLine}"`);
  await u.screenshot('52-incoming-card', { fullPage: false });
  await line.click();
  await u.page.waitForURL(new RegExp(`#/incoming-documents/${state.entryId}/show$`));

  // The history in words: the assignment by name, the urgency, the day as people write it; no raw values.
  const history = u.page.getByTestId('incoming-history-line');
  await history.first().waitFor();
  const lines = (await history.allInnerTexts()).join(' ').replace(/\s+/g, ' ');
  for (const part of ['Độ khẩn: Khẩn', 'Tình trạng: Đã giao xử lý', `Người được giao: ${ASSIGNEE}`, `Hạn xử lý: ${dayMonthYear(state.deadline)}`]) {
    assert(lines.includes(part), `the history lacks "${part}": ${lines}`);
  }
  assert(!/\d{4}-\d{2}-\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-|\b(flash|assigned|received)\b/.test(lines), `the history shows raw values: ${lines}`);
  // On a phone the toolbar wraps: the button is on screen (by its test id: the menu left open from the
  // desktop width covers the page as a drawer, hiding it from the accessibility tree).
  await u.atPhoneWidth('53-incoming-phone', u.page.getByTestId('derive-from-incoming'));
  await u.page.getByRole('button', { name: 'Xây dựng kế hoạch thực hiện' }).click();
  await u.page.waitForURL(/#\/plans\/[0-9a-f-]{36}$/);
  const planId = u.planIdFromUrl();
  const title = u.field('title');
  await title.waitFor();
  const text = await title.inputValue();
  assert(text.startsWith(`Thực hiện Kế hoạch số ${NUMBER}`), `the new draft's title reads "${text}"`);
  assert(text.includes(SENDER), `the new draft's title does not name the sender: "${text}"`);
  await u.screenshot('54-incoming-derived-draft', { fullPage: false });

  // Back on the entry, the plan built from it is linked.
  await u.page.goBack();
  await u.page.waitForURL(new RegExp(`#/incoming-documents/${state.entryId}/show$`));
  await u.page.getByRole('link', { name: 'Xem kế hoạch 1' }).click();
  await u.page.waitForURL(`**/plans/${planId}/show`);
}

module.exports = { incomingChecks };
