/**
 * The paths that need the reader's own gesture, end to end in the real browsers: checking a page
 * on a site Gloss does not run on, which the browser allows only through the `activeTab` grant of
 * a toolbar press (or of the page's context menu), and the popup's "Open side panel" button, which
 * the browsers honour only in a user gesture. Each test first shows the browser refusing without
 * the gesture, so that what follows is the gesture's doing.
 *
 * How the gestures are made headless (tools/browsers/browsers.ts, `BrowserUi`):
 * - Chromium: the toolbar button is pressed with CDP `Extensions.triggerAction` on the tab's
 *   target. That runs the button's own code: it opens the real popup and grants activeTab (the
 *   tests see the grant; Chromium's extension_action_view_model.cc runs a CDP invocation with
 *   kGrantTabPermissions = true). Chromium 156 serves it over playwright's --remote-debugging-pipe
 *   with no extra flag (older CDP docs also asked for --enable-unsafe-extension-debugging). Clicks
 *   in the popup and the panel are CDP `Input.dispatchMouseEvent`: trusted input with user
 *   activation. (Not playwright's `evaluate`, which passes CDP's userGesture: true and would let a
 *   script open the panel with no click at all.)
 * - Firefox: the reader's clicks are synthesized in the browser window, by the remote agent's
 *   own event module (the one WebDriver BiDi's input actions use), from a script in the browser's
 *   chrome scope. BiDi allows that with --remote-allow-system-access (`browsingContext.getTree`
 *   with "moz:scope": "chrome"). The clicks land on the Extensions button, Gloss's item in its
 *   panel, the popup's buttons and the page's context menu.
 *
 * Not possible headless, so not here:
 * - Chromium's page context menu ("Check this page with Gloss"). It is native browser UI: CDP can
 *   right-click the page, but nothing in CDP (its Extensions domain included) opens or chooses a
 *   context-menu item (puppeteer#5001, puppeteer#1575). Firefox's menu is tested below.
 * - The keyboard command (Alt+Shift+G, toggle highlights) in either browser, as a key press on
 *   the page. Chromium takes extension shortcuts from the browser window's accelerators, and CDP
 *   `Input.dispatchKeyEvent` goes to the page's renderer; the command did not fire here
 *   (playwright#22447, puppeteer#13445). Firefox's BiDi key actions are dispatched in the page's
 *   process and do not fire it either. A key synthesized in Firefox's browser window does fire it,
 *   but toggling highlights needs no gesture, and Gloss declares no `_execute_action` shortcut.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import type { Pack } from '../../src/annotations/model';
import { packById } from '../../src/annotations/packs';
import {
  BROWSERS,
  closeAllBrowsers,
  type GlossBrowser,
  type TestPage,
} from '../../tools/browsers/browsers';
import {
  ALL_SHOWN,
  browserWithControl,
  type ExtensionControl,
  glossHighlights,
  openFixture,
  pageState,
  screenshot,
  screenshotHighlights,
  totalHighlighted,
  waitForHighlights,
} from '../../tools/browsers/gloss';
import {
  activateTab,
  categoryHighlights,
  openSection,
  textOf,
  waitForArticle,
  waitForHighlightedCount,
  waitForPopupState,
} from '../../tools/browsers/ui';

afterAll(closeAllBrowsers);

const pack = packById('2025-11-24-trump-xi-call') as Pack;
const messages = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../assets/_locales/en/messages.json'), 'utf8'),
);
const CHECK_PAGE_ITEM: string = messages.contextMenuCheckPage.message;

/** The tab's address as Gloss sees it: none on a site outside its permissions, unless granted. */
function tabUrl(control: ExtensionControl, tabId: number) {
  return control.page.evaluate(async (id) => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const tab: { url?: string } = await api.tabs.get(id);
    return tab.url ?? null;
  }, tabId);
}

