/**
 * Exact search for many patterns in one pass over the text (per distinct key length).
 *
 * Each pattern is keyed by its first K = min(8, length) UTF-16 units. For every key length in use
 * we slide a polynomial rolling hash over the text once; a 2^20-bit filter rejects almost every
 * position with one array read, and only filter hits look up the hash table and verify candidates
 * with `startsWith`. Cost: O(text * distinct key lengths + occurrences), independent of the number
 * of patterns. Key lengths with at most a few patterns use native `indexOf` instead.
 */
import type { ShouldYield } from './text-index';

const KEY = 8;
const B = 0x01000193;
const FILTER_BITS = 20;
const FEW = 3;

function mix(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

function hashOf(s: string, from: number, k: number): number {
  let h = 0;
  for (let j = 0; j < k; j++) h = (Math.imul(h, B) + s.charCodeAt(from + j)) | 0;
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
  const byKey = new Map<number, string[]>();
  for (const p of distinct.keys()) {
    const k = Math.min(KEY, p.length);
    const g = byKey.get(k);
    if (g) g.push(p);
    else byKey.set(k, [p]);
  }
  const n = text.length;
  const record = (p: string, at: number[]): void => {
    for (const slot of distinct.get(p) as number[]) out[slot] = at;
  };
  for (const [k, group] of byKey) {
    if (group.length <= FEW) {
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
    const filter = new Int32Array(1 << (FILTER_BITS - 5));
    for (const p of group) {
      const h = hashOf(p, 0, k);
      const list = table.get(h);
      if (list) list.push(p);
      else table.set(h, [p]);
      const f = mix(h);
      filter[f >>> 5] = (filter[f >>> 5] as number) | (1 << (f & 31));
    }
    const found = new Map<string, number[]>();
    if (n >= k) {
      let bk = 1; // B^(k-1)
      for (let j = 1; j < k; j++) bk = Math.imul(bk, B);
      let h = hashOf(text, 0, k);
      const last = n - k;
      for (let i = 0; ; i++) {
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
        if ((i & 0xffff) === 0xffff && shouldYield()) yield;
      }
    }
    for (const p of group) record(p, found.get(p) ?? []);
  }
  return out;
}
