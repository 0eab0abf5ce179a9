/**
 * Gloss anchoring engine: find each annotation's quote in a page, fast, and never in the wrong
 * place. Standalone: only standard DOM APIs (Node, Range, getComputedStyle optionally).
 * See README.md in this folder for the design and the reasons behind it.
 */
export { anchor, anchorAsync, anchorInIndex } from './anchor';
export { fromCodePointOffset, toCodePointOffset } from './code-points';
export { type Folded, fold } from './fold';
export { findAll } from './multi-search';
export { type ApproxMatch, approxSearch, compilePattern, editDistance } from './myers';
export { normaliseText } from './normalise';
export { anchorSteps } from './pipeline';
export { type ReanchorOptions, reanchor, reanchorSteps } from './reanchor';
export {
  CONTEXT_CHARS,
  combineScore,
  contextWeight,
  DEFAULT_MAX_ERROR_RATE,
  DEFAULT_THRESHOLD,
  NORMALISED_QUOTE_SCORE,
  POSITION_SPAN,
  POSITION_WEIGHT,
} from './scoring';
export { runToEnd, type ShouldYield, type SliceOptions, Slices, yieldToMain } from './slices';
export { type TextChange, TextIndex, type TextIndexOptions } from './text-index';
export type {
  AnchorMethod,
  AnchorOptions,
  AnchorResult,
  QuoteSelector,
  UnanchoredReason,
} from './types';
