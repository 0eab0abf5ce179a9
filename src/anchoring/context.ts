/**
 * Context agreement by bit-parallel edit distance (Myers 1999, one 32-bit word, top row anchored
 * at the quote side): for an expected context of m <= 32 folded characters, the minimum over j of
 * the Levenshtein distance between the expected context and the first j page characters read
 * away from the quote. Same value as the textbook DP (`contextSimilarity` in anchor.ts keeps it as
 * the reference for longer contexts), at ~15 word operations per page character instead of m
 * cells, with no allocation: the page is read in place, in the folded text.
 */

/** A context (prefix or suffix), compiled once per selector, reused for every candidate. */
export interface ContextPattern {
  /** Length (<= 32). */
  readonly m: number;
  /** Bit of the last row. */
  readonly lastBit: number;
  /** char code < 128 -> row bits; rows are numbered from the quote side outwards. */
  readonly ascii: Int32Array;
  /** Other char codes -> row bits (null when the context is all ASCII). */
  readonly other: Map<number, number> | null;
  /** 'before': the context ends at the quote (read backwards); 'after': it starts there. */
  readonly before: boolean;
}

/** Contexts longer than this are compared with the plain DP. */
export const MAX_CONTEXT_PATTERN = 32;

export function compileContext(expected: string, side: 'before' | 'after'): ContextPattern {
  const m = expected.length;
  if (m > MAX_CONTEXT_PATTERN) throw new RangeError('context longer than 32 characters');
  const ascii = new Int32Array(128);
  let other: Map<number, number> | null = null;
  const before = side === 'before';
  for (let i = 0; i < m; i++) {
    const c = expected.charCodeAt(before ? m - 1 - i : i);
    const bit = 1 << i;
    if (c < 128) ascii[c] = (ascii[c] as number) | bit;
    else {
      if (other === null) other = new Map();
      other.set(c, (other.get(c) ?? 0) | bit);
    }
  }
  return { m, lastBit: m > 0 ? 1 << (m - 1) : 0, ascii, other, before };
}

/**
 * Minimum edit distance of the compiled context to text read away from `at` (backwards from
 * `at - 1` for 'before', forwards from `at` for 'after'), over at most `n` characters: the
 * DP of `contextSimilarity` with the page side = those n characters. Returns m when n is 0.
 */
export function contextDistance(cp: ContextPattern, text: string, at: number, n: number): number {
  const m = cp.m;
  if (m === 0) return 0;
  const ascii = cp.ascii;
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
