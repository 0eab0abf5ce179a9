/**
 * The ground every other test stands on, in both real browsers: the built extension loads, its
 * content script runs on the article and highlights it, does nothing on another article, the
 * badge counts what it highlighted, and the popup opens for the tab.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, closeAllBrowsers, type GlossBrowser } from '../../tools/browsers/browsers';
import {
  browserWithControl,
  type ExtensionControl,
  glossHighlights,
  openFixture,
  openHighlighted,
  POPUP,
  screenshot,
  screenshotHighlights,
  totalHighlighted,
} from '../../tools/browsers/gloss';
import { closeWithoutErrors, expectLeftAlone } from './checks';

afterAll(closeAllBrowsers);

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    ({ browser, control } = await browserWithControl(name));
  });

  test('highlights the article on The Straits Times and counts it on the badge', async () => {
    const { page, url } = await openHighlighted(browser, 'canonical');
    const highlights = await glossHighlights(page);
    expect(Object.keys(highlights).every((n) => /^gloss-(entity|claim)-[a-z]+$/.test(n))).toBe(
      true,
    );
    expect(highlights['gloss-entity-person']).toBeGreaterThan(0);
    expect(Object.keys(highlights).some((n) => n.startsWith('gloss-claim-'))).toBe(true);

    const tabId = await control.tabId(url);
    const badge = await control.waitForBadgeCount(tabId);
    expect(Number(badge.text)).toBe(totalHighlighted(highlights));
    expect(badge.title).toMatch(/^Gloss: \d+ entit(y|ies) and \d+ claims? highlighted/);
    await screenshotHighlights(page, browser, 'canonical-article');
    await closeWithoutErrors(page);
  });

  test('does nothing on another article of the same site', async () => {
    const { page, url } = await openFixture(browser, 'other-article');
    await expectLeftAlone(page, control, url);
    await closeWithoutErrors(page);
  });

  test('the popup opens for the article tab', async () => {
    const { page, url } = await openHighlighted(browser, 'canonical');
    const tabId = await control.tabId(url);
    const popup = await browser.openExtensionPage(`${POPUP}?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('h1')?.textContent?.includes('Xi'), null);
    await screenshot(popup, browser, 'popup');
    await closeWithoutErrors(popup);
    await page.close();
  });
});
