/**
 * Benchmark inputs, all pure and deterministic (seeded): synthetic selector packs over the
 * article's canonical text, the restyled and edited copy with an exact offset map back to the
 * source, filler pages of growing size, and ground truth for every selector on every page.
 */

/** A selector as the benchmark hands it to every library (canonical-text coordinates). */
export interface BenchSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets of `exact` in the canonical text. */
  start: number;
  end: number;
  /** Index of the paragraph the span lies in. */
  paragraph: number;
  /** Offsets inside that paragraph. */
  localStart: number;
  localEnd: number;
  /** 'real' (from the pack) or 'synthetic'. */
  origin: 'real' | 'synthetic';
}

export const CONTEXT_LENGTH = 32;
export const PARAGRAPH_SEPARATOR = '\n\n';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + PARAGRAPH_SEPARATOR.length;
  }
  return starts;
}

/** The paragraph containing canonical offset `offset`. */
export function paragraphOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A selector for canonical span [start, end) with 32 characters of context each side. */
export function selectorAt(
  paragraphs: readonly string[],
  start: number,
  end: number,
  origin: BenchSelector['origin'],
): BenchSelector {
  const text = paragraphs.join(PARAGRAPH_SEPARATOR);
  const starts = paragraphStarts(paragraphs);
  const paragraph = paragraphOf(starts, start);
  const p0 = starts[paragraph] as number;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
    paragraph,
    localStart: start - p0,
    localEnd: end - p0,
    origin,
  };
}

/**
 * Random word-aligned spans inside single paragraphs (1 to 12 words, like entity mentions and
 * short claims), as selectors over the canonical text. Deterministic for a seed.
 */
export function syntheticSelectors(
  paragraphs: readonly string[],
  count: number,
  seed: number,
): BenchSelector[] {
  const r = rng(seed);
  const starts = paragraphStarts(paragraphs);
  // Word boundaries per paragraph (start offsets of words, end offsets of words).
  const words = paragraphs.map((p) => {
    const out: Array<[number, number]> = [];
    for (const m of p.matchAll(/\S+/g)) out.push([m.index, m.index + m[0].length]);
    return out;
  });
  const usable = words.map((w, i) => (w.length >= 2 ? i : -1)).filter((i) => i >= 0);
  const out: BenchSelector[] = [];
  while (out.length < count) {
    const pi = pick(r, usable);
    const w = words[pi] as Array<[number, number]>;
    const n = 1 + Math.floor(r() * Math.min(12, w.length));
    const first = Math.floor(r() * (w.length - n + 1));
    const a = (w[first] as [number, number])[0];
    let b = (w[first + n - 1] as [number, number])[1];
    // Trim trailing punctuation the way annotators usually select.
    const para = paragraphs[pi] as string;
    while (b - a > 1 && /[,.;:”’")]/.test(para.charAt(b - 1))) b--;
    const p0 = starts[pi] as number;
    out.push(selectorAt(paragraphs, p0 + a, p0 + b, 'synthetic'));
  }
  return out;
}

/** Pack of `scale` times `real.length` selectors: the real ones plus synthetic spans. */
export function scaledPack(
  paragraphs: readonly string[],
  real: readonly BenchSelector[],
  scale: number,
  seed = 7,
): BenchSelector[] {
  const total = real.length * scale;
  if (scale <= 1) return [...real];
  return [...real, ...syntheticSelectors(paragraphs, total - real.length, seed + scale)];
}

// ---------------------------------------------------------------------------------------------
// The restyled and edited copy (US house style).

export interface Replacement {
  start: number;
  end: number;
  text: string;
  /** A rewording: spans inside are not expected to keep their words. */
  reworded?: boolean;
}

export interface EditedParagraph {
  /** null: the paragraph was dropped. */
  text: string | null;
  /** map[o] = offset in the edited paragraph of source offset o (length source + 1). */
  map: Int32Array | null;
  /** Source ranges that were reworded (not just restyled). */
  reworded: Array<[number, number]>;
}

/** Apply non-overlapping replacements; returns the new text and the source -> new offset map. */
export function applyReplacements(
  source: string,
  replacements: readonly Replacement[],
): { text: string; map: Int32Array; reworded: Array<[number, number]> } {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  const map = new Int32Array(source.length + 1);
  let out = '';
  let at = 0;
  const reworded: Array<[number, number]> = [];
  for (const r of sorted) {
    if (r.start < at) continue; // overlapping: the earlier one wins
    for (let o = at; o < r.start; o++) map[o] = out.length + (o - at);
    out += source.slice(at, r.start);
    const ns = out.length;
    const oldLen = r.end - r.start;
    for (let o = r.start; o < r.end; o++) {
      map[o] = ns + Math.floor(((o - r.start) * r.text.length) / Math.max(1, oldLen));
    }
    out += r.text;
    at = r.end;
    if (r.reworded) reworded.push([r.start, r.end]);
  }
  for (let o = at; o <= source.length; o++) map[o] = out.length + (o - at);
  return { text: out + source.slice(at), map, reworded };
}

const US_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/soya beans/g, 'soybeans'],
  [/soya bean/g, 'soybean'],
  [/centred/g, 'centered'],
  [/defence/g, 'defense'],
  [/licences/g, 'licenses'],
  [/licence/g, 'license'],
];

