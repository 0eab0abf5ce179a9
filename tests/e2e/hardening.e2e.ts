/**
 * Gloss never breaks a page, in both real browsers: the page's own scripts keep working, page CSS
 * cannot reach Gloss's cards, a replaced <body> is followed, a huge article is read without
 * freezing, framed pages are left alone, and when the extension is reloaded under an open page
 * its highlights go away cleanly. (Runs last-ish: the reload test restarts the extension.)
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import { planHighlights } from '../../src/highlights/plan';
import {
  BROWSERS,
  closeAllBrowsers,
  type GlossBrowser,
  launchBrowser,
  type TestPage,
} from '../../tools/browsers/browsers';
import { placeCaretIn } from '../../tools/browsers/cards';
import {
  browserWithControl,
  ExtensionControl,
  glossHighlights,
  openCounted,
  openFixture,
  openHighlighted,
  pageState,
  settle,
  totalHighlighted,
  waitForLiveHighlights,
} from '../../tools/browsers/gloss';
import { closeWithoutErrors, expectLeftAlone } from './checks';

afterAll(closeAllBrowsers);

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('seed pack missing');
const planned = planHighlights(pack);

/** Shows the card of the first place mention by putting the caret in it; returns the card's size. */
async function cardSize(page: TestPage) {
  await placeCaretIn(page, 'gloss-entity-place');
  await page.waitFor(() => {
    const r = document.querySelector('gloss-card')?.getBoundingClientRect();
    return r && r.width > 0;
  }, null);
  return page.evaluate(() => {
    const r = document.querySelector('gloss-card')?.getBoundingClientRect() as DOMRect;
    return { width: Math.round(r.width), height: Math.round(r.height) };
  }, null);
}

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    ({ browser, control } = await browserWithControl(name));
  });

  test("the page's own click and selection handlers keep working", async () => {
    const { page } = await openHighlighted(browser, 'rerender');
    // Highlights can come before the page's own re-render at 1.5 s, which replaces this node.
    await page.waitFor(
      () =>
        (window as unknown as { __fixture: { rerenderCount: number } }).__fixture.rerenderCount >=
        1,
      null,
    );
    await page.click('[data-key="3"]');
    const state = await page.evaluate(() => {
      const f = (window as unknown as { __fixture: { clicks: number } }).__fixture;
      return {
        clicks: f.clicks,
        clicked: document.querySelector('[data-key="3"]')?.classList.contains('was-clicked'),
      };
    }, null);
    expect(state).toEqual({ clicks: 1, clicked: true });
    const selected = await page.evaluate(() => {
      const p = document.querySelector('[data-key="4"]') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(p);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      return p.textContent;
    }, null);
    await page.waitFor(
      (text) =>
        (window as unknown as { __fixture: { lastSelection: string } }).__fixture.lastSelection ===
        text,
      selected,
    );
    await closeWithoutErrors(page);
  });

  test('page CSS that styles every element does not change Gloss cards', async () => {
    const { page } = await openHighlighted(browser, 'canonical');
    const before = await cardSize(page);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = `*, div, span { font: 40px/3 serif !important; color: red !important;
        padding: 30px !important; border: 6px solid red !important; letter-spacing: 4px !important;
        position: static !important; display: block !important; width: 90px !important;
        visibility: visible !important; opacity: 1 !important; }
        gloss-card { display: none !important; }`;
      document.head.append(style);
      document.getSelection()?.removeAllRanges();
    }, null);
    expect(await cardSize(page)).toEqual(before);
    await closeWithoutErrors(page);
  });

  test('a page that replaces its <body> gets its highlights back on the new nodes', async () => {
    const { page } = await openHighlighted(browser, 'canonical');
    await page.evaluate(() => {
      document.body.replaceWith(document.body.cloneNode(true));
    }, null);
    await waitForLiveHighlights(page, planned.length, 15_000);
    await closeWithoutErrors(page);
  });

  test('an article of 100 000 paragraphs is highlighted without errors', async () => {
    const { page, state } = await openCounted(browser, control, 'huge-article', 60_000);
    expect(state.status).toBe('article');
    expect(state.orphans).toEqual([]);
    expect(totalHighlighted(await glossHighlights(page))).toBe(planned.length);
    await closeWithoutErrors(page);
  });

  test('a paragraph of the 100 000-paragraph article rewritten by the page: its highlights follow', async () => {
    const { page, url } = await openFixture(browser, 'huge-article');
    await waitForLiveHighlights(page, planned.length, 60_000);
    const edited = pack.article.text.paragraphs.findIndex((p) =>
      p.text.startsWith('Mr Trump said the telephone call'),
    );
    const expected = planned
      .filter((p) => p.paragraph === edited)
      .map((p) => p.target.quote.exact)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    // The page's own script rewrites the paragraph (new text node, new words in it).
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((x) =>
        x.textContent?.startsWith('Mr Trump said the telephone call'),
      ) as HTMLElement;
      p.id = 'rewritten';
      p.textContent = (p.textContent as string).replace('Mr Trump said', 'Mr Trump said on Monday');
    }, null);
    // Every highlight live again, and the rewritten paragraph's own on its new text.
    const inParagraph = () =>
      page.evaluate(() => {
        const p = document.getElementById('rewritten') as HTMLElement;
        const texts: string[] = [];
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('gloss-') || name === 'gloss-flash') continue;
          for (const r of h as unknown as Set<Range>) {
            if (r.startContainer.isConnected && p.contains(r.startContainer))
              texts.push(r.toString());
          }
        }
        return texts.sort();
      }, null);
    await page.waitFor(
      (n) => {
        const p = document.getElementById('rewritten') as HTMLElement;
        let live = 0;
        let inP = 0;
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('gloss-') || name === 'gloss-flash') continue;
          for (const r of h as unknown as Set<Range>) {
            if (!r.startContainer.isConnected || r.collapsed) continue;
            live++;
            if (p.contains(r.startContainer)) inP++;
          }
        }
        return live === n.total && inP === n.inP;
      },
      { total: planned.length, inP: expected.length },
      60_000,
    );
    expect(await inParagraph()).toEqual(expected);
    const state = await pageState(control, await control.tabId(url));
    expect(state.status).toBe('article');
    expect(state.orphans).toEqual([]);
    await closeWithoutErrors(page);
  });

  test('an article shown in a frame of another site: left alone, no errors', async () => {
    const { page, url } = await openFixture(browser, 'framed-article');
    await expectLeftAlone(page, control, url);
    await closeWithoutErrors(page);
  });
});

