/**
 * Selectors written by other tools anchor as well as Gloss's own (issue #17). Many tools take a
 * quote's prefix and suffix from the DOM's textContent (the older Hypothesis client through
 * dom-anchor-text-quote, Apache Annotator), which has no separator where the page has a <br> or a
 * block boundary; Gloss's page text has a space there. The engine treats the two as the same.
 *
 * The 27 ranges of the Hypothesis client's own HTML anchoring tests (hypothesis-ranges.ts), each
 * described the textContent way (dom-anchor-text-quote and dom-anchor-text-position, as that
 * client did) and the separator way (Gloss's page text), anchored one selector per call as a
 * reader's note is: every one is placed on the range's own words. (Apache Annotator's
 * describeTextQuote, textContent too, needs a NodeIterator that happy-dom lacks.)
 */
import * as textPosition from 'dom-anchor-text-position';
import * as textQuote from 'dom-anchor-text-quote';
import { describe, expect, test } from 'vitest';
import { type AnchorResult, anchor, type QuoteSelector, TextIndex } from '../../src/anchoring';
import {
  HYPOTHESIS_RANGES,
  loadHypothesisPage,
  type RangeSpec,
  rangeOf,
} from './hypothesis-ranges';

const CONTEXT = 32;

/** The first text node at or after a boundary point (start) / the last one before it (end). */
function textPoint(range: Range, edge: 'start' | 'end'): [Text, number] | null {
  const container = edge === 'start' ? range.startContainer : range.endContainer;
  const offset = edge === 'start' ? range.startOffset : range.endOffset;
  if (container.nodeType === 3) return [container as Text, offset];
  const doc = container.ownerDocument as Document;
  const walker = doc.createTreeWalker(range.commonAncestorContainer.getRootNode(), 4);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const point = doc.createRange();
  point.setStart(container, offset);
  if (edge === 'start') {
    const after = texts.find((t) => point.comparePoint(t, 0) >= 0);
    return after ? [after, 0] : null;
  }
  const before = texts.filter((t) => point.comparePoint(t, t.data.length) <= 0).pop();
  return before ? [before, before.data.length] : null;
}

/** Where a range's words are in the page text: its first to last visible character. */
function expectedPlace(index: TextIndex, range: Range): [number, number] {
  const [startNode, startOffset] = textPoint(range, 'start') as [Text, number];
  const [endNode, endOffset] = textPoint(range, 'end') as [Text, number];
  let start = index.offsetAt(startNode, startOffset) as number;
  let end = index.offsetAt(endNode, endOffset) as number;
  while (start < end && index.text[start] === ' ') start++;
  while (end > start && index.text[end - 1] === ' ') end--;
  return [start, end];
}

/** The textContent way: the older Hypothesis client's TextQuoteSelector and TextPositionSelector. */
function textContentSelector(root: HTMLElement, range: Range): QuoteSelector {
  const quote = textQuote.fromRange(root, range);
  return { ...quote, position: textPosition.fromRange(root, range).start };
}

/** The separator way: Gloss's page text, a space at every <br> and block boundary. */
function separatorSelector(index: TextIndex, range: Range): QuoteSelector {
  const [start, end] = expectedPlace(index, range);
  return {
    exact: index.text.slice(start, end),
    prefix: index.text.slice(Math.max(0, start - CONTEXT), start),
    suffix: index.text.slice(end, end + CONTEXT),
    position: start,
  };
}

const WAYS = ['textContent', 'separators'] as const;
type Way = (typeof WAYS)[number];

interface Case {
  spec: RangeSpec;
  way: Way;
  selector: QuoteSelector;
  sourceLength: number;
  expected: [number, number];
}

function cases(): { root: HTMLElement; index: TextIndex; list: Case[] } {
  document.body.innerHTML = '';
  const root = loadHypothesisPage(document);
  const index = TextIndex.build(root);
  const list: Case[] = [];
  for (const spec of HYPOTHESIS_RANGES) {
    const range = rangeOf(root, spec);
    const expected = expectedPlace(index, range);
    const textContentLength = (root.textContent ?? '').length;
    list.push(
      {
        spec,
        way: 'textContent',
        selector: textContentSelector(root, range),
        sourceLength: textContentLength,
        expected,
      },
      {
        spec,
        way: 'separators',
        selector: separatorSelector(index, range),
        sourceLength: index.length,
        expected,
      },
    );
  }
  return { root, index, list };
}

describe('the Hypothesis client’s 27 HTML anchoring ranges', () => {
  test('the ranges select the text the Hypothesis tests say they do', () => {
    document.body.innerHTML = '';
    const root = loadHypothesisPage(document);
    expect(HYPOTHESIS_RANGES).toHaveLength(27);
    for (const spec of HYPOTHESIS_RANGES) {
      expect(rangeOf(root, spec).toString(), spec.description).toBe(spec.quote);
    }
  });

  test('each one, described both ways, is placed on its words', () => {
    const { root, index, list } = cases();
    const outcome = list.map((c) => {
      const [result] = anchor(root, [c.selector], {
        sourceLength: c.sourceLength,
        createRanges: false,
      }) as [AnchorResult];
      return {
        range: `${c.spec.description} (${c.spec.startContainer}:${c.spec.startOffset})`,
        way: c.way,
        place: result.start === null ? result.reason : [result.start, result.end],
      };
    });
    if (process.env.FOREIGN_REPORT) {
      for (const way of WAYS) {
        const placed = outcome.filter((o) => o.way === way && Array.isArray(o.place)).length;
        console.log(`${way}: ${placed} of ${HYPOTHESIS_RANGES.length} placed`);
      }
    }
    expect(outcome).toEqual(
      list.map((c) => ({
        range: `${c.spec.description} (${c.spec.startContainer}:${c.spec.startOffset})`,
        way: c.way,
        place: c.expected,
      })),
    );
    // The expected places are the ranges' own words.
    for (const c of list) {
      expect(index.text.slice(...c.expected)).toBe(c.spec.quote.replace(/\s+/g, ' ').trim());
    }
  });
});
