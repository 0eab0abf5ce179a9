/**
 * Reference for the context distance (src/anchoring/context.ts): the textbook dynamic programme.
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
