/**
 * Gloss makes no network request at all. Every request each browser makes goes through a logging
 * proxy while Gloss works: on the article, a paywalled copy, a page it ignores, its popup and side
 * panel, a toggle, a hover card, and a highlight of the reader's own (saved to extension storage,
 * listed in the side panel's My notes tab, shown in the page from there, and exported to a file).
 * The only traffic allowed is the fixture pages the test opened.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS, launchBrowser } from '../../tools/browsers/browsers';
import {
  ExtensionControl,
  openFixture,
  POPUP,
  SIDEPANEL,
  settle,
  waitForHighlights,
} from '../../tools/browsers/gloss';
import { highlightWithToolbar } from '../../tools/browsers/notes';
import { openSection } from '../../tools/browsers/ui';

/**
 * The browsers' own services, which they call whatever extensions are installed (Chromium's
 * autofill, sign-in and component updater; Firefox's remote settings). Listed host by host, so
 * that a request from Gloss to any other host, Google's and Mozilla's included, still fails.
 */
const BROWSER_SERVICE_HOSTS = new Set([
  'content-autofill.googleapis.com',
  'accounts.google.com',
  'update.googleapis.com',
  'firefox.settings.services.mozilla.com',
]);

const hostOf = (entry: string) =>
  entry.startsWith('CONNECT ')
    ? entry.slice(8).replace(/:\d+$/, '')
    : (() => {
        try {
          return new URL(entry.split(' ')[1] ?? '').hostname;
        } catch {
          return entry;
        }
      })();

describe.each(BROWSERS)('%s', (name) => {
  test('no request leaves the browser but the pages the reader opened', async () => {
    const browser = await launchBrowser(name, { logRequests: true });
    const fixtureServerLog = browser.server.requests;
    try {
      const control = await ExtensionControl.open(browser);
      const opened: string[] = [];
      for (const situation of ['canonical', 'paywall', 'other-article', 'edited-copy']) {
        const { f, url, page } = await openFixture(browser, situation);
        opened.push(`${f.host}${f.path}`);
        if (situation !== 'other-article') await waitForHighlights(page);
        else await settle(page, 1000);
        // The reader's own highlight is kept on the device: saving it sends nothing.
        if (situation === 'canonical') await highlightWithToolbar(page, 'illegal fentanyl');
        const tabId = await control.tabId(url);
        for (const ui of [POPUP, SIDEPANEL]) {
          const view = await browser.openExtensionPage(`${ui}?tab=${tabId}`);
          await settle(view, 500);
          // The reader's notes in the side panel: listed, shown in the page, exported to a file.
          if (situation === 'canonical' && ui === SIDEPANEL) {
            await openSection(view, 'notes');
            await view.click('[data-testid=notes-here] [data-action=reveal]');
            await view.click('[data-action=export-all]');
            await settle(view, 500);
          }
          await view.close();
        }
        await control.setSettings({ enabled: true, hiddenCategories: ['entity-place'] });
        await control.setSettings({ enabled: true, hiddenCategories: [] });
        await page.mouseMove(200, 400);
        await settle(page, 300);
        await page.close();
      }
      // Every connection went to a host the test opened a page on ...
      const hosts = new Set(opened.map((o) => o.split('/')[0]));
      const unexpected = browser.requestLog.filter(
        (entry) =>
          !BROWSER_SERVICE_HOSTS.has(hostOf(entry)) &&
          !(entry.startsWith('CONNECT ') && hosts.has(hostOf(entry))),
      );
      expect(unexpected).toEqual([]);
      expect(browser.requestLog.length).toBeGreaterThan(0);
      // ... and asked only for the pages the test opened (and the browser's own favicon probe).
      const paths = fixtureServerLog.filter((r) => !r.endsWith('/favicon.ico'));
      expect(paths.every((r) => opened.includes(r))).toBe(true);
      expect(new Set(paths)).toEqual(new Set(opened));
    } finally {
      await browser.close();
    }
  });
});
