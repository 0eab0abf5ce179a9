/**
 * Reading modes (issue #17) in both real browsers, on the canonical Straits Times page: chosen
 * from the popup's Highlights section, they switch live on the open page (no re-anchoring: the
 * same ranges), calm reading underlines a claim only under the pointer after a real mouse move,
 * "my notes only" leaves the reader's own highlight and nothing of the pack, the mode is
 * remembered across a reload, and going back to everything restores exactly what was painted.
 * Screenshots (artifacts/e2e/<browser>/modes-*.png): the page in calm reading, light and on a dark
 * page, and the popup's mode control in light and dark.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  highlightedTexts,
  openHighlighted,
  POPUP,
  SIDEPANEL,
  screenshot,
} from '../../tools/browsers/gloss';
import { highlightWithToolbar } from '../../tools/browsers/notes';
import {
  activateTab,
  categoryHighlights,
  openArticleView,
  openSection,
  setColorScheme,
} from '../../tools/browsers/ui';

afterAll(closeAllBrowsers);

/** Words the reader highlights for themselves (inside a claim, with no entity in them). */
const MY_WORDS = 'positive momentum';

/** Names registered by Gloss's pack highlights, with their sizes. */
const packNames = (h: Record<string, number>) =>
  Object.keys(h).filter((n) => /^gloss-(entity|claim)-/.test(n));
const claimNames = (h: Record<string, number>) =>
  Object.keys(h).filter((n) => n.startsWith('gloss-claim-'));

/** Chooses a reading mode in a UI page (popup or panel), as the reader clicks its radio button. */
async function chooseMode(ui: TestPage, mode: string) {
  await ui.click(`input[name=reading-mode][value=${mode}]`);
  await ui.waitFor(
    (m) =>
      (document.querySelector('input[name=reading-mode]:checked') as HTMLInputElement)?.value === m,
    mode,
  );
}

/** Reads the ranges of each registered Gloss highlight as identities, to tell "the same ranges". */
function tagRanges(page: TestPage) {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: a test-only tag on the page's window
    const w = window as any;
    w.__glossRanges = new Map<Range, string>();
    for (const [name, h] of CSS.highlights)
      for (const r of h as unknown as Set<Range>) w.__glossRanges.set(r, name);
    return w.__glossRanges.size as number;
  }, null);
}

/** How many registered ranges are not among those tagged (a re-anchoring would make new ones). */
function untaggedRanges(page: TestPage) {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const tagged = (window as any).__glossRanges as Map<Range, string>;
    let fresh = 0;
    for (const [name, h] of CSS.highlights) {
      if (!/^gloss-(entity|claim)-/.test(name)) continue;
      for (const r of h as unknown as Set<Range>) if (!tagged.has(r)) fresh++;
    }
    return fresh;
  }, null);
}

