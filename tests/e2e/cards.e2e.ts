/**
 * Hover and caret cards in both real browsers: pointing at a highlight shows its card (in a closed
 * shadow root outside <body>), moving away hides it, and a caret placed inside a highlight from the
 * keyboard shows it too. The card's content is unit-tested (tests/content/cards.test.ts); here we
 * check it appears where the reader looks, and look at it in the screenshots.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  closeAllBrowsers,
  type GlossBrowser,
  getBrowser,
  type TestPage,
} from '../../tools/browsers/browsers';
import { placeCaretIn } from '../../tools/browsers/cards';
import { openHighlighted, screenshot } from '../../tools/browsers/gloss';

afterAll(closeAllBrowsers);

/** Centre of the first visible range of a highlight, scrolled into view. */
function pointAtFirst(page: TestPage, name: string) {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n) as unknown as Set<Range> | undefined;
    const range = highlight ? [...highlight][0] : undefined;
    if (!range) throw new Error(`no ${n} highlight`);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0] as DOMRect;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
  }, name);
}

/**
 * Is a Gloss card shown right next to this point (just below, or above when there is no room)?
 * Its shadow root is closed: the host's box is the card's box, and that is what we can see.
 */
function cardNextTo(page: TestPage, x: number, y: number) {
  return page.waitFor(
    ([px, py]) => {
      const host = document.querySelector('gloss-card');
      if (!host || host.parentElement !== document.documentElement) return false;
      const r = host.getBoundingClientRect();
      const nearY =
        (r.top > (py as number) && r.top - (py as number) < 40) ||
        (r.bottom < (py as number) && (py as number) - r.bottom < 40);
      return (
        r.width > 100 &&
        r.height > 30 &&
        nearY &&
        (px as number) >= r.left - 400 &&
        (px as number) <= r.right + 400
      );
    },
    [x, y],
  );
}

const cardHidden = (page: TestPage) =>
  page.waitFor(() => {
    const host = document.querySelector('gloss-card');
    return !host || host.getBoundingClientRect().width === 0;
  }, null);

describe.each(BROWSERS)('%s', (name) => {
  let browser: GlossBrowser;
  let page: TestPage;

  beforeAll(async () => {
    browser = await getBrowser(name);
    ({ page } = await openHighlighted(browser, 'canonical'));
  });

  afterAll(async () => {
    await page?.close();
  });

  /** Points at the first range of a highlight, sees its card, screenshots it, moves away. */
  async function pointShowsCardThenAway(highlight: string, shot: string) {
    const at = await pointAtFirst(page, highlight);
    await page.mouseMove(at.x, at.y);
    await cardNextTo(page, at.x, at.y);
    await screenshot(page, browser, shot);
    await page.mouseMove(5, 5);
    await cardHidden(page);
  }

  test('pointing at a person shows a card next to it; moving away hides it', async () => {
    await pointShowsCardThenAway('gloss-entity-person', 'card-person');
    expect(page.errors).toEqual([]);
  });

  test('pointing at a claim shows its card', async () => {
    await pointShowsCardThenAway('gloss-claim-warning', 'card-claim');
  });

  test('a caret placed in a highlight from the keyboard shows its card; Escape hides it', async () => {
    const at = await pointAtFirst(page, 'gloss-entity-place');
    await placeCaretIn(page, 'gloss-entity-place');
    await cardNextTo(page, at.x, at.y);
    await page.keyboard('Escape');
    await cardHidden(page);
  });
});
