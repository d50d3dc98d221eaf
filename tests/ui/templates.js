'use strict';
/** The administrator's templates of an organisation: a broken upload refused with every reason, a sound one kept, reset. */
const fs = require('node:fs');
const path = require('node:path');
const PizZip = require('pizzip');
const { assert } = require('./checks');

const PROVINCE = 'Ủy ban MTTQ Việt Nam tỉnh Sơn La';
const TEMPLATE = path.resolve(__dirname, '../../templates/ke-hoach.docx');

/** The shipped one-issuer template, with `edit` applied to its document.xml. */
function templateWith(edit) {
  const zip = new PizZip(fs.readFileSync(TEMPLATE));
  zip.file('word/document.xml', edit(zip.file('word/document.xml').asText()));
  return zip.generate({ type: 'nodebuffer' });
}

async function organisationTemplates(u) {
  await u.loginAs('admin');
  await u.go('/organisations');
  await u.page.getByRole('cell', { name: PROVINCE, exact: true }).click();
  const panel = u.page.getByTestId('templates-panel');
  const single = panel.locator('[data-template-kind="single"]');
  await single.getByTestId('template-active').getByText('Đang dùng: mẫu chuẩn của hệ thống').waitFor();

  const broken = templateWith((xml) => xml.replace('w:left="1701"', 'w:left="1000"').replace('Nơi nhận:', ''));
  await u.page.locator('input[name="template-single"]').setInputFiles({ name: 'mau-sai.docx', mimeType: 'application/octet-stream', buffer: broken });
  const refused = single.getByTestId('template-refused');
  await refused.waitFor();
  const problems = await refused.locator('li').allInnerTexts();
  assert(problems.length >= 2, `the refusal lists ${problems.length} problem(s): ${problems.join(' | ')}`);
  assert(problems.some((p) => p.startsWith('Lề trái')) && problems.some((p) => p.includes('Nơi nhận')), `the refusal misses a problem: ${problems.join(' | ')}`);
  assert((await u.textOf(refused)).includes('chưa được lưu'), 'the refusal does not say nothing was stored');
  await u.screenshot('25-organisation-template-refused');

  const sound = templateWith((xml) => xml.replace('w:left="1701"', 'w:left="1800"'));
  await u.page.locator('input[name="template-single"]').setInputFiles({ name: 'Mẫu kế hoạch tỉnh.docx', mimeType: 'application/octet-stream', buffer: sound });
  await single.getByTestId('template-active').getByText('Đang dùng: phiên bản 1 (Mẫu kế hoạch tỉnh.docx)').waitFor();
  await single.locator('[data-template-version="1"]').getByText('Đang dùng').waitFor();
  const file = await u.download(single.locator('[data-template-version="1"]').getByRole('button', { name: 'Tải về' }));
  assert(file.bytes.equals(sound), 'the downloaded version differs from the uploaded file');
  await u.atPhoneWidth('26-phone-organisation-templates', panel);
  await single.getByTestId('use-shipped-template').click();
  await u.page.getByTestId('confirm-use-shipped').click();
  await single.getByTestId('template-active').getByText('Đang dùng: mẫu chuẩn của hệ thống').waitFor();
  await single.getByTestId('activate-template').waitFor();
}

module.exports = { organisationTemplates };
