/**
 * Where a claim comes from, in both real browsers, for the canonical Straits Times page: the side
 * panel's Sources tab against the pack (every source, the claims resting on each, the not-found
 * entries, differing accounts side by side), a claim's Source disclosure opened from the keyboard
 * with the article's words marked in the fuller wording, citation links that open a new tab and
 * tell the page nothing, and the hover card of a quoted claim, which stays while the pointer rests
 * on it so its links can be used. Screenshots light and dark.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  openHighlighted,
  SIDEPANEL,
  screenshot,
} from '../../tools/browsers/gloss';
import {
  countOf,
  openArticleView,
  openSection,
  runAxe,
  setColorScheme,
} from '../../tools/browsers/ui';

afterAll(closeAllBrowsers);

const pack = packById('2025-11-24-trump-xi-call') as Pack;
const sources = pack.sources;
if (!sources) throw new Error('the seed pack has no sources');
const QUOTE = 'Our relationship with China is extremely strong!';

/** Every citation link in the view: its address, target and rel. */
const links = (ui: TestPage) =>
  ui.evaluate(
    () =>
      [...document.querySelectorAll('.citations a')].map((a) => ({
        href: a.getAttribute('href') ?? '',
        target: a.getAttribute('target'),
        rel: a.getAttribute('rel'),
      })),
    null,
  );

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
    await article?.close();
  });

  test('the Sources tab lists every source with the claims resting on it, and accounts side by side', async () => {
    const ui = await openArticleView(browser, SIDEPANEL, tabId);
    await openSection(ui, 'sources');
    expect(await countOf(ui, 'li.source-card[data-source]')).toBe(sources.sources.length);
    for (const source of sources.sources) {
      const claims = new Set(source.uses.map((u) => u.claim)).size;
      expect(
        await countOf(ui, `li[data-source="${source.id}"] .source-claims li[data-claim]`),
        source.id,
      ).toBe(claims);
      const passages = source.passages.length;
      expect(
        await countOf(ui, `li[data-source="${source.id}"] .passage blockquote`),
        source.id,
      ).toBe(passages);
    }
    expect(await countOf(ui, 'li[data-not-found]')).toBe(sources.notFound.length);
    // The post's first passage marks both phrases the article uses from it.
    const marks = await ui.evaluate(
      () =>
        [...document.querySelectorAll('li[data-source=src-trump-post] .passage mark')].map(
          (m) => m.textContent,
        ),
      null,
    );
    expect(marks).toContain('very good');
    expect(marks).toContain(QUOTE);
    // Accounts of the call side by side: the first two share a row.
    const tops = await ui.evaluate(() => {
      const items = document.querySelectorAll('[data-comparison=cmp-call-topics] .account');
      return [...items].slice(0, 2).map((el) => Math.round(el.getBoundingClientRect().top));
    }, null);
    expect(tops).toHaveLength(2);
    expect(tops[0]).toBe(tops[1]);
    const all = await links(ui);
    expect(all.length).toBeGreaterThan(20);
    for (const link of all) {
      expect(link.href.startsWith('https://'), link.href).toBe(true);
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    for (const scheme of ['light', 'dark'] as const) {
      expect(await setColorScheme(ui, scheme)).toBe(scheme);
      expect(await runAxe(ui), scheme).toEqual([]);
      await screenshot(ui, browser, `sources-tab-${scheme}`);
      await ui.evaluate(
        () => document.querySelector('[data-comparison=cmp-call-topics]')?.scrollIntoView(),
        null,
      );
      await screenshot(ui, browser, `sources-compare-${scheme}`);
      await ui.evaluate(() => window.scrollTo(0, 0), null);
    }
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  test('a claim’s Source opens from the keyboard, with the article’s words marked', async () => {
    const ui = await openArticleView(browser, SIDEPANEL, tabId);
    await openSection(ui, 'claims');
    const claims = pack.claims.filter(
      (c) =>
        sources.sources.some((s) => s.uses.some((u) => u.claim === c.id)) ||
        sources.notFound.some((nf) => nf.claims.includes(c.id)),
    );
    expect(await countOf(ui, 'li.claim .claim-sources')).toBe(claims.length);
    // Focus the Source line of the post's quote and open it with Enter.
    await ui.evaluate((quote) => {
      const item = [...document.querySelectorAll('li.claim')].find(
        (li) => li.querySelector('.claim-text')?.textContent === quote,
      );
      const summary = item?.querySelector('details[data-source=src-trump-post] summary');
      (summary as HTMLElement).scrollIntoView({ block: 'start' });
      (summary as HTMLElement).focus();
    }, QUOTE);
    await ui.keyboard('Enter');
    await ui.waitFor(() => document.querySelector('details.source[open] mark'), null);
    const opened = await ui.evaluate(() => {
      const open = document.querySelector('details.source[open]');
      return {
        summary: open?.querySelector('summary')?.textContent,
        marked: open?.querySelector('mark')?.textContent,
        quote: open?.querySelector('blockquote')?.textContent,
        links: open?.querySelectorAll('.citations a').length,
      };
    }, null);
    expect(opened.summary).toBe('Source Post · Donald Trump · 24 Nov 2025');
    expect(opened.marked).toBe(QUOTE);
    expect(opened.quote).toContain('Since then, there has been significant progress');
    expect(opened.links).toBeGreaterThanOrEqual(2);
    for (const scheme of ['light', 'dark'] as const) {
      expect(await setColorScheme(ui, scheme)).toBe(scheme);
      expect(await runAxe(ui), scheme).toEqual([]);
      await screenshot(ui, browser, `claim-source-${scheme}`);
    }
    expect(ui.errors).toEqual([]);
    await ui.close();
  });

  test('the card of a quoted claim shows its source, and stays while the pointer rests on it', async () => {
    const at = await article.evaluate((quote) => {
      const highlight = CSS.highlights.get('gloss-claim-assessment') as unknown as Set<Range>;
      const range = [...highlight].find((r) => r.toString() === quote) as Range;
      range.startContainer.parentElement?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -60);
      const rect = range.getClientRects()[0] as DOMRect;
      return { x: rect.left + 20, y: rect.top + rect.height / 2 };
    }, QUOTE);
    await article.mouseMove(at.x, at.y);
    // A card with a source is taller than a plain claim card, and takes the pointer.
    await article.waitFor(() => {
      const host = document.querySelector('gloss-card') as HTMLElement | null;
      const r = host?.getBoundingClientRect();
      return r && r.height > 200 && host?.style.getPropertyValue('pointer-events') === 'auto';
    }, null);
    await screenshot(article, browser, 'card-source');
    // Move onto the card, through the gap between the text and the card.
    const card = await article.evaluate(() => {
      const r = (document.querySelector('gloss-card') as HTMLElement).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top };
    }, null);
    await article.mouseMove(card.x, card.top - 3);
    await article.mouseMove(card.x, card.y);
    await new Promise((r) => setTimeout(r, 800));
    expect(
      await article.evaluate(
        () => (document.querySelector('gloss-card') as HTMLElement).getBoundingClientRect().width,
        null,
      ),
    ).toBeGreaterThan(100);
    // Away from both: it goes.
    await article.mouseMove(5, 5);
    await article.waitFor(() => {
      const host = document.querySelector('gloss-card');
      return !host || host.getBoundingClientRect().width === 0;
    }, null);
    expect(article.errors).toEqual([]);
  });
});
