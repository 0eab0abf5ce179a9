/**
 * The verbatim tier, before any search: a copy that carries the article's text as it was, in
 * order (the canonical page, a complete syndicated copy, a note on an unedited page) needs no
 * folding, no multi-pattern pass and no scoring of rivals. Each selector's prefix + quote + suffix,
 * rendered as the page is, is looked for where the article's spacing puts it after the previous
 * one. Context stops at the source's paragraph breaks: past one, a page has its own furniture
 * (a byline, a photo credit, an advertisement), so there the page must have a block break too.
 * A place is taken only with the evidence the search tiers would ask for:
 *  - the quote with its context occurs once on the page (a second copy, a teaser or a pull quote
 *    leaves the choice to the search, which weighs position and order);
 *  - it has, in order next to it, another place taken from outside its own sentence (evidence.ts,
 *    PositionMap.support: the article around it, not only its words; a copy of a paragraph out
 *    of the article's order has none).
 * Everything else (edited text, missing context, a second copy) is left to the search tiers,
 * which get this tier's places as settled neighbours (pipeline.ts).
 */

import { ownSentence, sameTarget } from './evidence';
import { type Folded, renderedToFolded } from './fold';
import { inOrderChain, NEIGHBOUR_REACH, NEIGHBOUR_REACH_FACTOR, PositionMap } from './position-map';
import { paragraphContext, renderSelector } from './prepare';
import {
  CONTEXT_CHARS,
  combineScore,
  POSITION_SPAN,
  POSITION_WEIGHT,
  SHORT_QUOTE,
} from './scoring';
import type { ShouldYield } from './slices';
import { lowerBound, type TextIndex } from './text-index';
import type { AnchorOptions, AnchorResult, QuoteSelector, Settled } from './types';

/** Rendered context characters (both sides together) a short quote needs to be placed verbatim. */
const MIN_CONTEXT = 16;
/** Searches of the whole rest of the page for a selector not found where expected. */
const MAX_WIDE_SEARCHES = 16;
/** Page characters beyond the source's own distance the next selector is looked for within. */
const SEARCH_SLACK = 2048;
/** Share of the call's selectors this tier must place to place any. */
const MIN_SHARE = 0.5;
/** Rounds of turning down unvouched short quotes (each can take a voucher from another). */
const MAX_ROUNDS = 8;

/** A selector found verbatim: its place on the page, and the page span its key covers. */
interface Found {
  /** Index of the selector in the call. */
  i: number;
  position: number;
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
  /** Rendered context characters next to the quote (prefix + suffix, as the score counts them). */
  contextLength: number;
  short: boolean;
  /**
   * The selector's whole context, past the paragraph breaks too, is next to the quote: as the
   * search would score it, a confident anchor that vouches for others.
   */
  fullContext: boolean;
}

/** What is looked for: the rendered key, the quote's span in it, the block breaks it needs. */
interface Key {
  whole: string;
  quoteStart: number;
  quoteEnd: number;
  /** The source has a paragraph break right before / after the key. */
  breakBefore: boolean;
  breakAfter: boolean;
}

/** The selector's key: its context up to the source's paragraph breaks, rendered. */
function keyOf(selector: QuoteSelector): Key {
  const { prefix, suffix, breakBefore, breakAfter } = paragraphContext(selector);
  const { whole, quoteStart, quoteEnd } = renderSelector({ exact: selector.exact, prefix, suffix });
  return { whole, quoteStart, quoteEnd, breakBefore, breakAfter };
}

/**
 * The places this tier takes: one entry per selector, null where it leaves the selector to the
 * search tiers.
 */
