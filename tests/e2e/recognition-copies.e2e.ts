/**
 * Issue #12's pages, in both real browsers, as a reader meets them on a supported site, without
 * asking: a paywalled copy at an address Gloss does not know; a copy whose body arrives by script
 * in two stages (1.5 s and 3.5 s after load); a 400 KB live page with the article as one entry deep
 * in it. The pages are generated (tests/fixtures/generated-pages.ts); their URLs are in no pack.
 */
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import type { GlossBrowser } from '../../tools/browsers/browsers';
import { BROWSERS, closeAllBrowsers, type TestPage } from '../../tools/browsers/browsers';
import {
  browserWithControl,
  type ExtensionControl,
  highlightsIn,
  openFixture,
  pageState,
  screenshotHighlights,
  waitForHighlights,
} from '../../tools/browsers/gloss';

afterAll(closeAllBrowsers);

/** Gloss ranges starting inside `inside`, and elsewhere on the page. */
async function highlightsWhere(page: TestPage, inside: string) {
  const counts = await highlightsIn(page, [inside]);
  const within = counts[inside] ?? 0;
  return { within, outside: counts.total - within };
}

const bodyParagraphs = (page: TestPage) =>
  page.evaluate(() => document.querySelectorAll('#article-body p').length, null);

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    ({ browser, control } = await browserWithControl(name));
  });

  test('a paywalled copy at an address no pack names: a cut copy, highlighted in its four paragraphs only', async () => {
    const { page, url } = await openFixture(browser, 'paywall-unknown-address');
    onTestFinished(() => page.close().catch(() => {}));
    await waitForHighlights(page);
    const tabId = await control.tabId(url);
    await control.waitForBadgeCount(tabId);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('partial');
    expect(state.recognisedBy).not.toBe('url');
    const where = await highlightsWhere(page, 'article.st-article');
    expect(where.within).toBeGreaterThan(20);
    expect(where.outside).toBe(0);
    expect(await highlightsWhere(page, '.st-paywall')).toMatchObject({ within: 0 });
    expect((state.orphans ?? []).some((o) => o.reason === 'paywall')).toBe(true);
    await screenshotHighlights(page, browser, 'recognition-paywall-unknown-address');
    expect(page.errors).toEqual([]);
  });

  test('a body that arrives in two stages after load: highlighted as each stage arrives, to its last paragraph', async () => {
    const { page, url } = await openFixture(browser, 'late-two-stages');
    onTestFinished(() => page.close().catch(() => {}));
    // The first stage: highlights come with it.
    await page.waitFor(
      () => (window as { __fixture?: { stages: number } }).__fixture?.stages === 1,
      null,
      10_000,
    );
    await waitForHighlights(page);
    const firstStage = await bodyParagraphs(page);
    // The second: its paragraphs are highlighted too, up to the last.
    await page.waitFor(
      () => (window as { __fixture?: { stages: number } }).__fixture?.stages === 2,
      null,
      10_000,
    );
    await page.waitFor(
      () => {
        const ps = document.querySelectorAll('#article-body p');
        const last = ps[ps.length - 1];
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('gloss-'))
            for (const r of h as unknown as Set<Range>)
              if (last?.contains(r.startContainer)) return true;
        return false;
      },
      null,
      10_000,
    );
    expect(await bodyParagraphs(page)).toBeGreaterThan(firstStage);
    const tabId = await control.tabId(url);
    await control.waitForBadgeCount(tabId);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('article');
    expect((await highlightsWhere(page, 'article.st-article')).outside).toBe(0);
    await screenshotHighlights(page, browser, 'recognition-late-two-stages');
    expect(page.errors).toEqual([]);
  });

  test('a 400 KB live page: the article found in its entry by itself, and highlighted there only', async () => {
    const { page, url } = await openFixture(browser, 'live-updates-400k');
    onTestFinished(() => page.close().catch(() => {}));
    await waitForHighlights(page, 30_000);
    const tabId = await control.tabId(url);
    await control.waitForBadgeCount(tabId, 30_000);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('article');
    expect(state.recognisedBy).toBe('text');
    const where = await highlightsWhere(page, '#our-entry');
    expect(where.within).toBeGreaterThan(100);
    expect(where.outside).toBe(0);
    await page.evaluate(() => document.getElementById('our-entry')?.scrollIntoView(), null);
    await screenshotHighlights(page, browser, 'recognition-live-updates-400k');
    expect(page.errors).toEqual([]);
  });
});
