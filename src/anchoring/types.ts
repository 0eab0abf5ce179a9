/** What a caller gives the engine (selectors, options) and what it gets back (results). */

import type { TextIndexOptions } from './text-index';

export interface QuoteSelector {
  /** The quoted text (required, non-empty after normalisation). */
  exact: string;
  /** Text immediately before `exact` in the source. */
  prefix?: string;
  /** Text immediately after `exact` in the source. */
  suffix?: string;
  /** Soft hint: offset of `exact` in the SOURCE text (see AnchorOptions.sourceLength). */
  position?: number;
}

export type AnchorMethod = 'exact' | 'normalised' | 'fuzzy';

/** Why the engine placed no highlight for a selector. */
export type UnanchoredReason = 'not-found' | 'below-threshold' | 'empty-quote' | 'ambiguous';

export interface AnchorResult {
  /** DOM Range over the matched text; null when unanchored (or when createRanges is false). */
  range: Range | null;
  /** Offsets in the TextIndex's `.text` (UTF-16 units); null when unanchored. */
  start: number | null;
  end: number | null;
  /** Score of the chosen candidate (0..1); when unanchored, of the best rejected one (or 0). */
  score: number;
  method: AnchorMethod | null;
  /** Why the selector is unanchored. */
  reason?: UnanchoredReason;
  /** Score components of the chosen (or best rejected) candidate, for diagnostics and tuning. */
  detail?: {
    quote: number;
    context: number | null;
    position: number | null;
    errors: number;
    candidates: number;
  };
}

export interface AnchorOptions {
  /**
   * Length of the source text that `position` hints index into. Hints are scaled by
   * index.length / sourceLength. Without it, positions are used unscaled.
   */
  sourceLength?: number;
  /** Acceptance threshold for the final score. Default 0.65 (DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Run the fuzzy tier. Default true. */
  fuzzy?: boolean;
  /** Fuzzy error budget as a fraction of the folded quote length. Default 0.25. */
  maxErrorRate?: number;
  /** Create DOM Ranges for results. Default true (set false and call index.rangeFor() lazily). */
  createRanges?: boolean;
  /** Options for the TextIndex built by `anchor()` / `anchorAsync()` from a root. */
  index?: TextIndexOptions;
  /** Fuzzy search over the whole text is allowed only below this folded length. Default 262144. */
  fullScanLimit?: number;
  /**
   * Let several selectors of this call take the same place. Default false: a pack's selectors
   * stand for different places in the source, so one place is given to the selector whose
   * evidence for it is strongest (selectors for the same target, with the same quote, context
   * and position, share it anyway).
   */
  sharedPlaces?: boolean;
  /** For anchorSteps(): return true to make the generator yield (end the current slice). */
  shouldYield?: () => boolean;
}

/**
 * A result this call does not redo (reanchor keeps those far from a page change): it is part of
 * the article around the call's selectors, so it vouches for their places as a confident anchor of
 * the call would, and it keeps its place.
 */
export interface Settled {
  selector: QuoteSelector;
  result: AnchorResult;
}
