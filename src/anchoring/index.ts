/**
 * Gloss anchoring engine: find each annotation's quote in a page, fast, and never in the wrong
 * place. Standalone: only standard DOM APIs (Node, Range, getComputedStyle optionally).
 * See README.md in this folder for the design, the numbers and the reasons behind them.
 */
export {
  type AnchorMethod,
  type AnchorOptions,
  type AnchorResult,
  anchor,
  anchorAsync,
  anchorInIndex,
  anchorSteps,
  CONTEXT_CHARS,
  combineScore,
  contextSimilarity,
  contextWeight,
  DEFAULT_MAX_ERROR_RATE,
  DEFAULT_THRESHOLD,
  fromCodePointOffset,
  NORMALISED_QUOTE_SCORE,
  type OrphanReason,
  POSITION_SPAN,
  POSITION_WEIGHT,
  type QuoteSelector,
  type ReanchorOptions,
  reanchor,
  reanchorSteps,
  type SliceOptions,
  toCodePointOffset,
} from './anchor';
export { findAll } from './multi-search';
export { type ApproxMatch, approxSearch, compilePattern, editDistance } from './myers';
export {
  type Folded,
  fold,
  HONORIFICS,
  normaliseText,
  SPELLING_VARIANTS,
} from './normalise';
export { type ShouldYield, type TextChange, TextIndex, type TextIndexOptions } from './text-index';
