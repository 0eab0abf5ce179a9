/** What the e2e tests do to make Gloss show a card, the same way in both browsers. */
import type { TestPage } from './browsers';

/**
 * Puts the caret one character into the first range of the highlight `name`, as a reader moving
 * through the text from the keyboard would: Gloss shows that highlight's card.
 */
export function placeCaretIn(page: TestPage, name: string) {
  return page.evaluate((n) => {
    const range = [...(CSS.highlights.get(n) as unknown as Set<Range>)][0] as Range;
    const caret = document.createRange();
    caret.setStart(range.startContainer, range.startOffset + 1);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(caret);
  }, name);
}
