/**
 * Exact search for many patterns in one pass over the text.
 *
 * Patterns are keyed by their first K UTF-16 units, K = the longest length <= 8 such that at
 * most 4 distinct patterns are shorter than K (those are searched alone with native `indexOf`).
 * One polynomial rolling hash slides over the text once; a 2^20-bit filter rejects almost every
 * position with one array read, and only filter hits look up the hash table and verify candidates
 * with `startsWith`. Cost: O(text + occurrences) plus one `indexOf` scan per short pattern,
 * independent of the number of patterns. With at most a few long patterns, `indexOf` is used too.
 */
import type { ShouldYield } from './slices';

const KEY = 8;
const B = 0x01000193;
const FILTER_BITS = 20;
const FEW = 3;
/** At most this many distinct patterns shorter than the common key length (searched alone). */
const FEW_SHORT = 4;

function mix(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

function hashOf(s: string, from: number, k: number): number {
  let h = 0;
  for (let j = 0; j < k; j++) h = (Math.imul(h, B) + s.charCodeAt(from + j)) | 0;
  return h;
}

/**
 * Filters not in use (all zero). A findAll generator suspended at a yield holds its filter; a
 * second search meanwhile (another anchorSteps) takes another one.
 */
const freeFilters: Int32Array[] = [];

function takeFilter(): Int32Array {
  return freeFilters.pop() ?? new Int32Array(1 << (FILTER_BITS - 5));
}

function releaseFilter(f: Int32Array): void {
  if (freeFilters.length < 2) freeFilters.push(f);
}

/**
 * The rolling-hash pass over positions [from, end) of `text` (h: the hash of the k units at
 * `from`); records verified occurrences in `found`. Returns the hash at `end` (at `last`, the
 * final position, it is not rolled further).
 */
function hashStretch(
  text: string,
  k: number,
  bk: number,
  filter: Int32Array,
  table: Map<number, string[]>,
  found: Map<string, number[]>,
  maxPerPattern: number,
  from: number,
  end: number,
  last: number,
  hash: number,
): number {
  let h = hash;
  for (let i = from; i < end; i++) {
    const f = mix(h);
    if (((filter[f >>> 5] as number) & (1 << (f & 31))) !== 0) {
      const list = table.get(h);
      if (list !== undefined) {
        for (const p of list) {
          if (text.startsWith(p, i)) {
            let at = found.get(p);
            if (at === undefined) {
              at = [];
              found.set(p, at);
            }
            if (at.length < maxPerPattern) at.push(i);
          }
        }
      }
    }
    if (i === last) break;
    h = (Math.imul(h - Math.imul(text.charCodeAt(i), bk), B) + text.charCodeAt(i + k)) | 0;
  }
  return h;
}

/**
 * All start offsets of each pattern in `text` (overlapping occurrences included), at most
 * `maxPerPattern` each, in increasing order. Empty patterns get no occurrences.
 */
export function* findAll(
  text: string,
  patterns: readonly string[],
  maxPerPattern: number,
  shouldYield: ShouldYield,
): Generator<void, number[][], void> {
  const out: number[][] = patterns.map(() => []);
  // Distinct patterns -> the output slots that want them.
  const distinct = new Map<string, number[]>();
  patterns.forEach((p, i) => {
    if (p.length === 0) return;
    const slots = distinct.get(p);
    if (slots) slots.push(i);
    else distinct.set(p, [i]);
  });
  // One key length K for (almost) everything: the longest K <= 8 such that at most FEW_SHORT
  // distinct patterns are shorter than K; those few are searched alone with indexOf. One hash
  // pass instead of one per distinct length (a 2 MB page: 1 pass, not 3-6).
  const lengths = [...distinct.keys()].map((p) => p.length).sort((a, b) => a - b);
  let K = Math.min(KEY, lengths.length > 0 ? (lengths[lengths.length - 1] as number) : KEY);
  while (K > 1) {
    let shorter = 0;
    for (const l of lengths) if (l < K) shorter++;
    if (shorter <= FEW_SHORT) break;
    K--;
  }
  const byKey = new Map<number, string[]>();
  for (const p of distinct.keys()) {
    const k = p.length < K ? -p.length : K;
    const g = byKey.get(k);
    if (g) g.push(p);
    else byKey.set(k, [p]);
  }
  const n = text.length;
  const record = (p: string, at: number[]): void => {
    for (const slot of distinct.get(p) as number[]) out[slot] = at;
  };
  for (const [key, group] of byKey) {
    const k = Math.abs(key);
    if (key < 0 || group.length <= FEW) {
      for (const p of group) {
        const at: number[] = [];
        let i = text.indexOf(p);
        while (i !== -1 && at.length < maxPerPattern) {
          at.push(i);
          i = text.indexOf(p, i + 1);
        }
        record(p, at);
      }
      if (shouldYield()) yield;
      continue;
    }
    const table = new Map<number, string[]>();
    // The filter is shared by every call (allocating and zeroing 128 KB per call cost more than
    // the hash pass over an article); the words set here are cleared before returning.
    const filter = takeFilter();
    const words: number[] = [];
    for (const p of group) {
      const h = hashOf(p, 0, k);
      const list = table.get(h);
      if (list) list.push(p);
      else table.set(h, [p]);
      const f = mix(h);
      filter[f >>> 5] = (filter[f >>> 5] as number) | (1 << (f & 31));
      words.push(f >>> 5);
    }
    const found = new Map<string, number[]>();
    try {
      if (n >= k) {
        let bk = 1; // B^(k-1)
        for (let j = 1; j < k; j++) bk = Math.imul(bk, B);
        let h = hashOf(text, 0, k);
        const last = n - k;
        // In stretches of 64K positions, with a yield check between them. The loop is a plain
        // function, not part of this generator: V8 can optimise a hot loop while it runs (OSR)
        // only outside generators, and an article's one pass is over before the generator is.
        for (let i = 0; ; ) {
          const end = Math.min(last + 1, (i | 0xffff) + 1);
          h = hashStretch(text, k, bk, filter, table, found, maxPerPattern, i, end, last, h);
          if (end > last) break;
          i = end;
          if (shouldYield()) yield;
        }
      }
    } finally {
      for (const w of words) filter[w] = 0;
      releaseFilter(filter);
    }
    for (const p of group) record(p, found.get(p) ?? []);
  }
  return out;
}
