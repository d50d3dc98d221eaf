'use strict';
/**
 * Browser tests of the admin UI: the built app on a fresh embedded database, driven by Debian's
 * chromium through playwright-core. A joint plan goes through its whole life, each step done by
 * the demo user whose job it is, then the body editor and the import, a few checks that stand alone, the
 * administrator's signing keys and images, the inbox of each role, replacement and correction (Điều 18), a signer in two capacities, the layout at a phone's width, and the
 * organisation tree's changes. Run: `npm run test:ui`.
 * Screenshots of the main pages land in tests/ui/screenshots/ (git-ignored).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { daysPass, startApp } = require('./app');
const { launchBrowser } = require('./browser');
const { capacityChecks } = require('./capacities');
const { Checks } = require('./checks');
const { editorChecks } = require('./editor');
const { inboxChecks } = require('./inbox');
const { incomingChecks } = require('./incoming');
const { frictionChecks } = require('./friction');
const { layoutChecks } = require('./layout');
const { organisationChecks } = require('./organisations');
const { replacementChecks } = require('./replacement');
const { scenario } = require('./scenario');
const { signingChecks, testSigningCa } = require('./signing');
const { standaloneChecks } = require('./standalone');

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOTS = path.join(__dirname, 'screenshots');

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium) and run again.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-ui-'));
  const checks = new Checks();
  let app;
  let browser;
  try {
    const signingCa = testSigningCa(scratch);
    const appOptions = { root: ROOT, dataDir: path.join(scratch, 'data'), env: signingCa.env };
    app = await startApp(appOptions);
    browser = await launchBrowser({ executablePath: CHROMIUM, profileDir: path.join(scratch, 'profile') });
    const context = {
      baseUrl: app.baseUrl, browser, screenshots: SCREENSHOTS, checks, signingCa, chromium: CHROMIUM,
      daysPass: async (planId, days) => {
        app = await daysPass(app, appOptions, planId, days);
      },
    };
    checks.onFailure = (number) => browser.page.screenshot({ path: path.join(SCREENSHOTS, `failed-step-${number}.png`) });
    await scenario(context);
    await editorChecks(context);
    await standaloneChecks(context);
    await signingChecks(context);
    await inboxChecks(context);
    await frictionChecks(context);
    await incomingChecks(context);
    await replacementChecks(context);
    await capacityChecks(context);
    await layoutChecks(context);
    // Last: it renames and merges demo committees the checks above name.
    await organisationChecks(context);
    checks.expect('no react-admin message is missing its Vietnamese translation', () => browser.missingTranslations.length === 0, () =>
      [...new Set(browser.missingTranslations)].join('; '),
    );
  } catch (error) {
    checks.fail('test run', error);
  } finally {
    await browser?.close().catch(() => {});
    await app?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  process.exit(checks.failed === 0 ? 0 : 1);
}

main();
