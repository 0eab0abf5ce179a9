/**
 * Context agreement by bit-parallel edit distance (Myers 1999, one 32-bit word, top row anchored
 * at the quote side): for an expected context of m <= 32 folded characters, the minimum over j of
 * the Levenshtein distance between the expected context and the first j page characters read
 * away from the quote. Same value as the textbook DP (the tests' reference,
 * tests/anchoring/context-reference.ts), at ~15 word operations per page character instead of m
 * cells, with no allocation: the page is read in place, in the folded text.
 */

/** A context (prefix or suffix), compiled once per selector, reused for every candidate. */
export interface ContextPattern {
  /** Length (<= 32). */
  readonly m: number;
  /** Bit of the last row. */
  readonly lastBit: number;
  /** The context itself (its chars < 128 get their row bits from a shared table, asciiTable). */
  readonly expected: string;
  /**
   * Char codes >= 128 -> row bits (null when the context is all ASCII); rows are numbered from
   * the quote side outwards.
   */
  readonly other: Map<number, number> | null;
  /** 'before': the context ends at the quote (read backwards); 'after': it starts there. */
  readonly before: boolean;
}

/** Contexts longer than this are compared with the plain DP. */
export const MAX_CONTEXT_PATTERN = 32;

export function compileContext(expected: string, side: 'before' | 'after'): ContextPattern {
  const m = expected.length;
  if (m > MAX_CONTEXT_PATTERN) throw new RangeError('context longer than 32 characters');
  let other: Map<number, number> | null = null;
  const before = side === 'before';
  for (let i = 0; i < m; i++) {
    const c = expected.charCodeAt(before ? m - 1 - i : i);
    if (c >= 128) {
      if (other === null) other = new Map();
      other.set(c, (other.get(c) ?? 0) | (1 << i));
    }
  }
  return { m, lastBit: m > 0 ? 1 << (m - 1) : 0, expected, other, before };
}

/**
 * The ASCII row bits of a pattern live in one of two shared tables (one per side), loaded on
 * use: a fresh 128-entry Int32Array per pattern (two per selector) cost more than the distances.
 * Candidates of one selector are scored one after the other, so a table is reloaded about once
 * per selector and side. `loaded[k]` is the pattern whose bits table k holds.
 */
const tables = [new Int32Array(128), new Int32Array(128)] as const;
const loaded: [ContextPattern | null, ContextPattern | null] = [null, null];

function asciiTable(cp: ContextPattern): Int32Array {
  const k = cp.before ? 0 : 1;
  const t = tables[k];
  if (loaded[k] === cp) return t;
  const old = loaded[k];
  if (old !== null) {
    const e = old.expected;
    for (let i = 0; i < e.length; i++) {
      const c = e.charCodeAt(i);
      if (c < 128) t[c] = 0;
    }
  }
  const e = cp.expected;
  const m = cp.m;
  for (let i = 0; i < m; i++) {
    const c = e.charCodeAt(cp.before ? m - 1 - i : i);
    if (c < 128) t[c] = (t[c] as number) | (1 << i);
  }
  loaded[k] = cp;
  return t;
}

/**
 * Minimum edit distance of the compiled context to text read away from `at` (backwards from
 * `at - 1` for 'before', forwards from `at` for 'after'), over at most `n` characters: the
 * DP of the tests' reference with the page side = those n characters. Returns m when n is 0.
 */
export function contextDistance(cp: ContextPattern, text: string, at: number, n: number): number {
  const m = cp.m;
  if (m === 0) return 0;
  const ascii = asciiTable(cp);
  const other = cp.other;
  const lastBit = cp.lastBit;
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  const step = cp.before ? -1 : 1;
  let j = cp.before ? at - 1 : at;
  for (let k = 0; k < n; k++, j += step) {
    const c = text.charCodeAt(j);
    const eq = c < 128 ? (ascii[c] as number) : other === null ? 0 : (other.get(c) ?? 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if ((ph & lastBit) !== 0) score++;
    else if ((mh & lastBit) !== 0) score--;
    // Top row anchored (D[0][j] = j): the horizontal delta entering row 1 is +1.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) {
      best = score;
      if (best === 0) return 0;
    }
  }
  return best;
}