export function* verbatimSteps(
  index: TextIndex,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions,
  settled: ReadonlyArray<Settled>,
  shouldYield: ShouldYield,
): Generator<void, Array<AnchorResult | null>, void> {
  const results: Array<AnchorResult | null> = new Array(selectors.length).fill(null);
  const order: number[] = [];
  selectors.forEach((s, i) => {
    if (typeof s.position === 'number' && Number.isFinite(s.position)) order.push(i);
  });
  if (order.length === 0) return results;
  order.sort(
    (a, b) => (selectors[a]?.position as number) - (selectors[b]?.position as number) || a - b,
  );
  const text = index.text;
  const scale =
    options.sourceLength && options.sourceLength > 0 ? text.length / options.sourceLength : 1;
  const breaks = index.breakOffsets();
  /** Is the page's character at `at` the space of a block break (or the text's edge)? */
  const blockEdge = (at: number) => {
    if (at < 0 || at >= text.length) return true;
    const k = lowerBound(breaks, breaks.length, at);
    return k < breaks.length && breaks[k] === at;
  };
  const found: Found[] = [];
  let last: Found | null = null;
  let wideSearches = 0;
  for (let k = 0; k < order.length; k++) {
    if ((k & 255) === 255 && shouldYield()) yield;
    const i = order[k] as number;
    const selector = selectors[i] as QuoteSelector;
    const key = keyOf(selector);
    const { whole, quoteStart, quoteEnd } = key;
    if (quoteStart < 0) continue;
    const quoteLength = quoteEnd - quoteStart;
    const contextLength = whole.length - quoteLength;
    const short = quoteLength <= SHORT_QUOTE;
    if (short && contextLength < MIN_CONTEXT) continue;
    if (!short && contextLength === 0 && !key.breakBefore && !key.breakAfter) continue;
    const fits = (at: number) =>
      (!key.breakBefore || blockEdge(at - 1)) && (!key.breakAfter || blockEdge(at + whole.length));
    const position = selector.position as number;
    let keyStart = -1;
    /** Where the article's own spacing puts the key, from the previous place. */
    const expected = last === null ? -1 : position - last.position + last.start - quoteStart;
    if (last !== null) {
      if (expected >= 0 && text.startsWith(whole, expected) && fits(expected)) keyStart = expected;
      else {
        const from = Math.max(0, last.start - quoteStart);
        const to = Math.min(text.length, Math.max(from, expected) + whole.length + SEARCH_SLACK);
        if (to > from) {
          const at = text.slice(from, to).indexOf(whole);
          if (at >= 0 && fits(from + at)) keyStart = from + at;
        }
      }
    }
    if (keyStart < 0 && wideSearches < MAX_WIDE_SEARCHES) {
      // Anywhere on the page: the first place the key is (the only one, if it is taken below).
      wideSearches++;
      const at = text.indexOf(whole);
      if (at >= 0 && fits(at)) keyStart = at;
    }
    if (keyStart < 0) continue;
    const f: Found = {
      i,
      position,
      start: keyStart + quoteStart,
      end: keyStart + quoteEnd,
      keyStart,
      keyEnd: keyStart + whole.length,
      contextLength:
        Math.min(CONTEXT_CHARS, quoteStart) + Math.min(CONTEXT_CHARS, whole.length - quoteEnd),
      short,
      fullContext:
        !(key.breakBefore || key.breakAfter) ||
        wholeContextAt(text, selector, keyStart + quoteStart),
    };
    found.push(f);
    // The next one is looked for from here; a place out of the article's order (a copy further
    // down, while the article's own words were edited) is turned down by the order below.
    last = f;
  }
  if (shouldYield()) yield;

  // Fewer found than the share the tier needs: leave it all to the search (see MIN_SHARE below).
  if (found.length === 0 || found.length < order.length * MIN_SHARE) return results;
  // Only places that are their own can vouch for others, as only confident anchors do; and every
  // place needs a neighbour from outside its sentence in order next to it (PositionMap.support),
  // which a copy out of the article's order has not.
  const folded = yield* index.foldedSteps(shouldYield);
  let taken: Found[] = [];
  for (let k = 0; k < found.length; k++) {
    // Each check reads the page once (native, but a 2 MB page is a 2 MB read).
    if ((k & 31) === 31 && shouldYield()) yield;
    const f = found[k] as Found;
    if (occursOnce(folded, f) && hasPartner(k, found)) taken.push(f);
  }
  // The article's order: the longest chain of places whose page order is the source order, each
  // stretch of it (one shift: a verbatim paragraph) within reach of the stretches around it. A
  // copy of a paragraph elsewhere on the page (whose own place was edited or dropped) is not.
  const inOrder = new Set(inOrderChain(taken, (f) => f.start));
  taken = taken.filter((f) => inOrder.has(f));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const far = farFromNeighbours(taken, scale);
    if (far.size === 0) break;
    taken = taken.filter((f) => !far.has(f));
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const map = new PositionMap(
      taken.filter((f) => f.fullContext).map((f) => [f.position, f.start]),
      scale,
    );
    const turnedDown = taken.filter((f) => {
      const around = map.support(f.position, ownSentence(selectors[f.i] as QuoteSelector), f.start);
      return !around.before && !around.after;
    });
    if (turnedDown.length === 0) break;
    const down = new Set(turnedDown);
    taken = taken.filter((f) => !down.has(f));
  }
  // Verbatim text that is only a small part of what the call looks for is no evidence of where
  // the article is (a comment or a teaser quoting a few of its sentences, on a page whose own copy
  // was edited): the search, which also sees the edited text, decides all of it.
  if (taken.length < order.length * MIN_SHARE) return results;
  const ownPlace = onePlaceOneTarget(taken, selectors, settled, options.sharedPlaces === true);
  for (const f of taken) {
    if (!ownPlace(f)) continue;
    const hint = Math.max(0, Math.min(text.length, f.position * scale));
    const positionScore = Math.max(
      0,
      1 - Math.abs(f.start - hint) / Math.max(1, POSITION_SPAN * text.length),
    );
    results[f.i] = {
      range: options.createRanges === false ? null : index.rangeFor(f.start, f.end),
      start: f.start,
      end: f.end,
      score: combineScore(1, 1, positionScore, f.end - f.start, f.contextLength, POSITION_WEIGHT),
      method: 'exact',
      detail: { quote: 1, context: 1, position: positionScore, errors: 0, candidates: 1 },
    };
  }
  return results;
}