/** US style edits of one paragraph as replacements: spellings, honorifics, quotes, dashes. */
export function styleReplacements(text: string, skip: ReadonlyArray<[number, number]> = []) {
  const out: Replacement[] = [];
  const free = (a: number, b: number) => skip.every(([s, e]) => b <= s || a >= e);
  const add = (re: RegExp, to: (m: RegExpMatchArray) => string) => {
    for (const m of text.matchAll(re)) {
      const a = m.index as number;
      const b = a + m[0].length;
      if (free(a, b) && out.every((r) => b <= r.start || a >= r.end)) {
        out.push({ start: a, end: b, text: to(m) });
      }
    }
  };
  for (const [re, to] of US_SPELLINGS) add(re, () => to);
  add(/\b(?:Mr|Mrs|Ms|Dr)\.? (?=[A-Z])/g, () => '');
  add(/[“”]/g, () => '"');
  add(/[‘’]/g, () => "'");
  add(/–/g, () => '-');
  add(/ BLOOMBERG$/g, () => '');
  return out;
}

/** Sentence spans of a paragraph (split after . ! ? followed by a space). */
export function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (const m of text.matchAll(/[.!?][”"]? (?=[A-Z“"])/g)) {
    const e = (m.index as number) + m[0].length - 1;
    out.push([s, e]);
    s = e + 1;
  }
  out.push([s, text.length]);
  return out;
}

export interface EditPlan {
  /** Paragraph indices to drop. */
  drop: number[];
  /** [paragraph, sentence index, new sentence]. */
  reword: Array<[number, number, string]>;
}

/** The edit plan of the Bloomberg-style copy (README of the fixtures describes the same edits). */
export const BLOOMBERG_EDITS: EditPlan = {
  drop: [11],
  reword: [
    [
      3,
      0,
      'Trump also said he had agreed to travel to Beijing in April and that he had invited Xi to make a state visit in 2026.',
    ],
    [
      9,
      1,
      'Any renewed flare-up between Washington and Beijing risks adding to uncertainty for investors and executives.',
    ],
  ],
};

