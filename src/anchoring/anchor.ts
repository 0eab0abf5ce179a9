/**
 * Anchoring: TextQuoteSelectors -> offsets in a TextIndex (and DOM Ranges).
 *
 * Tiers (README.md explains the numbers):
 *  1. exact / normalised: every selector's folded quote is searched in the folded page text in
 *     ONE multi-pattern pass (multi-search.ts). Each occurrence is a candidate; it is 'exact' if
 *     the rendered page text equals the rendered quote, else 'normalised' (case, quotes, dashes,
 *     honorifics, spelling variants differ).
 *  2. fuzzy: only for selectors with no acceptable candidate (or whose best candidate disagrees
 *     with its context): Myers bit-parallel search (myers.ts) in windows located by the context
 *     (exact occurrences of the prefix tail / suffix head, batched in one pass) and by the position
 *     hint (interpolated from already anchored neighbours).
 * Every candidate is scored by quote similarity, context agreement and position closeness; the
 * best one is accepted only if its score reaches the threshold.
 */

import { type ContextPattern, compileContext, contextDistance } from './context';
import { findAll } from './multi-search';
import { approxSearch, compilePattern, editDistance } from './myers';
import {
  type Folded,
  fold,
  fToTEnd,
  fToTStart,
  isLetterOrNumberAt,
  Normaliser,
  tToF,
} from './normalise';
import {
  lowerBound,
  type ShouldYield,
  type TextChange,
  TextIndex,
  type TextIndexOptions,
} from './text-index';

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
export type OrphanReason = 'not-found' | 'below-threshold' | 'empty-quote' | 'ambiguous';

export interface AnchorResult {
  /** DOM Range over the matched text; null for orphans (or when createRanges is false). */
  range: Range | null;
  /** Offsets in the TextIndex's `.text` (UTF-16 units); null for orphans. */
  start: number | null;
  end: number | null;
  /** Score of the chosen candidate (0..1); for orphans, of the best rejected candidate (or 0). */
  score: number;
  method: AnchorMethod | null;
  /** Why a selector is an orphan. */
  reason?: OrphanReason;
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
  /** For anchorSteps(): return true to make the generator yield (end the current slice). */
  shouldYield?: ShouldYield;
}

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
 * about a paragraph): used only to re-rank contested candidates, see anchorSteps().
 */
export const MAPPED_POSITION_WEIGHT = 0.2;
/** Exact/normalised winners with context agreement below this also run the fuzzy tier. */
export const ESCALATE_CONTEXT = 0.75;
/** Candidates whose scores are within this margin of the best are "contested". */
export const CONTEST_MARGIN = 0.15;
/** A fuzzy match needs each context side (of >= FUZZY_MIN_SIDE chars) to agree at least this. */
export const FUZZY_SIDE_SUPPORT = 0.5;
const FUZZY_MIN_SIDE = 8;
/** Quotes up to this many folded chars need verbatim adjacent context (Run.acceptable). */
export const SHORT_QUOTE = 95;
/** Verbatim context characters a short quote needs next to it on at least one side. */
export const ADJACENT_MIN = 4;
/**
 * Source characters around a quote whose confident anchors are left out of its bounds and hint:
 * about a sentence (PositionMap.around).
 */
const NEIGHBOUR_GAP = 160;
/** Characters a fuzzy match may stray past the confident neighbours that bound it. */
const ORDER_SLACK = 32;
/** Positions this far apart (fraction of the text length) get a position score of 0. */
export const POSITION_SPAN = 0.3;

const MAX_OCCURRENCES = 10_000;
const MAX_FULLY_SCORED = 8;
const QUICK_CONTEXT = 12;
const MIN_FUZZY_LENGTH = 5;
const CONTEXT_KEY = 16;
const CONTEXT_SLACK = 6;
const TIE_EPSILON = 1e-9;

/** Context weight as a function of quote length: short quotes need context, long ones less. */
export function contextWeight(quoteLength: number, contextLength: number): number {
  const s = quoteLength <= 16 ? 1 : quoteLength >= 96 ? 0.25 : 1 - (0.75 * (quoteLength - 16)) / 80;
  return s * Math.min(1, contextLength / CONTEXT_CHARS);
}

/**
 * Final score: ((q + wc * c) / (1 + wc)) * (1 - POSITION_WEIGHT * (1 - p)).
 * q = quote similarity, c = context agreement (null: none given), p = position closeness (null:
 * no hint), wc = contextWeight(L, context length).
 */
export function combineScore(
  q: number,
  c: number | null,
  p: number | null,
  quoteLength: number,
  contextLength: number,
  positionWeight = POSITION_WEIGHT,
): number {
  const wc = c === null ? 0 : contextWeight(quoteLength, contextLength);
  const base = (q + wc * (c ?? 0)) / (1 + wc);
  return p === null ? base : base * (1 - positionWeight * (1 - p));
}

/**
 * Similarity of an expected context to the actual text next to a candidate, anchored at the side
 * touching the quote (the far end is free: a few chars of drift there cost nothing).
 * Returns 1 - edits / expected.length.
 */
