/**
 * Checks of one fuzzed page against its ground truth: anchored ranges (right words, right place)
 * and the wrapping painter (marks cover exactly the anchored text; destroy() restores the page).
 */
import type { AnchorResult, TextIndex } from '../../src/anchoring';
import type { HighlightCategory } from '../../src/highlights/categories';
import type { PlannedHighlight } from '../../src/highlights/plan';
import { type Ch, type GeneratedPage, HIDDEN, NOISE } from './page-gen';

/**
 * Fold for comparison, written independently of the engine's folding: invisible characters out,
 * whitespace runs to one space, honorifics before a name out, case, quotes, dashes and the
 * UK/US spellings the generator applies unified.
 */
export function testFold(s: string, trim = true): string {
  const spaced = s.replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, '').replace(/\s+/g, ' ');
  return (trim ? spaced.trim() : spaced)
    .replace(/\b(Mr|Ms|Mrs|Dr) (?=[A-Z])/g, '')
    .toLowerCase()
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/soya bean/g, 'soybean')
    .replace(/licences/g, 'licenses')
    .replace(/centred/g, 'centered')
    .replace(/defence/g, 'defense');
}

/** Where a highlight's quote is in the page. */
export type Truth =
  /** Its paragraph is on the page and no edit touched the quote: it must anchor there or not at all. */
  | 'present'
  /** Its paragraph is on the page but an edit touched the quote: orphan, or (fuzzy) at its place. */
  | 'edited'
  /** Its paragraph is not on the page: there is no right place. */
  | 'dropped';

export function truthOf(page: GeneratedPage, h: PlannedHighlight): Truth {
  if (!page.kept[h.paragraph]) return 'dropped';
  const { start, end } = h.target.position;
  for (let s = start; s < end; s++) if (page.deleted.has(s)) return 'edited';
  for (let s = start + 1; s < end; s++) if (page.insertedBefore.has(s)) return 'edited';
  return 'present';
}

/** The ground-truth characters a range covers, in document order. */
export function coveredChars(
  page: GeneratedPage,
  order: Map<Text, number>,
  nodes: readonly Text[],
  range: Range,
): Ch[] | string {
  const sc = range.startContainer;
  const ec = range.endContainer;
  if (sc.nodeType !== 3 || ec.nodeType !== 3) return 'range boundary is not in a text node';
  const si = order.get(sc as Text);
  const ei = order.get(ec as Text);
  if (si === undefined || ei === undefined) return 'range boundary in a text node of no truth';
  const out: Ch[] = [];
  for (let k = si; k <= ei; k++) {
    const node = nodes[k] as Text;
    const chars = page.truth.get(node);
    if (!chars) return 'range covers a text node of no truth';
    const a = k === si ? range.startOffset : 0;
    const b = k === ei ? range.endOffset : chars.length;
    for (let j = a; j < b; j++) out.push(chars[j] as Ch);
  }
  return out;
}

export interface Verdict {
  /**
   * ok: the right words at the right place. decoy: the quote's words, but on another copy of them
   * (noise or another paragraph): wrong unless the copy's context is as good as the true place's
   * (see contextAgreement) or there is no true place. wrong: anything else.
   */
  kind: 'ok' | 'decoy' | 'wrong';
  /** Why it is not ok. */
  why?: string;
  /** The visible text the range covers. */
  text?: string;
}

const isSpace = (c: string) => /\s/.test(c) || c === '\u00ad' || c === '\u200b';

/** Is an anchored range right for highlight `h`? */
export function judge(h: PlannedHighlight, truth: Truth, covered: Ch[] | string): Verdict {
  if (typeof covered === 'string') return { kind: 'wrong', why: covered };
  if (covered[0]?.para === HIDDEN || covered[covered.length - 1]?.para === HIDDEN) {
    return { kind: 'wrong', why: 'starts or ends in hidden content' };
  }
  const visible = covered.filter((ch) => ch.para !== HIDDEN);
  const text = visible.map((ch) => ch.c).join('');
  const solid = visible.filter((ch) => !isSpace(ch.c));
  if (solid.length === 0) return { kind: 'wrong', why: 'covers no visible character', text };
  const sameWords = testFold(text) === testFold(h.target.quote.exact);
  const places = new Set(solid.map((ch) => ch.para));
  if (places.size > 1) {
    return { kind: 'wrong', why: `spans several blocks (${[...places].join(', ')})`, text };
  }
  const para = solid[0]?.para as number;
  if (para !== h.paragraph || truth === 'dropped') {
    const place = para === NOISE ? 'noise' : `paragraph ${para}`;
    const why =
      truth === 'dropped'
        ? `paragraph ${h.paragraph} is not on the page; anchored in ${place}`
        : `covers text of ${place}, not of paragraph ${h.paragraph}`;
    return { kind: sameWords ? 'decoy' : 'wrong', why, text };
  }
  const { start, end } = h.target.position;
  if (truth === 'present') {
    const outside = solid.find((ch) => ch.src >= 0 && (ch.src < start || ch.src >= end));
    if (outside) {
      return {
        kind: 'wrong',
        why: `covers canonical offset ${outside.src} outside [${start}, ${end})`,
        text,
      };
    }
    if (!sameWords) return { kind: 'wrong', why: 'covers other words than the quote', text };
    return { kind: 'ok', text };
  }
  // Edited: the fuzzy tier may match the edited copy; it must be at the quote's place.
  const slack = 40;
  const far = solid.find((ch) => ch.src >= 0 && (ch.src < start - slack || ch.src >= end + slack));
  if (far) {
    return { kind: 'wrong', why: `edited quote matched away from its place (${far.src})`, text };
  }
  if (!solid.some((ch) => ch.src >= start && ch.src < end)) {
    return { kind: 'wrong', why: 'edited quote matched next to its place', text };
  }
  return { kind: 'ok', text };
}

