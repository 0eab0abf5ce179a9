/**
 * Incremental folding: after a change to the rendered text, only a window around the change (its
 * paragraph or so) is folded again; the rest of the old folded text and maps is reused, shifted.
 */

import { type Folded, foldSteps, renderedToFolded, SPACED_VARIANT_KEYS } from './fold';
import { neverYield, type ShouldYield } from './slices';

/**
 * Rendered characters kept between a change and the edges of the window folded again. A fold
 * decision at offset i reads the text from i - 1 (is i a word start?) to at most i + 11 (the
 * longest variant key, or an honorific with its '.', space and next letter): 32 is ample.
 */
const REFOLD_MARGIN = 32;
/** Map entries filled between two yield checks when the maps are spliced. */
const MAP_CHUNK = 1 << 16;

/**
 * Does a variant key with a space in it cover both t[x - 1] (a space) and t[x]? (With today's
 * keys a cut there would still fold the same, as "soya bean" -> "soybean" keeps "bean" and no
 * key starts with "bean"; not cutting there keeps that from being a coincidence.)
 */
function keyAcross(t: string, x: number): boolean {
  for (const key of SPACED_VARIANT_KEYS) {
    for (let s = key.indexOf(' '); s >= 0; s = key.indexOf(' ', s + 1)) {
      const i = x - 1 - s;
      if (i >= 0 && t.slice(i, i + key.length).toLowerCase() === key) return true;
    }
  }
  return false;
}

/**
 * A place to cut the rendered text t at or before x: just after a space (so lower-casing either
 * side is independent of the other, and x is a word start) where no match of the fold can cross
 * (honorific matches end with their space; only a variant key with a space could), or 0.
 */
function cutAtOrBefore(t: string, x: number): number {
  while (x > 0) {
    const sp = t.lastIndexOf(' ', x - 1);
    if (sp < 0) return 0;
    if (!keyAcross(t, sp + 1)) return sp + 1;
    x = sp;
  }
  return 0;
}

/** Same as cutAtOrBefore, at or after x (or t.length). */
function cutAtOrAfter(t: string, x: number): number {
  while (x < t.length) {
    const sp = t.indexOf(' ', Math.max(0, x - 1));
    if (sp < 0) return t.length;
    if (!keyAcross(t, sp + 1)) return sp + 1;
    x = sp + 2;
  }
  return t.length;
}

/** Does `s` contain `ch`? In 1M-unit slices with yield checks (native search per slice). */
function* containsSteps(s: string, ch: string, shouldYield: ShouldYield) {
  for (let i = 0; i < s.length; i += 1 << 20) {
    if (s.slice(i, i + (1 << 20)).includes(ch)) return true;
    if (shouldYield()) yield;
  }
  return false;
}

/**
 * dst[at + k] = (src ? src[from + k] : from + k + identity) + add, for k in [0, to - from),
 * with yield checks: a slice of a fold map (null = identity, whose value at i is i + identity)
 * moved and shifted into a new map.
 */
function* fillMap(
  dst: Int32Array,
  at: number,
  src: Int32Array | null,
  from: number,
  to: number,
  add: number,
  identity: number,
  shouldYield: ShouldYield,
): Generator<void, void, void> {
  for (let i = from; i < to; i += MAP_CHUNK) {
    const e = Math.min(to, i + MAP_CHUNK);
    const d = at - from;
    if (src === null) {
      for (let k = i; k < e; k++) dst[k + d] = k + identity + add;
    } else if (add === 0) {
      dst.set(src.subarray(i, e), i + d);
    } else {
      for (let k = i; k < e; k++) dst[k + d] = (src[k] as number) + add;
    }
    if (e < to && shouldYield()) yield;
  }
}

/**
 * The fold of `newText` (= foldSteps(newText)), from `old` = the fold of `oldText` and the
 * change between them (`start`: first differing offset; `oldEnd` / `newEnd`: ends of the
 * differing spans; everything outside is the same): only a window around the change is folded
 * again, the rest of the old folded text and maps are reused (shifted). The window starts and
 * ends just after a space at least REFOLD_MARGIN characters from the change, where no fold
 * match crosses (see cutAtOrBefore), and is folded with REFOLD_MARGIN characters of lookahead;
 * as every fold decision is local, the result is the whole fold's. Texts with U+0130 (whose
 * lower case is longer: fold() then lowers the whole text per character) are folded in full.
 * Yields when `shouldYield()` says so, every 64K map entries.
 */
export function* refoldSteps(
  old: Folded,
  oldText: string,
  newText: string,
  change: { start: number; oldEnd: number; newEnd: number },
  shouldYield: ShouldYield = neverYield,
): Generator<void, Folded, void> {
  const delta = newText.length - oldText.length;
  const a = cutAtOrBefore(newText, change.start - REFOLD_MARGIN);
  const bNew = cutAtOrAfter(newText, change.newEnd + REFOLD_MARGIN);
  const bOld = bNew - delta;
  const window = newText.slice(a, Math.min(newText.length, bNew + REFOLD_MARGIN));
  if (window.includes('\u0130') || (yield* containsSteps(old.text, '\u0130', shouldYield))) {
    return yield* foldSteps(newText, shouldYield);
  }
  const w = yield* foldSteps(window, shouldYield);
  const fa = renderedToFolded(old, a);
  const fb = renderedToFolded(old, bOld);
  const wf = renderedToFolded(w, bNew - a);
  const text = old.text.slice(0, fa) + w.text.slice(0, wf) + old.text.slice(fb);
  if (old.foldedOffsets === null && w.foldedOffsets === null)
    return { text, renderedStarts: null, renderedEnds: null, foldedOffsets: null };
  const oldFolded = old.text.length;
  const nf = text.length;
  const n = newText.length;
  // Three maps of a 2M-character page are 24 MB to allocate and clear: a yield check after each.
  const renderedStarts = new Int32Array(nf + 1);
  if (shouldYield()) yield;
  const renderedEnds = new Int32Array(nf + 1);
  if (shouldYield()) yield;
  const foldedOffsets = new Int32Array(n + 1);
  if (shouldYield()) yield;
  // Folded -> rendered: the old prefix as it was, the window shifted by its start, the old
  // suffix shifted by the change's delta.
  yield* fillMap(renderedStarts, 0, old.renderedStarts, 0, fa, 0, 0, shouldYield);
  yield* fillMap(renderedStarts, fa, w.renderedStarts, 0, wf, a, 0, shouldYield);
  yield* fillMap(renderedStarts, fa + wf, old.renderedStarts, fb, oldFolded, delta, 0, shouldYield);
  yield* fillMap(renderedEnds, 0, old.renderedEnds, 0, fa, 0, 1, shouldYield);
  yield* fillMap(renderedEnds, fa, w.renderedEnds, 0, wf, a, 1, shouldYield);
  yield* fillMap(renderedEnds, fa + wf, old.renderedEnds, fb, oldFolded, delta, 1, shouldYield);
  renderedStarts[nf] = n;
  renderedEnds[nf] = n;
  // Rendered -> folded: the same three parts, shifted by the folded offsets.
  yield* fillMap(foldedOffsets, 0, old.foldedOffsets, 0, a, 0, 0, shouldYield);
  yield* fillMap(foldedOffsets, a, w.foldedOffsets, 0, bNew - a, fa, 0, shouldYield);
  yield* fillMap(
    foldedOffsets,
    bNew,
    old.foldedOffsets,
    bOld,
    oldText.length,
    fa + wf - fb,
    0,
    shouldYield,
  );
  foldedOffsets[n] = nf;
  return { text, renderedStarts, renderedEnds, foldedOffsets };
}
