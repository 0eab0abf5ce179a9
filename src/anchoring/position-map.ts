/**
 * The source -> page position map: from the confidently anchored selectors (source position,
 * page offset), where the others should be (an interpolated hint) and between which neighbours
 * they must lie to keep the article's order.
 */

import { lowerBound } from './text-index';

/**
 * Source characters around a quote whose confident anchors are left out of its bounds and hint:
 * about a sentence (PositionMap.around).
 */
export const NEIGHBOUR_GAP = 160;
/** Characters a place may stray past the confident neighbours that bound it. */
export const ORDER_SLACK = 32;
/**
 * How far on the page a neighbour may be and still vouch for a place: NEIGHBOUR_REACH_FACTOR
 * times their distance in the source (scaled), plus NEIGHBOUR_REACH characters of what a page
 * adds between paragraphs (a figure, an advertisement, a "read more" box).
 */
export const NEIGHBOUR_REACH_FACTOR = 2;
export const NEIGHBOUR_REACH = 2000;

/**
 * The longest chain of items (source, page pairs), sorted by source, whose page offsets never go
 * back.
 * A "clear winner" can still be a copy: a "related stories" line that repeats a sentence with
 * its surroundings. Such an anchor is out of order with its neighbours; left in the map, it would
 * move every bound and interpolated hint after it onto the copies (one mention on a teaser would
 * push a whole paragraph's quotes onto it). The true places form
 * the longest chain, since an article's paragraphs keep their order.
 */
export function inOrderChain<T>(items: readonly T[], pageOf: (item: T) => number): T[] {
  const n = items.length;
  // Patience sorting for the longest non-decreasing subsequence of page offsets, O(n log n).
  const tails: number[] = []; // tails[k]: index of the smallest last offset of a chain of k + 1
  const prev = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const d = pageOf(items[i] as T);
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pageOf(items[tails[mid] as number] as T) <= d) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const chain: T[] = [];
  for (
    let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
    i >= 0;
    i = prev[i] as number
  ) {
    chain.push(items[i] as T);
  }
  return chain.reverse();
}

/** Piecewise-linear map from source positions to index offsets, from confident anchors. */
export class PositionMap {
  /** Source positions of the confident anchors (increasing), and their page offsets. */
  private readonly sources: number[];
  private readonly offsets: number[];
  private readonly scale: number;

  constructor(pairs: Array<[number, number]>, scale: number) {
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const kept = inOrderChain(pairs, (p) => p[1]);
    this.sources = kept.map((p) => p[0]);
    this.offsets = kept.map((p) => p[1]);
    this.scale = scale;
  }

  get size(): number {
    return this.sources.length;
  }

  /** Index of the first anchor whose source position is >= pos (n if none). */
  private firstAtOrAfter(pos: number): number {
    return lowerBound(this.sources, this.sources.length, pos);
  }

  /**
   * The anchors that can vouch for the place of a quote at source [start, end): the last one
   * before it and the first one after it, leaving out those within NEIGHBOUR_GAP source
   * characters. Those share the quote's sentence, and a copy of the sentence (a teaser, a pull
   * quote) carries them along with the quote: anchored on the copy, they would vouch for the copy.
   * Indices into sources/offsets; -1 / n when there is none.
   */
  private around(start: number, end: number): [number, number] {
    return this.outside(start - NEIGHBOUR_GAP, end + NEIGHBOUR_GAP);
  }

  /** The last anchor before source position `from` and the first at or after `to`. */
  private outside(from: number, to: number): [number, number] {
    return [this.firstAtOrAfter(from) - 1, this.firstAtOrAfter(to)];
  }

  /**
   * How many anchors of the chain a place at page offset `at` for the quote at source
   * [start, end) would be out of order with: those before it in the source but after it on the
   * page, and the reverse (beyond ORDER_SLACK; those within NEIGHBOUR_GAP of the quote left out,
   * see around()). A soft measure: the chain itself can hold a few anchors on copies.
   */
  disorder(start: number, end: number, at: number): number {
    const n = this.sources.length;
    const [i, j] = this.around(start, end);
    let count = 0;
    for (let k = 0; k <= i; k++) if ((this.offsets[k] as number) > at + ORDER_SLACK) count++;
    for (let k = j; k < n; k++) if ((this.offsets[k] as number) < at - ORDER_SLACK) count++;
    return count;
  }

  /**
   * Page offsets between which a quote at source [start, end) must lie to keep the order of the
   * confident anchors around it (see around()). -Infinity / Infinity when there is none.
   */
  bounds(start: number, end: number): [number, number] {
    const [i, j] = this.around(start, end);
    return [
      i >= 0 ? (this.offsets[i] as number) : Number.NEGATIVE_INFINITY,
      j < this.sources.length ? (this.offsets[j] as number) : Number.POSITIVE_INFINITY,
    ];
  }

  /**
   * Which sides of a place at page offset `at`, for the quote starting at source position `start`,
   * the article vouches for: the nearest confident anchor before the quote's own sentence
   * (`sentence`, a source span: see evidence.ts ownSentence) lies before it on the page, and the
   * page distance between them is what the source distance allows (NEIGHBOUR_REACH); likewise
   * after it. Copies of a sentence in other text (a teaser, another article) have no such
   * neighbours.
   */
  support(
    start: number,
    sentence: readonly [number, number],
    at: number,
  ): { before: boolean; after: boolean } {
    const [i, j] = this.outside(sentence[0], sentence[1]);
    const reach = (sourceDistance: number) =>
      NEIGHBOUR_REACH_FACTOR * sourceDistance * this.scale + NEIGHBOUR_REACH;
    let before = false;
    let after = false;
    // A neighbour at the place itself vouches for nothing (two selectors on one word).
    if (i >= 0) {
      const pageDistance = at - (this.offsets[i] as number);
      before = pageDistance > 0 && pageDistance <= reach(start - (this.sources[i] as number));
    }
    if (j < this.sources.length) {
      const pageDistance = (this.offsets[j] as number) - at;
      after = pageDistance > 0 && pageDistance <= reach((this.sources[j] as number) - start);
    }
    return { before, after };
  }

  /**
   * Where a quote starting at source position `pos` should start on the page: interpolated
   * between the nearest anchors around it (all of them: a hint, not a bound), or null.
   */
  map(pos: number): number | null {
    const n = this.sources.length;
    if (n === 0) return null;
    const i = this.firstAtOrAfter(pos + 1) - 1; // last src <= pos
    if (i < 0)
      return (this.offsets[0] as number) - ((this.sources[0] as number) - pos) * this.scale;
    if (i >= n - 1) {
      return (this.offsets[n - 1] as number) + (pos - (this.sources[n - 1] as number)) * this.scale;
    }
    const s0 = this.sources[i] as number;
    const s1 = this.sources[i + 1] as number;
    const d0 = this.offsets[i] as number;
    const d1 = this.offsets[i + 1] as number;
    if (s1 === s0) return d0;
    return d0 + ((pos - s0) * (d1 - d0)) / (s1 - s0);
  }
}
