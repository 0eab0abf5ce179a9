/**
 * Folding: rendered text -> the folded text that is searched and whose context is compared, with
 * maps back to rendered offsets (README.md, "Text index"). Lower case; quotes, apostrophes and
 * dashes unified; an honorific before a capitalised name dropped ("Mr Trump" -> "trump"); British
 * spellings folded to American ones ("soya beans" -> "soybeans"). The same fold is applied to the
 * page and to each quote with its context, so it is symmetric.
 */

import { HONORIFICS, SPELLING_VARIANTS } from '../language/english';
import { isLetterAt, isLetterOrNumberAt } from './letters';
import { neverYield, runToEnd, type ShouldYield } from './slices';

/** Quote, apostrophe and dash characters unified in folded text (1:1, length-preserving). */
const FOLD_CHARS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u2035': "'",
  '\u02bc': "'",
  '\u0060': "'",
  '\u00b4': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2036': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\ufe58': '-',
  '\ufe63': '-',
  '\uff0d': '-',
};
const FOLD_CHARS_RE = new RegExp(`[${Object.keys(FOLD_CHARS).join('')}]`, 'g');
const foldChar = (m: string): string => FOLD_CHARS[m] ?? m;

const VARIANT_MAP = new Map<string, string>(SPELLING_VARIANTS.map(([a, b]) => [a, b]));
/** Variant keys with a space inside: the only fold matches that can cross a space. */
export const SPACED_VARIANT_KEYS = [...VARIANT_MAP.keys()].filter((k) => k.includes(' '));

/** Characters between yield checks in the folding loops. */
const FOLD_CHUNK = 1 << 16;

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Rendered text -> folded text with offset maps (null maps = identity). */
export interface Folded {
  text: string;
  /** folded offset -> rendered offset of the first source character (length text.length + 1). */
  renderedStarts: Int32Array | null;
  /** folded offset -> rendered offset just after the source of that character. */
  renderedEnds: Int32Array | null;
  /** rendered offset -> folded offset (length rendered.length + 1). Dropped chars map forward. */
  foldedOffsets: Int32Array | null;
}

/** Variant keys by first char code, longest first (the longest key that fits wins). */
const VARIANTS_BY_FIRST = new Map<number, string[]>();
for (const key of [...VARIANT_MAP.keys()].sort((a, b) => b.length - a.length)) {
  const c = key.charCodeAt(0);
  const list = VARIANTS_BY_FIRST.get(c);
  if (list) list.push(key);
  else VARIANTS_BY_FIRST.set(c, [key]);
}
/** First chars of honorifics and variant keys (all ASCII lower case). */
const TRIGGER = new Uint8Array(128);
for (const h of HONORIFICS) TRIGGER[h.charCodeAt(0)] = 1;
for (const c of VARIANTS_BY_FIRST.keys()) TRIGGER[c] = 1;
/**
 * Variant keys by their first two chars (c1 * 128 + c2; all keys are ASCII, at least 2 long),
 * longest first as in VARIANTS_BY_FIRST: a key can only match where the text has its first two
 * chars, so trying just these keys, in this order, finds what trying all of c1's keys found.
 */
const VARIANTS_BY_PAIR = new Map<number, string[]>();
for (const [c, keys] of VARIANTS_BY_FIRST) {
  for (const key of keys) {
    const pair = c * 128 + key.charCodeAt(1);
    const list = VARIANTS_BY_PAIR.get(pair);
    if (list) list.push(key);
    else VARIANTS_BY_PAIR.set(pair, [key]);
  }
}
/** First two chars of honorifics (1) and of variant keys (2): a word start without one is skipped. */
const TRIGGER2 = new Uint8Array(128 * 128);
for (const h of HONORIFICS) {
  const pair = h.charCodeAt(0) * 128 + h.charCodeAt(1);
  TRIGGER2[pair] = (TRIGGER2[pair] as number) | 1;
}
for (const pair of VARIANTS_BY_PAIR.keys()) TRIGGER2[pair] = (TRIGGER2[pair] as number) | 2;

/**
 * The next honorific or spelling variant in the folded-so-far text g at or after `from`: at a
 * word start (not after a letter or number), either an honorific
 * (`mr`, `mrs`, ... with an optional `.`, then a space and a letter; the letter is not part of the
 * match) or the longest variant key. Returns `{ a, b, honorific }` (the match is g[a, b)), or
 * null when there is none before `to`.
 */
