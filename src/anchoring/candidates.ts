/**
 * Candidate places for a quote, and how each is scored and checked: quote similarity, context
 * agreement next to it, closeness to the position hint; whether it may be accepted at all.
 */

import { compileContext, contextDistance } from './context';
import { type Folded, foldedToRenderedEnd, foldedToRenderedStart, renderedToFolded } from './fold';
import type { PreparedSelector } from './prepare';
import {
  ADJACENT_MIN,
  combineScore,
  FUZZY_MIN_SIDE,
  FUZZY_SIDE_SUPPORT,
  NORMALISED_QUOTE_SCORE,
  POSITION_SPAN,
  POSITION_WEIGHT,
  rescaleContext,
  SHORT_QUOTE,
} from './scoring';
import { lowerBound, type TextIndex } from './text-index';
import type { AnchorMethod, AnchorOptions } from './types';

/** A place in the page where a selector's quote may be, with its score. */
export interface Candidate {
  /** Offsets in the rendered text (index.text): what a highlight covers. */
  start: number;
  end: number;
  /** Offsets of the matched folded quote in the folded text. */
  foldedStart: number;
  foldedEnd: number;
  /** Quote similarity: 1 exact, NORMALISED_QUOTE_SCORE normalised, less for a fuzzy match. */
  quoteScore: number;
  /** Context agreement of both sides, weighted by their length; null when none was given. */
  contextScore: number | null;
  /** Agreement of the prefix side / suffix side (rescaled, 0..1), null when not given. */
  prefixScore: number | null;
  suffixScore: number | null;
  /** Closeness to the position hint (0..1), null without a hint. */
  positionScore: number | null;
  score: number;
  method: AnchorMethod;
  /** Edits between the folded quote and the match (0 unless fuzzy). */
  errors: number;
}

const SPACE = 0x20;
/** Page characters beyond the context's length the context distance may read. */
export const CONTEXT_SLACK = 6;
/** Occurrences of a quote fully scored; more are pre-ranked by quickContext first. */
const MAX_FULLY_SCORED = 8;
/** Context characters compared by quickContext on each side. */
const QUICK_CONTEXT = 12;

/**
 * `text.slice(from, to).toLowerCase() === lower` without building the slice when it is ASCII
 * (ASCII lower-cases char by char; anything else takes the general path).
 */
export function lowerEquals(text: string, from: number, to: number, lower: string): boolean {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return text.slice(from, to).toLowerCase() === lower;
    const l = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    // All before i is ASCII, so the lower-cased slice agrees with `lower` up to here or not at all.
    if (l !== lower.charCodeAt(i - from)) return false;
  }
  return lower.length === end - from;
}

/**
 * One anchoring call's view of the page: its rendered and folded text and block breaks, and how
 * a candidate place in it is scored and checked.
 */
export class PageSearch {
  readonly index: TextIndex;
  /** The rendered text (index.text). */
  readonly text: string;
  readonly folded: Folded;
  readonly options: AnchorOptions;
  private foldedBreakCache: Int32Array | null = null;

  constructor(index: TextIndex, options: AnchorOptions, folded: Folded) {
    this.index = index;
    this.text = index.text;
    this.folded = folded;
    this.options = options;
  }

  /** Folded offsets of the page's block-break spaces (sorted), on first need. */
  foldedBreaks(): Int32Array {
    if (this.foldedBreakCache === null) {
      const rendered = this.index.breakOffsets();
      const breaks = new Int32Array(rendered.length);
      for (let i = 0; i < rendered.length; i++) {
        breaks[i] = renderedToFolded(this.folded, rendered[i] as number);
      }
      this.foldedBreakCache = breaks;
    }
    return this.foldedBreakCache;
  }

  /** Is there a block-break space in rendered offsets [from, to)? */
  breakIn(from: number, to: number): boolean {
    const breaks = this.index.breakOffsets();
    const i = lowerBound(breaks, breaks.length, from);
    return i < breaks.length && (breaks[i] as number) < to;
  }

