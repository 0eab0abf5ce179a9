/**
 * A text-quote matcher built the way the Hypothesis client anchors quotes (its match-quote
 * module, read for the method; this is our own code): approximate search for the quote with
 * approx-string-match (Myers), exact occurrences first as a fast path, then every candidate is
 * scored by quote errors, prefix and suffix similarity (again by approximate search) and distance
 * to the position hint, with fixed weights; the best candidate wins, whatever its score.
 */
import search from 'approx-string-match';

export interface Hit {
  start: number;
  end: number;
  errors: number;
}

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected offset of the quote in `text`. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
}

/** All exact occurrences if there are any, else the best approximate ones. */
export function findHits(text: string, pattern: string, maxErrors: number): Hit[] {
  const exact: Hit[] = [];
  for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) {
    exact.push({ start: i, end: i + pattern.length, errors: 0 });
  }
  if (exact.length > 0 || maxErrors <= 0) return exact;
  return search(text, pattern, maxErrors);
}

/** 1 - (edit distance of the best occurrence of `pattern` in `text`) / pattern length. */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  const hits = findHits(text, pattern, pattern.length);
  if (hits.length === 0) return 0;
  let best = pattern.length;
  for (const h of hits) if (h.errors < best) best = h.errors;
  return 1 - best / pattern.length;
}

const WEIGHT_QUOTE = 50;
const WEIGHT_PREFIX = 20;
const WEIGHT_SUFFIX = 20;
const WEIGHT_POSITION = 2;

/** The best place for `quote` in `text`, or null if no candidate is within half its length. */
export function matchQuote(text: string, quote: string, ctx: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const hits = findHits(text, quote, maxErrors);
  let best: QuoteMatch | null = null;
  const total = WEIGHT_QUOTE + WEIGHT_PREFIX + WEIGHT_SUFFIX + WEIGHT_POSITION;
  for (const h of hits) {
    const q = 1 - h.errors / quote.length;
    const p = ctx.prefix
      ? similarity(text.slice(Math.max(0, h.start - ctx.prefix.length), h.start), ctx.prefix)
      : 1;
    const s = ctx.suffix ? similarity(text.slice(h.end, h.end + ctx.suffix.length), ctx.suffix) : 1;
    const pos =
      ctx.hint === undefined ? 1 : Math.max(0, 1 - Math.abs(h.start - ctx.hint) / text.length);
    const score =
      (WEIGHT_QUOTE * q + WEIGHT_PREFIX * p + WEIGHT_SUFFIX * s + WEIGHT_POSITION * pos) / total;
    if (best === null || score > best.score) best = { start: h.start, end: h.end, score };
  }
  return best;
}
