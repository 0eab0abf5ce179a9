/**
 * The content script on every situation a reader meets, in both real browsers: the right
 * highlights or none, never a wrong place; late and re-rendered content; page text and layout
 * untouched; no page errors. A screenshot of each situation is written to artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import { highlightName } from '../../src/highlights/categories';
import { type PlannedHighlight, planHighlights } from '../../src/highlights/plan';
import {
  BROWSERS,
  closeAllBrowsers,
  type GlossBrowser,
  type TestPage,
} from '../../tools/browsers/browsers';
import { PLAIN_HOST } from '../../tools/browsers/fixture-server';
import { FIXTURE_PAGES, fixture } from '../../tools/browsers/fixtures';
import {
  browserWithControl,
  type ExtensionControl,
  glossHighlights,
  highlightedTexts,
  openCounted,
  openFixture,
  openHighlighted,
  screenshot,
  screenshotHighlights,
  settle,
  totalHighlighted,
  waitForLiveHighlights,
} from '../../tools/browsers/gloss';
import { closeWithoutErrors, expectLeftAlone } from './checks';

afterAll(closeAllBrowsers);

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('The seed pack did not load');
const planned = planHighlights(pack);

/**
 * Folds what copies of the story legitimately change (house style, typography), so a highlight
 * on a syndicated copy can be compared with the pack's quote. Independent of the engine's own
 * normalisation on purpose.
 */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"']/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\b(mr|ms|mrs)\.? /g, '')
    .replace(/soybean/g, 'soya bean')
    .replace(/licens/g, 'licenc')
    .replace(/defense/g, 'defence')
    .replace(/centered/g, 'centred')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance (small strings only). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Every highlighted text must be a quote of its own category: exactly on the original; on an
 * edited copy, folded for house style, or, where the copy reworded a sentence, within a quarter of
 * the quote's length in edits (the same words, lightly changed, not other words).
 */
function expectNoWrongPlace(texts: Record<string, string[]>, exact: boolean) {
  const byName = new Map<string, PlannedHighlight[]>();
  for (const p of planned) {
    const name = highlightName(p.category);
    byName.set(name, [...(byName.get(name) ?? []), p]);
  }
  for (const [name, list] of Object.entries(texts)) {
    const quotes = (byName.get(name) ?? []).map((p) => p.target.quote.exact);
    const allowed = new Set(exact ? quotes : quotes.map(fold));
    for (const text of list) {
      const key = exact ? text.replace(/\s+/g, ' ') : fold(text);
      const ok =
        allowed.has(key) ||
        (!exact && [...allowed].some((q) => distance(q, key) <= Math.floor(q.length / 4)));
      expect(ok, `"${text}" highlighted as ${name}`).toBe(true);
    }
  }
}

