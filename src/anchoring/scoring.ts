/**
 * How a candidate place is scored, and the weights and limits that decide whether it is accepted.
 * README.md ("Scoring") shows what the threshold lets through and what it rejects.
 */

export const DEFAULT_THRESHOLD = 0.65;
export const DEFAULT_MAX_ERROR_RATE = 0.25;
/** Context characters compared on each side (the nearest ones to the quote). */
export const CONTEXT_CHARS = 32;
/** Quote similarity assigned to a non-exact match found by the normalised tier. */
export const NORMALISED_QUOTE_SCORE = 0.96;
/** Maximum weight of the position factor: a scaled hint can lower a score by at most 10%. */
export const POSITION_WEIGHT = 0.1;
/**
 * Position weight when the hint is interpolated from confidently anchored neighbours (accurate to
 * about a paragraph): used only to re-rank contested candidates and in the fuzzy tier.
 */
export const MAPPED_POSITION_WEIGHT = 0.2;
/** Positions this far apart (fraction of the text length) get a position score of 0. */
export const POSITION_SPAN = 0.3;
/** Exact/normalised winners with context agreement below this also run the fuzzy tier. */
export const ESCALATE_CONTEXT = 0.75;
/** Candidates whose scores are within this margin of the best are "contested". */
export const CONTEST_MARGIN = 0.15;
/** A fuzzy match needs each context side (of >= FUZZY_MIN_SIDE chars) to agree at least this. */
export const FUZZY_SIDE_SUPPORT = 0.5;
/** Context sides shorter than this (folded chars) are not asked to support a fuzzy match. */
export const FUZZY_MIN_SIDE = 8;
/** Quotes up to this many folded chars need verbatim adjacent context (acceptable()). */
export const SHORT_QUOTE = 95;
/** Verbatim context characters a short quote needs next to it on at least one side. */
export const ADJACENT_MIN = 4;
/** A clear winner (score and context at least these) anchors the source -> page position map. */
export const CONFIDENT_SCORE = 0.8;
export const CONFIDENT_CONTEXT = 0.5;
/** Scores this close are equal (ties are broken by document order or reported as ambiguous). */
export const TIE_EPSILON = 1e-9;

/** Context weight as a function of quote length: short quotes need context, long ones less. */
export function contextWeight(quoteLength: number, contextLength: number): number {
  const s = quoteLength <= 16 ? 1 : quoteLength >= 96 ? 0.25 : 1 - (0.75 * (quoteLength - 16)) / 80;
  return s * Math.min(1, contextLength / CONTEXT_CHARS);
}

/**
 * Final score: ((quote + wc * context) / (1 + wc)) * (1 - positionWeight * (1 - position)),
 * with quote = quote similarity, context = context agreement (null: none given), position =
 * position closeness (null: no hint), wc = contextWeight(quoteLength, contextLength).
 */
export function combineScore(
  quote: number,
  context: number | null,
  position: number | null,
  quoteLength: number,
  contextLength: number,
  positionWeight = POSITION_WEIGHT,
): number {
  const wc = context === null ? 0 : contextWeight(quoteLength, contextLength);
  const base = (quote + wc * (context ?? 0)) / (1 + wc);
  return position === null ? base : base * (1 - positionWeight * (1 - position));
}

/** Context similarity rescaled so that unrelated English text (~0.4-0.5 raw) scores ~0. */
export function rescaleContext(similarity: number): number {
  return similarity <= 0.5 ? 0 : (similarity - 0.5) / 0.5;
}
