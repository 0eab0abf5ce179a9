/**
 * The reader's own notes in both real browsers, on the canonical fixture page: select text, use
 * the toolbar beside the selection (in a closed shadow root, so the test clicks where its buttons
 * are drawn, as a reader would), write a note, save; open the page again: the note is back in
 * place, painted as `gloss-note-comment`, and its card shows on hover. Then the page's text
 * changes around it and the note follows.
 *
 * The side panel's "My notes" tab on the same page: a note whose sentence the page then removes is
 * listed as not found, with the engine's reason; one whose words the page edits is marked as found
 * on edited words, and "Show in page" flashes it; delete takes its paint off the page, undo puts it
 * back.
 *
 * Export and import: the side panel's export of all notes (the file the browser is handed) is
 * imported into a fresh profile (a second browser with its own profile): the very same stored
 * records, and the note back in place on the article there. Before that, a file that is not JSON
 * and a file whose annotations point at a javascript: address and carry HTML are refused, each
 * problem named with the annotation's position, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  closeAllBrowsers,
  type GlossBrowser,
  getBrowser,
  launchBrowser,
} from '../../tools/browsers/browsers';
import {
  ExtensionControl,
  openFixture,
  openHighlighted,
  SIDEPANEL,
  screenshot,
} from '../../tools/browsers/gloss';
import {
  highlightWithToolbar,
  noteUiBox,
  painted,
  select,
  waitForPainted,
} from '../../tools/browsers/notes';
import { activateTab, openSection, runAxe } from '../../tools/browsers/ui';

afterAll(closeAllBrowsers);

const QUOTE = 'purchases of soya beans';

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;

  beforeAll(async () => {
    browser = await getBrowser(name);
  });

  test('select, note with the toolbar, open the page again: the note is back in place', async () => {
    const { page, url } = await openHighlighted(browser, 'canonical');
    await select(page, QUOTE);
    const bar = await noteUiBox(page);
    expect(bar.height).toBeLessThan(60); // The toolbar, not the editor.
    await screenshot(page, browser, 'notes-toolbar');
    // "Note" is the toolbar's second button, at its right end.
    await page.mouseClick(bar.right - 18, bar.top + bar.height / 2);
    const editor = await noteUiBox(page, 120);
    for (const key of ['C', 'h', 'e', 'c', 'k', 'Enter', 'l', 'a', 't', 'e', 'r'])
      await page.keyboard(key);
    // Save is the last button, bottom right.
    await page.mouseClick(editor.right - 30, editor.bottom - 24);
    await waitForPainted(page, 'gloss-note-comment', QUOTE);
    expect(page.errors).toEqual([]);
    await page.close();

    const again = await browser.open(url);
    await waitForPainted(again, 'gloss-note-comment', QUOTE);
    // Gloss's own highlights are still there: the note was anchored in its own call.
    expect((await painted(again, 'gloss-entity-person')).length).toBeGreaterThan(0);

    // Hovering the note shows its card.
    const at = await again.evaluate((q) => {
      const h = CSS.highlights.get('gloss-note-comment') as unknown as Set<Range>;
      const range = [...h].find((r) => r.toString() === q) as Range;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0] as DOMRect;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, QUOTE);
    await again.mouseMove(at.x, at.y);
    await again.waitFor(() => {
      const r = document.querySelector('gloss-card')?.getBoundingClientRect();
      return r && r.width > 100 && r.height > 30;
    }, null);
    await screenshot(again, browser, 'notes-card');

    // The page's text changes before the note: it follows its words.
    await again.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'An editor’s note added above the article after publication.';
      const first = document.querySelector('article p');
      first?.parentElement?.insertBefore(p, first);
    }, null);
    await again.evaluate(() => new Promise((r) => setTimeout(r, 800)), null);
    await waitForPainted(again, 'gloss-note-comment', QUOTE);
    expect(again.errors).toEqual([]);
    await again.close();
  });

  test('a page with a hidden second copy of the body: the note comes back in the copy the reader sees', async () => {
    const { page, url } = await openHighlighted(browser, 'responsive-copies');
    // The shown copy is #article-body; the page's CSS hides #article-body-mobile, which comes first.
    await select(page, 'illegal fentanyl', '#article-body');
    const bar = await noteUiBox(page);
    await page.mouseClick(bar.left + 24, bar.top + bar.height / 2);
    await waitForPainted(page, 'gloss-note-highlight', 'illegal fentanyl');
    await page.close();

    const again = await browser.open(url);
    await waitForPainted(again, 'gloss-note-highlight', 'illegal fentanyl');
    const where = await again.evaluate(() => {
      const h = CSS.highlights.get('gloss-note-highlight') as unknown as Set<Range>;
      return [...h].map(
        (r) =>
          (r.startContainer.parentElement as Element).closest('#article-body, #article-body-mobile')
            ?.id,
      );
    }, null);
    expect(where).toEqual(['article-body']);
    expect(again.errors).toEqual([]);
    await again.close();
  });

  test('a highlight without a note, from the toolbar', async () => {
    const { page } = await openHighlighted(browser, 'canonical');
    await select(page, 'illegal fentanyl');
    const bar = await noteUiBox(page);
    await page.mouseClick(bar.left + 24, bar.top + bar.height / 2);
    await waitForPainted(page, 'gloss-note-highlight', 'illegal fentanyl');
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe.each(BROWSERS)('%s: My notes', (name) => {
  let browser: GlossBrowser;

  beforeAll(async () => {
    browser = await getBrowser(name);
  });

  /** The note list item of the side panel whose quote is `quote`, as { state, reason, text }. */
  const listed = (view: Awaited<ReturnType<GlossBrowser['open']>>, quote: string) =>
    view.evaluate((q) => {
      const li = [...document.querySelectorAll('[data-testid=notes-here] li.my-note')].find(
        (item) => item.querySelector('.my-note-quote')?.textContent === q,
      );
      if (!li) return null;
      return {
        state: li.getAttribute('data-state'),
        reason: li.querySelector('.my-note-state')?.getAttribute('data-reason') ?? null,
        says: li.querySelector('.my-note-state')?.textContent ?? '',
        canShow: li.querySelector('[data-action=reveal]') !== null,
      };
    }, quote);

  test('the page loses one note’s sentence and edits another’s words: listed with the reason, and marked', async () => {
    const CUT = 'suspended the screening of some Japanese films';
    const EDITED = 'the sale of more advanced artificial intelligence chips';
    const { page, url } = await openHighlighted(browser, 'canonical');
    for (const words of [CUT, EDITED]) {
      await highlightWithToolbar(page, words);
    }
    const control = await ExtensionControl.open(browser);
    const tabId = await control.tabId(url);

    // The page changes under the reader: a paragraph goes, a word is re-spelt.
    await page.evaluate(
      ([cut, edited]) => {
        const paragraphs = [...document.querySelectorAll('article p')];
        paragraphs.find((p) => p.textContent?.includes(cut as string))?.remove();
        const p = paragraphs.find((el) => el.textContent?.includes(edited as string)) as Element;
        p.textContent = (p.textContent ?? '').replace(
          'artificial intelligence chips',
          'artificial-intelligence chips',
        );
      },
      [CUT, EDITED],
    );
    await waitForPainted(page, 'gloss-note-highlight', EDITED.replace('l i', 'l-i'));

    const panel = await browser.openExtensionPage(`${SIDEPANEL}?tab=${tabId}`);
    await openSection(panel, 'notes');
    await panel.waitFor(
      (q) =>
        [
          ...document.querySelectorAll('[data-testid=notes-here] li.my-note[data-state=orphan]'),
        ].some((li) => li.querySelector('.my-note-quote')?.textContent === q),
      CUT,
    );
    const cut = await listed(panel, CUT);
    // The engine's reason, in words: not on the page at all, or nothing close enough to be sure.
    expect(['not-found', 'below-threshold']).toContain(cut?.reason);
    expect(cut?.says).toMatch(
      /^Not found on this page (Its words are no longer on this page\.|The closest words on this page differ too much)/,
    );
    expect(cut?.canShow).toBe(false);
    await panel.waitFor(
      (q) =>
        [
          ...document.querySelectorAll('[data-testid=notes-here] li.my-note[data-state=edited]'),
        ].some((li) => li.querySelector('.my-note-quote')?.textContent === q),
      EDITED,
    );
    const edited = await listed(panel, EDITED);
    expect(edited?.says).toBe('Found, but the words on the page changed');
    expect(edited?.canShow).toBe(true);
    expect(await runAxe(panel)).toEqual([]);
    await screenshot(panel, browser, 'notes-my-notes-tab');

    /** Clicks a button of the note quoting `quote` in the panel's list (or anywhere, without one). */
    const clickIn = (action: string, quote = '') =>
      panel.evaluate(
        ([a, q]) => {
          const item = q
            ? [...document.querySelectorAll('[data-testid=notes-here] li.my-note')].find(
                (li) => li.querySelector('.my-note-quote')?.textContent === q,
              )
            : document.body;
          const button = item?.querySelector(`[data-action=${a}]`) as HTMLButtonElement | null;
          if (!button) throw new Error(`No ${a} button for "${q}"`);
          button.click();
        },
        [action, quote],
      );

    // Show in page: the page scrolls to the note and flashes it.
    await activateTab(control, tabId);
    await page.evaluate(() => window.scrollTo(0, 0), null);
    await clickIn('reveal', EDITED);
    await page.waitFor(
      (words) => {
        const flash = CSS.highlights.get('gloss-flash') as unknown as Set<Range> | undefined;
        return flash && [...flash].some((r) => r.toString() === words);
      },
      EDITED.replace('l i', 'l-i'),
    );
    expect(await page.evaluate(() => window.scrollY, null)).toBeGreaterThan(0);

    // Delete takes the note off the page; undo puts the same note back.
    await clickIn('delete', EDITED);
    await page.waitFor(
      () =>
        !((CSS.highlights.get('gloss-note-highlight') as unknown as Set<Range>)?.size ?? 0) ||
        ![...(CSS.highlights.get('gloss-note-highlight') as unknown as Set<Range>)].some((r) =>
          r.toString().includes('artificial-intelligence'),
        ),
      null,
    );
    await clickIn('undo');
    await waitForPainted(page, 'gloss-note-highlight', EDITED.replace('l i', 'l-i'));
    expect(panel.errors).toEqual([]);
    expect(page.errors).toEqual([]);
    await panel.close();
    await control.page.close();
    await page.close();
  });
});

