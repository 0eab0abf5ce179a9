/**
 * "Check this page": for copies Gloss does not know. On a page its gate passes over, nothing
 * happens until the reader asks; then the engine recognises the article by its text alone.
 *
 * Here, without a gesture: the path on a supported site whose page the gate does not pick (a
 * live blog carrying the wire), and on an unsupported site the refusal, reported clearly, not
 * swallowed. The real gestures that grant `activeTab` on an unsupported site (the toolbar button
 * in both browsers, the page's context menu in Firefox) are in gestures.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, closeAllBrowsers, type GlossBrowser, getBrowser } from './harness/browsers';
import { fixture } from './harness/fixtures';
import {
  ExtensionControl,
  glossHighlights,
  pageState,
  screenshot,
  scrollToHighlights,
  waitForHighlights,
} from './harness/gloss';

afterAll(closeAllBrowsers);

function checkPage(control: ExtensionControl, tabId: number) {
  return control.page.evaluate(async (id) => {
    // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.runtime.sendMessage({ type: 'gloss/check-page', tabId: id });
  }, tabId) as Promise<{ ok: boolean }>;
}

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;

  beforeAll(async () => {
    browser = await getBrowser(name);
    control = await ExtensionControl.open(browser);
  });

  test('a live blog carrying the wire: nothing by itself, recognised when asked', async () => {
    const f = fixture('live-blog');
    const url = browser.url(f.host, f.path);
    const page = await browser.open(url);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)), null);
    expect(await glossHighlights(page)).toEqual({});
    const tabId = await control.tabId(url);
    expect(await checkPage(control, tabId)).toEqual({ ok: true });
    await waitForHighlights(page);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('article');
    expect(state.recognisedBy).toBe('text');
    await scrollToHighlights(page);
    await screenshot(page, browser, 'on-demand-live-blog');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('an unsupported site without the reader asking: refused, and said so', async () => {
    const f = fixture('unsupported-site');
    const url = browser.url(f.host, f.path);
    const page = await browser.open(url);
    const tabId = await control.tabId(url);
    expect(await checkPage(control, tabId)).toEqual({ ok: false });
    const state = await pageState(control, tabId);
    expect(state.status).toBe('error');
    expect(await glossHighlights(page)).toEqual({});
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