  /** Score a candidate occurrence [foldedStart, foldedEnd) of the folded quote. */
  evaluate(
    sel: PreparedSelector,
    foldedStart: number,
    foldedEnd: number,
    errors: number,
    fuzzy: boolean,
    hint: number | null,
    positionWeight = POSITION_WEIGHT,
  ): Candidate {
    const folded = this.folded;
    const foldedText = folded.text;
    let start = foldedToRenderedStart(folded, foldedStart);
    let end = foldedEnd > foldedStart ? foldedToRenderedEnd(folded, foldedEnd - 1) : start;
    const text = this.text;
    // Re-attach what the fold cut at the quote's edges ("Mr "), never across a block break.
    if (sel.lostStart.length > 0) {
      const n = sel.lostStart.length;
      if (
        start >= n &&
        lowerEquals(text, start - n, start, sel.lostStartLower) &&
        !this.breakIn(start - n, start)
      ) {
        start -= n;
      }
    }
    if (sel.lostEnd.length > 0) {
      const n = sel.lostEnd.length;
      if (lowerEquals(text, end, end + n, sel.lostEndLower) && !this.breakIn(end, end + n)) {
        end += n;
      }
    }
    let quoteScore: number;
    let method: AnchorMethod;
    if (fuzzy && errors > 0) {
      quoteScore = Math.min(
        NORMALISED_QUOTE_SCORE,
        1 - errors / Math.max(1, sel.foldedQuote.length),
      );
      method = 'fuzzy';
    } else if (end - start === sel.quote.length && text.startsWith(sel.quote, start)) {
      quoteScore = 1;
      method = 'exact';
    } else {
      quoteScore = NORMALISED_QUOTE_SCORE;
      method = 'normalised';
    }
    let contextScore: number | null = null;
    let prefixScore: number | null = null;
    let suffixScore: number | null = null;
    let contextLength = 0;
    const prefixLength = sel.foldedPrefix.length;
    const suffixLength = sel.foldedSuffix.length;
    if (prefixLength > 0 || suffixLength > 0) {
      // Verbatim context (the common case) is distance 0 without the bit-parallel pass.
      if (
        prefixLength > 0 &&
        !(
          foldedStart >= prefixLength &&
          foldedText.startsWith(sel.foldedPrefix, foldedStart - prefixLength)
        ) &&
        // Verbatim but for the page's boundaries, where the context has no separator.
        this.adjacentBefore(sel, foldedStart) < prefixLength
      ) {
        // The page side: up to prefixLength + CONTEXT_SLACK folded chars before the candidate.
        const n = Math.min(foldedStart, prefixLength + CONTEXT_SLACK);
        if (sel.prefixPattern === null) {
          sel.prefixPattern = compileContext(sel.foldedPrefix, 'before');
        }
        prefixScore = rescaleContext(
          1 - contextDistance(sel.prefixPattern, foldedText, foldedStart, n) / prefixLength,
        );
      } else if (prefixLength > 0) prefixScore = 1;
      if (
        suffixLength > 0 &&
        !foldedText.startsWith(sel.foldedSuffix, foldedEnd) &&
        this.adjacentAfter(sel, foldedEnd) < suffixLength
      ) {
        const n = Math.max(
          0,
          Math.min(foldedText.length - foldedEnd, suffixLength + CONTEXT_SLACK),
        );
        if (sel.suffixPattern === null) {
          sel.suffixPattern = compileContext(sel.foldedSuffix, 'after');
        }
        suffixScore = rescaleContext(
          1 - contextDistance(sel.suffixPattern, foldedText, foldedEnd, n) / suffixLength,
        );
      } else if (suffixLength > 0) suffixScore = 1;
      contextLength = prefixLength + suffixLength;
      contextScore =
        (prefixLength * (prefixScore ?? 0) + suffixLength * (suffixScore ?? 0)) / contextLength;
    }
    let positionScore: number | null = null;
    if (hint !== null) {
      const span = Math.max(1, POSITION_SPAN * this.text.length);
      positionScore = Math.max(0, 1 - Math.abs(start - hint) / span);
    }
    const score = combineScore(
      quoteScore,
      contextScore,
      positionScore,
      sel.foldedQuote.length,
      contextLength,
      positionWeight,
    );
    return {
      start,
      end,
      foldedStart,
      foldedEnd,
      quoteScore,
      contextScore,
      prefixScore,
      suffixScore,
      positionScore,
      score,
      method,
      errors,
    };
  }