/**
 * Does the selector's key occur nowhere else on the page, not even as the search would read it
 * (folded: case, quotes, dashes, honorifics and spellings aside)? Another copy that differs only
 * so is a candidate the search weighs by position; this tier does not weigh. (indexOf is native:
 * no JIT warm-up, and it skips ahead by the key's length.)
 */
function occursOnce(folded: Folded, f: Found): boolean {
  const from = renderedToFolded(folded, f.keyStart);
  const key = folded.text.slice(from, renderedToFolded(folded, f.keyEnd));
  return folded.text.indexOf(key) === from && folded.text.indexOf(key, from + 1) < 0;
}

/**
 * Is another selector found at the same offset from its source position, i.e. in the same verbatim
 * stretch of the article? A lone verbatim sentence amid edited ones may be a copy elsewhere whose
 * original was edited; the search weighs it against the edited one.
 */
function hasPartner(k: number, found: readonly Found[]): boolean {
  const f = found[k] as Found;
  const shift = f.start - f.position;
  for (const j of [k - 1, k + 1]) {
    const g = found[j];
    if (g && g.start - g.position === shift) return true;
  }
  return false;
}

/** Is the selector's whole context (past paragraph breaks) next to the quote at `start`? */
function wholeContextAt(text: string, selector: QuoteSelector, start: number): boolean {
  const { whole, quoteStart } = renderSelector(selector);
  return start >= quoteStart && text.startsWith(whole, start - quoteStart);
}

/**
 * The places (in source order, in page order) whose stretch is out of reach of the stretch before
 * it or after it: further on the page than twice their distance in the source, plus what a page
 * adds between paragraphs (PositionMap.support's reach).
 */
function farFromNeighbours(places: readonly Found[], scale: number): Set<Found> {
  const reach = (from: Found, to: Found) =>
    to.start - from.start <=
    NEIGHBOUR_REACH_FACTOR * (to.position - from.position) * scale + NEIGHBOUR_REACH;
  const far = new Set<Found>();
  let first = 0;
  while (first < places.length) {
    const shift = (places[first] as Found).start - (places[first] as Found).position;
    let end = first + 1;
    while (
      end < places.length &&
      (places[end] as Found).start - (places[end] as Found).position === shift
    )
      end++;
    const head = places[first] as Found;
    const tail = places[end - 1] as Found;
    const before = places[first - 1];
    const after = places[end];
    if ((before && !reach(before, head)) || (after && !reach(tail, after))) {
      for (let k = first; k < end; k++) far.add(places[k] as Found);
    }
    first = end;
  }
  return far;
}

/**
 * One place, one target (evidence.ts): a place settled for another target, or found for two
 * targets (unless the caller shares places), is left to the search, which weighs whose it is.
 */
function onePlaceOneTarget(
  taken: readonly Found[],
  selectors: ReadonlyArray<QuoteSelector>,
  settled: ReadonlyArray<Settled>,
  sharedPlaces: boolean,
): (f: Found) => boolean {
  const owners = new Map<string, QuoteSelector[]>();
  const own = (start: number, end: number | null, selector: QuoteSelector) => {
    const place = `${start}:${end}`;
    const list = owners.get(place);
    if (list) list.push(selector);
    else owners.set(place, [selector]);
  };
  for (const s of settled)
    if (s.result.start !== null) own(s.result.start, s.result.end, s.selector);
  if (!sharedPlaces) for (const f of taken) own(f.start, f.end, selectors[f.i] as QuoteSelector);
  return (f) => {
    const selector = selectors[f.i] as QuoteSelector;
    return (owners.get(`${f.start}:${f.end}`) ?? []).every((o) => sameTarget(o, selector));
  };
}
