/**
 * Preparing a selector for the search: its quote in rendered and folded form, the folded context
 * next to it, what the fold lost at the quote's edges, its position hint in page offsets, and
 * whether the source has a paragraph break next to it.
 */

import type { ContextPattern } from './context';
import { fold, foldedToRenderedEnd, foldedToRenderedStart, renderedToFolded } from './fold';
import { Normaliser, rendersBlank } from './normalise';
import { CONTEXT_CHARS } from './scoring';
import type { AnchorOptions, QuoteSelector } from './types';

export interface PreparedSelector {
  selector: QuoteSelector;
  /** The quote in rendered form (normalised, trimmed). */
  quote: string;
  /** The quote in folded form: what the search looks for. */
  foldedQuote: string;
  /** The folded context next to the quote: up to CONTEXT_CHARS before / after it. */
  foldedPrefix: string;
  foldedSuffix: string;
  /**
   * Rendered quote characters the folded quote lost at its start / end because a fold crossed the
   * quote boundary or dropped them ("Mr " before a name; "a" of "soya" before " bean"). A match is
   * extended over them when the page has the same characters there.
   */
  lostStart: string;
  lostEnd: string;
  /** lostStart / lostEnd lower-cased (compared case-insensitively with the page). */
  lostStartLower: string;
  lostEndLower: string;
  /** foldedPrefix / foldedSuffix compiled for the bit-parallel context distance, on first need. */
  prefixPattern: ContextPattern | null;
  suffixPattern: ContextPattern | null;
  /** The selector's position scaled to page offsets (a soft hint), or null. */
  scaledHint: number | null;
  /** Nothing is left of the quote after normalisation. */
  empty: boolean;
  /**
   * The quote itself contains a line break (a selection across paragraphs): only then may a fuzzy
   * match span a block boundary of the page.
   */
  multiBlock: boolean;
  /**
   * The source has a paragraph break (or its start) right before / after the quote. An edited
   * (fuzzy) copy must then start / end a block of the page too: a paragraph break is context.
   */
  startsBlock: boolean;
  endsBlock: boolean;
}

/** prepare() is synchronous: one normaliser serves every selector (no per-selector buffers). */
const scratch = new Normaliser(256);

export function prepare(
  selector: QuoteSelector,
  textLength: number,
  options: AnchorOptions,
): PreparedSelector {
  const prefix = selector.prefix ?? '';
  const exact = selector.exact ?? '';
  const suffix = selector.suffix ?? '';
  const { whole, quoteStart, quoteEnd } = renderSelector(selector);
  let scaledHint: number | null = null;
  if (typeof selector.position === 'number' && Number.isFinite(selector.position)) {
    const scale =
      options.sourceLength && options.sourceLength > 0 ? textLength / options.sourceLength : 1;
    scaledHint = Math.max(0, Math.min(textLength, selector.position * scale));
  }
  if (quoteStart < 0) {
    return {
      selector,
      quote: '',
      foldedQuote: '',
      foldedPrefix: '',
      foldedSuffix: '',
      lostStart: '',
      lostEnd: '',
      lostStartLower: '',
      lostEndLower: '',
      prefixPattern: null,
      suffixPattern: null,
      scaledHint,
      empty: true,
      multiBlock: false,
      startsBlock: false,
      endsBlock: false,
    };
  }
  const quote = whole.slice(quoteStart, quoteEnd);
  const folded = fold(whole);
  const foldedStart = renderedToFolded(folded, quoteStart);
  const foldedEnd = renderedToFolded(folded, quoteEnd);
  let foldedQuote = folded.text.slice(foldedStart, foldedEnd);
  let foldedPrefix = folded.text.slice(Math.max(0, foldedStart - CONTEXT_CHARS), foldedStart);
  let foldedSuffix = folded.text.slice(foldedEnd, foldedEnd + CONTEXT_CHARS);
  let lostStart = '';
  let lostEnd = '';
  if (foldedStart < foldedEnd) {
    lostStart = whole.slice(
      quoteStart,
      Math.max(quoteStart, foldedToRenderedStart(folded, foldedStart)),
    );
    lostEnd = whole.slice(Math.min(quoteEnd, foldedToRenderedEnd(folded, foldedEnd - 1)), quoteEnd);
  }
  if (foldedQuote.length === 0) {
    // The quote is only a foldable honorific ("Mr" before a name): search it unfolded.
    const alone = fold(quote);
    foldedQuote = alone.text.length > 0 ? alone.text : quote.toLowerCase();
    foldedPrefix = fold(whole.slice(0, quoteStart)).text.slice(-CONTEXT_CHARS);
    foldedSuffix = fold(whole.slice(quoteEnd)).text.slice(0, CONTEXT_CHARS);
    lostStart = '';
    lostEnd = '';
  }
  return {
    selector,
    quote,
    foldedQuote,
    foldedPrefix,
    foldedSuffix,
    lostStart,
    lostEnd,
    lostStartLower: lostStart.toLowerCase(),
    lostEndLower: lostEnd.toLowerCase(),
    prefixPattern: null,
    suffixPattern: null,
    scaledHint,
    empty: false,
    multiBlock: hasLineBreak(exact, 0, exact.length),
    startsBlock: breakBefore(prefix, exact) || (selector.position === 0 && prefix.trim() === ''),
    endsBlock: breakAfter(exact, suffix),
  };
}