  /**
   * Adjacent agreement: how many folded context characters match verbatim reading outwards from
   * the candidate (prefix backwards from its start, suffix forwards from its end), up to the first
   * difference on each side. Used only to separate contested candidates (see decide()).
   */
  adjacencyOf(sel: PreparedSelector): (c: Candidate) => number {
    return (c) => this.adjacentBefore(sel, c.foldedStart) + this.adjacentAfter(sel, c.foldedEnd);
  }

  /**
   * Prefix characters that continue verbatim before folded offset `foldedStart`. A block-break
   * space of the page where the prefix has no separator is passed over: many tools take context
   * from the DOM's textContent, which has nothing at a <br> or a block boundary (isBoundary).
   */
  adjacentBefore(sel: PreparedSelector, foldedStart: number): number {
    const page = this.folded.text;
    const prefix = sel.foldedPrefix;
    const m = prefix.length;
    let n = 0;
    let at = foldedStart - 1;
    while (n < m && at >= 0) {
      const c = page.charCodeAt(at);
      if (c === prefix.charCodeAt(m - 1 - n)) n++;
      else if (!(c === SPACE && this.isBoundary(at))) break;
      at--;
    }
    return n;
  }

  /** Suffix characters that continue verbatim after folded offset `foldedEnd` (see above). */
  adjacentAfter(sel: PreparedSelector, foldedEnd: number): number {
    const page = this.folded.text;
    const suffix = sel.foldedSuffix;
    const m = suffix.length;
    let n = 0;
    let at = foldedEnd;
    while (n < m && at < page.length) {
      const c = page.charCodeAt(at);
      if (c === suffix.charCodeAt(n)) n++;
      else if (!(c === SPACE && this.isBoundary(at))) break;
      at++;
    }
    return n;
  }

  /**
   * Is folded offset `at` a block-break space (a <br>, a block's start or end)? There, a context
   * without a separator and the page's space are the same thing. Asked only where a context
   * character differs from a space of the page, so the sorted break list is searched rarely.
   */
  isBoundary(at: number): boolean {
    const breaks = this.foldedBreaks();
    const i = lowerBound(breaks, breaks.length, at);
    return i < breaks.length && breaks[i] === at;
  }

  /**
   * May this candidate be accepted at all? (It still needs the threshold.)
   *  - A short quote (<= SHORT_QUOTE folded chars: a name, a word) is identified by its context:
   *    at least one side of the selector's context must continue verbatim next to it for
   *    min(ADJACENT_MIN, side length) characters. Agreement only further away (a teaser that
   *    repeats the previous paragraph's end, "us" inside "discussion") is not enough.
   *  - A fuzzy (edited) match needs every side of its context to agree (fuzzySupported), and a
   *    paragraph break next to the quote in the source next to it on the page.
   */
  acceptable(sel: PreparedSelector, c: Candidate): boolean {
    if (c.method === 'fuzzy') {
      if (!fuzzySupported(sel, c)) return false;
      // A quote that opens (closes) its paragraph: an edited copy inside a block, not at its
      // start (end), is a quotation of it in other text (a comment quoting the first sentence).
      if (sel.startsBlock && c.start > 0 && !this.breakIn(c.start - 1, c.start)) return false;
      if (sel.endsBlock && c.end < this.text.length && !this.breakIn(c.end, c.end + 1)) {
        return false;
      }
    }
    const prefixLength = sel.foldedPrefix.length;
    const suffixLength = sel.foldedSuffix.length;
    if (sel.foldedQuote.length > SHORT_QUOTE || (prefixLength === 0 && suffixLength === 0)) {
      return true;
    }
    if (
      prefixLength > 0 &&
      this.adjacentBefore(sel, c.foldedStart) >= Math.min(ADJACENT_MIN, prefixLength)
    ) {
      return true;
    }
    if (
      suffixLength > 0 &&
      this.adjacentAfter(sel, c.foldedEnd) >= Math.min(ADJACENT_MIN, suffixLength)
    ) {
      return true;
    }
    return false;
  }