/**
 * How well the page text around [start, end) of `index` agrees with a selector's context: the
 * number of folded characters that match, reading outwards from the quote (prefix backwards,
 * suffix forwards). Only used to tell a decoy that is as good as the true place (the engine
 * cannot tell them apart by quote and context) from one that is worse.
 */
export function contextAgreement(
  index: TextIndex,
  start: number,
  end: number,
  sel: { prefix?: string; suffix?: string },
): number {
  // Block breaks and whitespace runs are one space on both sides; so are the context edges.
  const b = testFold(index.text.slice(Math.max(0, start - 64), start), false);
  const a = testFold(index.text.slice(end, end + 64), false);
  // Whitespace at the far ends of the selector's context says nothing (the engine trims it too).
  const p = testFold((sel.prefix ?? '').trimStart(), false);
  const q = testFold((sel.suffix ?? '').trimEnd(), false);
  let n = 0;
  while (n < p.length && n < b.length && p[p.length - 1 - n] === b[b.length - 1 - n]) n++;
  let m = 0;
  while (m < q.length && m < a.length && q[m] === a[m]) m++;
  return n + m;
}

/**
 * Verbatim agreement per side ([before, after]): contextAgreement's two terms.
 */
export function sideAgreement(
  index: TextIndex,
  start: number,
  end: number,
  sel: { prefix?: string; suffix?: string },
): [number, number] {
  const b = testFold(index.text.slice(Math.max(0, start - 64), start), false);
  const a = testFold(index.text.slice(end, end + 64), false);
  const p = testFold((sel.prefix ?? '').trimStart(), false);
  const q = testFold((sel.suffix ?? '').trimEnd(), false);
  let n = 0;
  while (n < p.length && n < b.length && p[p.length - 1 - n] === b[b.length - 1 - n]) n++;
  let m = 0;
  while (m < q.length && m < a.length && q[m] === a[m]) m++;
  return [n, m];
}

