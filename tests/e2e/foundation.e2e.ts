/**
 * The ground every other test stands on, in both real browsers: the built extension loads, its
 * content script runs on the article and highlights it, does nothing on another article, the
 * badge counts what it highlighted, and the popup opens for the tab.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, closeAllBrowsers, type GlossBrowser, getBrowser } from './harness/browsers';
import { fixture } from './harness/fixtures';
import {
  ExtensionControl,
  glossHighlights,
  POPUP,
  screenshot,
  scrollToHighlights,
  totalHighlighted,
  waitForHighlights,
} from './harness/gloss';

afterAll(closeAllBrowsers);

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    browser = await getBrowser(name);
    control = await ExtensionControl.open(browser);
  });

  test('highlights the article on The Straits Times and counts it on the badge', async () => {
    const canonical = fixture('canonical');
    const url = browser.url(canonical.host, canonical.path);
    const page = await browser.open(url);
    await waitForHighlights(page);
    const highlights = await glossHighlights(page);
    expect(Object.keys(highlights).every((n) => /^gloss-(entity|claim)-[a-z]+$/.test(n))).toBe(
      true,
    );
    expect(highlights['gloss-entity-person']).toBeGreaterThan(0);
    expect(Object.keys(highlights).some((n) => n.startsWith('gloss-claim-'))).toBe(true);

    const tabId = await control.tabId(url);
    const badge = await control.waitForBadge(tabId, (t) => /^\d+$/.test(t));
    expect(Number(badge.text)).toBe(totalHighlighted(highlights));
    expect(badge.title).toMatch(/^Gloss: \d+ entit(y|ies) and \d+ claims? highlighted/);
    await scrollToHighlights(page);
    await screenshot(page, browser, 'canonical-article');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('does nothing on another article of the same site', async () => {
    const other = fixture('other-article');
    const url = browser.url(other.host, other.path);
    const page = await browser.open(url);
    // Nothing to wait for: give the gate time it would need to act, then check it did not.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await glossHighlights(page)).toEqual({});
    const tabId = await control.tabId(url);
    expect((await control.badge(tabId)).text).toBe('');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('the popup opens for the article tab', async () => {
    const canonical = fixture('canonical');
    const url = browser.url(canonical.host, canonical.path);
    const page = await browser.open(url);
    await waitForHighlights(page);
    const tabId = await control.tabId(url);
    const popup = await browser.openExtensionPage(`${POPUP}?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('h1')?.textContent?.includes('Xi'), null);
    await screenshot(popup, browser, 'popup');
    expect(popup.errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
