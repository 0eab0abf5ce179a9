/**
 * Text normalisation for anchoring.
 *
 * Two levels (see README.md):
 *  - "rendered" text (the TextIndex's `.text`, offsets of every AnchorResult): Unicode NFKC,
 *    every whitespace run (incl. NBSP and the other Unicode spaces) -> one U+0020, soft hyphen and
 *    zero-width / bidi-mark characters removed, block boundaries and <br> -> one space.
 *    Case, quotes and dashes are kept, so a match in this text is an 'exact' match.
 *  - "folded" text (used for searching and for context comparison): the rendered text
 *    lower-cased, curly/straight quotes and apostrophes unified, every dash unified to '-',
 *    honorifics before a capitalised name dropped ("Mr Trump" -> "trump") and a small table of
 *    British -> American spellings applied ("soya beans" -> "soybeans", "licence" -> "license").
 *    It keeps start/end maps back to rendered offsets so matches land on exact characters.
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

/** Whitespace (HTML ASCII whitespace plus the Unicode space separators and line separators). */
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

// ---------------------------------------------------------------------------------------------
// Folding: rendered text -> folded text, with maps.

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

/**
 * Spelling variants, mostly British -> American (applied at the start of a word, to both page and quote,
 * so the folding is symmetric: a false equivalence such as "organism" ~ "organizm" is harmless
 * because it never creates a match that did not exist in either spelling).
 */
export const SPELLING_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['soya bean', 'soybean'],
  ['soy bean', 'soybean'],
  ['soya', 'soy'],
  ['licenc', 'licens'],
  ['defenc', 'defens'],
  ['offenc', 'offens'],
  ['pretenc', 'pretens'],
  // Folding must never lengthen the text (the offset maps are sized to it): where the American
  // spelling is longer, both fold to the British one. The identity entries keep "centred" from
  // matching the shorter key "centre".
  ['centred', 'centred'],
  ['centered', 'centred'],
  ['centring', 'centring'],
  ['centering', 'centring'],
  ['centre', 'center'],
  ['metre', 'meter'],
  ['litre', 'liter'],
  ['theatre', 'theater'],
  ['fibre', 'fiber'],
  ['colour', 'color'],
  ['favour', 'favor'],
  ['honour', 'honor'],
  ['labour', 'labor'],
  ['neighbour', 'neighbor'],
  ['behaviour', 'behavior'],
  ['harbour', 'harbor'],
  ['rumour', 'rumor'],
  ['humour', 'humor'],
  ['flavour', 'flavor'],
  ['armour', 'armor'],
  ['endeavour', 'endeavor'],
  ['vigour', 'vigor'],
  ['organis', 'organiz'],
  ['recognis', 'recogniz'],
  ['realis', 'realiz'],
  ['criticis', 'criticiz'],
  ['apologis', 'apologiz'],
  ['emphasis', 'emphasiz'],
  ['prioritis', 'prioritiz'],
  ['analys', 'analyz'],
  ['paralys', 'paralyz'],
  ['programme', 'program'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['travell', 'travel'],
  ['cancell', 'cancel'],
  ['modell', 'model'],
  ['labell', 'label'],
  ['fuell', 'fuel'],
  ['jewellery', 'jewelry'],
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['aluminium', 'aluminum'],
  ['sceptic', 'skeptic'],
  ['manoeuvre', 'maneuver'],
  ['judgement', 'judgment'],
  ['ageing', 'aging'],
  ['mould', 'mold'],
  ['plough', 'plow'],
  ['cheque', 'check'],
  ['kerb', 'curb'],
  ['paediatric', 'pediatric'],
  ['anaesthe', 'anesthe'],
  ['oestrogen', 'estrogen'],
  ['foetus', 'fetus'],
];
const VARIANT_MAP = new Map<string, string>(SPELLING_VARIANTS.map(([a, b]) => [a, b]));

/** Honorifics dropped before a capitalised word (checked against the rendered text's case). */
export const HONORIFICS: ReadonlyArray<string> = ['mr', 'mrs', 'ms', 'mx', 'dr', 'prof'];

/** A yield check (same as text-index's ShouldYield). */
type YieldCheck = () => boolean;
const noYield: YieldCheck = () => false;
/** Characters between yield checks in the folding loops. */
const FOLD_CHUNK = 1 << 16;

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Rendered text -> folded text with offset maps (null maps = identity). */
export interface Folded {
  text: string;
  /** folded offset -> rendered offset of the first source character (length text.length + 1). */
  fStart: Int32Array | null;
  /** folded offset -> rendered offset just after the source of that character. */
  fEnd: Int32Array | null;
  /** rendered offset -> folded offset (length rendered.length + 1). Dropped chars map forward. */
  t2f: Int32Array | null;
}

