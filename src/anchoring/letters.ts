/**
 * Is a character a letter, or a letter or number? The Unicode classes \p{L} and \p{N}, answered
 * from a per-character cache (the fold scanner and word snapping ask for every word start).
 */

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

export function isLetterAt(g: string, i: number): boolean {
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
