/**
 * Bit-parallel approximate string matching (G. Myers, "A fast bit-vector algorithm for
 * approximate string matching based on dynamic programming", JACM 1999), block-based so patterns
 * of any length work: the pattern's DP column is kept as vertical delta bit-vectors (Pv/Mv) in
 * 32-bit words, one text character advances every word, and the horizontal delta carries from one
 * word to the next. O(n * ceil(m / 32)) per search.
 *
 * Forward pass (top row free: the match may start anywhere) finds end positions with at most k
 * edits; a second pass over the reversed pattern and reversed text, with the top row anchored
 * (D[0][j] = j), finds the start that realises the minimum for each chosen end.
 */

export interface ApproxMatch {
  /** Start offset (inclusive) in the searched text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** Levenshtein distance between the pattern and text[start, end). */
  errors: number;
}

export interface CompiledPattern {
  readonly text: string;
  readonly m: number;
  readonly blocks: number;
  /** char code -> one bit-mask word per block (bit i set where pattern[i] === char). */
  readonly peq: Map<number, Int32Array>;
  /** Bit of the last pattern row inside the last block. */
  readonly lastBit: number;
  /** The same masks for char codes < 128, flat: ascii[c * blocks + b] (no Map lookup). */
  readonly ascii: Int32Array;
}

export function compilePattern(p: string): CompiledPattern {
  const m = p.length;
  const blocks = Math.max(1, Math.ceil(m / 32));
  const peq = new Map<number, Int32Array>();
  const ascii = new Int32Array(128 * blocks);
  for (let i = 0; i < m; i++) {
    const c = p.charCodeAt(i);
    let v = peq.get(c);
    if (v === undefined) {
      v = new Int32Array(blocks);
      peq.set(c, v);
    }
    const b = i >>> 5;
    v[b] = (v[b] as number) | (1 << (i & 31));
    if (c < 128) ascii[c * blocks + b] = (ascii[c * blocks + b] as number) | (1 << (i & 31));
  }
  return { text: p, m, blocks, peq, lastBit: 1 << ((m - 1) & 31), ascii };
}

const HIGH = 1 << 31;

/**
 * Advance all blocks by one text character. `hin0` is the horizontal delta entering the top row:
 * 0 for search (free start), +1 for an anchored start. Returns the delta of the last row.
 */
function advance(
  pat: CompiledPattern,
  P: Int32Array,
  M: Int32Array,
  eqs: Int32Array | undefined,
  hin0: number,
): number {
  let hin = hin0;
  const last = pat.blocks - 1;
  for (let b = 0; b <= last; b++) {
    let eq = eqs === undefined ? 0 : (eqs[b] as number);
    let pv = P[b] as number;
    const mv = M[b] as number;
    const xv = eq | mv;
    if (hin < 0) eq |= 1;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const hb = b === last ? pat.lastBit : HIGH;
    let hout = 0;
    if ((ph & hb) !== 0) hout = 1;
    else if ((mh & hb) !== 0) hout = -1;
    ph <<= 1;
    mh <<= 1;
    if (hin < 0) mh |= 1;
    else if (hin > 0) ph |= 1;
    pv = mh | ~(xv | ph);
    P[b] = pv;
    M[b] = ph & xv;
    hin = hout;
  }
  return hin;
}

/** Levenshtein distance of pattern to text[from, to) read backwards, per consumed length. */
function anchoredReverse(pat: CompiledPattern, text: string, from: number, to: number): Int32Array {
  const P = new Int32Array(pat.blocks).fill(-1);
  const M = new Int32Array(pat.blocks);
  const scores = new Int32Array(to - from + 1);
  let score = pat.m;
  scores[0] = score;
  for (let j = to - 1, n = 1; j >= from; j--, n++) {
    score += advance(pat, P, M, pat.peq.get(text.charCodeAt(j)), 1);
    scores[n] = score;
  }
  return scores;
}

/**
 * Forward pass (free start): every end position j + 1 in [lo, hi) where the pattern matches with
 * at most k edits, and that edit count. Inlined `advance` with flat ASCII masks: this loop is the
 * fuzzy tier's hot spot.
 */
