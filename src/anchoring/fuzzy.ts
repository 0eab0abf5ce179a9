/**
 * The fuzzy tier's geometry: where to search for an edited copy of a quote, how the windows are cut
 * at the page's block breaks, and how a match whose edge cuts a word is moved to word edges.
 */

import type { PageSearch } from './candidates';
import { CONTEXT_SLACK } from './candidates';
import { renderedToFolded } from './fold';
import { isLetterOrNumberAt } from './letters';
import { editDistance } from './myers';
import type { PreparedSelector } from './prepare';

/** Folded characters of the prefix's tail / suffix's head searched to locate fuzzy windows. */
export const CONTEXT_KEY = 16;
/** Spans kept per fuzzy match when its edges are moved to word edges. */
const SNAP_OPTIONS = 4;

/**
 * Where the fuzzy tier searches for an edited copy of the quote (folded offsets, sorted and
 * merged): around the exact occurrences of the prefix's tail and the suffix's head (uninformative
 * keys, found more than 32 times, are ignored), and around the position hint; the whole text when
 * there is neither and it is at most `fullScanLimit` long.
 */
export function fuzzyWindows(
  search: PageSearch,
  sel: PreparedSelector,
  prefixOcc: readonly number[],
  suffixOcc: readonly number[],
  hint: number | null,
  hintIsMapped: boolean,
  k: number,
): Array<[number, number]> {
  const L = sel.foldedQuote.length;
  const n = search.folded.text.length;
  const pad = k + CONTEXT_SLACK;
  const w: Array<[number, number]> = [];
  const keyLen = Math.min(CONTEXT_KEY, sel.foldedPrefix.length);
  for (const o of prefixOcc.length <= 32 ? prefixOcc : []) {
    const s = o + keyLen;
    w.push([s - pad, s + L + pad]);
  }
  for (const o of suffixOcc.length <= 32 ? suffixOcc : []) {
    w.push([o - L - pad, o + pad]);
  }
  if (hint !== null) {
    const hf = renderedToFolded(search.folded, Math.round(Math.min(hint, search.text.length)));
    const r = hintIsMapped ? Math.max(1024, 4 * L) : Math.max(2048, Math.floor(0.05 * n));
    w.push([hf - r, hf + r + L]);
  }
  if (w.length === 0 && n <= (search.options.fullScanLimit ?? 262_144)) w.push([0, n]);
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

/** A letter or number at s[i] (false outside s): the fold's own test, cached per character. */
const isWordAt = (s: string, i: number): boolean =>
  i >= 0 && i < s.length && isLetterOrNumberAt(s, i, false);

/**
 * A fuzzy match whose edge cuts a word where the quote's edge does not (a word inserted into the
 * quote, "the however return of Taiwan …", aligns best as "ver return of Taiwan …", three
 * substitutions instead of eight insertions) is replaced by the spans from
 * nearby word edges that stay within `k` edits of the quote ([fs, fe, errors], folded offsets,
 * at most SNAP_OPTIONS, fewest edits first); scoring with context then picks among them ("the
 * however return …" keeps the selector's prefix, "return …" does not). None when no word-aligned
 * span within [lo, hi) is close enough: never a highlight that starts or ends inside a word the
 * quote does not cut.
 */
export function snapToWords(
  f: string,
  sel: PreparedSelector,
  m: { start: number; end: number; errors: number },
  k: number,
  lo: number,
  hi: number,
): Array<[number, number, number]> {
  const { start: fs, end: fe, errors } = m;
  const q = sel.foldedQuote;
  const cutsStart =
    isWordAt(q, 0) &&
    !isWordAt(sel.foldedPrefix, sel.foldedPrefix.length - 1) &&
    isWordAt(f, fs - 1) &&
    isWordAt(f, fs);
  const cutsEnd =
    isWordAt(q, q.length - 1) &&
    !isWordAt(sel.foldedSuffix, 0) &&
    isWordAt(f, fe - 1) &&
    isWordAt(f, fe);
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

/**
 * Cut sorted, disjoint windows at block-break offsets (the break space itself belongs to no
 * segment); segments shorter than `minLength` cannot hold a match and are dropped.
 */
export function splitAtBreaks(
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
