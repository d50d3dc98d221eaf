'use strict';
/** The body editor at scale and by keyboard, and bringing plans in: the import dialog and pasted paragraphs. */
const fs = require('node:fs');
const path = require('node:path');
const { assert } = require('./checks');
require('../support/require-ts');
const { docxFromText } = require('../import/make-docx.ts');
const { blockLabels } = require('./plan-editor');
const { ui } = require('./ui');

const ROOT = path.resolve(__dirname, '../..');
const LONG_BODY = 200;
const TYPED = ' và các tổ chức thành viên phối hợp thực hiện tốt';

async function editorChecks(context) {
  const u = ui(context);
  const { checks } = context;
  await checks.step(`typing into a body of ${LONG_BODY} blocks lands in its block (the time per keystroke is printed)`, () => typingAtScale(u));
  await checks.step('the body editor by keyboard: Enter adds a block, Tab/Shift+Tab change its level, Alt+↑ moves it, Backspace removes an empty one', () =>
    keyboardMap(u),
  );
  await checks.step('pasting several paragraphs into a block splits them into blocks by their typed numbers and dashes', () => pasteSplits(u));
  await checks.step('a joint plan pasted into "Nhập từ Word / dán văn bản" fills the editor block for block and saves as imported', () =>
    importAndSave(u, '002', (text) => fillPasted(u, text)),
  );
  await checks.step('a Word file picked in "Nhập từ Word / dán văn bản" fills the editor block for block and saves as imported', () =>
    importAndSave(u, '003', (text) => pickDocx(u, text)),
  );
}

/** A draft of bpt.tinh's organisation with `body`, made through the API; answers the plan. */
async function draftWithBody(u, body) {
  const { body: me } = await u.api('GET', '/me');
  const { status, body: created } = await u.api('POST', '/plans', {
    kind: 'plan', issuerId: me.organisation.id, coIssuerIds: [], heading: null, title: 'Kế hoạch dài để đo tốc độ gõ', place: 'Sơn La',
    preamble: [], body, closing: [], signer: { authority: 'TM. BAN THƯỜNG TRỰC', deputy: null, title: 'PHÓ CHỦ TỊCH' },
    recipients: [], archive: 'Lưu: VT.', reporting: [], form: null, parentPlanId: null,
  });
  assert(status === 201, `creating the plan answered ${status}: ${JSON.stringify(created)}`);
  return created;
}

/** Sections with items, sub-items, paragraphs and bullets, as long plans are. */
function longBody(count) {
  const types = ['heading1', 'heading2', 'paragraph', 'bullet', 'bullet', 'heading2', 'heading3', 'subbullet'];
  return Array.from({ length: count }, (_, i) => ({ type: types[i % types.length], text: `Mục thứ ${i + 1}: tuyên truyền, vận động nhân dân tham gia xây dựng nông thôn mới.` }));
}

/**
 * In the page: from each keydown to the animation frame after its input event (what the typist
 * waits for before the letter shows, including the wait for the frame, ≤ 16.7 ms). Letters outside
 * the keyboard's layout (à, ổ…) arrive as inserted text without a keydown: timed from their beforeinput.
 */