/** A selector's prefix, quote and suffix in rendered form, as one string. */
export interface RenderedSelector {
  /** The rendered prefix + exact + suffix. */
  whole: string;
  /** The quote's span in `whole`: its first to last visible character; -1 when none is left. */
  quoteStart: number;
  quoteEnd: number;
}

/** The selector rendered as the TextIndex renders a page (normalise.ts), with its quote's span. */
export function renderSelector(selector: QuoteSelector): RenderedSelector {
  const prefix = selector.prefix ?? '';
  const exact = selector.exact ?? '';
  const suffix = selector.suffix ?? '';
  const n = scratch;
  n.reset();
  n.feed(prefix, 0);
  n.feed(exact, 1);
  n.feed(suffix, 2);
  const whole = normalisedOf(n, prefix, exact, suffix);
  let quoteStart = -1;
  let quoteEnd = -1;
  for (let i = 0; i < n.length; i++) {
    if (n.nodeOf[i] === 1 && n.codes[i] !== 0x20) {
      if (quoteStart < 0) quoteStart = i;
      quoteEnd = i + 1;
    }
  }
  return { whole, quoteStart, quoteEnd };
}

/** A selector's context within its own paragraph, and whether a paragraph break cut each side. */
export interface ParagraphContext {
  /** The prefix after its last line break (all of it if it has none). */
  prefix: string;
  /** The suffix before its first line break (all of it if it has none). */
  suffix: string;
  breakBefore: boolean;
  breakAfter: boolean;
}

export function paragraphContext(selector: QuoteSelector): ParagraphContext {
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  let from = 0;
  for (let k = prefix.length - 1; k >= 0; k--) {
    if (hasLineBreak(prefix, k, k + 1)) {
      from = k + 1;
      break;
    }
  }
  let to = suffix.length;
  for (let k = 0; k < suffix.length; k++) {
    if (hasLineBreak(suffix, k, k + 1)) {
      to = k;
      break;
    }
  }
  return {
    prefix: prefix.slice(from),
    suffix: suffix.slice(0, to),
    breakBefore: from > 0,
    breakAfter: to < suffix.length,
  };
}

/** Is there a line break in the blank characters where the prefix meets the quote? */
export function breakBefore(prefix: string, exact: string): boolean {
  return (
    hasLineBreak(exact, 0, blankRunFrom(exact, 0)) ||
    hasLineBreak(prefix, blankRunBack(prefix, prefix.length), prefix.length)
  );
}

/** Is there a line break in the blank characters where the quote meets the suffix? */
export function breakAfter(exact: string, suffix: string): boolean {
  return (
    hasLineBreak(exact, blankRunBack(exact, exact.length), exact.length) ||
    hasLineBreak(suffix, 0, blankRunFrom(suffix, 0))
  );
}

/**
 * The rendered form of prefix + exact + suffix just fed to `n`: the concatenation itself when
 * normalising changed nothing (the common case: no string built from the code buffer).
 */
function normalisedOf(n: Normaliser, prefix: string, exact: string, suffix: string): string {
  const raw = prefix + exact + suffix;
  if (n.length !== raw.length) return n.text();
  const codes = n.codes;
  for (let i = 0; i < raw.length; i++) {
    if (codes[i] !== raw.charCodeAt(i)) return n.text();
  }
  return raw;
}

/**
 * End of the run of blank characters (see rendersBlank: a line break among them sits next to the
 * quote in the rendered text) starting at `from`.
 */
function blankRunFrom(s: string, from: number): number {
  let i = from;
  while (i < s.length && rendersBlank(s.charCodeAt(i))) i++;
  return i;
}

/** Start of the run of blank characters ending at `to`. */
function blankRunBack(s: string, to: number): number {
  let i = to;
  while (i > 0 && rendersBlank(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Is one of \n \r U+2028 U+2029 in s[from, to)? */
export function hasLineBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
