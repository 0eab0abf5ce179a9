/**
 * A boundary in the page and a missing separator in a selector's context are the same thing
 * (issue #17): a selector whose prefix and suffix were taken from textContent (no separator at a
 * <br> or a block boundary) anchors exactly as the same selector written with separators, for
 * every kind of boundary; and it is still placed only where its context is.
 */
import * as textQuote from 'dom-anchor-text-quote';
import { describe, expect, test } from 'vitest';
import { type AnchorResult, anchor, type QuoteSelector, TextIndex } from '../../src/anchoring';

/**
 * Pages with one quote marked <q-here>, right after and right before a boundary of one kind, and
 * the same words elsewhere in running text (so that only the context can say which is meant). No
 * white space between the tags: textContent then has nothing at all where the page has a break.
 */
const BOUNDARIES: Array<{ kind: string; html: string }> = [
  {
    kind: '<br> between lines',
    html: '<p>Humani generis<br><q-here>Lorem sed do eiusmod</q-here><br>Mortalium animos</p><p>They wrote Lorem sed do eiusmod as a test.</p>',
  },
  {
    kind: 'the end of one paragraph and the start of the next',
    html: '<p>The talks ended late.</p><p><q-here>Mr Tan said</q-here></p><p>Nothing more was agreed.</p><p>Reporters heard Mr Tan said no to questions.</p>',
  },
  {
    kind: 'a div block inside running text',
    html: '<div>Markets rose<div><q-here>copper futures</q-here></div>and fell again.</div><p>Traders sold copper futures on Monday.</p>',
  },
  {
    kind: 'list items',
    html: '<ul><li>Apples</li><li><q-here>Pears</q-here></li><li>Plums</li></ul><p>Shoppers bought Pears and figs.</p>',
  },
  {
    kind: 'table cells',
    html: '<table><tr><td>Lee</td><td><q-here>Tan</q-here></td><td>64</td></tr></table><p>Coach Tan left early.</p>',
  },
  {
    kind: 'a heading between paragraphs',
    html: '<p>Both sides spoke.</p><h2><q-here>Trade</q-here></h2><p>Exports grew fast.</p><p>Trade fell in May.</p>',
  },
];

/** Selectors of the marked words: from textContent, and from the page text with separators. */
function selectorsOf(root: HTMLElement): { textContent: QuoteSelector; separators: QuoteSelector } {
  const marked = root.querySelector('q-here') as Element;
  const range = document.createRange();
  range.selectNodeContents(marked);
  const textContent = textQuote.fromRange(root, range);
  const index = TextIndex.build(root);
  const start = index.offsetAt(marked.firstChild as Text, 0) as number;
  const end = start + (marked.textContent ?? '').length;
  const separators = {
    exact: index.text.slice(start, end),
    prefix: index.text.slice(Math.max(0, start - 32), start),
    suffix: index.text.slice(end, end + 32),
  };
  return { textContent, separators };
}

const page = (html: string): HTMLElement => {
  document.body.innerHTML = `<article>${html}</article>`;
  return document.querySelector('article') as HTMLElement;
};
const placeOf = (r: AnchorResult) => [r.start, r.end, r.method, r.score];

describe('a selector whose context was taken from textContent', () => {
  for (const { kind, html } of BOUNDARIES) {
    test(`${kind}: placed as the one written with separators`, () => {
      const root = page(html);
      const { textContent, separators } = selectorsOf(root);
      // The two really differ where the page has its boundaries.
      expect(textContent.prefix).not.toBe(separators.prefix);
      expect(textContent.suffix).not.toBe(separators.suffix);
      const [fromTextContent, fromSeparators] = anchor(root, [textContent, separators], {
        sharedPlaces: true,
      }) as [AnchorResult, AnchorResult];
      const index = TextIndex.build(root);
      const marked = root.querySelector('q-here') as Element;
      const start = index.offsetAt(marked.firstChild as Text, 0);
      expect(fromSeparators.start).toBe(start);
      expect(placeOf(fromTextContent)).toEqual(placeOf(fromSeparators));
    });

    test(`${kind}: not placed on the same words elsewhere once its own place is gone`, () => {
      const root = page(html);
      const { textContent } = selectorsOf(root);
      (root.querySelector('q-here') as Element).remove();
      expect(anchor(root, [textContent])[0]?.start).toBeNull();
    });
  }
});
