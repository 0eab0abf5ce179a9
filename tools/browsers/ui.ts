/**
 * What the UI e2e tests (and the screenshot script) ask of Gloss's popup and side panel pages, the
 * same way in both browsers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GlossBrowser, TestPage } from './browsers';
import type { ExtensionControl } from './gloss';

/** The trimmed text of the first element matching `selector`, or null. */
export const textOf = (page: TestPage, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? null, selector);

/** How many elements match `selector`. */
export const countOf = (page: TestPage, selector: string) =>
  page.evaluate((s) => document.querySelectorAll(s).length, selector);

/** Opens a UI page (popup or side panel) for a tab and waits until it shows the article. */
export async function openArticleView(browser: GlossBrowser, path: string, tabId: number) {
  const view = await browser.openExtensionPage(`${path}?tab=${tabId}`);
  await waitForArticle(view);
  return view;
}

/**
 * Waits until the UI's overview counts `highlighted` highlights out of `total` annotations (the
 * count arrives after the headline, from the page's content script).
 */
export function waitForHighlightedCount(view: TestPage, highlighted: number, total: number) {
  return view.waitFor(
    (want) => document.querySelector('[data-testid=highlighted-count]')?.textContent === want,
    `${highlighted} of ${total}`,
  );
}

/** The category highlights (not e.g. a reveal flash) registered in a page, by name. */
export function categoryHighlights(page: TestPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (/^gloss-(entity|claim)-[a-z]+$/.test(name)) out[name] = highlight.size;
    }
    return out;
  }, null);
}

/** Waits until the UI page shows the article (its headline as h1). */
export function waitForArticle(page: TestPage, headlineWord = 'Xi') {
  return page.waitFor(
    (word) =>
      document.querySelector('h1')?.textContent?.includes(word) &&
      document.querySelector('[role=tablist]'),
    headlineWord,
    15_000,
  );
}

/** Opens a section of the UI by its tab and waits for its panel. */
export async function openSection(page: TestPage, section: string) {
  await page.click(`#tab-${section}`);
  await page.waitFor(
    (s) => document.querySelector('[role=tabpanel]')?.getAttribute('data-section') === s,
    section,
  );
}

/**
 * Shows the page in light or dark mode, the same way in both browsers: the stylesheet's own
 * `prefers-color-scheme` rules are switched on or off through the CSSOM (their media text set to
 * `all` or `not all`), so the very rules the browser would apply for that preference apply, and
 * nothing else changes. (Emulating the media feature would need driver APIs that differ between
 * playwright and puppeteer-over-BiDi; Firefox over BiDi has none.)
 */
export function setColorScheme(page: TestPage, scheme: 'light' | 'dark') {
  return page.evaluate((want) => {
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) {
          const text = rule.media.mediaText;
          const original = (rule as CSSMediaRule & { glossMedia?: string }).glossMedia ?? text;
          (rule as CSSMediaRule & { glossMedia?: string }).glossMedia = original;
          const dark = /prefers-color-scheme:\s*dark/.test(original);
          const light = /prefers-color-scheme:\s*light/.test(original);
          if (dark || light)
            rule.media.mediaText = (dark ? want === 'dark' : want === 'light') ? 'all' : 'not all';
          walk(rule.cssRules);
        }
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return getComputedStyle(document.documentElement).colorScheme;
  }, scheme);
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page itself. The extension pages' CSP (script-src 'self') forbids adding a
 * script and `eval`, but a driver's evaluation (CDP Runtime.evaluate in Chromium, WebDriver BiDi
 * script.evaluate in Firefox) is not subject to the page's CSP: the library's source is evaluated
 * as one expression that way, then `axe.run` checks the real page with its real styles.
 */
export async function runAxe(page: TestPage): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe, null);
  if (loaded === 'undefined') {
    // A string is evaluated as an expression by both drivers.
    await page.evaluate(`${axeSource}\n;void 0` as unknown as () => void, null);
  }
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe's global, injected above
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    if (result.passes.length === 0) throw new Error('axe checked nothing');
    return result.violations.map(
      (v: {
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[]; failureSummary?: string }>;
      }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      }),
    );
  }, null);
}

/**
 * Brings a tab to the front, as it is when the reader uses the side panel beside it (a page in a
 * background tab is not rendered, so it neither scrolls smoothly nor paints).
 */
export function activateTab(control: ExtensionControl, tabId: number) {
  return control.page.evaluate(async (id) => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    await api.tabs.update(id, { active: true });
  }, tabId);
}

/**
 * The reader presses Gloss's toolbar button on the tab showing `url` (which grants activeTab) and,
 * once the popup has settled, asks it to check the page. Returns the popup, still open.
 */
export async function checkPageFromToolbar(browser: GlossBrowser, url: string) {
  const popup = await browser.ui.pressAction(url);
  await waitForPopupState(popup);
  await popup.click('.state button.primary');
  return popup;
}

/** Waits until a popup or panel has left its 'pending' state (it knows what the tab shows). */
export function waitForPopupState(view: TestPage) {
  return view.waitFor(() => {
    const state = document.querySelector('.app')?.getAttribute('data-state');
    return state && state !== 'pending';
  }, null);
}