export function editParagraphs(paragraphs: readonly string[], plan: EditPlan): EditedParagraph[] {
  return paragraphs.map((p, i) => {
    if (plan.drop.includes(i)) return { text: null, map: null, reworded: [] };
    const rewords: Replacement[] = [];
    for (const [pi, si, to] of plan.reword) {
      if (pi !== i) continue;
      const span = sentenceSpans(p)[si];
      if (span) rewords.push({ start: span[0], end: span[1], text: to, reworded: true });
    }
    const style = styleReplacements(
      p,
      rewords.map((r) => [r.start, r.end]),
    );
    return applyReplacements(p, [...rewords, ...style]);
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Bloomberg-like page for the edited copy: different head, headline, a bullet abstract instead
 * after the standfirst (a dek), paragraphs in div.paragraph with some words wrapped in <a>/<em>, ad slots.
 */
export function editedPageHtml(edited: readonly EditedParagraph[], roles: readonly string[]) {
  const body: string[] = [];
  const dek: string[] = [];
  let n = 0;
  edited.forEach((e, i) => {
    if (e.text === null) return;
    const html = escapeHtml(e.text)
      .replace(/\b(Beijing|Tokyo)\b/, '<a href="/topics/$1">$1</a>')
      .replace(/\b(60 Minutes)\b/, '<em>$1</em>');
    if (roles[i] === 'standfirst') {
      dek.push(`<p class="bb-dek">${html}</p>`);
      return;
    }
    if (roles[i] === 'subheading')
      body.push(`<h3 class="bb-subhead"><strong>${html}</strong></h3>`);
    else body.push(`<div class="paragraph"><span>${html}</span></div>`);
    n++;
    if (n === 4 || n === 12) body.push('<div class="bb-ad" aria-label="ad">Advertisement</div>');
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Trump Says Xi Call Was 'Very Good,' Discussed Soybeans, Fentanyl - Bloomberg</title>
<link rel="canonical" href="https://www.bloomberg.com/news/articles/2025-11-24/trump-says-xi-call-very-good-discussed-soybeans-fentanyl">
<meta property="og:title" content="Trump Says Xi Call Was 'Very Good,' Discussed Soybeans, Fentanyl">
<style>body{font:16px/1.6 Georgia,serif;margin:0}.bb-nav{background:#000;color:#fff;padding:8px}.body-content{max-width:640px;margin:auto}.bb-ad{color:#999;font-size:11px}</style>
</head><body><nav class="bb-nav"><a href="/">Bloomberg</a> <a href="/markets">Markets</a> <a href="/politics">Politics</a></nav>
<main><article><h1>Trump Says Xi Call Was 'Very Good,' Discussed Soybeans, Fentanyl</h1>
${dek.join('')}
<ul class="bb-abstract"><li>Leaders discussed soybeans, fentanyl, Taiwan and Ukraine</li><li>Trump to visit Beijing in April; Xi invited for 2026</li></ul>
<div class="body-content">
${body.join('\n')}
</div></article></main>
<footer><p>Terms of Service. Trademarks. Privacy Policy. ©2025 Bloomberg L.P. All Rights Reserved.</p></footer>
</body></html>`;
}

// ---------------------------------------------------------------------------------------------
// Filler for the big pages.

const NAMES = [
  'Mr Trump',
  'Mr Xi',
  'Ms Takaichi',
  'Mr Lutnick',
  'Mr Albanese',
  'Mr Modi',
  'Mr Lula',
  'Mr Starmer',
  'Ms Meloni',
  'Mr Carney',
  'Mr Putin',
  'Mr Zelensky',
  'Mr Lee Jae-myung',
  'Mr Anwar Ibrahim',
  'Mr Prabowo',
  'Mr Wong',
];
const ACTORS = [
  'officials in Beijing',
  'the Commerce Department',
  'analysts at Nomura',
  'Japan’s Defence Ministry',
  'the European Commission',
  'traders in Chicago',
  'the Chinese Foreign Ministry',
  'US farm groups',
  'chipmakers in Taiwan',
  'the White House',
  'economists polled by Reuters',
  'a spokesman for the ministry',
];
const VERBS = [
  'said',
  'warned',
  'signalled',
  'argued',
  'told reporters',
  'noted in a statement',
  'suggested',
  'confirmed',
  'denied',
  'predicted',
];
const TOPICS = [
  'tariffs on steel and aluminium',
  'purchases of wheat and corn',
  'export controls on advanced chips',
  'the supply of rare earth magnets',
  'shipping rates across the Pacific',
  'a slowdown in factory orders',
  'the yen’s slide against the dollar',
  'talks on a new fisheries agreement',
  'port fees on Chinese-built vessels',
  'a review of foreign investment rules',
  'fresh sanctions on oil tankers',
  'a proposed summit in the spring',
  'subsidies for electric vehicles',
  'the outlook for interest rates',
  'security in the South China Sea',
  'visa rules for students',
];
const TAILS = [
  'would be discussed again next month',
  'remained the main sticking point',
  'could weigh on growth next year',
  'had been largely priced in by markets',
  'was unlikely to change soon',
  'would require approval from lawmakers',
  'had drawn criticism from industry groups',
  'was part of a broader review',
  'might ease tension in the region',
  'was still being negotiated',
];
const WHEN = [
  'on Monday',
  'on Tuesday',
  'late on Wednesday',
  'on Thursday',
  'earlier this week',
  'in October',
  'last year',
  'in a briefing',
  'in an interview',
];

/** One filler sentence: shares names and words with the article, never its sentences. */
export function fillerSentence(r: () => number): string {
  const who = r() < 0.5 ? pick(r, NAMES) : pick(r, ACTORS);
  const cap = who.charAt(0).toUpperCase() + who.slice(1);
  return `${cap} ${pick(r, VERBS)} ${pick(r, WHEN)} that ${pick(r, TOPICS)} ${pick(r, TAILS)}.`;
}

export function fillerParagraph(r: () => number): string {
  const n = 2 + Math.floor(r() * 4);
  const s: string[] = [];
  for (let i = 0; i < n; i++) s.push(fillerSentence(r));
  return s.join(' ');
}

/**
 * Near-duplicates of article sentences in other contexts: the sentence keeps most of its words
 * (so many short quotes occur there verbatim) but a few words change, and it sits between
 * unrelated sentences. Exact matchers without context land here if it comes first.
 */
export function nearDuplicates(paragraphs: readonly string[], r: () => number, count: number) {
  const sentences: string[] = [];
  for (const p of paragraphs) {
    for (const [a, b] of sentenceSpans(p)) {
      const s = p.slice(a, b).trim();
      if (s.length > 60) sentences.push(s);
    }
  }
  const swaps: ReadonlyArray<[RegExp, string]> = [
    [/\bApril\b/, 'June'],
    [/\bNov 24\b/, 'Dec 3'],
    [/\bsoya beans\b/, 'sorghum'],
    [/\bOctober\b/, 'September'],
    [/\bTaiwan\b/, 'the Philippines'],
    [/\bJapan\b/, 'South Korea'],
    [/\bvery good\b/, 'productive'],
    [/\bBeijing\b/, 'Tokyo'],
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = pick(r, sentences);
    // Change the second half so a context-aware matcher can tell the copy apart.
    const half = Math.floor(s.length / 2);
    let tail = s.slice(half);
    for (const [re, to] of swaps) tail = tail.replace(re, to);
    if (tail === s.slice(half)) tail = `${tail.replace(/[.”]+$/, '')}, according to a summary.`;
    s = s.slice(0, half) + tail;
    out.push(`${fillerSentence(r)} ${s} ${fillerSentence(r)}`);
  }
  return out;
}

/** Rough text length of HTML (tags stripped, entities counted as one char). */
export function htmlTextLength(html: string): number {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
  return body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/gi, '_').length;
}

/**
 * The canonical page inside a page of about `targetChars` characters of text: about 10% of the
 * filler (teasers, with near-duplicates) before the <article>, the rest (a story feed) after it.
 */
export function bigPageHtml(
  canonicalHtml: string,
  paragraphs: readonly string[],
  targetChars: number,
  seed: number,
): string {
  const r = rng(seed);
  const need = Math.max(0, targetChars - htmlTextLength(canonicalHtml));
  const before: string[] = [];
  const after: string[] = [];
  const dups = nearDuplicates(paragraphs, r, 4 + Math.floor(need / 50_000));
  let made = 0;
  let story = 0;
  const card = (paras: string[]) =>
    `<div class="bench-card"><h3>${escapeHtml(fillerSentence(r).slice(0, 70))}</h3>${paras
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('')}</div>`;
  // Teasers before the article: two of the near-duplicates live here.
  const beforeBudget = need * 0.1;
  let dupAt = 0;
  while (made < beforeBudget) {
    const paras = [fillerParagraph(r)];
    if (dupAt < 2 && dupAt < dups.length) paras.push(dups[dupAt++] as string);
    const html = card(paras);
    before.push(html);
    made += htmlTextLength(`<body>${html}</body>`);
  }
  while (made < need) {
    const paras: string[] = [];
    const k = 3 + Math.floor(r() * 5);
    for (let i = 0; i < k; i++) paras.push(fillerParagraph(r));
    if (dupAt < dups.length && story % 3 === 1) paras.splice(1, 0, dups[dupAt++] as string);
    const html = card(paras);
    after.push(html);
    made += htmlTextLength(`<body>${html}</body>`);
    story++;
  }
  const pre = `<section class="bench-trending"><h2>Trending</h2>${before.join('\n')}</section>\n`;
  const post = `\n<section class="bench-more"><h2>More stories</h2>${after.join('\n')}</section>`;
  return canonicalHtml
    .replace(/<article\b/, `${pre}<article`)
    .replace(/<\/article>/, `</article>${post}`);
}

// ---------------------------------------------------------------------------------------------
// Ground truth.

export interface Truth {
  /** Offsets in the page text (concatenated Text nodes of the root); null: not on the page. */
  start: number | null;
  end: number | null;
  /** The span is in a reworded sentence: any overlapping anchor counts as right. */
  reworded: boolean;
}

/**
 * Where a selector belongs on a page, from where each (page-version) paragraph starts in the
 * page text and, for edited copies, the source -> edited offset maps.
 */
export function groundTruth(
  sel: BenchSelector,
  paragraphPageStarts: ReadonlyArray<number | null>,
  edited?: readonly EditedParagraph[],
): Truth {
  const at = paragraphPageStarts[sel.paragraph];
  if (at === null || at === undefined) return { start: null, end: null, reworded: false };
  if (!edited) return { start: at + sel.localStart, end: at + sel.localEnd, reworded: false };
  const e = edited[sel.paragraph];
  if (!e || e.text === null || e.map === null) return { start: null, end: null, reworded: false };
  let a = e.map[sel.localStart] as number;
  let b = e.map[Math.min(sel.localEnd, e.map.length - 1)] as number;
  let reworded = false;
  for (const [s, t] of e.reworded) {
    if (sel.localStart < t && sel.localEnd > s) {
      // Inside a reworded sentence the words moved: the whole new sentence is the right place.
      reworded = true;
      a = Math.min(a, e.map[s] as number);
      b = Math.max(b, e.map[t] as number);
    }
  }
  return { start: at + a, end: at + b, reworded };
}

export type Verdict = 'right' | 'wrong' | 'orphan';

/**
 * Judge one anchored span against the truth. Right: it overlaps the true span by at least half
 * of the shorter of the two (any overlap for reworded spans). Anchoring a selector whose text is
 * not on the page, or elsewhere (another occurrence of the same words), is wrong.
 */
export function judge(anchored: { start: number; end: number } | null, truth: Truth): Verdict {
  if (anchored === null) return 'orphan';
  if (truth.start === null || truth.end === null) return 'wrong';
  const overlap = Math.min(anchored.end, truth.end) - Math.max(anchored.start, truth.start);
  if (truth.reworded) return overlap > 0 ? 'right' : 'wrong';
  const shorter = Math.max(1, Math.min(anchored.end - anchored.start, truth.end - truth.start));
  return overlap >= shorter / 2 ? 'right' : 'wrong';
}