export function contextSimilarity(
  expected: string,
  actual: string,
  side: 'before' | 'after',
): number {
  const m = expected.length;
  if (m === 0) return 1;
  const n = actual.length;
  if (n === 0) return 0;
  // Fast path (the common case): the context is there verbatim, next to the quote.
  if (side === 'before' ? actual.endsWith(expected) : actual.startsWith(expected)) return 1;
  // DP over expected (rows) x actual (cols), reading both away from the quote.
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ec = side === 'before' ? expected.charCodeAt(m - i) : expected.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const ac = side === 'before' ? actual.charCodeAt(n - j) : actual.charCodeAt(j - 1);
      const sub = (prev[j - 1] as number) + (ec === ac ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = m;
  for (let j = 0; j <= n; j++) if ((prev[j] as number) < best) best = prev[j] as number;
  return 1 - best / m;
}

/**
 * `text.slice(from, to).toLowerCase() === lower` without building the slice when it is ASCII
 * (ASCII lower-cases char by char; anything else takes the original path).
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

/** Context similarity rescaled so that unrelated English text (~0.4-0.5 raw) scores ~0. */
function rescale(sim: number): number {
  return sim <= 0.5 ? 0 : (sim - 0.5) / 0.5;
}

interface Prepared {
  sel: QuoteSelector;
  /** Quote in rendered form (trimmed). */
  qT: string;
  /** Quote, prefix tail, suffix head in folded form. */
  qF: string;
  pF: string;
  sF: string;
  /**
   * Rendered quote characters the folded quote lost at its start / end because a fold crossed the
   * quote boundary or dropped them ("Mr " before a name; "a" of "soya" before " bean"). A match is
   * extended over them when the page has the same characters there.
   */
  leadT: string;
  trailT: string;
  /** leadT / trailT lower-cased (compared case-insensitively with the page). */
  leadL: string;
  trailL: string;
  /** pF / sF compiled for the bit-parallel context distance (context.ts), on first need. */
  pC: ContextPattern | null;
  sC: ContextPattern | null;
  /** Position hint in index text offsets (scaled), or null. */
  hint: number | null;
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

function prepare(sel: QuoteSelector, textLength: number, opts: AnchorOptions): Prepared {
  const prefix = sel.prefix ?? '';
  const exact = sel.exact ?? '';
  const suffix = sel.suffix ?? '';
  const n = scratch;
  n.reset();
  n.feed(prefix, 0);
  n.feed(exact, 1);
  n.feed(suffix, 2);
  const whole = normalisedOf(n, prefix, exact, suffix);
  let qs = -1;
  let qe = -1;
  for (let i = 0; i < n.length; i++) {
    if (n.nodeOf[i] === 1 && n.codes[i] !== 0x20) {
      if (qs < 0) qs = i;
      qe = i + 1;
    }
  }
  let hint: number | null = null;
  if (typeof sel.position === 'number' && Number.isFinite(sel.position)) {
    const scale = opts.sourceLength && opts.sourceLength > 0 ? textLength / opts.sourceLength : 1;
    hint = Math.max(0, Math.min(textLength, sel.position * scale));
  }
  if (qs < 0) {
    return {
      sel,
      qT: '',
      qF: '',
      pF: '',
      sF: '',
      leadT: '',
      trailT: '',
      leadL: '',
      trailL: '',
      pC: null,
      sC: null,
      hint,
      empty: true,
      multiBlock: false,
      startsBlock: false,
      endsBlock: false,
    };
  }
  const qT = whole.slice(qs, qe);
  const f = fold(whole);
  const fqs = tToF(f, qs);
  const fqe = tToF(f, qe);
  let qF = f.text.slice(fqs, fqe);
  let pF = f.text.slice(Math.max(0, fqs - CONTEXT_CHARS), fqs);
  let sF = f.text.slice(fqe, fqe + CONTEXT_CHARS);
  let leadT = fqs < fqe ? whole.slice(qs, Math.max(qs, fToTStart(f, fqs))) : '';
  let trailT = fqe > fqs ? whole.slice(Math.min(qe, fToTEnd(f, fqe - 1)), qe) : '';
  if (qF.length === 0) {
    // The quote is only a foldable honorific ("Mr" before a name): search it unfolded.
    const alone = fold(qT);
    qF = alone.text.length > 0 ? alone.text : qT.toLowerCase();
    pF = fold(whole.slice(0, qs)).text.slice(-CONTEXT_CHARS);
    sF = fold(whole.slice(qe)).text.slice(0, CONTEXT_CHARS);
    leadT = '';
    trailT = '';
  }
  return {
    sel,
    qT,
    qF,
    pF,
    sF,
    leadT,
    trailT,
    leadL: leadT.toLowerCase(),
    trailL: trailT.toLowerCase(),
    pC: null,
    sC: null,
    hint,
    empty: false,
    multiBlock: hasLineBreak(exact, 0, exact.length),
    startsBlock: breakBefore(prefix, exact) || (sel.position === 0 && prefix.trim() === ''),
    endsBlock: breakAfter(exact, suffix),
  };
}

// The former `/[\n\r\u2028\u2029]\s*$/.test(prefix + (exact.match(/^\s*/)?.[0] ?? ''))`: a line
// break in the whitespace where the prefix meets the quote (regex `\s`, scanned by hand).
export function breakBefore(prefix: string, exact: string): boolean {
  return (
    hasLineBreak(exact, 0, wsRunFrom(exact, 0)) ||
    hasLineBreak(prefix, wsRunBack(prefix, prefix.length), prefix.length)
  );
}

// The former `/^\s*[\n\r\u2028\u2029]/.test((exact.match(/\s*$/)?.[0] ?? '') + suffix)`: a line
// break in the whitespace where the quote meets the suffix.
export function breakAfter(exact: string, suffix: string): boolean {
  return (
    hasLineBreak(exact, wsRunBack(exact, exact.length), exact.length) ||
    hasLineBreak(suffix, 0, wsRunFrom(suffix, 0))
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

/** JS regex `\s`: WhiteSpace and LineTerminator code points (all in the BMP). */
function isRegexSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** End of the run of `\s` characters starting at `from`. */
function wsRunFrom(s: string, from: number): number {
  let i = from;
  while (i < s.length && isRegexSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Start of the run of `\s` characters ending at `to`. */
function wsRunBack(s: string, to: number): number {
  let i = to;
  while (i > 0 && isRegexSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Is one of \n \r U+2028 U+2029 in s[from, to)? */
function hasLineBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

interface Candidate {
  ts: number;
  te: number;
  fs: number;
  fe: number;
  q: number;
  c: number | null;
  /** Agreement of the prefix side / suffix side (rescaled, 0..1), null when not given. */
  cp: number | null;
  cs: number | null;
  p: number | null;
  score: number;
  method: AnchorMethod;
  errors: number;
}

/** Shared per-run state. */
class Run {
  readonly index: TextIndex;
  readonly text: string;
  readonly F: Folded;
  readonly opts: AnchorOptions;
  readonly threshold: number;
  private fBreaks: Int32Array | null = null;

  constructor(index: TextIndex, opts: AnchorOptions, folded: Folded) {
    this.index = index;
    this.text = index.text;
    this.F = folded;
    this.opts = opts;
    this.threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  }

  /** Folded offsets of the page's block-break spaces (sorted), on first need. */
  foldedBreaks(): Int32Array {
    if (this.fBreaks === null) {
      const t = this.index.breakOffsets();
      const f = new Int32Array(t.length);
      for (let i = 0; i < t.length; i++) f[i] = tToF(this.F, t[i] as number);
      this.fBreaks = f;
    }
    return this.fBreaks;
  }

  /** Is there a block-break space in text offsets [a, b)? */
  breakIn(a: number, b: number): boolean {
    const br = this.index.breakOffsets();
    const i = lowerBound(br, br.length, a);
    return i < br.length && (br[i] as number) < b;
  }

  /** Score a candidate occurrence [fs, fe) of the folded quote in the folded text. */
  evaluate(
    p: Prepared,
    fs: number,
    fe: number,
    errors: number,
    fuzzy: boolean,
    hint: number | null,
    positionWeight = POSITION_WEIGHT,
  ): Candidate {
    const F = this.F;
    const ftext = F.text;
    let ts = fToTStart(F, fs);
    let te = fe > fs ? fToTEnd(F, fe - 1) : ts;
    const text = this.text;
    // Re-attach what the fold cut at the quote's edges ("Mr "), never across a block break.
    if (p.leadT.length > 0) {
      const n = p.leadT.length;
      if (ts >= n && lowerEquals(text, ts - n, ts, p.leadL) && !this.breakIn(ts - n, ts)) ts -= n;
    }
    if (p.trailT.length > 0) {
      const n = p.trailT.length;
      if (lowerEquals(text, te, te + n, p.trailL) && !this.breakIn(te, te + n)) te += n;
    }
    let q: number;
    let method: AnchorMethod;
    if (fuzzy && errors > 0) {
      q = Math.min(NORMALISED_QUOTE_SCORE, 1 - errors / Math.max(1, p.qF.length));
      method = 'fuzzy';
    } else if (te - ts === p.qT.length && text.startsWith(p.qT, ts)) {
      q = 1;
      method = 'exact';
    } else {
      q = NORMALISED_QUOTE_SCORE;
      method = 'normalised';
    }
    let c: number | null = null;
    let cp: number | null = null;
    let cs: number | null = null;
    let ctxLen = 0;
    const pm = p.pF.length;
    const sm = p.sF.length;
    if (pm > 0 || sm > 0) {
      // Verbatim context (the common case) is distance 0 without the bit-parallel pass.
      if (pm > 0 && !(fs >= pm && ftext.startsWith(p.pF, fs - pm))) {
        // The page side: up to pm + CONTEXT_SLACK folded chars before the candidate.
        const n = Math.min(fs, pm + CONTEXT_SLACK);
        if (p.pC === null) p.pC = compileContext(p.pF, 'before');
        cp = rescale(1 - contextDistance(p.pC, ftext, fs, n) / pm);
      } else if (pm > 0) cp = 1;
      if (sm > 0 && !ftext.startsWith(p.sF, fe)) {
        const n = Math.max(0, Math.min(ftext.length - fe, sm + CONTEXT_SLACK));
        if (p.sC === null) p.sC = compileContext(p.sF, 'after');
        cs = rescale(1 - contextDistance(p.sC, ftext, fe, n) / sm);
      } else if (sm > 0) cs = 1;
      ctxLen = pm + sm;
      c = (pm * (cp ?? 0) + sm * (cs ?? 0)) / ctxLen;
    }
    let pos: number | null = null;
    if (hint !== null) {
      const span = Math.max(1, POSITION_SPAN * this.text.length);
      pos = Math.max(0, 1 - Math.abs(ts - hint) / span);
    }
    const score = combineScore(q, c, pos, p.qF.length, ctxLen, positionWeight);
    return { ts, te, fs, fe, q, c, cp, cs, p: pos, score, method, errors };
  }

  /**
   * Adjacent agreement: how many folded context characters match verbatim reading outwards from
   * the candidate (prefix backwards from its start, suffix forwards from its end), up to the first
   * difference on each side. Used only to separate contested candidates (see decide()).
   */
  adjacencyOf(p: Prepared): (c: Candidate) => number {
    return (c) => this.adjacentBefore(p, c.fs) + this.adjacentAfter(p, c.fe);
  }

  adjacentBefore(p: Prepared, fs: number): number {
    const f = this.F.text;
    const pF = p.pF;
    const pm = pF.length;
    let n = 0;
    while (n < pm && fs - 1 - n >= 0 && f.charCodeAt(fs - 1 - n) === pF.charCodeAt(pm - 1 - n)) n++;
    return n;
  }

  adjacentAfter(p: Prepared, fe: number): number {
    const f = this.F.text;
    const sF = p.sF;
    const sm = sF.length;
    let m = 0;
    while (m < sm && fe + m < f.length && f.charCodeAt(fe + m) === sF.charCodeAt(m)) m++;
    return m;
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
  acceptable(p: Prepared, c: Candidate): boolean {
    if (c.method === 'fuzzy') {
      if (!fuzzySupported(p, c)) return false;
      // A quote that opens (closes) its paragraph: an edited copy inside a block, not at its
      // start (end), is a quotation of it in other text (page 4640 of the 10 000-page fuzz: a
      // comment quoting the first sentence, matched as "mp President Donald Trump").
      if (p.startsBlock && c.ts > 0 && !this.breakIn(c.ts - 1, c.ts)) return false;
      if (p.endsBlock && c.te < this.text.length && !this.breakIn(c.te, c.te + 1)) return false;
    }
    const pm = p.pF.length;
    const sm = p.sF.length;
    if (p.qF.length > SHORT_QUOTE || (pm === 0 && sm === 0)) return true;
    if (pm > 0 && this.adjacentBefore(p, c.fs) >= Math.min(ADJACENT_MIN, pm)) return true;
    if (sm > 0 && this.adjacentAfter(p, c.fe) >= Math.min(ADJACENT_MIN, sm)) return true;
    return false;
  }

  /** Cheap pre-score for many candidates: equal characters at aligned positions next to it. */
  quickContext(p: Prepared, fs: number, fe: number): number {
    const f = this.F.text;
    let s = 0;
    const np = Math.min(QUICK_CONTEXT, p.pF.length);
    for (let i = 1; i <= np; i++) {
      if (f.charCodeAt(fs - i) === p.pF.charCodeAt(p.pF.length - i)) s++;
    }
    const ns = Math.min(QUICK_CONTEXT, p.sF.length);
    for (let i = 0; i < ns; i++) {
      if (f.charCodeAt(fe + i) === p.sF.charCodeAt(i)) s++;
    }
    return s;
  }

  /** Evaluate the occurrences of one prepared selector; returns all fully scored candidates. */
  scoreOccurrences(
    p: Prepared,
    occ: readonly number[],
    hint: number | null,
    positionWeight = POSITION_WEIGHT,
  ): Candidate[] {
    const L = p.qF.length;
    let chosen: readonly number[] = occ;
    if (occ.length > MAX_FULLY_SCORED) {
      // The MAX_FULLY_SCORED best by quick context (ties: earlier first), by insertion into a
      // short sorted list: occ is in increasing order, so a later tie never displaces.
      const topFs: number[] = [];
      const topK: number[] = [];
      for (const fs of occ) {
        const k = this.quickContext(p, fs, fs + L);
        if (topK.length === MAX_FULLY_SCORED && k <= (topK[MAX_FULLY_SCORED - 1] as number))
          continue;
        let at = topK.length;
        while (at > 0 && (topK[at - 1] as number) < k) at--;
        topK.splice(at, 0, k);
        topFs.splice(at, 0, fs);
        if (topK.length > MAX_FULLY_SCORED) {
          topK.pop();
          topFs.pop();
        }
      }
      const pick = new Set(topFs);
      if (hint !== null) {
        // The two occurrences nearest the hint (occ is sorted: binary search, then neighbours).
        const hf = tToF(this.F, Math.round(Math.min(hint, this.text.length)));
        const lo = lowerBound(occ, occ.length, hf);
        if (lo < occ.length) pick.add(occ[lo] as number);
        if (lo > 0) pick.add(occ[lo - 1] as number);
      }
      chosen = [...pick];
    }
    return chosen.map((fs) => this.evaluate(p, fs, fs + L, 0, false, hint, positionWeight));
  }
}

interface Decision {
  best: Candidate | null;
  tied: boolean;
  candidates: number;
  scored: readonly Candidate[];
}

/**
 * Does the order of the confident neighbours clearly put a place with `disorder` behind one with
 * `least`? Only when it breaks clearly more of it: one place keeps the order and the other breaks
 * it more than twice over. A few confident anchors can themselves lie on copies (a dropped
 * paragraph's mentions on a quotation of it further down: page 647 of the 10 000-page fuzz), so a
 * small difference is no evidence.
 */
function clearlyOutOfOrder(disorder: number, least: number): boolean {
  return disorder > 2 * least + 2;
}

/**
 * Is there another acceptable candidate, not overlapping the best, within CONTEST_MARGIN of it and
 * not clearly out of the order of the confident neighbours?
 */
function hasRival(
  cands: readonly Candidate[],
  best: Candidate,
  disorder?: (c: Candidate) => number,
): boolean {
  const bestDisorder = disorder?.(best) ?? 0;
  return cands.some(
    (c) =>
      (c.te <= best.ts || c.ts >= best.te) &&
      best.score - c.score < CONTEST_MARGIN &&
      (disorder === undefined || !clearlyOutOfOrder(disorder(c), bestDisorder)),
  );
}

/** Is another candidate (at another place) within CONTEST_MARGIN of the best? */
function isContested(cands: readonly Candidate[], best: Candidate): boolean {
  for (const c of cands) {
    if (c !== best && c.ts !== best.ts && best.score - c.score < CONTEST_MARGIN) return true;
  }
  return false;
}

function pickBest(cands: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of cands) {
    if (
      best === null ||
      c.score > best.score + TIE_EPSILON ||
      (Math.abs(c.score - best.score) <= TIE_EPSILON && c.ts < best.ts)
    ) {
      best = c;
    }
  }
  return best;
}

function decide(
  cands: readonly Candidate[],
  hint: number | null,
  adjacency?: (c: Candidate) => number,
  disorder?: (c: Candidate) => number,
): Decision {
  let pool = cands;
  let best = pickBest(pool);
  if (best !== null && adjacency !== undefined) {
    // Contested (other places within CONTEST_MARGIN of the best): first, places clearly out of
    // the order of the confidently anchored neighbours leave the running (a near-copy of the
    // sentence far away in a 2 MB page can agree one character more next to the quote than the
    // true place: F6 in tests/anchoring/fuzz-findings.test.ts). Then only the places whose
    // context continues verbatim next to the quote over the most characters stay; score (with
    // its position hint) decides among them (F2 in tests/fuzz/FINDINGS.md).
    const top = best;
    let contenders = cands.filter((c) => top.score - c.score < CONTEST_MARGIN);
    if (disorder !== undefined && contenders.some((c) => c.ts !== top.ts)) {
      const d = contenders.map(disorder);
      let least = Number.POSITIVE_INFINITY;
      for (const x of d) if (x < least) least = x;
      const kept = contenders.filter((_, k) => !clearlyOutOfOrder(d[k] as number, least));
      if (kept.length < contenders.length) {
        contenders = kept;
        pool = kept;
        best = pickBest(pool) as Candidate;
      }
    }
    const lead = best;
    if (contenders.some((c) => c.ts !== lead.ts)) {
      const adj = contenders.map(adjacency);
      let max = -1;
      for (const a of adj) if (a > max) max = a;
      const group = contenders.filter((_, k) => adj[k] === max);
      if (group.length < contenders.length || pool !== cands) {
        pool = group;
        best = pickBest(pool);
      }
    }
  }
  let tied = false;
  if (best !== null && hint !== null) {
    for (const c of pool) {
      if (c !== best && c.ts !== best.ts && Math.abs(c.score - best.score) <= TIE_EPSILON) {
        // Indistinguishable by quote, context and position: ambiguous only when the hint is far
        // from both (position score 0); otherwise the earlier one wins (document order).
        if ((best.p ?? 0) === 0 && (c.p ?? 0) === 0) tied = true;
      }
    }
  }
  return { best, tied, candidates: cands.length, scored: cands };
}

function orphan(reason: OrphanReason, best: Candidate | null, candidates: number): AnchorResult {
  const r: AnchorResult = {
    range: null,
    start: null,
    end: null,
    score: best ? best.score : 0,
    method: null,
    reason,
  };
  if (best) {
    r.detail = {
      quote: best.q,
      context: best.c,
      position: best.p,
      errors: best.errors,
      candidates,
    };
  }
  return r;
}

/**
 * The longest chain of (source, page) pairs, sorted by source, whose page offsets never go back.
 * A "clear winner" can still be a copy: a "related stories" line that repeats a sentence with
 * its surroundings. Such an anchor is out of order with its neighbours; left in the map, it would
 * move every bound and interpolated hint after it onto the copies (page 1270 of the 10 000-page
 * fuzz: one mention on a teaser pushed a whole paragraph's quotes onto it). The true places form
 * the longest chain, since an article's paragraphs keep their order.
 */
function inOrderChain(pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const n = pairs.length;
  // Patience sorting for the longest non-decreasing subsequence of page offsets, O(n log n).
  const tails: number[] = []; // tails[k]: index of the smallest last offset of a chain of k + 1
  const prev = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const d = (pairs[i] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] <= d) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const chain: Array<[number, number]> = [];
  for (
    let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
    i >= 0;
    i = prev[i] as number
  ) {
    chain.push(pairs[i] as [number, number]);
  }
  return chain.reverse();
}

/** Piecewise-linear map from source positions to index offsets, from confident anchors. */
class PositionMap {
  private readonly src: number[];
  private readonly dst: number[];
  private readonly scale: number;

  constructor(pairs: Array<[number, number]>, scale: number) {
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const kept = inOrderChain(pairs);
    this.src = kept.map((p) => p[0]);
    this.dst = kept.map((p) => p[1]);
    this.scale = scale;
  }

  get size(): number {
    return this.src.length;
  }

  /** Index of the first anchor whose source position is >= pos (n if none). */
  private firstAtOrAfter(pos: number): number {
    return lowerBound(this.src, this.src.length, pos);
  }

  /**
   * The anchors that can vouch for the place of a quote at source [start, end): the last one
   * before it and the first one after it, leaving out those within NEIGHBOUR_GAP source
   * characters. Those share the quote's sentence, and a copy of the sentence (a teaser, a pull
   * quote) carries them along with the quote: anchored on the copy, they would vouch for the copy
   * (page 1325 of the 10 000-page fuzz). Indices into src/dst; -1 / n when there is none.
   */
  private around(start: number, end: number): [number, number] {
    return [
      this.firstAtOrAfter(start - NEIGHBOUR_GAP) - 1,
      this.firstAtOrAfter(end + NEIGHBOUR_GAP),
    ];
  }

  /**
   * How many anchors of the chain a place at page offset `at` for the quote at source
   * [start, end) would be out of order with: those before it in the source but after it on the
   * page, and the reverse (beyond ORDER_SLACK; those within NEIGHBOUR_GAP of the quote left out,
   * see around()). A soft measure: the chain itself can hold a few anchors on copies.
   */
  disorder(start: number, end: number, at: number): number {
    const n = this.src.length;
    const [i, j] = this.around(start, end);
    let count = 0;
    for (let k = 0; k <= i; k++) if ((this.dst[k] as number) > at + ORDER_SLACK) count++;
    for (let k = j; k < n; k++) if ((this.dst[k] as number) < at - ORDER_SLACK) count++;
    return count;
  }

  /**
   * Page offsets between which a quote at source [start, end) must lie to keep the order of the
   * confident anchors around it (see around()). -Infinity / Infinity when there is none.
   */
  bounds(start: number, end: number): [number, number] {
    const [i, j] = this.around(start, end);
    return [
      i >= 0 ? (this.dst[i] as number) : Number.NEGATIVE_INFINITY,
      j < this.src.length ? (this.dst[j] as number) : Number.POSITIVE_INFINITY,
    ];
  }

  /**
   * Where a quote starting at source position `pos` should start on the page: interpolated
   * between the nearest anchors around it (all of them: a hint, not a bound), or null.
   */
  map(pos: number): number | null {
    const n = this.src.length;
    if (n === 0) return null;
    const i = this.firstAtOrAfter(pos + 1) - 1; // last src <= pos
    if (i < 0) return (this.dst[0] as number) - ((this.src[0] as number) - pos) * this.scale;
    if (i >= n - 1) {
      return (this.dst[n - 1] as number) + (pos - (this.src[n - 1] as number)) * this.scale;
    }
    const s0 = this.src[i] as number;
    const s1 = this.src[i + 1] as number;
    const d0 = this.dst[i] as number;
    const d1 = this.dst[i + 1] as number;
    if (s1 === s0) return d0;
    return d0 + ((pos - s0) * (d1 - d0)) / (s1 - s0);
  }
}

const neverYield: ShouldYield = () => false;

/**
 * The anchoring work as a generator: it yields (and can be resumed later) whenever
 * `options.shouldYield()` returns true at a checkpoint (every 64K text characters in the
 * multi-pattern passes, every few selectors in scoring, every fuzzy selector). It never yields
 * if `shouldYield` is absent. Its return value is the results array.
 */
export function* anchorSteps(
  index: TextIndex,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions = {},
): Generator<void, AnchorResult[], void> {
  const shouldYield = options.shouldYield ?? neverYield;
  const folded = yield* index.foldedSteps(shouldYield);
  const run = new Run(index, options, folded);
  const n = selectors.length;
  const results: Array<AnchorResult | null> = new Array(n).fill(null);
  const prepared: Prepared[] = new Array(n);
  for (let i = 0; i < n; i++) {
    prepared[i] = prepare(selectors[i] as QuoteSelector, index.length, options);
    if ((i & 127) === 127 && shouldYield()) yield;
  }
  // Tier 1+2: one multi-pattern pass over the folded text for every quote.
  const patterns = prepared.map((p) => (p.empty ? '' : p.qF));
  const occurrences = yield* findAll(run.F.text, patterns, MAX_OCCURRENCES, shouldYield);
  const phase1: Array<Decision | null> = new Array(n).fill(null);
  const needFuzzy: number[] = [];
  const anchorsForMap: Array<[number, number]> = [];
  const contested: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = prepared[i] as Prepared;
    if (p.empty) {
      results[i] = orphan('empty-quote', null, 0);
      continue;
    }
    const cands = run
      .scoreOccurrences(p, occurrences[i] as number[], p.hint)
      .filter((c) => run.acceptable(p, c));
    const d = decide(cands, p.hint, run.adjacencyOf(p));
    phase1[i] = d;
    const b = d.best;
    if (b !== null && isContested(cands, b)) contested.push(i);
    else if (b !== null && p.sel.position !== undefined && b.score >= 0.8 && (b.c ?? 1) >= 0.5) {
      // A clear winner: it anchors the source -> page position map.
      anchorsForMap.push([p.sel.position, b.ts]);
    }
    // Every 8 selectors: one with a very frequent quote ("US") can cost a few ms.
    if ((i & 7) === 7 && shouldYield()) yield;
  }
  const scale =
    options.sourceLength && options.sourceLength > 0 ? index.length / options.sourceLength : 1;
  const posMap = new PositionMap(anchorsForMap, scale);
  /** How many confident anchors a candidate is out of order with (PositionMap.disorder). */
  const disorderOf = (p: Prepared): ((c: Candidate) => number) | undefined => {
    const start = p.sel.position;
    if (start === undefined || posMap.size === 0) return undefined;
    const end = start + p.qT.length;
    return (c) => posMap.disorder(start, end, c.ts);
  };
  const mappedHint = (p: Prepared): number | null => {
    if (p.sel.position === undefined || posMap.size === 0) return null;
    const m = posMap.map(p.sel.position);
    return m === null ? null : Math.max(0, Math.min(index.length, m));
  };
  // Contested selectors (several candidates of similar score: duplicates whose context does not
  // settle it) are re-ranked with the interpolated hint and a stronger position weight.
  for (const i of contested) {
    const p = prepared[i] as Prepared;
    const h = mappedHint(p);
    if (h === null) continue;
    const prev = phase1[i] as Decision;
    const top = prev.scored.filter((c) => (prev.best?.score ?? 0) - c.score < CONTEST_MARGIN);
    const cands = run.scoreOccurrences(
      p,
      top.map((c) => c.fs),
      h,
      MAPPED_POSITION_WEIGHT,
    );
    phase1[i] = decide(cands, h, run.adjacencyOf(p), disorderOf(p));
    if (shouldYield()) yield;
  }
  for (let i = 0; i < n; i++) {
    const p = prepared[i] as Prepared;
    const d = phase1[i];
    if (p.empty || !d) continue;
    const b = d.best;
    const hasContext = p.pF.length > 0 || p.sF.length > 0;
    const ok = b !== null && b.score >= run.threshold && !d.tied;
    // Accept now only if the context agrees well; otherwise the fuzzy tier also looks for an
    // edited copy of the quote with better context (the best of both wins).
    if (ok && b && (!hasContext || (b.c ?? 0) >= ESCALATE_CONTEXT)) {
      results[i] = accept(run, b, d.candidates, options);
    } else {
      needFuzzy.push(i);
    }
  }
  // Tier 3: fuzzy, for what is left.
  if (needFuzzy.length > 0) {
    const fuzzyOn = options.fuzzy !== false;
    const rate = options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
    // Context keys for all fuzzy selectors, found in one pass.
    const keys: string[] = [];
    for (const i of needFuzzy) {
      const p = prepared[i] as Prepared;
      keys.push(p.pF.length >= 8 ? p.pF.slice(-CONTEXT_KEY) : '');
      keys.push(p.sF.length >= 8 ? p.sF.slice(0, CONTEXT_KEY) : '');
    }
    const keyOcc = fuzzyOn
      ? yield* findAll(run.F.text, keys, 64, shouldYield)
      : keys.map(() => [] as number[]);
    for (let j = 0; j < needFuzzy.length; j++) {
      const i = needFuzzy[j] as number;
      const p = prepared[i] as Prepared;
      const d1 = phase1[i] as Decision;
      const mapped = mappedHint(p);
      const hint = mapped ?? p.hint;
      const pw = mapped !== null ? MAPPED_POSITION_WEIGHT : POSITION_WEIGHT;
      let cands: Candidate[] = [];
      // Re-score phase-1 candidates with the better hint.
      if ((occurrences[i] as number[]).length > 0) {
        cands = run.scoreOccurrences(p, occurrences[i] as number[], hint, pw);
      }
      const L = p.qF.length;
      if (fuzzyOn && L >= MIN_FUZZY_LENGTH) {
        const k = Math.max(1, Math.floor(L * rate));
        const windows = fuzzyWindows(
          run,
          p,
          keyOcc[2 * j] as number[],
          keyOcc[2 * j + 1] as number[],
          hint,
          mapped !== null,
          k,
        );
        // A match never spans a block break unless the quote does (F1 in tests/fuzz/FINDINGS.md):
        // windows are cut at the page's block-break spaces, so an edit that removed the quote's
        // first words is aligned as deletions inside the block, not as substitutions of the end
        // of the previous paragraph or heading.
        const segments = p.multiBlock ? windows : splitAtBreaks(windows, run.foldedBreaks(), L - k);
        const pat = segments.length > 0 ? compilePattern(p.qF) : null;
        for (const [a, b] of segments) {
          for (const m of approxSearch(run.F.text, pat ?? p.qF, a, b, {
            maxErrors: k,
            maxResults: 3,
          })) {
            for (const [ws, we, werr] of snapToWords(run.F.text, p, m, k, a, b)) {
              cands.push(run.evaluate(p, ws, we, werr, true, hint, pw));
            }
          }
        }
      }
      // An edited copy needs its context (F3 in tests/fuzz/FINDINGS.md): a fuzzy match is kept
      // only if every side of the selector's context agrees with the page next to it.
      const found = cands.length;
      cands = cands.filter((c) => run.acceptable(p, c));
      if (p.sel.position !== undefined && posMap.size > 0) {
        // An edited copy must also keep the order of the confidently anchored neighbours: a
        // near-copy of a dropped paragraph in a "related stories" list further down is text-wise
        // an edit of it, but not in its place.
        const [lo, hi] = posMap.bounds(p.sel.position, p.sel.position + p.qT.length);
        cands = cands.filter(
          (c) => c.method !== 'fuzzy' || (c.ts >= lo - ORDER_SLACK && c.ts <= hi + ORDER_SLACK),
        );
      }
      const order = disorderOf(p);
      const d = decide(cands, hint, run.adjacencyOf(p), order);
      const b = d.best;
      if (b !== null && b.method === 'fuzzy' && hasRival(cands, b, order)) {
        // Two different places that both read as an edit of the quote, in its place among the
        // neighbours: the text cannot say which is the article's (page 9781 of the 10 000-page
        // fuzz: the paragraph edited one way, a comment repeating it edited another way).
        results[i] = orphan('ambiguous', b, d.candidates);
      } else if (b !== null && b.score >= run.threshold && !d.tied) {
        results[i] = accept(run, b, d.candidates, options);
      } else if (b !== null && d.tied && b.score >= run.threshold) {
        results[i] = orphan('ambiguous', b, d.candidates);
      } else if (b !== null) {
        results[i] = orphan('below-threshold', b, d.candidates);
      } else {
        // Occurrences that were not acceptable (Run.acceptable) make it 'below-threshold' too.
        const reason = d1.best || found > 0 ? 'below-threshold' : 'not-found';
        results[i] = orphan(reason, d1.best, Math.max(d1.candidates, found));
      }
      if (shouldYield()) yield;
    }
  }
  return results as AnchorResult[];
}

function fuzzyWindows(
  run: Run,
  p: Prepared,
  prefixOcc: readonly number[],
  suffixOcc: readonly number[],
  hint: number | null,
  hintIsMapped: boolean,
  k: number,
): Array<[number, number]> {
  const L = p.qF.length;
  const n = run.F.text.length;
  const pad = k + CONTEXT_SLACK;
  const w: Array<[number, number]> = [];
  const keyLen = Math.min(CONTEXT_KEY, p.pF.length);
  for (const o of prefixOcc.length <= 32 ? prefixOcc : []) {
    const s = o + keyLen;
    w.push([s - pad, s + L + pad]);
  }
  for (const o of suffixOcc.length <= 32 ? suffixOcc : []) {
    w.push([o - L - pad, o + pad]);
  }
  if (hint !== null) {
    const hf = tToF(run.F, Math.round(Math.min(hint, run.text.length)));
    const r = hintIsMapped ? Math.max(1024, 4 * L) : Math.max(2048, Math.floor(0.05 * n));
    w.push([hf - r, hf + r + L]);
  }
  if (w.length === 0 && n <= (run.opts.fullScanLimit ?? 262_144)) w.push([0, n]);
  // Clamp, sort, merge.
  const clamped = w
    .map(([a, b]): [number, number] => [Math.max(0, a), Math.min(n, b)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const win of clamped) {
    const last = merged[merged.length - 1];
    if (last && win[0] <= last[1]) last[1] = Math.max(last[1], win[1]);
    else merged.push([win[0], win[1]]);
  }
  return merged;
}

/**
 * Does the context support a fuzzy (edited) match? Every side of the selector's context of at
 * least FUZZY_MIN_SIDE folded characters must agree (rescaled side agreement >=
 * FUZZY_SIDE_SUPPORT), and there must be at least one such side. An edited sentence in its own
 * paragraph keeps the text before and after it; a copy in a comment or teaser, or a near-duplicate
 * whose paragraph is gone, keeps at most one side.
 */
function fuzzySupported(p: Prepared, c: Candidate): boolean {
  let sides = 0;
  if (p.pF.length >= FUZZY_MIN_SIDE) {
    if ((c.cp ?? 0) < FUZZY_SIDE_SUPPORT) return false;
    sides++;
  }
  if (p.sF.length >= FUZZY_MIN_SIDE) {
    if ((c.cs ?? 0) < FUZZY_SIDE_SUPPORT) return false;
    sides++;
  }
  return sides > 0;
}

/** A letter or number at s[i] (false outside s): the fold's own test, cached per character. */
const isWordAt = (s: string, i: number): boolean =>
  i >= 0 && i < s.length && isLetterOrNumberAt(s, i, false);

/**
 * A fuzzy match whose edge cuts a word where the quote's edge does not (fuzz page 4649: "the
 * however return of Taiwan …", a word inserted into the quote, aligns best as "ver return of
 * Taiwan …", three substitutions instead of eight insertions) is replaced by the spans from
 * nearby word edges that stay within `k` edits of the quote ([fs, fe, errors], folded offsets,
 * at most SNAP_OPTIONS, fewest edits first); scoring with context then picks among them ("the
 * however return …" keeps the selector's prefix, "return …" does not). None when no word-aligned
 * span within [lo, hi) is close enough: never a highlight that starts or ends inside a word the
 * quote does not cut.
 */
function snapToWords(
  f: string,
  p: Prepared,
  m: { start: number; end: number; errors: number },
  k: number,
  lo: number,
  hi: number,
): Array<[number, number, number]> {
  const { start: fs, end: fe, errors } = m;
  const q = p.qF;
  const cutsStart =
    isWordAt(q, 0) && !isWordAt(p.pF, p.pF.length - 1) && isWordAt(f, fs - 1) && isWordAt(f, fs);
  const cutsEnd =
    isWordAt(q, q.length - 1) && !isWordAt(p.sF, 0) && isWordAt(f, fe - 1) && isWordAt(f, fe);
  if (!cutsStart && !cutsEnd) return [[fs, fe, errors]];
  const reach = k - errors + 1;
  const starts: number[] = [fs];
  if (cutsStart) {
    starts.length = 0;
    for (let i = Math.max(lo, fs - reach); i <= Math.min(hi - 1, fs + reach); i++) {
      if (isWordAt(f, i) && !isWordAt(f, i - 1)) starts.push(i);
    }
  }
  const ends: number[] = [fe];
  if (cutsEnd) {
    ends.length = 0;
    for (let i = Math.max(lo + 1, fe - reach); i <= Math.min(hi, fe + reach); i++) {
      if (isWordAt(f, i - 1) && !isWordAt(f, i)) ends.push(i);
    }
  }
  const options: Array<[number, number, number]> = [];
  for (const s of starts) {
    for (const e of ends) {
      if (e <= s) continue;
      const d = editDistance(q, f.slice(s, e));
      if (d <= k) options.push([s, e, d]);
    }
  }
  return options.sort((x, y) => x[2] - y[2]).slice(0, SNAP_OPTIONS);
}

const SNAP_OPTIONS = 4;

/**
 * Cut sorted, disjoint windows at block-break offsets (the break space itself belongs to no
 * segment); segments shorter than `minLength` cannot hold a match and are dropped.
 */
function splitAtBreaks(
  windows: ReadonlyArray<[number, number]>,
  breaks: Int32Array,
  minLength: number,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const min = Math.max(1, minLength);
  let j = 0;
  for (const [a, b] of windows) {
    while (j < breaks.length && (breaks[j] as number) < a) j++;
    let s = a;
    while (j < breaks.length && (breaks[j] as number) < b) {
      const x = breaks[j] as number;
      if (x - s >= min) out.push([s, x]);
      s = x + 1;
      j++;
    }
    if (b - s >= min) out.push([s, b]);
  }
  return out;
}

function accept(run: Run, b: Candidate, candidates: number, options: AnchorOptions): AnchorResult {
  return {
    range: options.createRanges === false ? null : run.index.rangeFor(b.ts, b.te),
    start: b.ts,
    end: b.te,
    score: b.score,
    method: b.method,
    detail: { quote: b.q, context: b.c, position: b.p, errors: b.errors, candidates },
  };
}

/** Anchor many selectors in a prebuilt index (synchronously). */
export function anchorInIndex(
  index: TextIndex,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions = {},
): AnchorResult[] {
  const g = anchorSteps(index, selectors, { ...options, shouldYield: undefined });
  let r = g.next();
  while (!r.done) r = g.next();
  return r.value;
}

/** Build a TextIndex for `root` and anchor every selector. One result per selector, in order. */
export function anchor(
  root: Node,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions = {},
): AnchorResult[] {
  return anchorInIndex(TextIndex.build(root, options.index), selectors, options);
}

export interface SliceOptions {
  /** Time budget of one slice in ms. Default 30 (well under the 50 ms long-task limit). */
  sliceMs?: number;
  /** How to give the main thread back between slices. Default: a macrotask (setTimeout 0). */
  yieldToMain?: () => Promise<void>;
  /** Clock. Default performance.now. */
  now?: () => number;
}

/**
 * Anchor in time slices: builds the index (unless given one) and anchors, yielding to the event
 * loop whenever a slice exceeds `sliceMs`. Resolves to the same results as anchor(). If the DOM
 * changes while this runs, call index.update() and reanchor() afterwards.
 */
export async function anchorAsync(
  rootOrIndex: Node | TextIndex,
  selectors: ReadonlyArray<QuoteSelector>,
  options: AnchorOptions & SliceOptions = {},
): Promise<{ index: TextIndex; results: AnchorResult[] }> {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 30;
  const yieldToMain =
    options.yieldToMain ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let sliceStart = now();
  const shouldYield = () => now() - sliceStart > sliceMs;
  let index: TextIndex;
  if (rootOrIndex instanceof TextIndex) {
    index = rootOrIndex;
  } else {
    const g = TextIndex.buildSteps(rootOrIndex, options.index, shouldYield);
    let r = g.next();
    while (!r.done) {
      await yieldToMain();
      sliceStart = now();
      r = g.next();
    }
    index = r.value;
  }
  const g = anchorSteps(index, selectors, { ...options, shouldYield });
  let r = g.next();
  while (!r.done) {
    await yieldToMain();
    sliceStart = now();
    r = g.next();
  }
  return { index, results: r.value };
}

/** Options for reanchor(). */
export interface ReanchorOptions extends AnchorOptions {
  /**
   * Results with a score below this are re-anchored even when the change is far from them
   * (the change may have restored a better place). Default 0.8.
   */
  keepScore?: number;
}

/**
 * Incremental re-anchoring after `change = index.update()`:
 *  - a previous result entirely before the change (with CONTEXT_CHARS of margin) is kept as is;
 *  - one entirely after it is kept and shifted by change.delta;
 *  - everything else (overlapping or near the change, orphans, weak results) is anchored again,
 *    in one batch.
 * Kept results get fresh Ranges from the updated index. `change === null` (text unchanged) just
 * refreshes ranges. `selectors[i]` must be the selector that produced `previous[i]`.
 */
export function reanchor(
  index: TextIndex,
  previous: ReadonlyArray<AnchorResult>,
  selectors: ReadonlyArray<QuoteSelector>,
  change: TextChange | null,
  options: ReanchorOptions = {},
): AnchorResult[] {
  const steps = reanchorSteps(index, previous, selectors, change, {
    ...options,
    shouldYield: undefined,
  });
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * reanchor() as a generator: re-anchoring what the change touched yields at the same checkpoints
 * as anchorSteps() (a change in a 100 000-paragraph page searches the whole text again).
 */
export function* reanchorSteps(
  index: TextIndex,
  previous: ReadonlyArray<AnchorResult>,
  selectors: ReadonlyArray<QuoteSelector>,
  change: TextChange | null,
  options: ReanchorOptions = {},
): Generator<void, AnchorResult[], void> {
  const keepScore = options.keepScore ?? 0.8;
  const out: AnchorResult[] = new Array(previous.length);
  const redo: number[] = [];
  for (let i = 0; i < previous.length; i++) {
    const r = previous[i] as AnchorResult;
    if (r.start === null || r.end === null || r.score < keepScore) {
      redo.push(i);
      continue;
    }
    let start = r.start;
    let end = r.end;
    if (change !== null) {
      if (end + CONTEXT_CHARS <= change.start) {
        // unchanged
      } else if (start >= change.oldEnd + CONTEXT_CHARS) {
        start += change.delta;
        end += change.delta;
      } else {
        redo.push(i);
        continue;
      }
    }
    out[i] = {
      ...r,
      start,
      end,
      range: options.createRanges === false ? null : index.rangeFor(start, end),
    };
  }
  if (redo.length > 0) {
    const again = yield* anchorSteps(
      index,
      redo.map((i) => selectors[i] as QuoteSelector),
      options,
    );
    redo.forEach((i, j) => {
      out[i] = again[j] as AnchorResult;
    });
  }
  return out;
}

/** UTF-16 offset in `text` -> code point offset (W3C TextPositionSelector counts code points). */
export function toCodePointOffset(text: string, offset: number): number {
  let cp = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    cp++;
  }
  return cp;
}

/** Code point offset -> UTF-16 offset in `text`. */
export function fromCodePointOffset(text: string, cpOffset: number): number {
  let i = 0;
  for (let cp = 0; cp < cpOffset && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else i++;
  }
  return i;
}