function forwardScan(
  pat: CompiledPattern,
  text: string,
  lo: number,
  hi: number,
  k: number,
  endPos: number[],
  endScore: number[],
): void {
  const m = pat.m;
  const blocks = pat.blocks;
  const ascii = pat.ascii;
  const peq = pat.peq;
  const lastBit = pat.lastBit;
  let score = m;
  if (blocks === 1) {
    let pv = -1;
    let mv = 0;
    for (let j = lo; j < hi; j++) {
      const c = text.charCodeAt(j);
      const eq = c < 128 ? (ascii[c] as number) : (peq.get(c)?.[0] ?? 0);
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if ((ph & lastBit) !== 0) score++;
      else if ((mh & lastBit) !== 0) score--;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score <= k) {
        endPos.push(j + 1);
        endScore.push(score);
      }
    }
    return;
  }
  const P = new Int32Array(blocks).fill(-1);
  const M = new Int32Array(blocks);
  const last = blocks - 1;
  for (let j = lo; j < hi; j++) {
    const c = text.charCodeAt(j);
    let row: Int32Array | undefined;
    let base = 0;
    if (c < 128) {
      row = ascii;
      base = c * blocks;
    } else row = peq.get(c);
    let hin = 0;
    for (let b = 0; b <= last; b++) {
      let eq = row === undefined ? 0 : (row[base + b] as number);
      let pv = P[b] as number;
      const mv = M[b] as number;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const hb = b === last ? lastBit : HIGH;
      let hout = 0;
      if ((ph & hb) !== 0) hout = 1;
      else if ((mh & hb) !== 0) hout = -1;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv = mh | ~(xv | ph);
      P[b] = pv;
      M[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    if (score <= k) {
      endPos.push(j + 1);
      endScore.push(score);
    }
  }
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

export interface SearchOptions {
  /** Maximum edits accepted. */
  maxErrors: number;
  /** Maximum number of (non-overlapping) matches returned, best first. Default 5. */
  maxResults?: number;
}

/**
 * Approximate occurrences of `pattern` in text[from, to) with at most `maxErrors` edits, best
 * (fewest errors, then leftmost) first; matches overlapping a better one by more than half the
 * pattern length are dropped.
 */
export function approxSearch(
  text: string,
  pattern: string | CompiledPattern,
  from: number,
  to: number,
  opts: SearchOptions,
): ApproxMatch[] {
  const pat = typeof pattern === 'string' ? compilePattern(pattern) : pattern;
  const m = pat.m;
  if (m === 0) return [];
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const k = Math.max(0, Math.min(opts.maxErrors, m));
  const maxResults = opts.maxResults ?? 5;
  const endPos: number[] = [];
  const endScore: number[] = [];
  forwardScan(pat, text, lo, hi, k, endPos, endScore);
  if (endPos.length === 0) return [];
  const order = endPos.map((_, i) => i);
  order.sort(
    (a, b) =>
      (endScore[a] as number) - (endScore[b] as number) ||
      (endPos[a] as number) - (endPos[b] as number),
  );
  const rev = compilePattern(reverse(pat.text));
  const chosen: ApproxMatch[] = [];
  for (const i of order) {
    if (chosen.length >= maxResults) break;
    const end = endPos[i] as number;
    // A match ending here is at least max(1, m - k) long (edit distance >= length difference):
    // if even its latest possible start overlaps a chosen match by more than m / 2, it would be
    // dropped below, so skip its reverse pass (the neighbours of a match, end +- 1, 2, ...).
    const latestStart = end - Math.max(1, m - k);
    let doomed = false;
    for (const c of chosen) {
      if (Math.min(c.end, end) - Math.max(c.start, latestStart) > m / 2) {
        doomed = true;
        break;
      }
    }
    if (doomed) continue;
    const startMin = Math.max(lo, end - m - k);
    const scores = anchoredReverse(rev, text, startMin, end);
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let len = 0; len < scores.length; len++) {
      const s = scores[len] as number;
      if (s < bestScore || (s === bestScore && Math.abs(len - m) < Math.abs(best - m))) {
        best = len;
        bestScore = s;
      }
    }
    if (bestScore > k || best <= 0) continue;
    const cand: ApproxMatch = { start: end - best, end, errors: bestScore };
    let overlaps = false;
    for (const c of chosen) {
      const ov = Math.min(c.end, cand.end) - Math.max(c.start, cand.start);
      if (ov > m / 2) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) chosen.push(cand);
  }
  chosen.sort((a, b) => a.errors - b.errors || a.start - b.start);
  return chosen;
}

/** Plain Levenshtein distance (via the anchored bit-parallel pass). */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const pat = compilePattern(reverse(a));
  const scores = anchoredReverse(pat, b, 0, b.length);
  return scores[b.length] as number;
}
