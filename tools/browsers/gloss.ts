/** What e2e tests ask of Gloss and of the extension, the same way in both browsers. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS,
  type BrowserName,
  type GlossBrowser,
  getBrowser,
  type TestPage,
} from './browsers';
import { type FixturePage, fixture } from './fixtures';

export const POPUP = 'src/popup/index.html';
export const SIDEPANEL = 'src/sidepanel/index.html';

/** Names and sizes of the Gloss highlights registered in the page's highlight registry. */
export function glossHighlights(page: TestPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('gloss-')) out[name] = highlight.size;
    }
    return out;
  }, null);
}

export const totalHighlighted = (h: Record<string, number>) =>
  Object.values(h).reduce((a, b) => a + b, 0);

/**
 * How many Gloss ranges (the reveal flash aside) start inside elements matching each selector,
 * and in all (`total`): where on a page Gloss painted.
 */
export function highlightsIn(
  page: TestPage,
  selectors: string[],
): Promise<Record<string, number> & { total: number }> {
  return page.evaluate((list) => {
    const out: Record<string, number> = Object.fromEntries(list.map((s) => [s, 0]));
    let total = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('gloss-') || name === 'gloss-flash') continue;
      for (const range of highlight as unknown as Set<Range>) {
        total++;
        const node = range.startContainer;
        const el = node instanceof Element ? node : node.parentElement;
        for (const s of list) if (el?.closest(s)) out[s] = (out[s] ?? 0) + 1;
      }
    }
    return { ...out, total };
  }, selectors);
}

/** Waits until Gloss has registered at least one highlight in the page. */
export function waitForHighlights(page: TestPage, timeoutMs = 15_000) {
  return page.waitFor(
    () => [...CSS.highlights.keys()].some((name) => name.startsWith('gloss-')),
    null,
    timeoutMs,
  );
}

/**
 * Waits until exactly `n` Gloss ranges are painted (reveal flash aside), all on nodes still in the
 * document: after a page replaces its nodes, the old ranges are still registered until Gloss
 * follows, so a plain count would pass too early.
 */
export function waitForLiveHighlights(page: TestPage, n: number, timeoutMs?: number) {
  return page.waitFor(
    (count) => {
      let live = 0;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('gloss-') || name === 'gloss-flash') continue;
        for (const r of h as unknown as Set<Range>) {
          if (r.startContainer.isConnected && !r.collapsed) live++;
        }
      }
      return live === count;
    },
    n,
    timeoutMs,
  );
}

/**
 * Waits `ms` in the page itself, where there is nothing to wait for (Gloss is expected to do
 * nothing, or a page's own timers must run): the time Gloss would need to act.
 */
export async function settle(page: TestPage, ms: number) {
  await page.evaluate((wait) => new Promise((r) => setTimeout(r, wait)), ms);
}

/** Opens a fixture page (by situation) under its real news host. */
export async function openFixture(browser: GlossBrowser, situation: string | FixturePage) {
  const f = typeof situation === 'string' ? fixture(situation) : situation;
  const url = browser.url(f.host, f.path);
  return { f, url, page: await browser.open(url) };
}

/** Opens a fixture page and waits until Gloss has highlighted it. */
export async function openHighlighted(
  browser: GlossBrowser,
  situation: string | FixturePage,
  timeoutMs?: number,
) {
  const opened = await openFixture(browser, situation);
  await waitForHighlights(opened.page, timeoutMs);
  return opened;
}

/**
 * Opens a fixture page, waits until Gloss has highlighted it and counted it on the badge, and
 * returns the page state the background then holds for the tab. `timeoutMs` (for huge pages)
 * applies to both waits; without it each keeps its own default.
 */
export async function openCounted(
  browser: GlossBrowser,
  control: ExtensionControl,
  situation: string | FixturePage,
  timeoutMs?: number,
) {
  const opened = await openHighlighted(browser, situation, timeoutMs);
  const tabId = await control.tabId(opened.url);
  await control.waitForBadgeCount(tabId, timeoutMs);
  return { ...opened, tabId, state: await pageState(control, tabId) };
}