const LETTER_OR_NUMBER_RE = /^[\p{L}\p{N}]/u;
const LETTER_RE = /^\p{L}/u;
/** Per UTF-16 unit: 0 unknown, 1 letter/number, 2 other (filled lazily from the regex). */
const lnCache = new Uint8Array(0x10000);
/** Per UTF-16 unit: 0 unknown, 1 letter, 2 other. */
const lCache = new Uint8Array(0x10000);

/**
 * Is the UTF-16 unit at g[i] (with its pair, if a surrogate) a letter or number? Matches the
 * regex class [\p{L}\p{N}] in unicode mode: a surrogate pair is judged as one code point.
 */
export function isLetterOrNumberAt(g: string, i: number, end: boolean): boolean {
  const c = g.charCodeAt(i);
  if (c < 0x80)
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdfff) {
    // The lookbehind sees the code point ending at i (end) or starting at i.
    const s = end ? g.slice(Math.max(0, i - 1), i + 1) : g.slice(i, i + 2);
    const cp = s.codePointAt(0) as number;
    const whole = cp > 0xffff ? String.fromCodePoint(cp) : g[i];
    return LETTER_OR_NUMBER_RE.test(whole as string);
  }
  let v = lnCache[c] as number;
  if (v === 0) {
    v = LETTER_OR_NUMBER_RE.test(String.fromCharCode(c)) ? 1 : 2;
    lnCache[c] = v;
  }
  return v === 1;
}

function isLetterAt(g: string, i: number): boolean {
  const c = g.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_RE.test(g.slice(i, i + 2));
  let v = lCache[c] as number;
  if (v === 0) {
    v = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
    lCache[c] = v;
  }
  return v === 1;
}

/** Variant keys by first char code, longest first (the regex alternation's order). */
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
 * The next honorific or spelling variant in the folded-so-far text g at or after `from`, as the
 * former regex found it: at a word start (not after a letter or number), either an honorific
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
        // "mr" failed: "mrs" may still match (the regex backtracks into the alternation).
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
  private fStart: Int32Array | null = null;
  private fEnd: Int32Array | null = null;
  private t2f: Int32Array | null = null;
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
    const fs = this.fStart;
    const fe = this.fEnd;
    const tf = this.t2f;
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
      if (!this.fStart) {
        this.fStart = int32Array(n + 1);
        this.fEnd = int32Array(n + 1);
        this.t2f = int32Array(n + 1);
        // Identity maps for what was already copied.
        const fs = this.fStart;
        const fe = this.fEnd;
        const tf = this.t2f;
        for (let i = 0; i < this.last; i++) {
          fs[i] = i;
          fe[i] = i + 1;
          tf[i] = i;
        }
      }
      this.copyIdentity(this.last, a);
      const fs = this.fStart as Int32Array;
      const fe = this.fEnd as Int32Array;
      const tf = this.t2f as Int32Array;
      const flen = this.flen;
      // Align common prefix, then common suffix, of the replaced text and the replacement.
      const src = g.slice(a, b);
      let cp = 0;
      while (cp < repl.length && cp < src.length && repl[cp] === src[cp]) cp++;
      let cs = 0;
      while (
        cs < repl.length - cp &&
        cs < src.length - cp &&
        repl[repl.length - 1 - cs] === src[src.length - 1 - cs]
      )
        cs++;
      for (let j = 0; j < repl.length; j++) {
        const f = flen + j;
        if (j < cp) {
          fs[f] = a + j;
          fe[f] = a + j + 1;
        } else if (j >= repl.length - cs) {
          const ti = b - (repl.length - j);
          fs[f] = ti;
          fe[f] = ti + 1;
        } else {
          fs[f] = a + cp;
          fe[f] = b - cs;
        }
      }
      if (repl.length > 0)
        fe[flen + repl.length - 1] = Math.max(fe[flen + repl.length - 1] ?? 0, b);
      for (let i = a; i < b; i++) {
        const k = i - a;
        if (k < cp) tf[i] = flen + k;
        else if (i >= b - cs) tf[i] = flen + repl.length - (b - i);
        else tf[i] = flen + Math.min(cp, repl.length);
      }
      this.pieces.push(repl);
      this.flen += repl.length;
      this.last = b;
    }
  }

  finish(): Folded {
    const n = this.t.length;
    if (!this.fStart) return { text: this.g, fStart: null, fEnd: null, t2f: null };
    this.copyIdentity(this.last, n);
    const fs = this.fStart as Int32Array;
    const fe = this.fEnd as Int32Array;
    const tf = this.t2f as Int32Array;
    const flen = this.flen;
    fs[flen] = n;
    fe[flen] = n;
    tf[n] = flen;
    return {
      text: this.pieces.join(''),
      fStart: fs.subarray(0, flen + 1),
      fEnd: fe.subarray(0, flen + 1),
      t2f: tf,
    };
  }
}

