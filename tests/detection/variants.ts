/**
 * Copies of the fixture article along independent axes (issue #12's matrix), generated from the
 * real fixture pages: the Straits Times page is the template, the pack's paragraphs the text, the
 * Bloomberg copy the US-edited wording. Plain strings in, plain HTML out, so unit tests (happy-dom)
 * and e2e (real browsers) can both use them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packById } from '../../src/annotations/packs';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const read = (file: string) => readFileSync(resolve(PAGES, file), 'utf8');

export const CANONICAL_URL =
  'https://www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports';
const SLUG = 'chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports';
const TEMPLATE = read(`www.straitstimes.com/asia/east-asia/${SLUG}.html`);
const BLOOMBERG = read(
  'www.bloomberg.com/news/articles/2025-11-24/trump-says-xi-call-very-good-discussed-soybeans-fentanyl.html',
);

export const AXES = {
  /** Where the copy is: the article's URL, an unknown path, its AMP page, its print page. */
  address: ['known', 'unknown', 'amp', 'print'],
  /** How the body arrives: in the HTML, late in one or two stages, re-rendered, streamed. */
  delivery: ['static', 'late-1', 'late-2', 'rerender', 'streamed'],
  /** How much of the body: all; the first 2, 4 or 8 body paragraphs; headline and standfirst only. */
  cut: ['complete', 'cut-2', 'cut-4', 'cut-8', 'teaser'],
  /** Around it: its own page; one entry among many (a live page); its body split into columns. */
  shape: ['standalone', 'live-entry', 'columns'],
  /** Its wording: as published; US house style; the Bloomberg edit (reworded, one paragraph dropped). */
  text: ['unchanged', 'house', 'reworded'],
  /** What the reader sees: all; the rest behind "Read more"; a second, CSS-hidden copy of the body. */
  visibility: ['shown', 'read-more', 'hidden-copy'],
} as const;

export type Axis = keyof typeof AXES;
export type Variant = { [A in Axis]: (typeof AXES)[A][number] };
export const AXIS_NAMES = Object.keys(AXES) as Axis[];

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('seed pack missing');
export const PACK = pack;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** US house style: no honorifics, US spellings, straight quotes, hyphens. */
export function houseStyle(text: string): string {
  return text
    .replace(/\b(Mr|Mrs|Ms|Dr) (?=[A-Z])/g, '')
    .replace(/soya beans?/g, (m) => (m.endsWith('s') ? 'soybeans' : 'soybean'))
    .replace(/centred/g, 'centered')
    .replace(/defence/g, 'defense')
    .replace(/licences/g, 'licenses')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/–/g, '-');
}

/** The Bloomberg copy's body paragraphs (US style, p3 and p9 reworded, p11 dropped, no credit). */
const BLOOMBERG_BODY = [
  ...BLOOMBERG.slice(BLOOMBERG.indexOf('<h1'), BLOOMBERG.indexOf('class="bb-more"')).matchAll(
    /<(p|h2)>(.*?)<\/\1>/g,
  ),
].map((m) => ({ tag: m[1] as string, html: m[2] as string }));

interface Block {
  /** The pack paragraph it copies. */
  id: string;
  /** 'body' paragraphs count towards cuts; the subheading does not. */
  role: 'body' | 'subheading';
  html: string;
}

/** The Bloomberg copy drops the pack's p11; its blocks are the pack's others, in order. */
const BLOOMBERG_DROPPED = 'p11';

/** The article's body blocks in the variant's wording. */
function bodyBlocks(text: Variant['text']): Block[] {
  const packBody = PACK.article.text.paragraphs.filter((p) => p.role !== 'standfirst');
  if (text === 'reworded') {
    const ids = packBody.filter((p) => p.id !== BLOOMBERG_DROPPED).map((p) => p.id);
    return BLOOMBERG_BODY.map((b, i) => ({
      id: ids[i] ?? `extra${i}`,
      role: b.tag === 'h2' ? 'subheading' : 'body',
      html: b.tag === 'h2' ? `<h2>${b.html}</h2>` : `<p>${b.html}</p>`,
    }));
  }
  return packBody.map((p) => {
    const words = escapeHtml(text === 'house' ? houseStyle(p.text) : p.text);
    return p.role === 'subheading'
      ? { id: p.id, role: 'subheading', html: `<h2>${words}</h2>` }
      : { id: p.id, role: 'body', html: `<p>${words}</p>` };
  });
}

