'use strict';
/** Debian's chromium, headless, through playwright-core (see /work/shared/STACK.md). */
const { chromium } = require('playwright-core');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * One browser profile for the whole run, one page at 1366×768, in Vietnamese unless `locale` says
 * otherwise. It records the messages polyglot reports as missing and the errors the page throws,
 * so a run can fail on them.
 */
async function launchBrowser({ executablePath, profileDir, locale = 'vi-VN' }) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: [...ARGS, `--lang=${locale}`],
    viewport: DESKTOP,
    locale,
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const browser = { page, missingTranslations: [], pageErrors: [], dialogs: [], close: () => context.close() };
  page.on('console', (message) => {
    const text = message.text();
    if (/Missing translation for key/i.test(text)) browser.missingTranslations.push(text);
  });
  page.on('pageerror', (error) => browser.pageErrors.push(error.message));
  // "Leave with unsaved changes?" is answered yes where a step navigates away on purpose; steps check it was asked.
  page.on('dialog', (dialog) => {
    browser.dialogs.push(dialog.message());
    return dialog.accept();
  });
  return browser;
}

module.exports = { launchBrowser, DESKTOP, PHONE };
