/**
 * Issue #12, the engine's side, in both real browsers: what a cut copy leaves out (Not on page,
 * popup and side panel, light and dark); the syndicated copy recognised when the reader asks
 * (toolbar button, then "Check this page"); highlights only in the text the reader sees (a
 * responsive template's hidden second copy, a body collapsed behind "Read more"), following the
 * page when it shows the other copy (a CSS change, no DOM mutation) or expands.
 */
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { BROWSERS, closeAllBrowsers, type GlossBrowser } from '../../tools/browsers/browsers';
import {
  ALL_SHOWN,
  browserWithControl,
  type ExtensionControl,
  highlightsIn,
  openFixture,
  openHighlighted,
  POPUP,
  pageState,
  SIDEPANEL,
  screenshot,
  screenshotHighlights,
  waitForHighlights,
} from '../../tools/browsers/gloss';
import {
  activateTab,
  checkPageFromToolbar,
  countOf,
  openArticleView,
  openSection,
  runAxe,
  setColorScheme,
  textOf,
  waitForArticle,
} from '../../tools/browsers/ui';

afterAll(closeAllBrowsers);

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    ({ browser, control } = await browserWithControl(name));
    await control.setSettings(ALL_SHOWN);
  });

  test('a cut copy: Not on page shows the claims it hides by speaker, its entities with counts, the text missing', async () => {
    const { page, url } = await openHighlighted(browser, 'paywall');
    onTestFinished(() => page.close().catch(() => {}));
    const tabId = await control.tabId(url);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('partial');
    const cut = (state.orphans ?? []).filter((o) => o.reason === 'paywall').length;
    expect(cut).toBeGreaterThan(100);
    for (const [host, path] of [
      ['popup', POPUP],
      ['sidepanel', SIDEPANEL],
    ] as const) {
      const ui = await openArticleView(browser, path, tabId);
      await openSection(ui, 'missing');
      const group = 'section[data-reason=paywall]';
      expect(await textOf(ui, `${group} h3`)).toBe(`Cut by the paywall on this page ${cut}`);
      // Grouped, not one line per mention.
      expect(await countOf(ui, `${group} .cut-speakers > li`)).toBeGreaterThan(1);
      expect(await countOf(ui, `${group} li[data-orphan^="m-"]`)).toBe(0);
      expect(await textOf(ui, `${group} .cut-entities`)).toMatch(/China\s*×\d+/);
      expect(await textOf(ui, '[data-testid=cut-size]')).toMatch(
        /^\d+ paragraphs, about \d+ words, are not on this page\.$/,
      );
      for (const scheme of ['light', 'dark'] as const) {
        await setColorScheme(ui, scheme);
        await screenshot(ui, browser, `recognition-cut-missing-${host}-${scheme}`);
        expect(await runAxe(ui), `${host} ${scheme}`).toEqual([]);
      }
      await ui.close();
    }
  });

  test('issue #12’s syndicated copy on an unsupported site: recognised as a cut copy when the reader asks', async () => {
    const { url, page } = await openFixture(browser, 'syndicated-cut');
    onTestFinished(() => page.close().catch(() => {}));
    const tabId = await control.tabId(url);
    await activateTab(control, tabId);
    const popup = await checkPageFromToolbar(browser, url);
    onTestFinished(() => popup.close().catch(() => {}));
    await waitForHighlights(page);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('partial');
    expect(state.recognisedBy).toBe('text');
    // Highlights only in the copy's region: none in the site's navigation, footer or wall.
    const where = await highlightsIn(page, [
      '#article-body',
      '.st-paywall',
      'header.st-header',
      'footer',
    ]);
    expect(where['#article-body']).toBeGreaterThan(20);
    expect(where['.st-paywall']).toBe(0);
    expect(where['header.st-header']).toBe(0);
    expect(where.footer).toBe(0);
    // Text the pack lacks (the copy's own headline, the note the site added): its names are
    // highlighted as the pack's entities, and no claim is made up there.
    const added = await page.evaluate(() => {
      const out: string[] = [];
      for (const [name, highlight] of CSS.highlights)
        for (const range of highlight as unknown as Set<Range>) {
          const el = range.startContainer.parentElement;
          if (el?.closest('h1.headline, p.added')) out.push(`${name}:${range.toString()}`);
        }
      return out.sort();
    }, null);
    expect(added).toEqual([
      'gloss-entity-person:Donald Trump',
      'gloss-entity-person:Trump',
      'gloss-entity-person:Xi Jinping',
      'gloss-entity-place:South Korea',
      'gloss-entity-thing:Fentanyl',
    ]);
    await waitForArticle(popup);
    await openSection(popup, 'missing');
    expect(await countOf(popup, 'section[data-reason=paywall] .cut-speakers > li')).toBeGreaterThan(
      0,
    );
    await screenshot(popup, browser, 'recognition-syndicated-popup-missing');
    await screenshotHighlights(page, browser, 'recognition-syndicated-page');
    expect(page.errors).toEqual([]);
  });

  test('two leading paragraphs split by the site’s own box: the reader’s request is what makes them the article', async () => {
    const { url, page } = await openFixture(browser, 'split-teaser');
    onTestFinished(() => page.close().catch(() => {}));
    const tabId = await control.tabId(url);
    await activateTab(control, tabId);
    const popup = await checkPageFromToolbar(browser, url);
    onTestFinished(() => popup.close().catch(() => {}));
    await waitForHighlights(page);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('partial');
    const where = await highlightsIn(page, ['#article-body', '.st-factbox', '.st-paywall']);
    expect(where['#article-body']).toBeGreaterThan(5);
    expect(where['.st-factbox']).toBe(0);
    expect(where['.st-paywall']).toBe(0);
    await screenshotHighlights(page, browser, 'recognition-split-teaser-page');
    expect(page.errors).toEqual([]);
  });

  test('a responsive template’s hidden second copy: highlights in the copy shown, and they follow a CSS switch', async () => {
    const { page, url } = await openHighlighted(browser, 'responsive-copies');
    onTestFinished(() => page.close().catch(() => {}));
    const tabId = await control.tabId(url);
    const before = await highlightsIn(page, ['.body-desktop', '.body-mobile']);
    expect(before['.body-desktop']).toBeGreaterThan(50);
    expect(before['.body-mobile']).toBe(0);
    expect((await pageState(control, tabId)).status).toBe('article');
    await screenshotHighlights(page, browser, 'recognition-responsive-desktop');
    // The page's CSS now shows the other copy: a stylesheet rule, no DOM node changes.
    await page.evaluate(() => {
      const sheet = document.styleSheets[document.styleSheets.length - 1] as CSSStyleSheet;
      sheet.insertRule('.body-mobile { display: block !important }', sheet.cssRules.length);
      sheet.insertRule('.body-desktop { display: none !important }', sheet.cssRules.length);
    }, null);
    await page.waitFor(
      () => {
        let mobile = 0;
        let desktop = 0;
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('gloss-'))
            for (const r of h) {
              const el = r.startContainer.parentElement;
              if (el?.closest('.body-mobile')) mobile++;
              if (el?.closest('.body-desktop')) desktop++;
            }
        return mobile > 50 && desktop === 0;
      },
      null,
      10_000,
    );
    await screenshotHighlights(page, browser, 'recognition-responsive-mobile');
    expect(page.errors).toEqual([]);
  });

  test('a body collapsed behind “Read more”: highlights in what is shown, the rest once expanded', async () => {
    const { page, url } = await openHighlighted(browser, 'read-more');
    onTestFinished(() => page.close().catch(() => {}));
    const tabId = await control.tabId(url);
    const shown = await highlightsIn(page, ['.st-body', '.rest']);
    expect(shown['.st-body']).toBeGreaterThan(5);
    expect(shown['.rest']).toBe(0);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('article');
    const hidden = (state.orphans ?? []).filter((o) => o.reason === 'hidden').length;
    expect(hidden).toBeGreaterThan(50);
    await page.click('#read-more');
    await page.waitFor(
      () => {
        let n = 0;
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('gloss-'))
            for (const r of h) if (r.startContainer.parentElement?.closest('.rest')) n++;
        return n > 50;
      },
      null,
      10_000,
    );
    await control.waitForBadge(tabId, () => true);
    const after = await pageState(control, tabId);
    expect((after.orphans ?? []).filter((o) => o.reason === 'hidden')).toEqual([]);
    await screenshotHighlights(page, browser, 'recognition-read-more-expanded');
    expect(page.errors).toEqual([]);
  });
});
