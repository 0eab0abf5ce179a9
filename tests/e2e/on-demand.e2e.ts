/**
 * "Check this page": for copies Gloss does not know. On a page its gate passes over, nothing
 * happens until the reader asks; then the whole page is read, flagged as the reader's request,
 * and the engine recognises the article by its text alone.
 *
 * Here, without a gesture: a live page on a supported site (recognised by itself now: it declares
 * itself a live page, so the gate reads it whole), asked about again; and on an unsupported site
 * the refusal, reported clearly, not swallowed. The real gestures that grant `activeTab` on an
 * unsupported site (the toolbar button in both browsers, the page's context menu in Firefox) are
 * in gestures.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, closeAllBrowsers, type GlossBrowser } from '../../tools/browsers/browsers';
import {
  browserWithControl,
  type ExtensionControl,
  glossHighlights,
  openFixture,
  pageState,
  screenshotHighlights,
  settle,
  waitForHighlights,
} from '../../tools/browsers/gloss';
import { closeWithoutErrors } from './checks';

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
    ({ browser, control } = await browserWithControl(name));
  });

  test('a live page carrying the wire: recognised by itself, and again when asked', async () => {
    const { page, url } = await openFixture(browser, 'live-blog');
    await waitForHighlights(page);
    const tabId = await control.tabId(url);
    expect((await pageState(control, tabId)).recognisedBy).toBe('text');
    const before = await glossHighlights(page);
    expect(await checkPage(control, tabId)).toEqual({ ok: true });
    await settle(page, 1500);
    const state = await pageState(control, tabId);
    expect(state.status).toBe('article');
    expect(state.recognisedBy).toBe('text');
    expect(await glossHighlights(page)).toEqual(before);
    await screenshotHighlights(page, browser, 'on-demand-live-blog');
    await closeWithoutErrors(page);
  });

  test('an unsupported site without the reader asking: refused, and said so', async () => {
    const { page, url } = await openFixture(browser, 'unsupported-site');
    const tabId = await control.tabId(url);
    expect(await checkPage(control, tabId)).toEqual({ ok: false });
    const state = await pageState(control, tabId);
    expect(state.status).toBe('error');
    expect(await glossHighlights(page)).toEqual({});
    await closeWithoutErrors(page);
  });
});