/** Fold rendered text (the page's, or a quote's with its context). */
export function fold(t: string): Folded {
  if (t.length > FOLD_CHUNK) {
    const gen = foldSteps(t);
    let r = gen.next();
    while (!r.done) r = gen.next();
    return r.value;
  }
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
  shouldYield: YieldCheck = noYield,
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
export function fToTStart(f: Folded, i: number): number {
  return f.fStart ? (f.fStart[i] as number) : i;
}
/** Folded offset of a char -> rendered offset just after its source. */
export function fToTEnd(f: Folded, i: number): number {
  return f.fEnd ? (f.fEnd[i] as number) : i + 1;
}
/** Rendered offset -> folded offset. */
export function tToF(f: Folded, i: number): number {
  return f.t2f ? (f.t2f[i] as number) : i;
}

// ---------------------------------------------------------------------------------------------
// Incremental folding: after a change to the rendered text, fold only the changed paragraph(s).

/**
 * Rendered characters kept between a change and the edges of the window folded again. A fold
 * decision at offset i reads the text from i - 1 (is i a word start?) to at most i + 11 (the
 * longest variant key, or an honorific with its '.', space and next letter): 32 is ample.
 */
const REFOLD_MARGIN = 32;
/** Map entries filled between two yield checks when the maps are spliced. */
const MAP_CHUNK = 1 << 16;
/** Variant keys with a space inside: the only matches that can cross a space. */
const SPACED_KEYS = [...VARIANT_MAP.keys()].filter((k) => k.includes(' '));

/**
 * Does a variant key with a space in it cover both t[x - 1] (a space) and t[x]? (With today's
 * keys a cut there would still fold the same, as "soya bean" -> "soybean" keeps "bean" and no
 * key starts with "bean"; not cutting there keeps that from being a coincidence.)
 */
function keyAcross(t: string, x: number): boolean {
  for (const key of SPACED_KEYS) {
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
function* containsSteps(s: string, ch: string, shouldYield: YieldCheck) {
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
  shouldYield: YieldCheck,
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
  shouldYield: YieldCheck = noYield,
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
  const fa = tToF(old, a);
  const fb = tToF(old, bOld);
  const wf = tToF(w, bNew - a);
  const text = old.text.slice(0, fa) + w.text.slice(0, wf) + old.text.slice(fb);
  if (old.t2f === null && w.t2f === null) return { text, fStart: null, fEnd: null, t2f: null };
  const oldFolded = old.text.length;
  const nf = text.length;
  const n = newText.length;
  // Three maps of a 2M-character page are 24 MB to allocate and clear: a yield check after each.
  const fStart = new Int32Array(nf + 1);
  if (shouldYield()) yield;
  const fEnd = new Int32Array(nf + 1);
  if (shouldYield()) yield;
  const t2f = new Int32Array(n + 1);
  if (shouldYield()) yield;
  // Folded -> rendered: the old prefix as it was, the window shifted by its start, the old
  // suffix shifted by the change's delta.
  yield* fillMap(fStart, 0, old.fStart, 0, fa, 0, 0, shouldYield);
  yield* fillMap(fStart, fa, w.fStart, 0, wf, a, 0, shouldYield);
  yield* fillMap(fStart, fa + wf, old.fStart, fb, oldFolded, delta, 0, shouldYield);
  yield* fillMap(fEnd, 0, old.fEnd, 0, fa, 0, 1, shouldYield);
  yield* fillMap(fEnd, fa, w.fEnd, 0, wf, a, 1, shouldYield);
  yield* fillMap(fEnd, fa + wf, old.fEnd, fb, oldFolded, delta, 1, shouldYield);
  fStart[nf] = n;
  fEnd[nf] = n;
  // Rendered -> folded: the same three parts, shifted by the folded offsets.
  yield* fillMap(t2f, 0, old.t2f, 0, a, 0, 0, shouldYield);
  yield* fillMap(t2f, a, w.t2f, 0, bNew - a, fa, 0, shouldYield);
  yield* fillMap(t2f, bNew, old.t2f, bOld, oldText.length, fa + wf - fb, 0, shouldYield);
  t2f[n] = nf;
  return { text, fStart, fEnd, t2f };
}