function nextVariant(
  g: string,
  from: number,
  to: number,
): { a: number; b: number; honorific: boolean } | null {
  for (let i = from; i < to; i++) {
    const c = g.charCodeAt(i);
    if (c >= 128 || TRIGGER[c] === 0) continue;
    const c2 = g.charCodeAt(i + 1); // NaN at the end: no key fits
    if (!(c2 < 128)) continue;
    const pair = c * 128 + c2;
    const kinds = TRIGGER2[pair] as number;
    if (kinds === 0) continue;
    if (i > 0 && isLetterOrNumberAt(g, i - 1, true)) continue;
    if ((kinds & 1) !== 0) {
      for (const h of HONORIFICS) {
        if (!g.startsWith(h, i)) continue;
        let j = i + h.length;
        if (g.charCodeAt(j) === 0x2e) j++;
        if (g.charCodeAt(j) === 0x20 && j + 1 < g.length && isLetterAt(g, j + 1)) {
          return { a: i, b: j + 1, honorific: true };
        }
        // "mr" failed: "mrs" may still match.
      }
    }
    if ((kinds & 2) !== 0) {
      const c3 = g.charCodeAt(i + 2);
      for (const key of VARIANTS_BY_PAIR.get(pair) as string[]) {
        if ((key.length < 3 || key.charCodeAt(2) === c3) && g.startsWith(key, i)) {
          return { a: i, b: i + key.length, honorific: false };
        }
      }
    }
  }
  return null;
}

/**
 * Zeroed Int32Arrays; short ones (the maps of a quote folded with its context, three per
 * selector with "Mr " or a variant near it) are views into shared 64 KB buffers, which avoids a
 * backing store per array (costlier than the fold itself). Never reused: a view keeps its whole
 * buffer alive, at most 64 KB per a few dozen folds still referenced.
 */
const SMALL_POOL_BYTES = 1 << 16;
const SMALL_ARRAY = 1024;
let smallPool: ArrayBuffer | null = null;
let smallPoolUsed = SMALL_POOL_BYTES;

function int32Array(length: number): Int32Array {
  if (length > SMALL_ARRAY) return new Int32Array(length);
  const bytes = length * 4;
  if (smallPoolUsed + bytes > SMALL_POOL_BYTES) {
    smallPool = new ArrayBuffer(SMALL_POOL_BYTES);
    smallPoolUsed = 0;
  }
  const a = new Int32Array(smallPool as ArrayBuffer, smallPoolUsed, length);
  smallPoolUsed += bytes;
  return a;
}

/** Lower case per character for [from, to), keeping characters whose lower case grows. */
function lowerPerChar(t: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const ch = t[i] as string;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return out;
}

/**
 * The variant/honorific pass of fold() over g (t lower-cased, fold chars applied), resumable:
 * `scan(until)` handles matches starting before `until`, `finish()` returns the Folded. Maps are
 * allocated only when a replacement applies (most texts: identity).
 */
class FoldBuilder {
  private readonly pieces: string[] = [];
  private renderedStarts: Int32Array | null = null;
  private renderedEnds: Int32Array | null = null;
  private foldedOffsets: Int32Array | null = null;
  /** Rendered offset copied up to. */
  private last = 0;
  /** Folded length so far. */
  private flen = 0;
  /** Scanned up to (matches start at or after it). */
  pos = 0;

  constructor(
    private readonly t: string,
    private readonly g: string,
  ) {}

  private copyIdentity(from: number, to: number): void {
    if (to <= from) return;
    this.pieces.push(this.g.slice(from, to));
    const fs = this.renderedStarts;
    const fe = this.renderedEnds;
    const tf = this.foldedOffsets;
    if (fs && fe && tf) {
      const d = this.flen - from;
      for (let i = from; i < to; i++) {
        fs[i + d] = i;
        fe[i + d] = i + 1;
        tf[i] = i + d;
      }
    }
    this.flen += to - from;
  }

  scan(until: number): void {
    const { t, g } = this;
    const n = t.length;
    const limit = Math.min(n, until);
    while (this.pos < limit) {
      const m = nextVariant(g, this.pos, limit);
      if (m === null) {
        this.pos = limit;
        break;
      }
      const { a, b } = m;
      this.pos = b;
      let repl: string | null = null;
      if (m.honorific) {
        // Honorific: only before a capitalised word, with the honorific itself capitalised.
        if (isUpper(t[a]) && isUpper(t[b])) repl = '';
      } else {
        repl = VARIANT_MAP.get(g.slice(a, b)) ?? null;
      }
      if (repl === null) continue;
      if (!this.renderedStarts) {
        this.renderedStarts = int32Array(n + 1);
        this.renderedEnds = int32Array(n + 1);
        this.foldedOffsets = int32Array(n + 1);
        // Identity maps for what was already copied.
        const fs = this.renderedStarts;
        const fe = this.renderedEnds;
        const tf = this.foldedOffsets;
        for (let i = 0; i < this.last; i++) {
          fs[i] = i;
          fe[i] = i + 1;
          tf[i] = i;
        }
      }
      this.copyIdentity(this.last, a);
      const fs = this.renderedStarts as Int32Array;
      const fe = this.renderedEnds as Int32Array;
      const tf = this.foldedOffsets as Int32Array;
      const flen = this.flen;
      // Align common prefix, then common suffix, of the replaced text and the replacement.
      const src = g.slice(a, b);
      let common = 0;
      while (common < repl.length && common < src.length && repl[common] === src[common]) common++;
      let commonEnd = 0;
      while (
        commonEnd < repl.length - common &&
        commonEnd < src.length - common &&
        repl[repl.length - 1 - commonEnd] === src[src.length - 1 - commonEnd]
      )
        commonEnd++;
      for (let j = 0; j < repl.length; j++) {
        const f = flen + j;
        if (j < common) {
          fs[f] = a + j;
          fe[f] = a + j + 1;
        } else if (j >= repl.length - commonEnd) {
          const ti = b - (repl.length - j);
          fs[f] = ti;
          fe[f] = ti + 1;
        } else {
          fs[f] = a + common;
          fe[f] = b - commonEnd;
        }
      }
      if (repl.length > 0)
        fe[flen + repl.length - 1] = Math.max(fe[flen + repl.length - 1] ?? 0, b);
      for (let i = a; i < b; i++) {
        const k = i - a;
        if (k < common) tf[i] = flen + k;
        else if (i >= b - commonEnd) tf[i] = flen + repl.length - (b - i);
        else tf[i] = flen + Math.min(common, repl.length);
      }
      this.pieces.push(repl);
      this.flen += repl.length;
      this.last = b;
    }
  }