/** A page style that makes the article dark, as a news site's dark theme would. */
const darkPage = (page: TestPage, on: boolean) =>
  page.evaluate((dark) => {
    document.getElementById('test-dark-page')?.remove();
    if (!dark) return;
    const style = document.createElement('style');
    style.id = 'test-dark-page';
    style.textContent =
      'html, body, body * { background-color: #141414 !important; color: #e6e6e6 !important; }';
    document.head.append(style);
  }, on);

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let control: ExtensionControl;
  let article: TestPage;
  let url: string;
  let tabId: number;
  let noteKeysBefore: string[] = [];

  const storageKeys = () =>
    control.page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return Object.keys(await api.storage.local.get(null));
    }, null);

  beforeAll(async () => {
    ({ browser, control } = await browserWithControl(name));
    await control.setSettings(ALL_SHOWN);
    noteKeysBefore = (await storageKeys()).filter((k) => k.startsWith('gloss.note.'));
    ({ page: article, url } = await openHighlighted(browser, 'canonical'));
    tabId = await control.tabId(url);
  });

  afterAll(async () => {
    await control?.setSettings(ALL_SHOWN);
    // The note this file made goes: other files see the storage as they left it.
    const mine = (await storageKeys()).filter(
      (k) => k.startsWith('gloss.note.') && !noteKeysBefore.includes(k),
    );
    await control.page.evaluate(async (keys) => {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.remove(keys);
    }, mine);
    await article?.close();
  });

  test('calm from the popup: entities stay, claims go, and a real mouse move underlines the claim under it', async () => {
    await activateTab(control, tabId);
    await highlightWithToolbar(article, MY_WORDS);
    await article.evaluate(() => document.getSelection()?.removeAllRanges(), null);
    const before = await categoryHighlights(article);
    expect(claimNames(before).length).toBeGreaterThan(0);
    await tagRanges(article);

    // The claim to point at, while claims are still painted: its words and a point on them.
    const target = await article.evaluate(() => {
      const h = CSS.highlights.get('gloss-claim-fact') as unknown as Set<Range>;
      const range = [...h][1] as Range;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0] as DOMRect;
      return { x: rect.left + 4, y: rect.top + rect.height / 2, text: range.toString() };
    }, null);

    const ui = await openArticleView(browser, POPUP, tabId);
    await openSection(ui, 'highlights');
    await chooseMode(ui, 'calm');
    await article.waitFor(
      () => ![...CSS.highlights.keys()].some((n) => n.startsWith('gloss-claim-')),
      null,
    );
    const calm = await categoryHighlights(article);
    // Every entity highlight is still there, with the same ranges: nothing re-anchored.
    const entities = Object.fromEntries(
      Object.entries(before).filter(([n]) => n.startsWith('gloss-entity-')),
    );
    expect(calm).toEqual(entities);
    expect(await untaggedRanges(article)).toBe(0);
    expect((await highlightedTexts(article))['gloss-note-highlight']).toContain(MY_WORDS);
    await setColorScheme(ui, 'light');
    await screenshot(ui, browser, 'modes-popup-calm-light');
    await setColorScheme(ui, 'dark');
    await screenshot(ui, browser, 'modes-popup-calm-dark');
    await ui.close();

    // The page is in front (the reader reads it), so it renders and its frames run.
    await activateTab(control, tabId);
    await article.waitFor(() => document.visibilityState === 'visible', null);
    await screenshot(article, browser, 'modes-calm-at-rest');
    await article.mouseMove(target.x, target.y);
    await article.waitFor(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-claim-')) n += h.size;
      return n === 1;
    }, null);
    expect(await highlightedTexts(article)).toMatchObject({ 'gloss-claim-fact': [target.text] });
    expect(claimNames(await categoryHighlights(article))).toEqual(['gloss-claim-fact']);
    expect(await untaggedRanges(article)).toBe(0);
    await screenshot(article, browser, 'modes-calm-pointer-light');
    await darkPage(article, true);
    await screenshot(article, browser, 'modes-calm-pointer-dark-page');
    await darkPage(article, false);

    // Away from the text: no claim is underlined again.
    await article.mouseMove(2, 2);
    await article.waitFor(
      () => ![...CSS.highlights.keys()].some((n) => n.startsWith('gloss-claim-')),
      null,
    );
    expect(article.errors).toEqual([]);
  });

  test('my notes only (from the side panel) hides every highlight of the pack and keeps the reader’s', async () => {
    const ui = await openArticleView(browser, SIDEPANEL, tabId);
    await openSection(ui, 'highlights');
    await chooseMode(ui, 'notes');
    await article.waitFor(
      () => ![...CSS.highlights.keys()].some((n) => /^gloss-(entity|claim)-/.test(n)),
      null,
    );
    expect(packNames(await categoryHighlights(article))).toEqual([]);
    expect((await highlightedTexts(article))['gloss-note-highlight']).toContain(MY_WORDS);
    await ui.close();
  });

  test('reload: the mode is remembered; back to everything restores exactly what was painted', async () => {
    // Calm, then a reload of the page: it comes back calm.
    await control.setSettings({ ...ALL_SHOWN, readingMode: 'calm' });
    // The page loaded again (closed and opened: the drivers' reloads differ, a new load is the point).
    await article.close();
    ({ page: article } = await openHighlighted(browser, 'canonical'));
    tabId = await control.tabId(url);
    await article.waitFor(
      () => [...CSS.highlights.keys()].some((n) => n.startsWith('gloss-entity-')),
      null,
    );
    expect(claimNames(await categoryHighlights(article))).toEqual([]);
    const ui = await openArticleView(browser, POPUP, tabId);
    await openSection(ui, 'highlights');
    expect(
      await ui.evaluate(
        () =>
          (document.querySelector('input[name=reading-mode]:checked') as HTMLInputElement)?.value,
        null,
      ),
    ).toBe('calm');

    // What "everything" paints on this page, then calm and notes and back, live.
    await chooseMode(ui, 'everything');
    await article.waitFor(
      () => [...CSS.highlights.keys()].some((n) => n.startsWith('gloss-claim-')),
      null,
    );
    const everything = await categoryHighlights(article);
    const texts = await highlightedTexts(article);
    await tagRanges(article);
    for (const mode of ['calm', 'notes', 'calm', 'everything']) {
      await chooseMode(ui, mode);
      if (mode === 'everything')
        await article.waitFor(
          (n) =>
            [...CSS.highlights.keys()].filter((k) => /^gloss-(entity|claim)-/.test(k)).length === n,
          Object.keys(everything).length,
        );
    }
    expect(await categoryHighlights(article)).toEqual(everything);
    expect(await highlightedTexts(article)).toEqual(texts);
    expect(await untaggedRanges(article)).toBe(0);
    expect(ui.errors).toEqual([]);
    await ui.close();
  });
});