/** Asks for the side panel from a view, with no gesture: the browser's answer. */
function openPanelWithoutGesture(tabId: number): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: the view's own `browser`/`chrome`
  const g = globalThis as any;
  const opening: Promise<void> = g.browser?.sidebarAction
    ? g.browser.sidebarAction.open()
    : g.chrome.sidePanel.open({ tabId });
  return opening.then(
    () => 'opened',
    (error: Error) => String(error?.message ?? error),
  );
}

const appState = (page: TestPage) =>
  page.evaluate(() => document.querySelector('.app')?.getAttribute('data-state') ?? null, null);

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    ({ browser, control } = await browserWithControl(name));
    await control.setSettings(ALL_SHOWN);
  });

  /** The unsupported site's page, active, which Gloss may not read yet. */
  async function openUnsupportedSite() {
    const { f, url, page } = await openFixture(browser, 'unsupported-site');
    onTestFinished(() => page.close().catch(() => {}));
    const tabId = await control.tabId(url);
    await activateTab(control, tabId);
    // Gloss has no host permission here: it sees no address and runs no engine.
    expect(await tabUrl(control, tabId)).toBeNull();
    expect(await glossHighlights(page)).toEqual({});
    return { f, url, page, tabId };
  }

  /** The article recognised in the page and highlighted, and counted on the toolbar badge. */
  async function expectRecognised(page: TestPage, tabId: number) {
    await waitForHighlights(page);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('article');
    expect(state.articleId).toBe(pack.article.id);
    // Not by its address, which Gloss does not know: by this copy's headline or by its text.
    expect(['headline', 'text']).toContain(state.recognisedBy);
    const anchored = Object.values(state.anchored ?? {}).flat().length;
    expect(anchored).toBeGreaterThan(0);
    const highlights = await categoryHighlights(page);
    expect(Object.keys(highlights).some((k) => k.startsWith('gloss-entity-'))).toBe(true);
    expect(Object.keys(highlights).some((k) => k.startsWith('gloss-claim-'))).toBe(true);
    expect(totalHighlighted(highlights)).toBeGreaterThanOrEqual(anchored);
    const badge = await control.waitForBadge(tabId, (text) => text === String(anchored));
    expect(badge.title).toMatch(/^Gloss: \d+ entit(y|ies) and \d+ claims? highlighted/);
  }

  test('an unsupported site: the toolbar button grants the page, and its popup’s check highlights it', async () => {
    const { url, page, tabId } = await openUnsupportedSite();

    const popup = await browser.ui.pressAction(url);
    onTestFinished(() => popup.close().catch(() => {}));
    // The press granted activeTab: the tab's address is now Gloss's to read.
    expect(await tabUrl(control, tabId)).toBe(url);
    await waitForPopupState(popup);
    expect(await appState(popup)).toBe('none');
    await screenshot(popup, browser, 'gestures-unsupported-popup-before');

    await popup.click('.state button.primary');
    await expectRecognised(page, tabId);
    // The popup that asked now shows the article it found.
    await waitForArticle(popup);
    expect(await textOf(popup, 'h1')).toBe(pack.article.headline);
    await screenshot(popup, browser, 'gestures-unsupported-popup-after');
    await screenshotHighlights(page, browser, 'gestures-unsupported-page');

    // (A view's uncaught errors are collected in Chromium; Firefox's views do not report to BiDi.)
    expect(popup.errors).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  test.runIf(name === 'firefox')(
    'an unsupported site: “Check this page with Gloss” in the page’s context menu highlights it',
    async () => {
      const { f, url, page, tabId } = await openUnsupportedSite();
      const chooseFromContextMenu = browser.ui.chooseFromContextMenu;
      if (!chooseFromContextMenu) throw new Error(`${name} cannot choose from a context menu`);

      // Right-click the article's text, where the menu is the page's (no link, no selection).
      const at = await page.evaluate((selector) => {
        const p = [...document.querySelectorAll(`${selector} p`)].find(
          (el) => !el.querySelector('a') && (el.textContent ?? '').length > 80,
        );
        if (!p) throw new Error(`No plain paragraph in ${selector}`);
        p.scrollIntoView({ block: 'center' });
        const r = p.getBoundingClientRect();
        return { x: r.left + 20, y: r.top + r.height / 2 };
      }, f.articleSelector ?? 'body');
      await chooseFromContextMenu(url, CHECK_PAGE_ITEM, at);

      // The menu item granted activeTab, and the background checked the page.
      await expectRecognised(page, tabId);
      expect(await tabUrl(control, tabId)).toBe(url);
      await screenshot(page, browser, 'gestures-unsupported-context-menu');
      expect(page.errors).toEqual([]);
    },
  );

  test('the popup’s “Open side panel” button opens the side panel, which shows the article', async () => {
    const { url, page } = await openFixture(browser, 'canonical');
    onTestFinished(() => page.close().catch(() => {}));
    await waitForHighlights(page);
    const tabId = await control.tabId(url);
    await activateTab(control, tabId);
    expect(await browser.ui.isOpen('sidepanel')).toBe(false);

    const popup = await browser.ui.pressAction(url);
    onTestFinished(() => popup.close().catch(() => {}));
    await waitForArticle(popup);
    // Without a gesture the browser refuses: it is the click below that opens the panel.
    expect(await popup.evaluate(openPanelWithoutGesture, tabId)).toMatch(/user (gesture|input)/i);
    expect(await browser.ui.isOpen('sidepanel')).toBe(false);

    await popup.click('button.panel-button');
    const panel = await browser.ui.sidePanel();
    onTestFinished(() => panel.close().catch(() => {}));
    // A real popup makes way for the panel.
    await expect.poll(() => browser.ui.isOpen('popup')).toBe(false);

    // The panel follows the active tab: the article, as the page has it highlighted.
    await waitForArticle(panel);
    expect(await textOf(panel, 'h1')).toBe(pack.article.headline);
    expect(
      await panel.evaluate(() => document.querySelector('.app')?.getAttribute('data-host'), null),
    ).toBe('sidepanel');
    const highlighted = totalHighlighted(await categoryHighlights(page));
    const mentions = pack.entities.reduce((n, e) => n + e.mentions.length, 0);
    await waitForHighlightedCount(panel, highlighted, mentions + pack.claims.length);
    await screenshot(panel, browser, 'gestures-sidepanel-overview');
    // The panel at the browser's own width (Firefox's sidebar is ~250 px): every section tab
    // whole inside it, nothing scrolled sideways.
    const layout = await panel.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const tabs = [...document.querySelectorAll('[role="tab"]')].map((el) => {
        const r = el.getBoundingClientRect();
        // The label and count as drawn: cut only if they pass the tab's clipping (padding) box.
        const range = document.createRange();
        range.selectNodeContents(el);
        const t = range.getBoundingClientRect();
        const b = getComputedStyle(el);
        const clipLeft = r.left + Number.parseFloat(b.borderLeftWidth);
        const clipRight = r.right - Number.parseFloat(b.borderRightWidth);
        const clipped = t.left < clipLeft - 0.5 || t.right > clipRight + 0.5;
        return { left: r.left, right: r.right, clipped, text: el.textContent };
      });
      return { width, scrollWidth: document.documentElement.scrollWidth, tabs };
    }, null);
    expect(layout.tabs.length).toBeGreaterThanOrEqual(5);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
    for (const tab of layout.tabs) {
      expect(tab.left).toBeGreaterThanOrEqual(0);
      expect(tab.right).toBeLessThanOrEqual(layout.width);
      expect(tab.clipped, JSON.stringify(tab)).toBe(false);
    }

    // Its sections work there too, by a trusted click on the panel's tab.
    await openSection(panel, 'entities');
    const entityItems = await panel.evaluate(
      () => document.querySelectorAll('li.entity').length,
      null,
    );
    expect(entityItems).toBe(pack.entities.length);
    await screenshot(panel, browser, 'gestures-sidepanel-entities');

    expect(panel.errors).toEqual([]); // (Chromium only, as above)
    expect(page.errors).toEqual([]);
  });
});
