'use strict';
/** Filling the plan editor's tabs as a drafter would. */

const CONTENT_FIELDS = ['kind', 'issuerId', 'coIssuerIds', 'heading', 'title', 'place', 'preamble', 'preambleKinds', 'body', 'closing', 'signer', 'recipients', 'archive', 'reporting', 'form', 'parentPlanId'];

async function fillGeneral(u, { kind, coIssuers, title }) {
  await u.page.getByRole('radio', { name: kind, exact: true }).check();
  for (const name of coIssuers) await u.pickAutocomplete(u.field('coIssuerIds'), name.split(' ').slice(0, 3).join(' '), name);
  await u.field('title').fill(title);
}

/** Inserts a block under block `index` with the row's "insert below" button, then sets its type and text. */
async function insertBlockBelow(u, index, typeLabel, text) {
  await u.page.locator('.ra-input-body').getByRole('button', { name: 'Chèn mục bên dưới' }).nth(index).click();
  await u.pickSelect(`body.${index + 1}.type`, typeLabel);
  await u.field(`body.${index + 1}.text`).fill(text);
}

/**
 * A preamble basis, and the body built around the three sections a new plan starts with:
 * I. (1., -), II. (1., 1.1. as a numbered paragraph, +, paragraph), III. (paragraph).
 */
async function fillContent(u) {
  await u.page.locator('.ra-input-preambleLines').getByRole('button', { name: 'Thêm' }).click();
  await u.field('preambleLines.0.text').fill('Thực hiện Kế hoạch số 224/KH-MTTQ-BTT ngày 05/4/2026 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.');
  await insertBlockBelow(u, 0, 'Mục (1.)', 'Mục đích');
  await insertBlockBelow(u, 1, 'Gạch đầu dòng (-)', 'Phát huy vai trò của Mặt trận và các tổ chức chính trị - xã hội tỉnh.');
  await insertBlockBelow(u, 3, 'Mục (1.)', 'Mặt trận Tổ quốc tỉnh chủ trì');
  await insertBlockBelow(u, 4, 'Tiểu mục (1.1.)', 'Tuyên truyền, vận động');
  await u.field('body.5.asParagraph').check();
  const weight = await u.page.getByTestId('block-label').nth(5).evaluate((element) => getComputedStyle(element).fontWeight);
  if (weight !== '400') throw new Error(`a numbered paragraph's label is set in weight ${weight}, not as body text`);
  await insertBlockBelow(u, 5, 'Ý nhỏ (+)', 'Phát động Cuộc vận động trong toàn tỉnh.');
  await insertBlockBelow(u, 6, 'Đoạn văn', 'Các tổ chức thành viên phối hợp triển khai ở cơ sở.');
  await insertBlockBelow(u, 8, 'Đoạn văn', 'Giao Ban Phong trào theo dõi, tổng hợp kết quả.');
}

async function blockLabels(u) {
  return u.page.getByTestId('block-label').evaluateAll((elements) => elements.map((element) => element.textContent.trim()));
}

/**
 * A line naming two district committees (picking the first fills the line's text from its name),
 * and one typed line for an outside recipient.
 */
async function fillRecipients(u) {
  const recipients = u.page.locator('.ra-input-recipients');
  await recipients.getByRole('button', { name: 'Thêm' }).click();
  await u.pickAutocomplete(u.field('recipients.0.orgIds'), 'Thuận Châu', 'Ủy ban MTTQ Việt Nam huyện Thuận Châu');
  const label = await u.field('recipients.0.label').inputValue();
  if (label !== 'Ủy ban MTTQ Việt Nam huyện Thuận Châu') throw new Error(`picking an organisation filled the line with "${label}"`);
  await u.pickAutocomplete(u.field('recipients.0.orgIds'), 'Mai Sơn', 'Ủy ban MTTQ Việt Nam huyện Mai Sơn');
  await u.field('recipients.0.label').fill('Ủy ban MTTQ Việt Nam huyện Thuận Châu, huyện Mai Sơn');
  await recipients.getByRole('button', { name: 'Thêm' }).click();
  await u.field('recipients.1.label').fill('Ban Thường trực UB TW MTTQ Việt Nam');
  await u.field('recipients.1.note').fill('b/c');
}

const REPORT_NAME = 'Báo cáo sơ kết 6 tháng';

/** The form's indicators: a count, a percentage and a text answer. */
const INDICATORS = [
  { code: '1', label: 'Số khu dân cư đạt chuẩn văn hóa', unit: 'khu', type: 'Số nguyên' },
  { code: '2', label: 'Tỷ lệ hộ gia đình văn hóa', unit: '%', type: 'Tỷ lệ (%)' },
  { code: '3', label: 'Mô hình, cách làm hay', unit: '', type: 'Chữ' },
];

/** A deadline three weeks ahead, typed dd/mm/yyyy (answered as "YYYY-MM-DD"), and a three-indicator reporting form. */
async function fillReporting(u) {
  await u.page.locator('.ra-input-reporting').getByRole('button', { name: 'Thêm' }).click();
  await u.field('reporting.0.name').fill(REPORT_NAME);
  const due = new Date(Date.now() + 21 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await u.field('reporting.0.dueDate').fill(due.split('-').reverse().join('/'));
  const indicators = u.page.locator('[class*="ra-input-form.indicators"]');
  for (const [index, indicator] of INDICATORS.entries()) {
    await indicators.getByRole('button', { name: 'Thêm' }).last().click();
    await u.field(`form.indicators.${index}.code`).fill(indicator.code);
    await u.field(`form.indicators.${index}.label`).fill(indicator.label);
    await u.field(`form.indicators.${index}.unit`).fill(indicator.unit);
    if (indicator.type !== 'Số nguyên') await u.pickSelect(`form.indicators.${index}.type`, indicator.type);
  }
  return due;
}

/** The PUT body for a plan as the API returned it, with some fields changed. */
function contentOf(plan, changes = {}) {
  const content = Object.fromEntries(CONTENT_FIELDS.map((field) => [field, plan[field]]));
  return { ...content, ...changes, version: plan.version };
}

module.exports = { fillGeneral, fillContent, insertBlockBelow, blockLabels, fillRecipients, fillReporting, contentOf, REPORT_NAME };
