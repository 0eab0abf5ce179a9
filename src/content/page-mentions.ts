/**
 * The DOM side of highlighting entity names in the text of the article's region that the pack
 * does not have: the page's own headline, a paragraph the site added (highlights/page-mentions.ts
 * finds the names). Only headings and paragraphs inside the region, shown to the reader, outside
 * the stretches where the judge found the article's own paragraphs, and not inside links,
 * navigation, captions or buttons.
 */
import type { Judgement } from '../detection/judge';
import { findNames, type NameForm } from '../highlights/page-mentions';
import { isShown, type PageReading } from './article-root';

const OWN_TEXT = 'h1, h2, h3, h4, p, li, blockquote';
const NOT_TEXT = 'a, nav, aside, footer, figcaption, button, time, label';

export function pageMentions(
  reading: PageReading,
  region: Element,
  judgement: Pick<Judgement, 'stretches'>,
  forms: readonly NameForm[],
): Array<{ form: NameForm; range: Range }> {
  const out: Array<{ form: NameForm; range: Range }> = [];
  const { pieceStarts } = reading.hits;
  const articleText = (i: number) => {
    const from = pieceStarts[i] as number;
    const to = pieceStarts[i + 1] ?? reading.hits.length;
    return judgement.stretches.some((s) => from < s.end && to > s.start);
  };
  reading.nodes.forEach((node, i) => {
    if (!node.isConnected || !region.contains(node) || articleText(i)) return;
    const parent = node.parentElement;
    const block = parent?.closest(OWN_TEXT);
    if (!parent || !block || !region.contains(block) || parent.closest(NOT_TEXT)) return;
    const names = findNames(node.data, forms);
    if (names.length === 0 || !isShown(parent)) return;
    for (const { start, end, form } of names) {
      const range = node.ownerDocument.createRange();
      // End first: happy-dom collapses a fresh range whose start is set past its initial end.
      range.setEnd(node, end);
      range.setStart(node, start);
      out.push({ form, range });
    }
  });
  return out;
}
