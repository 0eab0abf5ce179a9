/**
 * Whether the evidence for a place is enough, weighed as a whole: the quote's length and
 * uniqueness, its context, and the article's other quotes anchored around it in order.
 *  - A quote shorter than a sentence whose context agrees on one side at most (a name after
 *    "US President Donald " followed by other words) is placed only where the article vouches for
 *    it: a confident neighbour from another sentence sits next to it in order (PositionMap.support).
 *    Another article, a teaser or a related-stories box has the words, not the article around them.
 *  - A clause-length quote found verbatim once on the page, with the article's neighbours
 *    anchored around it on both sides, is placed even when the words next to it were edited.
 *  - No two selectors of one call take the same place, unless they are the same target (the same
 *    quote, context and position) or the caller allows it (`sharedPlaces`).
 */

import type { Candidate } from './candidates';
import { NEIGHBOUR_GAP, type PositionMap } from './position-map';
import { type PreparedSelector, paragraphContext } from './prepare';
import { SHORT_QUOTE } from './scoring';
import type { QuoteSelector } from './types';

/** A context side agrees when its rescaled agreement reaches this (as for a fuzzy match). */
const SIDE_AGREES = 0.5;
/** Folded characters from which a quote is clause-length... */
export const CLAUSE_LENGTH = 24;
/** ...and words it must have. */
const CLAUSE_WORDS = 4;

/** How many of the selector's context sides agree with the page next to the candidate. */
function sidesAgreeing(c: Candidate): number {
  return (
    ((c.prefixScore ?? 0) >= SIDE_AGREES ? 1 : 0) + ((c.suffixScore ?? 0) >= SIDE_AGREES ? 1 : 0)
  );
}

/**
 * Is this place only as good as the article around it? A quote shorter than SHORT_QUOTE given
 * with context. Its words and context can stand in other text of the same subject (another
 * article's background sentence, a teaser); the article's other sentences around it cannot. (A
 * quote given without context is placed on its words alone, as the caller asked; a longer one is
 * its own identity.)
 */
export function needsNeighbours(sel: PreparedSelector, c: Candidate): boolean {
  if (sel.foldedQuote.length > SHORT_QUOTE) return false;
  if (sel.foldedPrefix.length === 0 && sel.foldedSuffix.length === 0) return false;
  return c.method !== 'fuzzy' || sidesAgreeing(c) <= 1;
}

/** Is the quote a clause: at least CLAUSE_LENGTH folded characters and CLAUSE_WORDS words? */
export function isClause(sel: PreparedSelector): boolean {
  const q = sel.foldedQuote;
  if (q.length < CLAUSE_LENGTH) return false;
  let words = 1;
  for (let i = 1; i < q.length; i++) if (q.charCodeAt(i) === 0x20) words++;
  return words >= CLAUSE_WORDS;
}

/**
 * The source span [from, to) of the quote's own sentence: what a copy of the sentence (a teaser,
 * a pull quote, another article repeating it) carries along with the quote, so that anchors in it
 * cannot vouch for the quote's place. NEIGHBOUR_GAP characters (about a sentence) on each side,
 * but never across a paragraph break the selector's context shows: the next paragraph is not the
 * quote's sentence, and its anchors right after a paragraph's last words are the article around
 * them (on a copy cut after two paragraphs, the end of the first has no other neighbour).
 */
export function ownSentence(selector: QuoteSelector): [number, number] {
  const { position = 0, exact } = selector;
  const end = position + exact.length;
  const own = paragraphContext(selector);
  // Past the break: the prefix's rest and the break itself lie before the paragraph.
  const from = position - NEIGHBOUR_GAP;
  const to = end + NEIGHBOUR_GAP;
  return [
    own.breakBefore ? Math.max(from, position - own.prefix.length - 1) : from,
    own.breakAfter ? Math.min(to, end + own.suffix.length) : to,
  ];
}

/** Which sides of this place the article's confident neighbours vouch for (none without a map). */
export function neighbours(
  map: PositionMap,
  sel: PreparedSelector,
  c: Candidate,
): { before: boolean; after: boolean } {
  const start = sel.selector.position;
  if (start === undefined || map.size === 0) return { before: false, after: false };
  return map.support(start, ownSentence(sel.selector), c.start);
}

/** Two selectors for the same target (same quote, context and position) may share a place. */
export function sameTarget(a: QuoteSelector, b: QuoteSelector): boolean {
  return (
    a.exact === b.exact &&
    (a.prefix ?? '') === (b.prefix ?? '') &&
    (a.suffix ?? '') === (b.suffix ?? '') &&
    a.position === b.position
  );
}
