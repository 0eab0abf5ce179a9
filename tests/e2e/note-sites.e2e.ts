/**
 * The reader's notes on a site Gloss does not support (src/background/note-sites.ts), in both real
 * browsers, on a blog post of www.example-news.test (fixture `blog-post`).
 *
 * - The first note there: Gloss reads the page only because the reader pressed its toolbar button
 *   and asked it to check the page (activeTab); after the note is saved, the page offers to keep
 *   the site, and the offer's button opens Gloss's page that asks (src/grant/) in a window.
 * - The grant itself, as the browser's permission prompt gives it:
 *   - Firefox: the reader's click on that page's "Allow" button asks for the site; the prompt (a
 *     doorhanger) is accepted by the pref `extensions.webextOptionalPermissionPrompts` (set for
 *     every e2e Firefox, tools/browsers/browsers.ts), and Firefox still requires the click.
 *   - Chromium: its permission prompt is native UI that cannot be driven headless. The granted
 *     state is tested with a copy of the build whose manifest already holds the site (as a profile
 *     where the reader said yes would): that copy runs in Firefox too.
 * - Granted: on the next visit Gloss brings its engine to the page by itself (it holds a note), and
 *   the note is back in place.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  type BrowserName,
  closeAllBrowsers,
  DIST,
  type GlossBrowser,
  getBrowser,
  launchBrowser,
} from '../../tools/browsers/browsers';
import {
  ExtensionControl,
  openFixture,
  SIDEPANEL,
  screenshot,
  settle,
} from '../../tools/browsers/gloss';
import {
  highlightWithToolbar,
  noteUiBox,
  painted,
  waitForPainted,
} from '../../tools/browsers/notes';
import { activateTab, checkPageFromToolbar } from '../../tools/browsers/ui';

afterAll(closeAllBrowsers);

const SITE = 'https://www.example-news.test/*';
const GRANT_PAGE = 'src/grant/index.html';

/** A copy of the built extension whose manifest already holds the site. */
function buildHoldingSite(name: BrowserName): string {
  const dir = mkdtempSync(join(tmpdir(), `gloss-${name}-granted-`));
  cpSync(join(DIST, name === 'chromium' ? 'chrome' : 'firefox'), dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, SITE];
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return dir;
}

/** Asks Gloss to check a tab, as the popup's button does. */
const checkPage = (control: ExtensionControl, tabId: number) =>
  control.page.evaluate(async (id) => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.runtime.sendMessage({ type: 'gloss/check-page', tabId: id });
  }, tabId);

/** Waits until Gloss's engine reads the page for notes: its notes layer answers for the page. */
const engineIn = (control: ExtensionControl, tabId: number) =>
  control.page.evaluate(async (id) => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    for (let i = 0; i < 150; i++) {
      const answer = await api.tabs.sendMessage(id, { type: 'gloss/get-notes' }).catch(() => null);
      if (answer?.page) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('Gloss never read the page');
  }, tabId);

const WORDS = 'the promised purchases are still arriving more slowly';

describe.each(BROWSERS)('%s', (name) => {
  test('a build that holds the site: a note saved there is back in place on the next visit', async () => {
    const browser = await launchBrowser(name, { extensionDir: buildHoldingSite(name) });
    try {
      const control = await ExtensionControl.open(browser);
      const { url, page } = await openFixture(browser, 'blog-post');
      const tabId = await control.tabId(url);
      await settle(page, 500);
      // Nothing of Gloss's runs there by itself while the page holds no note.
      expect(await painted(page, 'gloss-note-highlight')).toEqual([]);
      expect((await checkPage(control, tabId)).ok).toBe(true);
      await engineIn(control, tabId);
      await highlightWithToolbar(page, WORDS);
      await page.close();

      const again = await browser.open(url);
      await waitForPainted(again, 'gloss-note-highlight', WORDS);
      const againTab = await control.tabId(url);
      await activateTab(control, againTab);
      const panel = await browser.openExtensionPage(`${SIDEPANEL}?tab=${againTab}`);
      await panel.waitFor(
        () => document.querySelector('[data-testid=notes-here] li.my-note[data-state=anchored]'),
        null,
      );
      // Kept: no offer to keep the site.
      expect(
        await panel.evaluate(() => document.querySelector('[data-testid=site-offer]'), null),
      ).toBeNull();
      await screenshot(panel, browser, 'note-sites-kept-panel');
      expect(again.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  describe('the shipped build', () => {
    let browser: GlossBrowser;
    let control: ExtensionControl;
    beforeAll(async () => {
      browser = await getBrowser(name);
      control = await ExtensionControl.open(browser);
    });

    test('the first note on the site: the page offers to keep it, and the offer opens Gloss’s page that asks', async () => {
      const { url, page } = await openFixture(browser, 'blog-post');
      const tabId = await control.tabId(url);
      await activateTab(control, tabId);
      // The reader presses Gloss's toolbar button (activeTab) and asks it to check the page.
      const popup = await checkPageFromToolbar(browser, url);
      await popup.close().catch(() => {});
      await engineIn(control, tabId);
      await highlightWithToolbar(page, WORDS);

      // The offer: wider and taller than the toolbar; its "Keep" button bottom right.
      await page.waitFor(() => {
        const r = document.querySelector('gloss-note-ui')?.getBoundingClientRect();
        return r && r.height > 80;
      }, null);
      const box = await noteUiBox(page, 80);
      await screenshot(page, browser, 'note-sites-offer');
      await page.mouseClick(box.right - 40, box.bottom - 24);
      const opened = await control.page.evaluate(async (path) => {
        // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        for (let i = 0; i < 100; i++) {
          const windows: Array<{ type?: string; tabs?: Array<{ url?: string }> }> =
            await api.windows.getAll({ populate: true });
          for (const w of windows)
            for (const t of w.tabs ?? [])
              if (t.url?.includes(path)) return { type: w.type, url: t.url };
          await new Promise((r) => setTimeout(r, 100));
        }
        return null;
      }, GRANT_PAGE);
      expect(opened?.type).toBe('popup');
      expect(new URL(opened?.url as string).searchParams.get('site')).toBe(SITE);

      if (name === 'firefox') {
        // The reader's click on that page grants the site (see the file's comment for the prompt).
        const ask = await browser.openExtensionPage(
          `${GRANT_PAGE}?site=${encodeURIComponent(SITE)}`,
        );
        await ask.waitFor(() => document.querySelector('[data-action=allow]'), null);
        await screenshot(ask, browser, 'note-sites-ask');
        await ask.click('[data-action=allow]');
        await ask.waitFor(() => document.querySelector('[data-testid=site-answer]'), null);
        expect(
          await ask.evaluate(
            () => document.querySelector('[data-testid=site-answer]')?.textContent,
            null,
          ),
        ).toBe('Done: Gloss will show your notes on www.example-news.test each time you visit it.');
        await ask.close();
        await page.close();
        // The next visit: Gloss comes by itself, and the note is back in place.
        const again = await browser.open(url);
        await waitForPainted(again, 'gloss-note-highlight', WORDS);
        expect(again.errors).toEqual([]);
        await again.close();
      } else {
        await page.close();
      }
    });
  });
});