  /** Cheap pre-score for many candidates: equal characters at aligned positions next to it. */
  quickContext(sel: PreparedSelector, foldedStart: number, foldedEnd: number): number {
    const page = this.folded.text;
    const prefix = sel.foldedPrefix;
    const suffix = sel.foldedSuffix;
    let same = 0;
    const before = Math.min(QUICK_CONTEXT, prefix.length);
    for (let i = 1; i <= before; i++) {
      if (page.charCodeAt(foldedStart - i) === prefix.charCodeAt(prefix.length - i)) same++;
    }
    const after = Math.min(QUICK_CONTEXT, suffix.length);
    for (let i = 0; i < after; i++) {
      if (page.charCodeAt(foldedEnd + i) === suffix.charCodeAt(i)) same++;
    }
    return same;
  }

  /**
   * Score the occurrences (folded start offsets, increasing) of one selector's quote. With more
   * than MAX_FULLY_SCORED, only the best by quickContext and the two nearest the hint are scored.
   */
  scoreOccurrences(
    sel: PreparedSelector,
    occurrences: readonly number[],
    hint: number | null,
    positionWeight = POSITION_WEIGHT,
  ): Candidate[] {
    const length = sel.foldedQuote.length;
    let chosen: readonly number[] = occurrences;
    if (occurrences.length > MAX_FULLY_SCORED) {
      // The MAX_FULLY_SCORED best by quick context (ties: earlier first), by insertion into a
      // short sorted list: occurrences are increasing, so a later tie never displaces.
      const topStarts: number[] = [];
      const topKeys: number[] = [];
      for (const at of occurrences) {
        const key = this.quickContext(sel, at, at + length);
        if (
          topKeys.length === MAX_FULLY_SCORED &&
          key <= (topKeys[MAX_FULLY_SCORED - 1] as number)
        ) {
          continue;
        }
        let slot = topKeys.length;
        while (slot > 0 && (topKeys[slot - 1] as number) < key) slot--;
        topKeys.splice(slot, 0, key);
        topStarts.splice(slot, 0, at);
        if (topKeys.length > MAX_FULLY_SCORED) {
          topKeys.pop();
          topStarts.pop();
        }
      }
      const pick = new Set(topStarts);
      if (hint !== null) {
        // The two occurrences nearest the hint (binary search, then neighbours).
        const foldedHint = renderedToFolded(
          this.folded,
          Math.round(Math.min(hint, this.text.length)),
        );
        const lo = lowerBound(occurrences, occurrences.length, foldedHint);
        if (lo < occurrences.length) pick.add(occurrences[lo] as number);
        if (lo > 0) pick.add(occurrences[lo - 1] as number);
      }
      chosen = [...pick];
    }
    return chosen.map((at) => this.evaluate(sel, at, at + length, 0, false, hint, positionWeight));
  }
}

/**
 * Does the context support a fuzzy (edited) match? Every side of the selector's context of at
 * least FUZZY_MIN_SIDE folded characters must agree (rescaled side agreement >=
 * FUZZY_SIDE_SUPPORT), and there must be at least one such side. An edited sentence in its own
 * paragraph keeps the text before and after it; a copy in a comment or teaser, or a near-duplicate
 * whose paragraph is gone, keeps at most one side.
 */
function fuzzySupported(sel: PreparedSelector, c: Candidate): boolean {
  let sides = 0;
  if (sel.foldedPrefix.length >= FUZZY_MIN_SIDE) {
    if ((c.prefixScore ?? 0) < FUZZY_SIDE_SUPPORT) return false;
    sides++;
  }
  if (sel.foldedSuffix.length >= FUZZY_MIN_SIDE) {
    if ((c.suffixScore ?? 0) < FUZZY_SIDE_SUPPORT) return false;
    sides++;
  }
  return sides > 0;
}
