/** What the e2e tests do to make a note as a reader would, the same way in both browsers. */
import type { TestPage } from './browsers';

/**
 * Selects the first occurrence of `words` in `within` (the article), as a reader dragging over
 * them. Any page that evaluates a function with an argument will do (a test page, playwright's).
 */
export function select(page: Pick<TestPage, 'evaluate'>, words: string, within = 'article') {
  return page.evaluate(
    ({ words: w, within: root }) => {
      const walker = document.createTreeWalker(
        document.querySelector(root) ?? document.body,
        NodeFilter.SHOW_TEXT,
      );
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n.textContent ?? '').indexOf(w);
        if (at < 0) continue;
        (n.parentElement as Element).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + w.length);
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return true;
      }
      throw new Error(`"${w}" is not on the page`);
    },
    { words, within },
  );
}

/** The box of Gloss's note UI host (its closed shadow root draws inside it), once shown. */
export async function noteUiBox(page: TestPage, minHeight = 10) {
  await page.waitFor((h) => {
    const host = document.querySelector('gloss-note-ui');
    const r = host?.getBoundingClientRect();
    return r && r.width > 40 && r.height > (h as number);
  }, minHeight);
  return page.evaluate(() => {
    const r = (document.querySelector('gloss-note-ui') as Element).getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height };
  }, null);
}

/**
 * The box of the toolbar beside the selection, once shown: the note UI's host at the toolbar's
 * size (two buttons), not a message still showing from the last note (as wide as the editor).
 */
export async function toolbarBox(page: TestPage) {
  await page.waitFor(() => {
    const r = document.querySelector('gloss-note-ui')?.getBoundingClientRect();
    return r && r.width > 40 && r.width < 240 && r.height > 10 && r.height < 60;
  }, null);
  return noteUiBox(page);
}

/** The texts of the ranges painted under a highlight name. */
export function painted(page: TestPage, name: string) {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n) as unknown as Set<Range> | undefined;
    return h ? [...h].map((r) => r.toString()) : [];
  }, name);
}

export function waitForPainted(page: TestPage, name: string, text: string, timeoutMs = 15_000) {
  return page.waitFor(
    ([n, t]) => {
      const h = CSS.highlights.get(n as string) as unknown as Set<Range> | undefined;
      return h && [...h].some((r) => r.toString() === t);
    },
    [name, text],
    timeoutMs,
  );
}

/** Selects `words` and saves them as a bare highlight with the toolbar's first button. */
export async function highlightWithToolbar(page: TestPage, words: string) {
  await select(page, words);
  const bar = await toolbarBox(page);
  await page.mouseClick(bar.left + 24, bar.top + bar.height / 2);
  await waitForPainted(page, 'gloss-note-highlight', words);
}
