/**
 * The popup and the side panel in both real browsers, for the canonical Straits Times page:
 * their sections against the pack, the highlight toggles against the page's highlight registry,
 * click-to-scroll, and axe-core in light and dark mode.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENTITY_KINDS, type Pack } from '../../src/annotations/model';
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
  openFixture,
  openHighlighted,
  POPUP,
  SIDEPANEL,
  screenshot,
  totalHighlighted,
} from '../../tools/browsers/gloss';
import {
  activateTab,
  categoryHighlights,
  countOf,
  openArticleView,
  openSection,
  runAxe,
  setColorScheme,
  textOf,
  waitForHighlightedCount,
} from '../../tools/browsers/ui';

afterAll(closeAllBrowsers);

const pack = packById('2025-11-24-trump-xi-call') as Pack;
const mentionTotal = pack.entities.reduce((n, e) => n + e.mentions.length, 0);
const SECTIONS = [
  'overview',
  'entities',
  'claims',
  'sources',
  'timeline',
  'missing',
  'highlights',
  'notes',
];

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;
  let article: TestPage;
  let tabId: number;

  beforeAll(async () => {
    ({ browser, control } = await browserWithControl(name));
    await control.setSettings(ALL_SHOWN);
    const opened = await openHighlighted(browser, 'canonical');
    article = opened.page;
    tabId = await control.tabId(opened.url);
  });

  afterAll(async () => {
    await control?.setSettings(ALL_SHOWN);
    await article?.close();
  });

  for (const [host, path] of [
    ['popup', POPUP],
    ['side panel', SIDEPANEL],
  ] as const) {
    test(`the ${host} shows the article’s sections, as the pack has them`, async () => {
      const ui = await openArticleView(browser, path, tabId);
      expect(await textOf(ui, 'h1')).toBe(pack.article.headline);
      const highlighted = totalHighlighted(await categoryHighlights(article));
      await waitForHighlightedCount(ui, highlighted, mentionTotal + pack.claims.length);
      expect(await textOf(ui, '.facts')).toContain(pack.article.publisher);

      await openSection(ui, 'entities');
      for (const kind of ENTITY_KINDS) {
        expect(await countOf(ui, `section[data-kind=${kind}] li.entity`), kind).toBe(
          pack.entities.filter((e) => e.kind === kind).length,
        );
      }
      await openSection(ui, 'claims');
      expect(await countOf(ui, 'section[data-speaker] li.claim')).toBe(pack.claims.length);
      expect(await countOf(ui, 'section[data-speaker=reporter] li.claim')).toBe(
        pack.claims.filter((c) => c.speaker.type === 'reporter').length,
      );
      await openSection(ui, 'timeline');
      expect(await countOf(ui, '.timeline li')).toBe(pack.timeline.length);
      await openSection(ui, 'missing');
      expect(await textOf(ui, '[role=tabpanel]')).toContain('Everything Gloss knows');
      await screenshot(ui, browser, `ui-${host.replace(' ', '')}-missing`);
      expect(ui.errors).toEqual([]);
      await ui.close();
    });
  }

  test('toggles hide and restore exactly their category’s highlights in the page', async () => {
    const ui = await openArticleView(browser, POPUP, tabId);
    await openSection(ui, 'highlights');
    const before = await categoryHighlights(article);
    expect(before['gloss-entity-place']).toBeGreaterThan(0);

    await ui.click('button[data-category=entity-place]');
    await article.waitFor(() => !CSS.highlights.has('gloss-entity-place'), null);
    const { 'gloss-entity-place': _, ...others } = before;
    expect(await categoryHighlights(article)).toEqual(others);
    expect(
      await ui.evaluate(
        () =>
          document
            .querySelector('button[data-category=entity-place]')
            ?.getAttribute('aria-pressed'),
        null,
      ),
    ).toBe('false');

    await ui.click('button[data-category=entity-place]');
    await article.waitFor(() => CSS.highlights.has('gloss-entity-place'), null);
    expect(await categoryHighlights(article)).toEqual(before);

    await ui.click('[data-testid=master-toggle]');
    await article.waitFor(
      () => ![...CSS.highlights.keys()].some((n) => /^gloss-(entity|claim)-/.test(n)),
      null,
    );
    await ui.click('[data-testid=master-toggle]');
    await article.waitFor(
      (n) =>
        [...CSS.highlights.keys()].filter((k) => /^gloss-(entity|claim)-/.test(k)).length === n,
      Object.keys(before).length,
    );
    expect(await categoryHighlights(article)).toEqual(before);
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  test('choosing an entity scrolls the page to its mention', async () => {
    await article.evaluate(() => window.scrollTo(0, 0), null);
    const ui = await openArticleView(browser, SIDEPANEL, tabId);
    await openSection(ui, 'entities');
    // The reader uses the side panel beside the page, so the page is in front and rendered (a
    // background tab does not render: Firefox drops its smooth scrolls). The UI page stays live
    // in its background tab, and is clicked there as a script would.
    await activateTab(control, tabId);
    await article.waitFor(() => document.visibilityState === 'visible', null);
    // Mr Lutnick is first mentioned far down the article.
    await ui.evaluate(() => {
      (document.querySelector('li[data-entity=lutnick] button.entity-name') as HTMLElement).click();
    }, null);
    await ui.waitFor(
      () => /mention 1 of \d+ shown/.test(document.querySelector('.status')?.textContent ?? ''),
      null,
    );
    // The page scrolled, and the mention is in view.
    await article.waitFor(() => window.scrollY > 200, null);
    await article.waitFor(() => {
      const root = document.querySelector('article') ?? document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent?.indexOf('Lutnick') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + 'Lutnick'.length);
        const r = range.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }
      return false;
    }, null);
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  test('a timeline event’s “Show in page” scrolls the page to the sentence that reports it', async () => {
    // The event reported furthest down the article: its claim is far below the first screen.
    const claimsById = new Map(pack.claims.map((c) => [c.id, c]));
    const [event, claim] =
      pack.timeline
        .flatMap((e) => (e.claims ?? []).slice(0, 1).map((id) => [e, claimsById.get(id)] as const))
        .filter((pair): pair is [(typeof pair)[0], NonNullable<(typeof pair)[1]>] => !!pair[1])
        .sort((a, b) => b[1].target.position.start - a[1].target.position.start)[0] ?? [];
    expect(event && claim).toBeTruthy();
    const words = (claim?.target.quote.exact ?? '').split(' ').slice(0, 4).join(' ');
    await article.evaluate(() => window.scrollTo(0, 0), null);
    const ui = await openArticleView(browser, SIDEPANEL, tabId);
    await openSection(ui, 'timeline');
    await screenshot(ui, browser, 'ui-timeline');
    await activateTab(control, tabId); // as above: the page in front, the panel beside it
    await article.waitFor(() => document.visibilityState === 'visible', null);
    await ui.evaluate((id) => {
      (document.querySelector(`li[data-event="${id}"] button.reveal`) as HTMLElement).click();
    }, event?.id ?? '');
    await article.waitFor(() => window.scrollY > 200, null);
    await article.waitFor((w) => {
      const root = document.querySelector('article') ?? document.body;
      const text = root.textContent ?? '';
      if (!text.includes(w)) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent?.indexOf(w.split(' ')[0] ?? w) ?? -1;
        if (at < 0 || !(n.parentElement?.closest('p')?.textContent ?? '').includes(w)) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + 1);
        const r = range.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }
      return false;
    }, words);
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  test('on a paywalled copy, the popup lists what the paywall cut, with its words', async () => {
    const { page, url } = await openHighlighted(browser, 'paywall');
    const ui = await openArticleView(browser, POPUP, await control.tabId(url));
    await ui.waitFor(() => document.querySelector('[data-testid=partial-banner]'), null);
    const highlighted = totalHighlighted(await categoryHighlights(page));
    const missing = mentionTotal + pack.claims.length - highlighted;
    expect(missing).toBeGreaterThan(0);
    await openSection(ui, 'missing');
    // Every missing annotation is counted once, in its group's heading; what the cut hides is
    // summarised (claims by speaker, entities with counts), not listed mention by mention.
    const counts = await ui.evaluate(
      () =>
        [...document.querySelectorAll('section[data-reason] > h3 .count')].map((e) =>
          Number(e.textContent),
        ),
      null,
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(missing);
    expect(await countOf(ui, 'section[data-reason=paywall] .cut-speakers > li')).toBeGreaterThan(0);
    expect(await countOf(ui, 'section[data-reason=paywall] .cut-entities li')).toBeGreaterThan(0);
    expect(await countOf(ui, 'section[data-reason=paywall] li[data-orphan^="m-"]')).toBe(0);
    expect(await textOf(ui, 'section[data-reason=paywall] h3')).toContain(
      'Cut by the paywall on this page',
    );
    expect(await runAxe(ui)).toEqual([]);
    await screenshot(ui, browser, 'ui-paywall-missing');
    expect(ui.errors).toEqual([]);
    await ui.close();
    await page.close();
  });

  test('on a page without a known article, the popup says so and what Gloss knows', async () => {
    const { page, url } = await openFixture(browser, 'other-article');
    const id = await control.tabId(url);
    const ui = await browser.openExtensionPage(`${POPUP}?tab=${id}`);
    await ui.waitFor(
      () => document.querySelector('h1')?.textContent === 'No known article on this page',
      null,
    );
    expect(await textOf(ui, '.known')).toContain(pack.article.headline);
    await ui.click('button.primary'); // Check this page
    await ui.waitFor(
      () =>
        /found no article/.test(document.querySelector('.state [role=status]')?.textContent ?? ''),
      null,
    );
    expect(await textOf(ui, 'h1')).toBe('No known article on this page');
    expect(await runAxe(ui)).toEqual([]);
    await screenshot(ui, browser, 'ui-no-article');
    expect(ui.errors).toEqual([]);
    await ui.close();
    await page.close();
  });

  test('the axe check sees a violation when there is one (it really runs in the page)', async () => {
    const ui = await openArticleView(browser, POPUP, tabId);
    await ui.evaluate(() => {
      const button = document.createElement('button');
      button.className = 'planted';
      document.querySelector('main')?.append(button); // a button without a name
    }, null);
    const violations = await runAxe(ui);
    expect(violations.map((v) => v.id)).toContain('button-name');
    await ui.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no accessibility violations (${scheme})`, async () => {
      for (const path of [POPUP, SIDEPANEL]) {
        const ui = await openArticleView(browser, path, tabId);
        expect(await setColorScheme(ui, scheme)).toBe(scheme);
        for (const section of SECTIONS) {
          await openSection(ui, section);
          if (section === 'entities') await ui.click('li[data-entity=xi] button.entity-name');
          const violations = await runAxe(ui);
          expect(violations, `${path} ${section} (${scheme})`).toEqual([]);
        }
        await screenshot(ui, browser, `ui-${scheme}-${path.includes('popup') ? 'popup' : 'panel'}`);
        await ui.close();
      }
    });
  }
});
