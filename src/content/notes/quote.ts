/**
 * The reader's selection as selectors: the quote, its context and its position, all taken from
 * Gloss's reading of the page text (the TextIndex the anchoring engine also reads), so that the
 * note is found again by the same engine on the next visit.
 */
import { CONTEXT_CHARS, type TextIndex, toCodePointOffset } from '../../anchoring';

export interface SelectionQuote {
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points of the index's text. */
  position: { start: number; end: number };
}

/** The Text node and offset a DOM boundary point falls on (an element point → its next text). */
function textPoint(node: Node, offset: number, end: boolean): { node: Node; offset: number } {
  if (node.nodeType === Node.TEXT_NODE) return { node, offset };
  const doc = node.ownerDocument ?? document;
  const child = node.childNodes[offset];
  const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  if (child) {
    walker.currentNode = child;
    const first = child.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
    if (first) return { node: first, offset: 0 };
  }
  // After the last child: the end of the last text inside `node`.
  let last: Node | null = null;
  walker.currentNode = node;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
  return last ? { node: last, offset: (last as Text).length } : { node, offset: end ? 1 : 0 };
}

/** The selection's quote in `index`, or null if it lies outside the indexed text or is blank. */
export function quoteOfRange(index: TextIndex, range: Range): SelectionQuote | null {
  const a = textPoint(range.startContainer, range.startOffset, false);
  const b = textPoint(range.endContainer, range.endOffset, true);
  let start = index.offsetAt(a.node, a.offset);
  let end = index.offsetAt(b.node, b.offset);
  if (start === null || end === null) return null;
  const text = index.text;
  // Leading and trailing spaces of a selection are not part of what the reader meant.
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (end <= start) return null;
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { start: toCodePointOffset(text, start), end: toCodePointOffset(text, end) },
  };
}
