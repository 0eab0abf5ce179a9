/**
 * The regex-based fold() as it was before the hand-written scanner (normalise.ts), kept as the
 * reference the scanner must reproduce exactly (fold.test.ts).
 */
import { HONORIFICS, SPELLING_VARIANTS } from '../../src/language/english';

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
const VARIANT_MAP = new Map<string, string>(SPELLING_VARIANTS.map(([a, b]) => [a, b]));

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
interface Folded {
  text: string;
  /** folded offset -> rendered offset of the first source character (length text.length + 1). */
  renderedStarts: Int32Array | null;
  /** folded offset -> rendered offset just after the source of that character. */
  renderedEnds: Int32Array | null;
  /** rendered offset -> folded offset (length rendered.length + 1). Dropped chars map forward. */
  foldedOffsets: Int32Array | null;
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
export function referenceFold(t: string): Folded {
  let g = lowerSameLength(t);
  g = g.replace(FOLD_CHARS_RE, (m) => FOLD_CHARS[m] ?? m);
  VARIANT_RE.lastIndex = 0;
  let m = VARIANT_RE.exec(g);
  // Find the first applicable replacement; if there is none, the maps are the identity.
  const pieces: string[] = [];
  let renderedStarts: Int32Array | null = null;
  let renderedEnds: Int32Array | null = null;
  let foldedOffsets: Int32Array | null = null;
  let last = 0; // rendered offset copied up to
  let flen = 0; // folded length so far
  const ensureMaps = () => {
    if (renderedStarts) return;
    renderedStarts = new Int32Array(t.length + 1);
    renderedEnds = new Int32Array(t.length + 1);
    foldedOffsets = new Int32Array(t.length + 1);
  };
  const copyIdentity = (from: number, to: number) => {
    if (to <= from) return;
    pieces.push(g.slice(from, to));
    if (renderedStarts && renderedEnds && foldedOffsets) {
      for (let i = from; i < to; i++) {
        const f = flen + (i - from);
        renderedStarts[f] = i;
        renderedEnds[f] = i + 1;
        foldedOffsets[i] = f;
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
      if (!renderedStarts) {
        ensureMaps();
        // Fill identity maps for what was already copied.
        const fs = renderedStarts as unknown as Int32Array;
        const fe = renderedEnds as unknown as Int32Array;
        const tf = foldedOffsets as unknown as Int32Array;
        for (let i = 0; i < last; i++) {
          fs[i] = i;
          fe[i] = i + 1;
          tf[i] = i;
        }
      }
      copyIdentity(last, a);
      const fs = renderedStarts as unknown as Int32Array;
      const fe = renderedEnds as unknown as Int32Array;
      const tf = foldedOffsets as unknown as Int32Array;
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
  if (!renderedStarts)
    return { text: g, renderedStarts: null, renderedEnds: null, foldedOffsets: null };
  copyIdentity(last, t.length);
  const fs = renderedStarts as unknown as Int32Array;
  const fe = renderedEnds as unknown as Int32Array;
  const tf = foldedOffsets as unknown as Int32Array;
  fs[flen] = t.length;
  fe[flen] = t.length;
  tf[t.length] = flen;
  return {
    text: pieces.join(''),
    renderedStarts: fs.subarray(0, flen + 1),
    renderedEnds: fe.subarray(0, flen + 1),
    foldedOffsets: tf,
  };
}