describe.each(BROWSERS)('%s, extension reloaded under an open page', (name) => {
  test('the old paint goes cleanly; where Gloss comes back, it takes over with one stylesheet', async () => {
    // A browser of its own: this test restarts the extension.
    const browser = await launchBrowser(name);
    try {
      const control = await ExtensionControl.open(browser);
      const { page } = await openHighlighted(browser, 'canonical');
      const glossSheets = () =>
        page.evaluate(
          () =>
            document.adoptedStyleSheets.filter((s) =>
              [...s.cssRules].some((r) => r.cssText.includes('gloss-')),
            ).length + document.querySelectorAll('style[data-gloss]').length,
          null,
        );
      expect(await glossSheets()).toBe(1);
      await page.evaluate(() => {
        (window as unknown as { __old: unknown[] }).__old = [...CSS.highlights.values()];
      }, null);
      // The control page closes with the extension: don't wait for its answer.
      control.page
        .evaluate(() => {
          // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
          const api = (globalThis as any).browser ?? (globalThis as any).chrome;
          setTimeout(() => api.runtime.reload(), 50);
        }, null)
        .catch(() => {});
      // Either the old instance removed its paint and nothing came back (Chromium does not
      // restart an extension loaded from the command line), or the new instance repainted every
      // highlight afresh (Firefox): never the old instance's paint left behind, never two sheets.
      await page.waitFor(
        (n) => {
          const old = (window as unknown as { __old: unknown[] }).__old;
          let count = 0;
          let stale = false;
          CSS.highlights.forEach((h, key) => {
            if (!key.startsWith('gloss-') || key === 'gloss-flash') return;
            if (old.includes(h)) stale = true;
            count += h.size;
          });
          return !stale && (count === 0 || count === n);
        },
        planned.length,
        30_000,
      );
      // A new instance may be between adopting its sheet and painting: let it finish.
      await settle(page, 2000);
      const painted = totalHighlighted(await glossHighlights(page));
      expect(painted === 0 || painted === planned.length).toBe(true);
      expect(await glossSheets()).toBe(painted === 0 ? 0 : 1);
      expect(page.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