  finish(): Folded {
    const n = this.t.length;
    if (!this.renderedStarts)
      return { text: this.g, renderedStarts: null, renderedEnds: null, foldedOffsets: null };
    this.copyIdentity(this.last, n);
    const fs = this.renderedStarts as Int32Array;
    const fe = this.renderedEnds as Int32Array;
    const tf = this.foldedOffsets as Int32Array;
    const flen = this.flen;
    fs[flen] = n;
    fe[flen] = n;
    tf[n] = flen;
    return {
      text: this.pieces.join(''),
      renderedStarts: fs.subarray(0, flen + 1),
      renderedEnds: fe.subarray(0, flen + 1),
      foldedOffsets: tf,
    };
  }
}

/** Fold rendered text (the page's, or a quote's with its context). */
export function fold(t: string): Folded {
  if (t.length > FOLD_CHUNK) return runToEnd(foldSteps(t));
  // Short text (a quote with its context): no generators, no chunks.
  let g = t.toLowerCase();
  if (g.length !== t.length) g = lowerPerChar(t, 0, t.length);
  g = g.replace(FOLD_CHARS_RE, foldChar);
  const b = new FoldBuilder(t, g);
  b.scan(t.length);
  return b.finish();
}

/**
 * fold() as a generator that yields when `shouldYield()` returns true, checked every 64K
 * characters of each pass (so a 2 MB page folds in several slices). Same result as fold().
 */
export function* foldSteps(
  t: string,
  shouldYield: ShouldYield = neverYield,
): Generator<void, Folded, void> {
  const n = t.length;
  // Lower case in chunks cut just after a space (lower-casing is context sensitive only within
  // a word: Greek final sigma), so the chunks' results equal the whole string's.
  const parts: string[] = [];
  let same = true;
  for (let from = 0; from < n; ) {
    const sp = t.indexOf(' ', from + FOLD_CHUNK);
    const end = sp < 0 ? n : sp + 1;
    const chunk = t.slice(from, end);
    const l = chunk.toLowerCase();
    if (l.length !== chunk.length) same = false;
    parts.push(l);
    from = end;
    if (shouldYield()) yield;
  }
  if (!same) {
    // Rare (e.g. U+0130 somewhere): the whole text per character, as fold() does.
    parts.length = 0;
    for (let from = 0; from < n; from += FOLD_CHUNK) {
      parts.push(lowerPerChar(t, from, Math.min(n, from + FOLD_CHUNK)));
      if (shouldYield()) yield;
    }
  }
  let g = parts.join('');
  if (g.length > FOLD_CHUNK) {
    parts.length = 0;
    for (let from = 0; from < g.length; from += FOLD_CHUNK) {
      parts.push(g.slice(from, from + FOLD_CHUNK).replace(FOLD_CHARS_RE, foldChar));
      if (shouldYield()) yield;
    }
    g = parts.join('');
  } else g = g.replace(FOLD_CHARS_RE, foldChar);
  const b = new FoldBuilder(t, g);
  while (b.pos < n) {
    b.scan(b.pos + FOLD_CHUNK);
    if (b.pos < n && shouldYield()) yield;
  }
  return b.finish();
}

/** Folded offset -> rendered start offset. */
export function foldedToRenderedStart(f: Folded, i: number): number {
  return f.renderedStarts ? (f.renderedStarts[i] as number) : i;
}
/** Folded offset of a char -> rendered offset just after its source. */
export function foldedToRenderedEnd(f: Folded, i: number): number {
  return f.renderedEnds ? (f.renderedEnds[i] as number) : i + 1;
}
/** Rendered offset -> folded offset. */
export function renderedToFolded(f: Folded, i: number): number {
  return f.foldedOffsets ? (f.foldedOffsets[i] as number) : i;
}
