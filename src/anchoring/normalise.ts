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

/**
 * British -> American spelling variants (applied at the start of a word, to both page and quote,
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
  ['centred', 'centered'],
  ['centring', 'centering'],
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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const VARIANT_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${HONORIFICS.join('|')})\\.? (?=\\p{L})|(${[...VARIANT_MAP.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')}))`,
  'gu',
);

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

function lowerSameLength(t: string): string {
  const lower = t.toLowerCase();
  if (lower.length === t.length) return lower;
  // Rare (e.g. U+0130): lower-case per character, keeping characters whose lower case grows.
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] as string;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return out;
}

/** Fold rendered text (the page's, or a quote's with its context). */
export function fold(t: string): Folded {
  let g = lowerSameLength(t);
  g = g.replace(FOLD_CHARS_RE, (m) => FOLD_CHARS[m] ?? m);
  VARIANT_RE.lastIndex = 0;
  let m = VARIANT_RE.exec(g);
  // Find the first applicable replacement; if there is none, the maps are the identity.
  const pieces: string[] = [];
  let fStart: Int32Array | null = null;
  let fEnd: Int32Array | null = null;
  let t2f: Int32Array | null = null;
  let last = 0; // rendered offset copied up to
  let flen = 0; // folded length so far
  const ensureMaps = () => {
    if (fStart) return;
    fStart = new Int32Array(t.length + 1);
    fEnd = new Int32Array(t.length + 1);
    t2f = new Int32Array(t.length + 1);
  };
  const copyIdentity = (from: number, to: number) => {
    if (to <= from) return;
    pieces.push(g.slice(from, to));
    if (fStart && fEnd && t2f) {
      for (let i = from; i < to; i++) {
        const f = flen + (i - from);
        fStart[f] = i;
        fEnd[f] = i + 1;
        t2f[i] = f;
      }
    }
    flen += to - from;
  };
  while (m !== null) {
    const a = m.index;
    const matched = m[0];
    const b = a + matched.length;
    let repl: string | null = null;
    if (m[1] !== undefined) {
      // Honorific: only before a capitalised word, with the honorific itself capitalised.
      if (isUpper(t[a]) && isUpper(t[b])) repl = '';
    } else {
      const r = VARIANT_MAP.get(matched);
      if (r !== undefined) repl = r;
    }
    if (repl !== null) {
      if (!fStart) {
        ensureMaps();
        // Fill identity maps for what was already copied.
        const fs = fStart as unknown as Int32Array;
        const fe = fEnd as unknown as Int32Array;
        const tf = t2f as unknown as Int32Array;
        for (let i = 0; i < last; i++) {
          fs[i] = i;
          fe[i] = i + 1;
          tf[i] = i;
        }
      }
      copyIdentity(last, a);
      const fs = fStart as unknown as Int32Array;
      const fe = fEnd as unknown as Int32Array;
      const tf = t2f as unknown as Int32Array;
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
      pieces.push(repl);
      flen += repl.length;
      last = b;
    }
    m = VARIANT_RE.exec(g);
  }
  if (!fStart) return { text: g, fStart: null, fEnd: null, t2f: null };
  copyIdentity(last, t.length);
  const fs = fStart as unknown as Int32Array;
  const fe = fEnd as unknown as Int32Array;
  const tf = t2f as unknown as Int32Array;
  fs[flen] = t.length;
  fe[flen] = t.length;
  tf[t.length] = flen;
  return {
    text: pieces.join(''),
    fStart: fs.subarray(0, flen + 1),
    fEnd: fe.subarray(0, flen + 1),
    t2f: tf,
  };
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
