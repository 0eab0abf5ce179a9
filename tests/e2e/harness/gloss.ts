/** What e2e tests ask of Gloss and of the extension, the same way in both browsers. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, type GlossBrowser, type TestPage } from './browsers';

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

/** Waits until Gloss has registered at least one highlight in the page. */
export function waitForHighlights(page: TestPage, timeoutMs = 15_000) {
  return page.waitFor(
    () => [...CSS.highlights.keys()].some((name) => name.startsWith('gloss-')),
    null,
    timeoutMs,
  );
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

  async setSettings(settings: { enabled: boolean; hiddenCategories: string[] }) {
    await this.page.evaluate(async (s) => {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ 'gloss.settings.v1': s });
    }, settings);
  }
}

export async function screenshot(page: TestPage, browser: GlossBrowser, name: string) {
  const dir = join(ARTIFACTS, browser.name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot(file);
  return file;
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
