/**
 * Text fingerprints for recognising an article in a page, whatever its markup, house style or
 * cuts. A paragraph's fingerprint is the set of hashes of its word 4-grams ("shingles") after
 * folding what differs between copies of a wire story (case, punctuation, quotes, honorifics,
 * UK/US spellings). Pure: strings in, numbers out.
 */

import { HONORIFICS, SPELLING_VARIANTS } from '../language/english';

export const SHINGLE_WORDS = 4;

/**
 * What copies of a wire story add, drop or spell differently, folded before hashing: the
 * anchoring engine's own honorifics and spelling variants (one list for both), applied word by
 * word. Variants of two words ("soya bean") are joined first.
 */
const DROPPED_WORDS = new Set(HONORIFICS);
const TWO_WORD_VARIANTS = SPELLING_VARIANTS.filter(([from]) => from.includes(' ')).map(
  ([from, to]) =>
    [new RegExp(`\\b${from.replace(' ', '\\s+')}`, 'g'), to, from.split(' ')[0] as string] as const,
);
/** Word-start variants by their first two letters, in the list's order (longer keys first). */
const WORD_VARIANTS = new Map<string, Array<readonly [string, string]>>();
for (const variant of SPELLING_VARIANTS) {
  if (variant[0].includes(' ')) continue;
  const key = variant[0].slice(0, 2);
  WORD_VARIANTS.set(key, [...(WORD_VARIANTS.get(key) ?? []), variant]);
}

function foldWord(w: string): string {
  for (const [from, to] of WORD_VARIANTS.get(w.slice(0, 2)) ?? []) {
    if (w.startsWith(from)) return to + w.slice(from.length);
  }
  return w;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Is this UTF-16 unit (or code point, above 0xffff) a letter or number? Cached per unit. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wordUnit = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not
for (let c = 0; c < 128; c++) wordUnit[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) ? 1 : 2;
function isWordUnit(c: number): boolean {
  let k = wordUnit[c] as number;
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    wordUnit[c] = k;
  }
  return k === 1;
}

/**
 * Lower-case word tokens with punctuation, honorifics and spelling variants folded away. A word
 * is a run of letters and numbers (Unicode classes, as /[\p{L}\p{N}]+/u): scanned by char code
 * rather than split by a regex, which was 80% of the cost on a 400 KB page.
 */
export function fingerprintWords(text: string): string[] {
  let lower = text.normalize('NFKC').toLowerCase();
  if (INVISIBLE.test(lower)) lower = lower.replace(INVISIBLE, '');
  INVISIBLE.lastIndex = 0;
  for (const [pattern, to, first] of TWO_WORD_VARIANTS)
    if (lower.includes(first)) lower = lower.replace(pattern, to);
  const out: string[] = [];
  const n = lower.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    let word = false;
    if (i < n) {
      const c = lower.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        // An astral code point: judged whole, as the regex's unicode mode does.
        const cp = lower.codePointAt(i) as number;
        if (cp > 0xffff) {
          const isWord = WORD_CHAR.test(String.fromCodePoint(cp));
          if (isWord) {
            if (start < 0) start = i;
            i++;
            continue;
          }
          if (start >= 0) pushWord(out, lower.slice(start, i));
          start = -1;
          i++;
          continue;
        }
      }
      word = isWordUnit(c);
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      pushWord(out, lower.slice(start, i));
      start = -1;
    }
  }
  return out;
}

function pushWord(out: string[], w: string) {
  if (!DROPPED_WORDS.has(w)) out.push(foldWord(w));
}

/** FNV-1a, 32 bit, of a string, continuing from `h` (the offset basis by default). */
export function fnv1a(text: string, h = 0x811c9dc5): number {
  for (let j = 0; j < text.length; j++) {
    h ^= text.charCodeAt(j);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A shingle's hash: FNV-1a over its words, a space after each; good enough for set membership. */
export function hashWords(words: readonly string[], from: number, count: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + count; i++) {
    h = fnv1a(words[i] as string, h);
    h = Math.imul(h ^ 0x20, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Shingles of a long text fed in pieces (text nodes, one at a time), so a huge page can be
 * fingerprinted in slices. Shingles run across piece boundaries, as in the whole text.
 */
export class ShingleStream {
  readonly hashes = new Set<number>();
  private tail: string[] = [];

  push(text: string): void {
    const words = fingerprintWords(text);
    if (words.length === 0) return;
    const all = this.tail.length ? [...this.tail, ...words] : words;
    for (let i = 0; i + SHINGLE_WORDS <= all.length; i++)
      this.hashes.add(hashWords(all, i, SHINGLE_WORDS));
    this.tail = all.slice(-(SHINGLE_WORDS - 1));
  }
}

/** Hashes of every word 4-gram of the text (a short text gives one hash of all its words). */
export function shingles(text: string): Set<number> {
  const words = fingerprintWords(text);
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < SHINGLE_WORDS) {
    out.add(hashWords(words, 0, words.length));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    out.add(hashWords(words, i, SHINGLE_WORDS));
  return out;
}

/** Fraction (0..1) of `paragraph`'s shingles that occur in `page`. */
export function containment(
  paragraph: ReadonlySet<number>,
  page: Pick<ReadonlySet<number>, 'has'>,
): number {
  if (paragraph.size === 0) return 0;
  let hits = 0;
  for (const h of paragraph) if (page.has(h)) hits++;
  return hits / paragraph.size;
}