/** Scrolls the page so the article's first paragraphs with highlights are in view. */
export function scrollToHighlights(page: TestPage) {
  return page.evaluate(() => {
    let first: Range | null = null;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('gloss-')) continue;
      for (const range of highlight as unknown as Set<Range>) {
        if (!first || range.compareBoundaryPoints(Range.START_TO_START, first) < 0)
          first = range as Range;
      }
    }
    const el = first?.startContainer.parentElement;
    el?.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -80);
  }, null);
}

/**
 * An extension page kept open for calling extension APIs (tabs, action, storage) as Gloss's own
 * UI would: the same code runs in both browsers.
 */
export class ExtensionControl {
  private constructor(readonly page: TestPage) {}

  static async open(browser: GlossBrowser) {
    return new ExtensionControl(await browser.openExtensionPage(`${POPUP}?control=1`));
  }

  /**
   * The id of the tab showing `url`. Gloss has no "tabs" permission, so tabs on sites outside its
   * host permissions show no URL: for those, the most recently opened tab without one.
   */
  async tabId(url: string): Promise<number> {
    return this.page.evaluate(async (u) => {
      // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const tabs: Array<{ id: number; url?: string }> = await api.tabs.query({});
      const hit =
        tabs.filter((t) => t.url?.split('#')[0] === u.split('#')[0]).pop() ??
        tabs
          .filter((t) => !t.url)
          .sort((a, b) => a.id - b.id)
          .pop();
      if (!hit) throw new Error(`No tab shows ${u}: ${tabs.map((t) => t.url).join(', ')}`);
      return hit.id;
    }, url);
  }

  async badge(tabId: number): Promise<{ text: string; title: string }> {
    return this.page.evaluate(async (id) => {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return {
        text: await api.action.getBadgeText({ tabId: id }),
        title: await api.action.getTitle({ tabId: id }),
      };
    }, tabId);
  }

  async waitForBadge(tabId: number, test: (text: string) => boolean, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let last = { text: '', title: '' };
    while (Date.now() < deadline) {
      last = await this.badge(tabId);
      if (test(last.text)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Badge never matched; last: ${JSON.stringify(last)}`);
  }

  /** Waits until the badge shows a count (of highlights), whatever it is. */
  waitForBadgeCount(tabId: number, timeoutMs?: number) {
    return this.waitForBadge(tabId, (text) => /^\d+$/.test(text), timeoutMs);
  }

  /** Writes Gloss's settings (a `readingMode` left out reads as the default, 'everything'). */
  async setSettings(settings: {
    enabled: boolean;
    hiddenCategories: string[];
    readingMode?: string;
  }) {
    await this.page.evaluate(async (s) => {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ 'gloss.settings.v1': s });
    }, settings);
  }
}

/**
 * The browser of a describe block (launched once per run and shared) and an ExtensionControl page
 * in it, for `beforeAll`.
 */
export async function browserWithControl(name: BrowserName) {
  const browser = await getBrowser(name);
  return { browser, control: await ExtensionControl.open(browser) };
}

/** Settings with Gloss on and every category shown, as a test that toggles them starts and ends. */
export const ALL_SHOWN = { enabled: true, hiddenCategories: [] as string[] };

export async function screenshot(page: TestPage, browser: GlossBrowser, name: string) {
  const dir = join(ARTIFACTS, browser.name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot(file);
  return file;
}

/** Scrolls to the article's first highlights and screenshots the page there. */
export async function screenshotHighlights(page: TestPage, browser: GlossBrowser, name: string) {
  await scrollToHighlights(page);
  return screenshot(page, browser, name);
}

/** The page state the background holds for a tab, as the popup would ask for it. */
export function pageState(control: ExtensionControl, tabId: number) {
  return control.page.evaluate(async (id) => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.runtime.sendMessage({ type: 'gloss/get-tab-state', tabId: id });
  }, tabId) as Promise<{
    status: string;
    articleId?: string;
    recognisedBy?: string;
    anchored?: Record<string, string[]>;
    orphans?: Array<{ id: string; reason: string }>;
  }>;
}

/** The text under every range of every Gloss highlight, by highlight name. */
export function highlightedTexts(page: TestPage): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('gloss-') || name === 'gloss-flash') continue;
      out[name] = [...(highlight as unknown as Set<Range>)].map((r) => r.toString());
    }
    return out;
  }, null);
}