/** Levenshtein distance of `want` to the best prefix of `got` (free end on `got`). */
function prefixDistance(want: string, got: string): number {
  let prev = Array.from({ length: got.length + 1 }, (_, j) => j);
  for (let i = 1; i <= want.length; i++) {
    const cur = [i];
    for (let j = 1; j <= got.length; j++) {
      const sub = (prev[j - 1] as number) + (want[i - 1] === got[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    prev = cur;
  }
  return Math.min(...prev);
}

/**
 * Agreement by edit distance (the engine's kind of measure, written independently): for each
 * side, the selector's context length minus its edit distance to the page read outwards from the
 * quote (free far end).
 */
export function contextEditAgreement(
  index: TextIndex,
  start: number,
  end: number,
  sel: { prefix?: string; suffix?: string },
): number {
  const b = testFold(index.text.slice(Math.max(0, start - 64), start), false);
  const a = testFold(index.text.slice(end, end + 64), false);
  const p = testFold((sel.prefix ?? '').trimStart(), false);
  const q = testFold((sel.suffix ?? '').trimEnd(), false);
  const rev = (s: string) => [...s].reverse().join('');
  return p.length - prefixDistance(rev(p), rev(b)) + (q.length - prefixDistance(q, a));
}

/** Index offsets of the true place of a present highlight (first to last surviving character). */
export function truePlace(
  page: GeneratedPage,
  index: TextIndex,
  h: PlannedHighlight,
): [number, number] | null {
  const { start, end } = h.target.position;
  let first: [Text, number, number] | null = null;
  let last: [Text, number, number] | null = null;
  for (const [node, chars] of page.truth) {
    chars.forEach((ch, k) => {
      if (ch.para !== h.paragraph || ch.src < start || ch.src >= end || isSpace(ch.c)) return;
      if (!first || ch.src < first[2]) first = [node, k, ch.src];
      if (!last || ch.src > last[2]) last = [node, k, ch.src];
    });
  }
  if (!first || !last) return null;
  const [fn, fk] = first as [Text, number, number];
  const [ln, lk] = last as [Text, number, number];
  const s = index.offsetAt(fn, fk);
  const e = index.offsetAt(ln, lk);
  return s === null || e === null ? null : [s, e + 1];
}

/** Text nodes under `root` in document order. */
export function textNodesOf(root: Node): Text[] {
  const doc = (root.ownerDocument ?? root) as Document;
  const w = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
}

/** Offsets of a document-wide concatenation of text nodes. */
export class TextOffsets {
  readonly nodes: Text[];
  readonly starts = new Map<Text, number>();
  readonly length: number;
  constructor(root: Node) {
    this.nodes = textNodesOf(root);
    let at = 0;
    for (const n of this.nodes) {
      this.starts.set(n, at);
      at += n.length;
    }
    this.length = at;
  }
  /** Offset of a boundary point in a text node (null elsewhere). */
  at(node: Node, offset: number): number | null {
    const s = this.starts.get(node as Text);
    return s === undefined ? null : s + offset;
  }
}

export interface PaintCheck {
  errors: string[];
}

/**
 * After painting: every <gloss-mark> covers only characters of anchored ranges of its category,
 * and every anchored character is inside a mark of its category.
 */
export function checkPainted(
  body: HTMLElement,
  textBefore: string,
  coverage: Map<HighlightCategory, Uint8Array>,
): string[] {
  const errors: string[] = [];
  if (body.textContent !== textBefore) errors.push('painting changed the text of the page');
  const offsets = new TextOffsets(body);
  if (offsets.length !== textBefore.length) return errors;
  const painted = new Map<HighlightCategory, Uint8Array>();
  for (const node of offsets.nodes) {
    const s = offsets.starts.get(node) as number;
    for (let p = node.parentElement; p && p !== body; p = p.parentElement) {
      if (p.localName !== 'gloss-mark') continue;
      const cat = p.getAttribute('data-category') as HighlightCategory;
      const want = coverage.get(cat);
      let got = painted.get(cat);
      if (!got) {
        got = new Uint8Array(offsets.length);
        painted.set(cat, got);
      }
      for (let k = s; k < s + node.length; k++) {
        got[k] = 1;
        if (want?.[k] !== 1) {
          errors.push(
            `a ${cat} mark covers ${JSON.stringify(node.data)} at ${k}, outside every ${cat} range`,
          );
          break;
        }
      }
    }
  }
  // The painter does not wrap text no reader sees (src/content/paint.ts UNRENDERED): those
  // characters of an anchored range are expected unpainted.
  const unrendered = new Uint8Array(offsets.length);
  for (const node of offsets.nodes) {
    if (node.parentElement?.closest('script, style, noscript, template, [hidden]')) {
      const s = offsets.starts.get(node) as number;
      unrendered.fill(1, s, s + node.length);
    }
  }
  for (const [cat, want] of coverage) {
    const got = painted.get(cat);
    for (let k = 0; k < want.length; k++) {
      if (want[k] === 1 && got?.[k] !== 1 && unrendered[k] !== 1) {
        errors.push(`character ${k} of a ${cat} range is not in a ${cat} mark`);
        break;
      }
    }
  }
  for (const mark of marksUnder(body)) {
    if ((mark.textContent ?? '').length === 0) errors.push('an empty mark');
  }
  return errors;
}

/**
 * The <gloss-mark> elements under `root`, by a plain DOM walk: happy-dom's querySelectorAll keeps
 * every result it ever returned for an element that lives on (here: <body>, ~3 MB a page).
 */
export function marksUnder(root: Node): Element[] {
  const out: Element[] = [];
  let n: Node | null = root.firstChild;
  while (n !== null) {
    if (n.nodeType === 1 && (n as Element).localName === 'gloss-mark') out.push(n as Element);
    if (n.firstChild !== null) {
      n = n.firstChild;
      continue;
    }
    while (n !== null && n !== root && n.nextSibling === null) n = n.parentNode;
    n = n === null || n === root ? null : n.nextSibling;
  }
  return out;
}

/** One-line description of an anchor result, for failure messages. */
export function describeResult(r: AnchorResult): string {
  return `${r.method} ${r.start}-${r.end} score ${r.score.toFixed(3)}`;
}