function recordKeystrokes() {
  window.__keystrokes = [];
  let started = null;
  document.addEventListener('keydown', () => { started = performance.now(); }, true);
  document.addEventListener('beforeinput', () => { started ??= performance.now(); }, true);
  document.addEventListener('input', () => {
    const from = started;
    started = null;
    requestAnimationFrame(() => window.__keystrokes.push(performance.now() - from));
  }, true);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Types one character at a time into a block near the end, each after the last one's frame; prints the figures. */
async function typingAtScale(u) {
  await u.loginAs('bpt.tinh');
  const plan = await draftWithBody(u, longBody(LONG_BODY));
  await u.go(`/plans/${plan.id}`);
  const index = LONG_BODY - 10;
  const text = u.field(`body.${index}.text`);
  // Mounting 200 rows (every tab is rendered) takes seconds on a shared machine.
  await text.waitFor({ state: 'attached', timeout: 60_000 });
  await u.openTab('Nội dung');
  await text.click();
  await u.page.keyboard.press('Control+End');
  await u.page.evaluate(recordKeystrokes);
  for (const [i, char] of [...TYPED].entries()) {
    await u.page.keyboard.type(char);
    await u.page.waitForFunction((n) => window.__keystrokes.length >= n, i + 1, { polling: 'raf' });
  }
  const times = (await u.page.evaluate(() => window.__keystrokes)).sort((a, b) => a - b);
  const fixed = (ms) => ms.toFixed(1);
  console.log(`    keystroke at ${LONG_BODY} blocks: median ${fixed(percentile(times, 50))} ms, p95 ${fixed(percentile(times, 95))} ms, max ${fixed(times.at(-1))} ms`);
  const expected = `${plan.body[index].text}${TYPED}`;
  const typed = await text.inputValue();
  assert(typed === expected, `block ${index + 1} reads "${typed}", expected "${expected}"`);
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  await u.page.getByTestId('document-preview').waitFor({ timeout: 60_000 });
  const { body: saved } = await u.api('GET', `/plans/${plan.id}`);
  assert(saved.body[index].text === expected && saved.body.length === LONG_BODY, `the saved block ${index + 1} reads "${saved.body[index].text}"`);
}

/** A new plan's form, fresh: the create page opened from elsewhere (opened again, it would keep its values). */
async function openCreate(u) {
  await u.go('/plans');
  await u.go('/plans/create');
}

/** Every block of the editor as the form holds it: type, text and the numbered-paragraph switch. */
function editorBlocks(u) {
  return u.page.evaluate(() => {
    const blocks = [];
    for (let i = 0; ; i += 1) {
      const text = document.querySelector(`textarea[name="body.${i}.text"]`);
      if (!text) return blocks;
      const asParagraph = document.querySelector(`input[name="body.${i}.asParagraph"]`)?.checked;
      blocks.push({ type: document.querySelector(`input[name="body.${i}.type"]`).value, text: text.value, ...(asParagraph && { asParagraph }) });
    }
  });
}

async function press(u, key, times) {
  for (let i = 0; i < times; i += 1) await u.page.keyboard.press(key);
}

/** The name of the focused input, to follow the caret from block to block. */
const focused = (u) => u.page.evaluate(() => document.activeElement?.getAttribute('name'));

/**
 * On a new plan's three sections (I., II., III.): Enter after the first heading adds a paragraph
 * under it, Tab makes it a bullet, Shift+Tab twice a heading3 and once more a heading2 ("1.");
 * Enter in the middle of a text splits it; Alt+↑ moves the new block above; emptied, Backspace
 * removes it and continues at the end of the block before.
 */
async function keyboardMap(u) {
  await openCreate(u);
  await u.openTab('Nội dung');
  await u.page.getByTestId('body-keys').waitFor();
  const keys = u.page.keyboard;
  await u.field('body.0.text').click();
  await keys.press('Control+End');
  await keys.press('Enter');
  await keys.type('Tuyên truyền sâu rộng');
  assert((await focused(u)) === 'body.1.text', `after Enter the caret is in ${await focused(u)}, not the new block`);
  await keys.press('Tab');
  assert(JSON.stringify(await blockLabels(u)) === JSON.stringify(['I.', '-', 'II.', 'III.']), `after Tab the labels read ${await blockLabels(u)}`);
  await press(u, 'Shift+Tab', 3);
  assert(JSON.stringify(await blockLabels(u)) === JSON.stringify(['I.', '1.', 'II.', 'III.']), `after Shift+Tab ×3 the labels read ${await blockLabels(u)}`);
  await press(u, 'ArrowLeft', ' rộng'.length);
  await keys.press('Enter');
  await keys.press('Alt+ArrowUp');
  const blocks = await editorBlocks(u);
  const expected = [{ type: 'heading1', text: blocks[0].text }, { type: 'paragraph', text: ' rộng' }, { type: 'heading2', text: 'Tuyên truyền sâu' }];
  assert(JSON.stringify(blocks.slice(0, 3)) === JSON.stringify(expected), `after Enter and Alt+↑ the blocks are ${JSON.stringify(blocks.slice(0, 3))}`);
  assert((await focused(u)) === 'body.1.text', `after Alt+↑ the caret is in ${await focused(u)}, not the moved block`);
  await keys.press('End');
  await press(u, 'Backspace', ' rộng'.length + 1);
  assert((await editorBlocks(u)).length === 4, 'Backspace in the empty block did not remove it');
  assert((await focused(u)) === 'body.0.text', `after removing a block the caret is in ${await focused(u)}, not the block before`);
  const caret = await u.page.evaluate(() => [document.activeElement.selectionStart, document.activeElement.value.length]);
  assert(caret[0] === caret[1], `the caret is at ${caret[0]} of ${caret[1]}, not at the end of the block before`);
}

/** In the browser: a paste of `text` into the focused element, as the clipboard would deliver it. */
function paste(u, text) {
  return u.page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Five lines pasted into a new empty block: it takes the first, the others follow with their levels. */
async function pasteSplits(u) {
  await openCreate(u);
  await u.openTab('Nội dung');
  await u.page.locator('.ra-input-body').getByRole('button', { name: 'Chèn mục bên dưới' }).first().click();
  await u.field('body.1.text').click();
  const long = 'Phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong việc tuyên truyền, vận động nhân dân thực hiện Cuộc vận động.';
  await paste(u, ['1. Mục đích', `1.1. ${long}`, '- Tuyên truyền sâu rộng;', '+ Tổ chức hội nghị;', 'Các huyện xây dựng kế hoạch thực hiện.'].join('\n'));
  const blocks = (await editorBlocks(u)).slice(1, 6);
  const expected = [
    { type: 'heading2', text: 'Mục đích' },
    { type: 'heading3', text: long, asParagraph: true },
    { type: 'bullet', text: 'Tuyên truyền sâu rộng;' },
    { type: 'subbullet', text: 'Tổ chức hội nghị;' },
    { type: 'paragraph', text: 'Các huyện xây dựng kế hoạch thực hiện.' },
  ];
  assert(JSON.stringify(blocks) === JSON.stringify(expected), `the pasted lines became ${JSON.stringify(blocks)}`);
  assert(JSON.stringify((await blockLabels(u)).slice(0, 7)) === JSON.stringify(['I.', '1.', '1.1.', '-', '+', '', 'II.']), `labels read ${await blockLabels(u)}`);
}

const example = (name) => ({
  text: fs.readFileSync(path.join(ROOT, 'tests/fixtures/examples-text', `${name}.txt`), 'utf8'),
  content: JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/fixtures/examples', `${name}.json`), 'utf8')),
});

/** A block as the API and the fixtures hold it (asParagraph only when set). */
const sameBlocks = (a, b) => JSON.stringify(a.map(({ type, text, asParagraph }) => ({ type, text, asParagraph: Boolean(asParagraph) }))) ===
  JSON.stringify(b.map(({ type, text, asParagraph }) => ({ type, text, asParagraph: Boolean(asParagraph) })));

async function fillPasted(u, text) {
  const dialog = u.page.getByRole('dialog');
  await dialog.getByTestId('import-text').fill(text);
  await dialog.getByRole('button', { name: 'Nhập văn bản đã dán' }).click();
}

async function pickDocx(u, text) {
  const buffer = docxFromText(text);
  await u.page.locator('input[name="import-file"]').setInputFiles({ name: 'ke-hoach.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer });
}

/**
 * bpt.tinh imports an example plan on the create page: the title, the preamble, every body block
 * (equal to the example's fixture) and the recipients are in the editor; saved unchanged, the API
 * holds the same body.
 */
async function importAndSave(u, name, bringIn) {
  const { text, content } = example(name);
  await openCreate(u);
  await u.page.getByTestId('import-plan').click();
  await bringIn(text);
  await u.page.getByTestId('import-warnings').waitFor();
  assert((await u.field('title').inputValue()) === content.title, `the title reads "${await u.field('title').inputValue()}"`);
  const preamble = await u.page.locator('[name^="preambleLines."][name$=".text"]').evaluateAll((inputs) => inputs.map((input) => input.value));
  assert(JSON.stringify(preamble) === JSON.stringify(content.preamble), `the preamble reads ${JSON.stringify(preamble)}`);
  const blocks = await editorBlocks(u);
  assert(sameBlocks(blocks, content.body), `the editor holds ${blocks.length} blocks, not the example's ${content.body.length} (first: ${JSON.stringify(blocks[0])})`);
  const recipients = await u.page.locator('[name^="recipients."][name$=".label"]').evaluateAll((inputs) => inputs.map((input) => input.value));
  assert(JSON.stringify(recipients) === JSON.stringify(content.recipients.map((r) => r.label)), `the recipients read ${JSON.stringify(recipients)}`);
  await u.page.getByRole('button', { name: 'Lưu' }).click();
  await u.page.getByTestId('document-preview').waitFor();
  const { body: saved } = await u.api('GET', `/plans/${u.planIdFromUrl()}`);
  assert(saved.title === content.title && sameBlocks(saved.body, content.body), `the saved plan has ${saved.body.length} blocks, not the example's ${content.body.length}`);
  assert(saved.recipients.length === content.recipients.length, `the saved plan has ${saved.recipients.length} recipients`);
}

module.exports = { editorChecks };