const CUT_AFTER: Record<Variant['cut'], number> = {
  complete: Number.POSITIVE_INFINITY,
  'cut-2': 2,
  'cut-4': 4,
  'cut-8': 8,
  teaser: 0,
};

/** The first `n` body paragraphs (and the subheadings among them). */
function firstBody(blocks: readonly Block[], n: number): Block[] {
  const out: Block[] = [];
  let body = 0;
  for (const b of blocks) {
    if (b.role === 'body' && body >= n) break;
    if (b.role === 'body') body++;
    out.push(b);
  }
  return out;
}

/** Pack paragraph ids the page carries with `delivered` body paragraphs, and those the reader sees. */
export function paragraphsOnPage(
  v: Variant,
  delivered = bodyParagraphCount(v),
): { present: string[]; shown: string[] } {
  if (delivered < 0) return { present: [], shown: [] };
  const blocks = firstBody(bodyBlocks(v.text), delivered);
  const standfirst = hasStandfirst(v) ? ['p0'] : [];
  const present = [...standfirst, ...blocks.map((b) => b.id)];
  const shownBlocks =
    v.visibility === 'read-more' && blocks.length > 4 ? blocks.slice(0, 4) : blocks;
  return { present, shown: [...standfirst, ...shownBlocks.map((b) => b.id)] };
}

const hasStandfirst = (v: Variant) => v.text !== 'reworded' || v.cut === 'teaser';

export function bodyParagraphCount(v: Variant): number {
  return firstBody(bodyBlocks(v.text), CUT_AFTER[v.cut]).filter((b) => b.role === 'body').length;
}

/** The stages in which the body arrives: how many body paragraphs the page holds at each. */
export function deliveryStages(v: Variant): number[] {
  const total = bodyParagraphCount(v);
  switch (v.delivery) {
    case 'static':
    case 'rerender':
      return [total];
    case 'late-1':
      return [-1, total];
    case 'late-2':
      return [-1, Math.min(total, 12), total];
    case 'streamed': {
      const out = [-1];
      for (let n = 1; n < total; n += 3) out.push(n);
      out.push(total);
      return out;
    }
  }
}

const ADDRESS_URL: Record<Variant['address'], string> = {
  known: CANONICAL_URL,
  unknown: `https://www.straitstimes.com/world/${SLUG}-copy`,
  amp: `https://www.straitstimes.com/amp/asia/east-asia/${SLUG}`,
  print: `https://www.straitstimes.com/print/asia/east-asia/${SLUG}`,
};

/** AMP pages name their article page in the canonical link; print and unknown copies name themselves. */
function canonicalFor(v: Variant, url: string): string {
  return v.address === 'amp' || v.address === 'known' ? CANONICAL_URL : url;
}

const OWN_HEADLINE = "Trump Says Xi Call Was 'Very Good,' Discussed Soybeans, Fentanyl";

/** Other entries of a live page: the same people and places, none of the article's sentences. */
const LIVE_ENTRIES = [
  'Mr Trump told reporters at the White House that he expected to speak with Mr Xi again before the end of the year about trade.',
  'Taiwan’s defence ministry said it tracked Chinese aircraft near the island on Tuesday, the third day of such activity this week.',
  'Farm groups in Iowa said soya bean exports to China were still below the levels seen before the trade war began.',
  'Japan’s Prime Minister Sanae Takaichi met business leaders in Tokyo to discuss supply chains and rare earth stockpiles.',
  'Commerce Secretary Howard Lutnick is due to testify before a Senate committee on export controls later this week.',
  'Officials in Beijing said talks on fentanyl precursors would resume at working level next month.',
  'Markets in Hong Kong and Shanghai rose slightly as investors weighed the prospects for a broader trade deal.',
  'A group of US lawmakers wrote to the administration urging caution on any sale of advanced AI chips to China.',
];