describe.each(BROWSERS)('%s: export and import', (name) => {
  let browser: GlossBrowser;

  beforeAll(async () => {
    browser = await getBrowser(name);
  });

  /** Every note record in the profile's extension storage, by key. */
  const storedNotes = (control: ExtensionControl) =>
    control.page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`/`chrome`
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const all: Record<string, unknown> = await api.storage.local.get(null);
      return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('gloss.note.')));
    }, null);

  /** Hands `content` to the My notes tab's file input, as the browser does when a file is chosen. */
  const chooseFile = (
    view: Awaited<ReturnType<GlossBrowser['open']>>,
    content: string,
    file: string,
  ) =>
    view.evaluate(
      ([text, fileName]) => {
        const input = document.querySelector('[data-field=import-file]') as HTMLInputElement;
        const transfer = new DataTransfer();
        transfer.items.add(
          new File([text as string], fileName as string, { type: 'application/json' }),
        );
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      [content, file],
    );

  test('export all notes, import the file into a fresh profile: identical notes, back in place; a hostile file is refused', async () => {
    const WORDS = 'banned the import of Japanese seafood';
    const { page, url } = await openHighlighted(browser, 'canonical');
    await highlightWithToolbar(page, WORDS);
    const control = await ExtensionControl.open(browser);
    const tabId = await control.tabId(url);
    const mine = await storedNotes(control);
    expect(Object.keys(mine).length).toBeGreaterThan(0);

    // Export from the side panel: the file the browser is handed to download.
    const panel = await browser.openExtensionPage(`${SIDEPANEL}?tab=${tabId}`);
    await openSection(panel, 'notes');
    await panel.evaluate(() => {
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        (blob as Blob).text().then((text) => {
          (globalThis as { exported?: string }).exported = text;
        });
        return create(blob);
      };
    }, null);
    await panel.click('[data-action=export-all]');
    await panel.waitFor(
      () => typeof (globalThis as { exported?: string }).exported === 'string',
      null,
    );
    const file = await panel.evaluate(
      () => (globalThis as { exported?: string }).exported as string,
      null,
    );
    expect(JSON.parse(file).type).toBe('AnnotationCollection');
    await panel.close();
    await control.page.close();
    await page.close();

    // A fresh profile: nothing there; import the file.
    const fresh = await launchBrowser(name);
    try {
      const freshControl = await ExtensionControl.open(fresh);
      expect(await storedNotes(freshControl)).toEqual({});
      const view = await fresh.openExtensionPage(SIDEPANEL);
      await view.waitFor(() => document.querySelector('[data-field=import-file]'), null);

      // Hostile files first: refused, with what is wrong; nothing stored.
      await chooseFile(view, '{"type": "AnnotationCollection", "first": ', 'broken.jsonld');
      await view.waitFor(() => document.querySelector('[data-testid=import-error]'), null);
      expect(
        await view.evaluate(
          () => document.querySelector('[data-testid=import-error]')?.textContent,
          null,
        ),
      ).toMatch(/^Nothing was imported\. The file is not JSON/);
      const collection = JSON.parse(file);
      const [item] = collection.first.items;
      const hostile = {
        ...collection,
        first: {
          ...collection.first,
          items: [
            { ...item, target: { ...item.target, source: 'javascript:alert(document.cookie)' } },
            {
              ...item,
              id: 'urn:uuid:00000000-0000-4000-8000-0000000000ff',
              body: [
                { type: 'TextualBody', value: '<img src=x onerror=alert(1)>', format: 'text/html' },
              ],
            },
          ],
        },
      };
      await chooseFile(view, JSON.stringify(hostile), 'hostile.jsonld');
      await view.waitFor(
        () => document.querySelector('[data-testid=import-ask], [data-testid=import-error]'),
        null,
      );
      const asked = await view.evaluate(
        () => document.querySelector('[data-testid=import-ask]')?.textContent ?? '',
        null,
      );
      expect(asked).toContain('Annotation 1: target.source: is not a web page address');
      expect(asked).toContain('Annotation 2: body.0.format: is "text/html"');
      expect(
        await view.evaluate(() => document.querySelector('[data-action=import-confirm]'), null),
      ).toBeNull();
      await view.click('[data-action=import-cancel]');
      expect(await storedNotes(freshControl)).toEqual({});

      // The export: imported whole, the very same records.
      await chooseFile(view, file, 'gloss-notes.jsonld');
      await view.waitFor(() => document.querySelector('[data-testid=import-done]'), null);
      expect(await storedNotes(freshControl)).toEqual(mine);
      await screenshot(view, fresh, 'notes-imported');
      expect(view.errors).toEqual([]);

      // And the notes are back in place on the article in the fresh profile.
      const { page: again } = await openFixture(fresh, 'canonical');
      await waitForPainted(again, 'gloss-note-highlight', WORDS);
      expect(again.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
