/**
 * Normalisation to the "rendered" text: the TextIndex's `.text`, in whose offsets every
 * AnchorResult is given. Unicode NFKC; every whitespace run (incl. NBSP and the other Unicode
 * spaces) -> one U+0020; soft hyphen, zero-width and bidi-mark characters removed; block
 * boundaries and <br> -> one space. Case, quotes and dashes are kept, so a match in this text is
 * an 'exact' match. (Searching uses the folded form of this text: fold.ts.)
 */

/** Sentinel for `pendingNode`: nothing pending. */
const NONE = -2;
/** Sentinel for `pendingNode`: a virtual (block-boundary) space is pending. */
const VIRTUAL = -1;

/** Characters that are removed entirely (invisible, no width). */
export function isRemovedChar(c: number): boolean {
  return (
    c === 0xad || // soft hyphen
    (c >= 0x200b && c <= 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    (c >= 0x2060 && c <= 0x2064) || // word joiner, invisible operators
    c === 0xfeff || // BOM / ZWNBSP
    c === 0x034f // combining grapheme joiner
  );
}

/**
 * Whitespace: HTML's ASCII whitespace, NEL, and the Unicode space and line separators. U+000B is
 * not HTML whitespace (a control character, not rendered) and U+FEFF is a zero-width character
 * (removed): neither becomes a space.
 */
export function isSpaceChar(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
  return (
    c === 0xa0 ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Does this UTF-16 unit render as a space or as nothing (see Normaliser.feed)? Whitespace, the
 * removed invisible characters, and the C0 / C1 controls, which are not rendered. It is the one
 * notion of "blank" the engine has: U+0085 (NEL) is a space here although JS regex `\s` leaves it
 * out, and U+000B and U+FEFF, in `\s`, render as nothing; either way nothing visible stands
 * between a line break and the quote, which is what prepare() asks.
 */
export function rendersBlank(c: number): boolean {
  return c <= 0x20 || (c >= 0x80 && c < 0xa0) || isSpaceChar(c) || isRemovedChar(c);
}

function isCombiningMark(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f) ||
    c === 0x3099 ||
    c === 0x309a
  );
}

/** Cache of per-code-point NFKC results; `null` = unchanged. Shared: NFKC is a pure function. */
const nfkcCache = new Map<number, string | null>();

function nfkcOf(cp: number): string | null {
  let r = nfkcCache.get(cp);
  if (r === undefined) {
    const s = String.fromCodePoint(cp);
    const n = s.normalize('NFKC');
    r = n === s ? null : n;
    nfkcCache.set(cp, r);
  }
  return r;
}

/**
 * Streaming normaliser: feed it text chunks (one per text node) and block breaks; it produces the
 * rendered text plus, per output UTF-16 unit, the chunk it came from (`nodeOf`), the offset in that
 * chunk (`srcOff`) and the number of source units it covers (`srcLen`, 0 for virtual spaces).
 *
 * Whitespace is emitted lazily (only when a following visible character arrives), so the output
 * never starts or ends with a space and never contains two spaces in a row.
 */
export class Normaliser {
  codes: Uint16Array;
  nodeOf: Int32Array;
  srcOff: Int32Array;
  srcLen: Uint8Array;
  length = 0;
  /** Node of the pending space (>= 0), VIRTUAL for a block break, NONE for nothing pending. */
  pendingNode = NONE;
  pendingOff = 0;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.codes = new Uint16Array(cap);
    this.nodeOf = new Int32Array(cap);
    this.srcOff = new Int32Array(cap);
    this.srcLen = new Uint8Array(cap);
  }

  /** Forget the output (keep the buffers): a scratch normaliser for many short strings. */
  reset(): void {
    this.length = 0;
    this.pendingNode = NONE;
    this.pendingOff = 0;
  }

  /** Make room for at least `min` output units. */
  reserve(min: number): void {
    if (min > this.codes.length) this.grow(min);
  }

  private grow(min: number): void {
    let cap = this.codes.length * 2;
    while (cap < min) cap *= 2;
    const codes = new Uint16Array(cap);
    codes.set(this.codes.subarray(0, this.length));
    const nodeOf = new Int32Array(cap);
    nodeOf.set(this.nodeOf.subarray(0, this.length));
    const srcOff = new Int32Array(cap);
    srcOff.set(this.srcOff.subarray(0, this.length));
    const srcLen = new Uint8Array(cap);
    srcLen.set(this.srcLen.subarray(0, this.length));
    this.codes = codes;
    this.nodeOf = nodeOf;
    this.srcOff = srcOff;
    this.srcLen = srcLen;
  }

  /** A block boundary or <br>: acts as whitespace that maps to no source character. */
  brk(): void {
    if (this.pendingNode === NONE) this.pendingNode = VIRTUAL;
  }

  /** Flush a pending space (if any and if output is non-empty) before emitting at (node, off). */
  private flush(node: number, off: number): void {
    if (this.length > 0) {
      const n = this.length++;
      this.codes[n] = 0x20;
      if (this.pendingNode === VIRTUAL) {
        this.nodeOf[n] = node;
        this.srcOff[n] = off;
        this.srcLen[n] = 0;
      } else {
        this.nodeOf[n] = this.pendingNode;
        this.srcOff[n] = this.pendingOff;
        this.srcLen[n] = 1;
      }
    }
    this.pendingNode = NONE;
  }

  private emitSlow(code: number, node: number, off: number, len: number): void {
    if (this.length + 2 > this.codes.length) this.grow(this.length + 2);
    if (this.pendingNode !== NONE) this.flush(node, off);
    const n = this.length++;
    this.codes[n] = code;
    this.nodeOf[n] = node;
    this.srcOff[n] = off;
    this.srcLen[n] = Math.min(len, 255);
  }

  private space(node: number, off: number): void {
    if (this.pendingNode === NONE || this.pendingNode === VIRTUAL) {
      this.pendingNode = node;
      this.pendingOff = off;
    }
  }

  /** Feed one chunk (the data of text node number `node`), from offset `from`. */
  feed(data: string, node: number, from = 0): void {
    const len = data.length;
    // Worst case without NFKC expansion: every unit plus one pending space.
    if (this.length + len + 2 > this.codes.length) this.grow(this.length + len + 2);
    let codes = this.codes;
    let nodeOf = this.nodeOf;
    let srcOff = this.srcOff;
    let srcLen = this.srcLen;
    for (let i = from; i < len; i++) {
      const c = data.charCodeAt(i);
      if (c < 0x80) {
        if (c <= 0x20) {
          if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c) {
            if (this.pendingNode < 0) {
              this.pendingNode = node;
              this.pendingOff = i;
            }
            continue;
          }
          if (c < 0x20) continue; // other C0 controls are not rendered
        }
        if (this.length + 2 > codes.length) {
          this.grow(this.length + (len - i) + 2);
          codes = this.codes;
          nodeOf = this.nodeOf;
          srcOff = this.srcOff;
          srcLen = this.srcLen;
        }
        if (this.pendingNode !== NONE) this.flush(node, i);
        const n = this.length++;
        codes[n] = c;
        nodeOf[n] = node;
        srcOff[n] = i;
        srcLen[n] = 1;
        continue;
      }
      this.feedSlow(data, c, i, node);
      // feedSlow consumed a whole surrogate pair: skip its low half.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = data.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      // feedSlow may have reallocated the buffers (NFKC expansion).
      codes = this.codes;
      nodeOf = this.nodeOf;
      srcOff = this.srcOff;
      srcLen = this.srcLen;
    }
  }

  private feedSlow(data: string, c: number, i: number, node: number): void {
    if (isRemovedChar(c)) return;
    if (isSpaceChar(c)) {
      this.space(node, i);
      return;
    }
    if (c < 0xa0) {
      // C1 controls: not rendered.
      return;
    }
    if (isCombiningMark(c) && this.length > 0 && this.pendingNode === NONE) {
      const last = this.length - 1;
      // Compose with the previous character when it is contiguous in the same node.
      if (
        this.nodeOf[last] === node &&
        (this.srcOff[last] as number) + (this.srcLen[last] as number) === i
      ) {
        const prev = this.codes[last] as number;
        const composed = String.fromCharCode(prev, c).normalize('NFKC');
        if (composed.length === 1) {
          this.codes[last] = composed.charCodeAt(0);
          this.srcLen[last] = Math.min(255, (this.srcLen[last] as number) + 1);
          return;
        }
      }
    }
    let cp = c;
    let unitLen = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < data.length) {
      const d = data.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        unitLen = 2;
      }
    }
    const norm = nfkcOf(cp);
    if (norm === null) {
      this.emitSlow(c, node, i, unitLen);
      if (unitLen === 2) {
        if (this.length + 1 > this.codes.length) this.grow(this.length + 1);
        const n = this.length++;
        this.codes[n] = data.charCodeAt(i + 1);
        this.nodeOf[n] = node;
        this.srcOff[n] = i;
        this.srcLen[n] = 2;
      }
      return;
    }
    for (let j = 0; j < norm.length; j++) {
      const o = norm.charCodeAt(j);
      if (isSpaceChar(o)) this.space(node, i);
      else if (!isRemovedChar(o)) this.emitSlow(o, node, i, unitLen);
    }
  }

  /** The normalised text produced so far. */
  text(): string {
    return codesToString(this.codes, 0, this.length);
  }
}

/** UTF-16 code units -> string, in chunks (avoids argument-count limits). */
export function codesToString(codes: Uint16Array, from: number, to: number): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = from; i < to; i += CHUNK) {
    parts.push(
      String.fromCharCode.apply(
        null,
        codes.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[],
      ),
    );
  }
  return parts.join('');
}

/** Normalise a standalone string (a quote, prefix or suffix) to rendered-text form. */
export function normaliseText(s: string): string {
  const n = new Normaliser(s.length + 4);
  n.feed(s, 0);
  return n.text();
}