/** innerText of the body and the boxes of the article's paragraphs and headings. */
function pageFacts(page: TestPage, selector: string) {
  return page.evaluate((sel) => {
    scrollTo(0, 0);
    const boxes = [...document.querySelectorAll(`${sel} p, ${sel} h2, h1`)].map((el) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 10) / 10).join(',');
    });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what must not change
    return { text: document.body.innerText, boxes };
  }, selector);
}

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    ({ browser, control } = await browserWithControl(name));
  });

  test('the canonical article: every annotation highlighted, each on its own words', async () => {
    const { page, state } = await openCounted(browser, control, 'canonical');
    expect(state.status).toBe('article');
    expect(state.orphans).toEqual([]);
    expect(totalHighlighted(await glossHighlights(page))).toBe(planned.length);
    expectNoWrongPlace(await highlightedTexts(page), true);
    await closeWithoutErrors(page);
  });

  test('a syndicated layout (The Business Times): recognised and fully highlighted', async () => {
    const { page, state } = await openCounted(browser, control, 'syndicated-layout');
    expect(state.status).toBe('article');
    expect(state.orphans).toEqual([]);
    expectNoWrongPlace(await highlightedTexts(page), true);
    await screenshotHighlights(page, browser, 'syndicated-layout');
    await closeWithoutErrors(page);
  });

  test('an edited US-style copy (Bloomberg): most annotations found, none in a wrong place', async () => {
    const { page, state } = await openCounted(browser, control, 'edited-copy');
    expect(state.status).toBe('article');
    // Every annotation in a paragraph the copy carries unchanged (house style aside) must be
    // found; those in the dropped and reworded paragraphs may be orphans, never misplaced.
    const copyText = fold(
      // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it
      await page.evaluate(() => document.body.innerText, null),
    );
    const unchanged = new Set(
      pack.article.text.paragraphs.filter((p) => copyText.includes(fold(p.text))).map((p) => p.id),
    );
    expect(unchanged.size).toBeGreaterThan(pack.article.text.paragraphs.length / 2);
    const mustFind = planned.filter((p) =>
      unchanged.has(pack.article.text.paragraphs[p.paragraph]?.id ?? ''),
    );
    const anchoredIds = new Set(Object.values(state.anchored ?? {}).flat());
    expect(mustFind.filter((p) => !anchoredIds.has(p.id)).map((p) => p.id)).toEqual([]);
    expect(anchoredIds.size + (state.orphans?.length ?? 0)).toBe(planned.length);
    expectNoWrongPlace(await highlightedTexts(page), false);
    await screenshotHighlights(page, browser, 'edited-copy');
    await closeWithoutErrors(page);
  });

  test('a paywall cut: the visible part highlighted, the rest reported as cut by the paywall', async () => {
    const { page, state } = await openCounted(browser, control, 'paywall');
    expect(state.status).toBe('partial');
    const visibleParagraphs = new Set(pack.article.text.paragraphs.slice(0, 4).map((p) => p.id));
    const expected = planned.filter((p) =>
      visibleParagraphs.has(pack.article.text.paragraphs[p.paragraph]?.id ?? ''),
    );
    expect(
      Object.values(state.anchored ?? {})
        .flat()
        .sort(),
    ).toEqual(expected.map((p) => p.id).sort());
    expect(state.orphans?.every((o) => o.reason === 'paywall')).toBe(true);
    expectNoWrongPlace(await highlightedTexts(page), true);
    await screenshot(page, browser, 'paywall');
    await closeWithoutErrors(page);
  });

  test('late content: highlighted once the article arrives', async () => {
    const { page, url } = await openHighlighted(browser, 'late-content', 20_000);
    await control.waitForBadge(await control.tabId(url), (t) => Number(t) === planned.length);
    expectNoWrongPlace(await highlightedTexts(page), true);
    await screenshotHighlights(page, browser, 'late-content');
    await closeWithoutErrors(page);
  });

  test('paragraphs re-rendered by a framework: highlights follow the new nodes', async () => {
    const { page } = await openHighlighted(browser, 'rerender');
    // The page re-renders paragraphs at 1.5 s by itself; do it once more by hand.
    await page.waitFor(
      () =>
        (window as unknown as { __fixture: { rerenderCount: number } }).__fixture?.rerenderCount >=
        1,
      null,
    );
    await page.evaluate(
      () => (window as unknown as { __fixture: { rerender(): void } }).__fixture.rerender(),
      null,
    );
    await waitForLiveHighlights(page, planned.length);
    expectNoWrongPlace(await highlightedTexts(page), true);
    await screenshotHighlights(page, browser, 'rerender');
    await closeWithoutErrors(page);
  });

  test('a very long page: the article highlighted, the comments left alone', async () => {
    const { page, state } = await openCounted(browser, control, 'long-page', 30_000);
    expect(state.status).toBe('article');
    expect(state.orphans).toEqual([]);
    expectNoWrongPlace(await highlightedTexts(page), true);
    await closeWithoutErrors(page);
  });

  test.each(['other-article', 'section-front', 'quoting-page', 'unsupported-site'])(
    '%s: nothing highlighted, nothing on the badge',
    async (situation) => {
      const { page, url } = await openFixture(browser, situation);
      await expectLeftAlone(page, control, url);
      await screenshot(page, browser, situation);
      await closeWithoutErrors(page);
    },
  );

  test.each(
    // Pages Gloss looks at by itself (an on-request page is left alone until the reader asks).
    FIXTURE_PAGES.filter(
      (f) => f.articleSelector && f.expect !== 'none' && f.expect !== 'on-request',
    ).map((f) => f.situation),
  )('%s: page text and layout are the same with and without Gloss', async (situation) => {
    const f = fixture(situation);
    const { page } = await openHighlighted(browser, f, 30_000);
    const plain = await browser.open(browser.url(PLAIN_HOST, `/${f.host}${f.path}`));
    if (situation === 'late-content' || situation === 'rerender') {
      await settle(plain, 2000);
      await settle(page, 500);
    }
    // A body that arrives in stages: compare once both pages have all of it.
    for (const p of [page, plain])
      await p.waitFor(
        () => {
          const f = (window as { __fixture?: { stages?: number; total?: number } }).__fixture;
          return f?.total === undefined || f.stages === f.total;
        },
        null,
        15_000,
      );
    if (situation === 'late-two-stages') await settle(page, 500);
    const selector = f.articleSelector as string;
    const [withGloss, without] = [
      await pageFacts(page, selector),
      await pageFacts(plain, selector),
    ];
    expect(withGloss.boxes.length).toBeGreaterThan(0);
    expect(withGloss.boxes).toEqual(without.boxes);
    expect(withGloss.text).toBe(without.text);
    expect(page.errors).toEqual([]);
    await plain.close();
    await page.close();
  });
});