function liveEntry(i: number): string {
  const text = LIVE_ENTRIES[i % LIVE_ENTRIES.length] as string;
  const other = LIVE_ENTRIES[(i * 3 + 1) % LIVE_ENTRIES.length] as string;
  return `<div class="entry"><time>${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}</time><h2>Update ${i + 1}</h2><p>${escapeHtml(text)}</p><p>${escapeHtml(other)}</p></div>`;
}

/** The page's HTML with `delivered` body paragraphs (-1: the skeleton before the body arrives). */
export function variantPage(
  v: Variant,
  delivered = bodyParagraphCount(v),
): { url: string; html: string } {
  const url = ADDRESS_URL[v.address];
  const blocks = delivered < 0 ? [] : firstBody(bodyBlocks(v.text), delivered);
  const headline = v.text === 'unchanged' ? PACK.article.headline : OWN_HEADLINE;
  // The syndicated (reworded) copy drops the standfirst, as the issue's real copy does; a teaser keeps it.
  const standfirst = !hasStandfirst(v)
    ? ''
    : `<p class="st-standfirst">${escapeHtml(v.text === 'house' ? houseStyle(PACK.article.standfirst) : PACK.article.standfirst)}</p>`;
  const isCut = v.cut !== 'complete' && delivered >= bodyParagraphCount(v);
  const body = renderBody(v, blocks, delivered < 0);
  const paywall = isCut
    ? '<section class="st-paywall" id="paywall"><h2>Subscribe to continue reading</h2><p>Get unlimited access to The Straits Times from $9.90 a month.</p></section>'
    : '';
  const article = `<article class="st-article"><header><h1 class="headline">${escapeHtml(headline)}</h1>${delivered < 0 ? '' : standfirst}</header>${body}${paywall}</article>`;
  let main = article;
  if (v.shape === 'live-entry') {
    const before = Array.from({ length: 24 }, (_, i) => liveEntry(i)).join('\n');
    const after = Array.from({ length: 16 }, (_, i) => liveEntry(i + 24)).join('\n');
    const entry = `<div class="entry" id="our-entry"><time>07:30</time><h2>${escapeHtml(headline)}</h2>${delivered < 0 ? '' : standfirst}${body}${paywall}</div>`;
    main = `<div class="live"><h1>Live: US-China relations, the latest</h1>${before}\n${entry}\n${after}</div>`;
  }
  const start = TEMPLATE.indexOf('<article class="st-article">');
  const end = TEMPLATE.indexOf('</article>', start) + '</article>'.length;
  let html = TEMPLATE.slice(0, start) + main + TEMPLATE.slice(end);
  const canonical = canonicalFor(v, url);
  html = html
    .replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="${canonical}">`)
    .replace(
      /<meta property="og:url" content="[^"]*">/,
      `<meta property="og:url" content="${canonical}">`,
    )
    .replace(/("url":\s*")[^"]*(")/, `$1${canonical}$2`)
    .replace(
      '</head>',
      '<style>.body-mobile{display:none}.rest[hidden]{display:none}.cols{display:flex;gap:24px}.cols>div{flex:1}</style></head>',
    );
  if (v.text !== 'unchanged') {
    // A copy with its own headline carries it in its metadata too.
    html = html
      .replace(
        /<meta property="og:title" content="[^"]*">/,
        `<meta property="og:title" content="${escapeHtml(OWN_HEADLINE)}">`,
      )
      .replace(/("headline":\s*")[^"]*(")/, `$1${OWN_HEADLINE.replace(/'/g, '’')}$2`)
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(OWN_HEADLINE)}</title>`);
  }
  return { url, html };
}

function renderBody(v: Variant, blocks: readonly Block[], skeleton: boolean): string {
  if (skeleton)
    return '<div class="st-body" id="article-body"><div class="shimmer">Loading…</div></div>';
  const inner = (list: readonly Block[]) => {
    if (v.visibility === 'read-more' && list.length > 4) {
      return `${list
        .slice(0, 4)
        .map((b) => b.html)
        .join('\n')}<div class="rest" hidden>${list
        .slice(4)
        .map((b) => b.html)
        .join('\n')}</div><button type="button" class="read-more">Read more</button>`;
    }
    if (v.shape === 'columns' && list.length > 1) {
      const half = Math.ceil(list.length / 2);
      return `<div class="cols"><div>${list
        .slice(0, half)
        .map((b) => b.html)
        .join('\n')}</div><div>${list
        .slice(half)
        .map((b) => b.html)
        .join('\n')}</div></div>`;
    }
    return list.map((b) => b.html).join('\n');
  };
  if (v.visibility === 'hidden-copy')
    return `<div class="st-body body-mobile">${inner(blocks)}</div><div class="st-body body-desktop" id="article-body">${inner(blocks)}</div>`;
  return `<div class="st-body" id="article-body">${inner(blocks)}</div>`;
}

/** Every combination of the axes. */
export function allVariants(): Variant[] {
  let out: Array<Partial<Variant>> = [{}];
  for (const axis of AXIS_NAMES)
    out = out.flatMap((v) => AXES[axis].map((value) => ({ ...v, [axis]: value })));
  return out as Variant[];
}

/**
 * A pairwise covering set: every value of every axis meets every value of every other axis in at
 * least one variant (greedy, deterministic).
 */
export function pairwiseVariants(): Variant[] {
  const all = allVariants();
  const key = (a: Axis, x: string, b: Axis, y: string) => `${a}=${x}|${b}=${y}`;
  const pairsOf = (v: Variant) => {
    const out: string[] = [];
    AXIS_NAMES.forEach((a, i) => {
      for (const b of AXIS_NAMES.slice(i + 1)) out.push(key(a, v[a], b, v[b]));
    });
    return out;
  };
  const uncovered = new Set(all.flatMap(pairsOf));
  const chosen: Variant[] = [];
  while (uncovered.size > 0) {
    let best = all[0] as Variant;
    let bestGain = -1;
    for (const v of all) {
      const gain = pairsOf(v).filter((p) => uncovered.has(p)).length;
      if (gain > bestGain) {
        best = v;
        bestGain = gain;
      }
    }
    for (const p of pairsOf(best)) uncovered.delete(p);
    chosen.push(best);
  }
  return chosen;
}

export const variantName = (v: Variant) => AXIS_NAMES.map((a) => v[a]).join(' · ');

/**
 * A variant whose body arrives by script, in the stages of `deliveryStages`: the page is the
 * skeleton; at `timesMs[k]` after load, stage k's new paragraphs are added to the body (the
 * standfirst with the first). `window.__fixture.stages` counts the stages done, of `total`. Standalone,
 * all shown (the shapes and visibility are the matrix's business; this page is for e2e timing).
 */
export function latePage(v: Variant, timesMs: readonly number[]): { url: string; html: string } {
  if (v.shape !== 'standalone' || v.visibility !== 'shown')
    throw new Error('latePage: standalone, all shown');
  const counts = deliveryStages(v).slice(1);
  if (counts.length !== timesMs.length)
    throw new Error(`latePage: ${counts.length} stages, ${timesMs.length} times`);
  const { url, html } = variantPage(v, -1);
  const blocks = bodyBlocks(v.text);
  let shown = 0;
  const stages = counts.map((n, k) => {
    const now = firstBody(blocks, n);
    const added = now.slice(shown).map((b) => b.html);
    shown = now.length;
    const standfirst =
      k === 0 && hasStandfirst(v)
        ? v.text === 'house'
          ? houseStyle(PACK.article.standfirst)
          : PACK.article.standfirst
        : null;
    return { at: timesMs[k], standfirst, html: added.join('\n') };
  });
  const script = `<script>
  // Fixture: the body arrives by script in ${stages.length} stage(s), as from an API that pages its text.
  window.__fixture = { stages: 0, total: ${stages.length} };
  const stages = ${JSON.stringify(stages).replace(/</g, '\\u003c')};
  addEventListener('load', () => {
    for (const stage of stages) {
      setTimeout(() => {
        const body = document.getElementById('article-body');
        if (window.__fixture.stages === 0) body.textContent = '';
        if (stage.standfirst) {
          const p = document.createElement('p');
          p.className = 'st-standfirst';
          p.textContent = stage.standfirst;
          document.querySelector('article header').append(p);
        }
        body.insertAdjacentHTML('beforeend', stage.html);
        window.__fixture.stages++;
      }, stage.at);
    }
  });
</script>`;
  return { url, html: html.replace('</body>', `${script}\n</body>`) };
}

/** A small seeded generator (mulberry32): the same page on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Live-page sentences: the same people, places and goods as the article, none of its sentences. */
const LIVE_SUBJECTS = [
  'Mr Trump',
  'Mr Xi',
  'Taiwan’s Foreign Ministry',
  'China’s Commerce Ministry',
  'Japan’s Prime Minister Sanae Takaichi',
  'US Treasury Secretary Scott Bessent',
  'Farm groups in Iowa',
  'Analysts in Singapore',
  'A White House spokeswoman',
  'Officials in Beijing',
  'Traders in Chicago',
  'Lawmakers in Taipei',
];
const LIVE_PREDICATES = [
  'said talks on soya bean purchases would continue next week',
  'warned that tariffs could rise again if the truce broke down',
  'urged calm after Chinese coast guard ships sailed near disputed waters',
  'described the mood in the negotiations as constructive but cautious',
  'said fentanyl precursor controls were a test of good faith',
  'called for stable supplies of rare earths for chip makers',
  'noted that shipments to Chinese ports had picked up in recent days',
  'declined to comment on reports of a planned visit to Beijing',
  'said the two sides had not yet set a date for the next round',
  'pointed to record harvests that needed new buyers abroad',
  'questioned whether the export curbs would be lifted before the summit',
  'said Taiwan would keep buying defence equipment from the United States',
];
const LIVE_TAILS = [
  'on Monday',
  'in a statement',
  'at a briefing',
  'in an interview with local media',
  'according to people familiar with the matter',
  'late on Tuesday',
  'in a post on social media',
  'at a news conference',
];

/**
 * Issue #12's live-updates page: og:type article, its h1 the live page's own title, about 100
 * timestamped entries (over 400 KB of text) about the same people and places; one entry, deep in
 * the page (#our-entry), is the whole article: its own h2, the standfirst and the full body. At an
 * address Gloss does not know; seeded, so every run is the same page.
 */
export function bigLivePage(): { url: string; html: string } {
  const url = 'https://www.straitstimes.com/world/live/us-china-trade-talks-live-updates-nov-24';
  const random = seeded(20251124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const sentence = () => `${pick(LIVE_SUBJECTS)} ${pick(LIVE_PREDICATES)} ${pick(LIVE_TAILS)}.`;
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(' ');
  const ENTRIES = 100;
  const OURS = 71;
  const entries: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const time = `${String(23 - Math.floor(i / 5)).padStart(2, '0')}:${String(59 - ((i * 11) % 60)).padStart(2, '0')}`;
    if (i === OURS) {
      const body = bodyBlocks('unchanged')
        .map((b) => b.html)
        .join('\n');
      entries.push(
        `<div class="entry" id="our-entry"><time>${time}</time><h2>${escapeHtml(PACK.article.headline)}</h2><p class="st-standfirst">${escapeHtml(PACK.article.standfirst)}</p>${body}</div>`,
      );
      continue;
    }
    const paragraphs = Array.from(
      { length: 7 + Math.floor(random() * 5) },
      () => `<p>${escapeHtml(paragraph())}</p>`,
    ).join('');
    entries.push(
      `<div class="entry"><time>${time}</time><h2>${escapeHtml(sentence())}</h2>${paragraphs}</div>`,
    );
  }
  const title = 'Live: US-China trade talks, Taiwan and the Trump-Xi call, the latest';
  const main = `<div class="live"><h1>${escapeHtml(title)}</h1>\n${entries.join('\n')}\n</div>`;
  const start = TEMPLATE.indexOf('<article class="st-article">');
  const end = TEMPLATE.indexOf('</article>', start) + '</article>'.length;
  const html = (TEMPLATE.slice(0, start) + main + TEMPLATE.slice(end))
    .replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="${url}">`)
    .replace(
      /<meta property="og:url" content="[^"]*">/,
      `<meta property="og:url" content="${url}">`,
    )
    .replace(
      /<meta property="og:title" content="[^"]*">/,
      `<meta property="og:title" content="${escapeHtml(title)}">`,
    )
    .replace(/("url":\s*")[^"]*(")/, `$1${url}$2`)
    .replace(/("headline":\s*")[^"]*(")/, `$1${title}$2`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
  return { url, html };
}
