'use strict';
/** What a user does in the admin UI, in the words of the UI (Vietnamese labels), for the scenario to read as a story. */
const fs = require('node:fs');
const path = require('node:path');
const { DESKTOP, PHONE } = require('./browser');
const { assert } = require('./checks');

const PASSWORD = 'kehoach2026';

function ui({ baseUrl, browser, screenshots }) {
  const page = browser.page;
  const go = (route) => page.goto(`${baseUrl}/#${route}`);

  return {
    page,
    /** The messages of the browser dialogs answered so far (e.g. "leave with unsaved changes?"). */
    dialogs: browser.dialogs,

    /** Logs out whoever is logged in (through the user menu, as a person would), then logs in and opens the dashboard. */
    async loginAs(username) {
      const loggedIn = page.url().startsWith(baseUrl) && (await page.evaluate(() => localStorage.getItem('kehoach.session') !== null));
      if (loggedIn) {
        // The app bar slides away while scrolling down; back at the top it is there.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.getByRole('button', { name: 'Tài khoản', exact: true }).click();
        await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
        await page.waitForURL(/#\/login/);
      } else {
        await go('/login');
      }
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.locator('button[type="submit"]').click();
      // react-admin returns to the page the previous user left; every step starts from the dashboard.
      await page.getByRole('button', { name: 'Tài khoản', exact: true }).waitFor();
      await go('/');
      await page.getByTestId('tasks-card').waitFor();
    },

    /** The plan page, once its document preview is on screen. */
    async openPlan(planId) {
      await go(`/plans/${planId}/show`);
      await page.getByTestId('document-preview').waitFor();
    },

    /** The status chip's state and its Vietnamese words. */
    async expectStatus(status, words) {
      const chip = page.locator(`[data-status="${status}"]`).first();
      await chip.waitFor();
      const text = (await chip.innerText()).trim();
      assert(text === words, `status chip reads "${text}", expected "${words}"`);
    },

    async actionsOffered() {
      const buttons = page.locator('[data-action]');
      return buttons.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-action')));
    },

    /** Presses an action button, writes the comment when asked, and confirms. */
    async confirmAction(action, comment) {
      await page.locator(`[data-action="${action}"]`).click();
      if (comment) await page.locator('textarea[name="comment"]').fill(comment);
      // Signing actions ask for the key's PIN: every demo key's PIN is the demo password.
      const pin = page.locator('input[name="pin"]');
      if (await pin.count()) await pin.fill('kehoach2026');
      await page.locator(`[data-confirm="${action}"]`).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },

    /** A workflow event: confirmed, then the plan's new state on its chip. */
    async act(action, { comment, status, words }) {
      await this.confirmAction(action, comment);
      await this.expectStatus(status, words);
    },

    /** Picks an option of a react-admin autocomplete by typing part of its text. */
    async pickAutocomplete(input, text, optionText = text) {
      await input.click();
      await input.fill(text);
      await page.getByRole('option', { name: optionText }).first().click();
    },

    /** An input by its form path ("title", "body.3.text"): react-admin gives inputs generated ids, but names are the paths. */
    field(name) {
      return page.locator(`[name="${name}"]`);
    },

    /** Picks an option of a react-admin SelectInput (an MUI select) by its visible text. */
    async pickSelect(name, optionText) {
      await page.locator(`input[name="${name}"]`).locator('xpath=..').getByRole('combobox').click();
      await page.getByRole('option', { name: optionText, exact: true }).click();
    },

    /** The one of the matching elements that is on screen (react-admin keeps some hidden copies). */
    visible(locator) {
      return locator.filter({ visible: true }).first();
    },

    async openTab(name) {
      await page.getByRole('tab', { name }).click();
      await page.getByRole('tab', { name, selected: true }).waitFor();
    },

    async screenshot(name, { fullPage = true } = {}) {
      await page.waitForLoadState('networkidle').catch(() => {});
      // A full-page shot of a scrolled page draws the fixed app bar where the scroll left it.
      if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage, animations: 'disabled' });
    },

    /** An element's text on one line. */
    async textOf(locator) {
      return (await locator.innerText()).replace(/\s+/g, ' ').trim();
    },

    /** Clicks what starts a download and answers the file's name and bytes. */
    async download(trigger) {
      const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
      return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
    },

    /**
     * The page at a phone's width: `content` on screen, no sideways scrolling, a screenshot;
     * then back to the desktop size.
     */
    async atPhoneWidth(name, content) {
      await page.setViewportSize(PHONE);
      try {
        await content.waitFor();
        // Give the layout a moment to follow the new width (media queries, a closing notification).
        await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3_000 }).catch(() => {});
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 0, `${name}: the page is ${overflow}px wider than a phone's screen`);
        await this.screenshot(name);
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    },

    /** The id of the plan whose page is open. */
    planIdFromUrl() {
      const match = /#\/plans\/([0-9a-f-]{36})/.exec(page.url());
      assert(match, `not on a plan page: ${page.url()}`);
      return match[1];
    },

    /** The API as the logged-in user (its session cookie and CSRF token), for what a test sets up around the UI. */
    async api(method, route, body) {
      return page.evaluate(
        async ({ method, route, body }) => {
          const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('kehoach_csrf='))?.slice('kehoach_csrf='.length) ?? '');
          const response = await fetch(`/api${route}`, {
            method,
            headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
            body: body ? JSON.stringify(body) : undefined,
          });
          return { status: response.status, body: await response.json().catch(() => null) };
        },
        { method, route, body },
      );
    },

    go,
  };
}

module.exports = { ui };
