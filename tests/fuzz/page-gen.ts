/**
 * Seeded random news pages built from the real article of a pack, with ground truth.
 *
 * Every character the generator puts in the page is recorded with where it comes from: the
 * paragraph it is a copy of (or NOISE / HIDDEN) and its offset in the pack's canonical text (-1 for
 * characters the page added: soft hyphens, zero-width spaces, edits, US spellings). The checks
 * (check.ts) use this to tell whether an anchored range covers the right words at the right place.
 */
import type { Pack } from '../../src/annotations/model';
import { canonicalText, paragraphStarts } from '../../src/annotations/text';

/** `para` of characters outside the article's paragraphs: navigation, teasers, ads, comments. */
export const NOISE = -1;
/** `para` of characters in content that is never rendered (hidden, script, style, template...). */
export const HIDDEN = -2;

export interface Ch {
  c: string;
  /** Paragraph index of the article copy this character belongs to, NOISE or HIDDEN. */
  para: number;
  /** Offset in the canonical text, or -1 for characters the page added. */
  src: number;
}

/** A small, fast, seedable PRNG (mulberry32). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of page `index` of a run with `seed`: every page can be rebuilt on its own. */
export function pageSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
}

/** The house style of a generated page. */
export interface Style {
  /** Probability that an honorific before a name is dropped ("Mr Trump" -> "Trump"). */
  dropHonorific: number;
  /** Probability that "soya bean" is written "soybean". */
  soybean: number;
  /** US spellings ("licences" -> "licenses", "centred" -> "centered", "defence" -> "defense"). */
  usSpelling: number;
  /** Curly quotes and apostrophes -> straight, per character. */
  straightQuotes: number;
  /** En dash -> hyphen and hyphen -> en dash, per character. */
  swapDashes: number;
  /** A space -> NBSP (or a run of whitespace), per space. */
  nbsp: number;
  wsRun: number;
  /** Soft hyphen / zero-width space after a letter, per letter. */
  softHyphen: number;
  zeroWidth: number;
  /** Split a text node after a character, per character. */
  split: number;
  /** Wrap a run in an inline element, per run. */
  wrap: number;
  markup: 'p' | 'div' | 'br' | 'mixed';
  /** Probability of a block of noise before each paragraph (and after the last). */
  noise: number;
  /** Probability of hidden content before each paragraph, and inside a paragraph. */
  hidden: number;
  inlineHidden: number;
  /** Probability that a paragraph is dropped (never all of them). */
  drop: number;
  /** Probability that a paragraph is edited (a word inserted, deleted or replaced). */
  edit: number;
}

function randomStyle(r: Rng): Style {
  const some = (p: number, hi: number) => (r.chance(p) ? r.next() * hi : 0);
  return {
    dropHonorific: r.pick([0, 0, 1, 1, r.next()]),
    soybean: r.pick([0, 1, r.next()]),
    usSpelling: r.pick([0, 1, r.next()]),
    straightQuotes: r.pick([0, 0, 1, 1, r.next()]),
    swapDashes: r.pick([0, 1, r.next()]),
    nbsp: some(0.5, 0.3),
    wsRun: some(0.3, 0.2),
    softHyphen: some(0.4, 0.05),
    zeroWidth: some(0.3, 0.03),
    split: r.pick([0, 0.005, 0.02, 0.05, 0.12]),
    wrap: r.pick([0, 0.1, 0.3, 0.6]),
    markup: r.pick(['p', 'p', 'div', 'br', 'mixed'] as const),
    noise: r.pick([0, 0.1, 0.3, 0.6]),
    hidden: r.pick([0, 0.05, 0.2]),
    inlineHidden: r.pick([0, 0, 0.1, 0.3]),
    drop: r.pick([0, 0, 0, 0.1, 0.3, 0.7]),
    edit: r.pick([0, 0, 0.1, 0.3]),
  };
}

/** What a generated page is, for the checks. */
export interface GeneratedPage {
  seed: number;
  style: Style;
  /** The article root passed to anchor(). */
  root: HTMLElement;
  /** Ground truth of every text node the generator created. */
  truth: Map<Text, Ch[]>;
  /** Whether each paragraph of the canonical text has a copy in the page. */
  kept: boolean[];
  /**
   * Canonical offsets an edit touched: deleted or replaced characters, and insertion points (an
   * insertion before canonical offset a is recorded as a).
   */
  deleted: Set<number>;
  insertedBefore: Set<number>;
}

const US_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['licences', 'licenses'],
  ['centred', 'centered'],
  ['defence', 'defense'],
];

const HONORIFIC = /^(Mr|Ms|Mrs|Dr) (?=[A-Z])/;

/** The characters of paragraph `pi` as this page writes it. */
function paragraphChars(
  text: string,
  pi: number,
  base: number,
  style: Style,
  r: Rng,
  deleted: Set<number>,
  insertedBefore: Set<number>,
): Ch[] {
  const out: Ch[] = [];
  const push = (c: string, src: number) => out.push({ c, para: pi, src });
  let i = 0;
  while (i < text.length) {
    const atWordStart = i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1] as string);
    if (atWordStart) {
      const h = HONORIFIC.exec(text.slice(i, i + 5));
      if (h && r.chance(style.dropHonorific)) {
        i += h[0].length;
        continue;
      }
      if (text.startsWith('soya bean', i) && r.chance(style.soybean)) {
        push('s', base + i);
        push('o', base + i + 1);
        push('y', base + i + 2);
        i += 5; // "a " dropped: "bean..." follows
        continue;
      }
      let spelled = false;
      for (const [uk, us] of US_SPELLINGS) {
        if (text.startsWith(uk, i) && r.chance(style.usSpelling)) {
          // Align: common prefix keeps its sources, the rest is new.
          let k = 0;
          while (k < uk.length && uk[k] === us[k]) k++;
          for (let j = 0; j < us.length; j++) push(us[j] as string, j < k ? base + i + j : -1);
          i += uk.length;
          spelled = true;
          break;
        }
      }
      if (spelled) continue;
    }
    const c = text[i] as string;
    const src = base + i;
    if (c === ' ') {
      if (r.chance(style.nbsp)) push('\u00a0', src);
      else if (r.chance(style.wsRun)) {
        push(r.pick(['\n', ' ', '\t']), src);
        for (let k = r.int(1, 4); k > 0; k--) push(r.pick([' ', '\n', '\u00a0']), -1);
      } else push(' ', src);
    } else if ('“”'.includes(c) && r.chance(style.straightQuotes)) push('"', src);
    else if ('‘’'.includes(c) && r.chance(style.straightQuotes)) push("'", src);
    else if (c === '–' && r.chance(style.swapDashes)) push('-', src);
    else if (c === '-' && r.chance(style.swapDashes)) push('–', src);
    else push(c, src);
    if (/\p{L}/u.test(c) && i + 1 < text.length && /\p{L}/u.test(text[i + 1] as string)) {
      if (r.chance(style.softHyphen)) push('\u00ad', -1);
      else if (r.chance(style.zeroWidth)) push('\u200b', -1);
    }
    i++;
  }
  if (r.chance(style.edit)) editParagraph(out, pi, r, deleted, insertedBefore);
  return out;
}

const INSERTED_WORDS = ['reportedly', 'also', 'on Monday', 'in a statement', 'however'];

/** One edit: insert, delete or replace a word. Records what it touched. */
function editParagraph(
  out: Ch[],
  pi: number,
  r: Rng,
  deleted: Set<number>,
  insertedBefore: Set<number>,
): void {
  const starts: number[] = [];
  for (let k = 0; k < out.length; k++) {
    const prevSpace = k === 0 || /\s/.test((out[k - 1] as Ch).c);
    if (prevSpace && !/\s/.test((out[k] as Ch).c)) starts.push(k);
  }
  if (starts.length < 2) return;
  const w = r.int(0, starts.length - 2);
  const a = starts[w] as number;
  const b = starts[w + 1] as number; // the next word's start: [a, b) is the word and its space
  const op = r.int(0, 2);
  const srcAt = (k: number) => {
    for (let j = k; j < out.length; j++) if ((out[j] as Ch).src >= 0) return (out[j] as Ch).src;
    return -1;
  };
  const word = (s: string): Ch[] => [...`${s} `].map((c) => ({ c, para: pi, src: -1 }));
  if (op === 0) {
    insertedBefore.add(srcAt(a));
    out.splice(a, 0, ...word(r.pick(INSERTED_WORDS)));
  } else {
    for (let k = a; k < b; k++) {
      const s = (out[k] as Ch).src;
      if (s >= 0) deleted.add(s);
    }
    if (op === 1) out.splice(a, b - a);
    else {
      insertedBefore.add(srcAt(b));
      out.splice(a, b - a, ...word(r.pick(['reportedly', 'certainly', 'also'])));
    }
  }
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?”])\s+/).filter((s) => s.length > 0);
}

/** Page builder: creates elements and text nodes, recording the truth of each text node. */
class Builder {
  readonly truth = new Map<Text, Ch[]>();
  constructor(
    readonly doc: Document,
    readonly r: Rng,
  ) {}

  el(tag: string, attrs: Record<string, string> = {}): HTMLElement {
    const e = this.doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  }

  text(chars: Ch[]): Text {
    const t = this.doc.createTextNode(chars.map((ch) => ch.c).join(''));
    this.truth.set(t, chars);
    return t;
  }

  plain(s: string, para: number): Text {
    return this.text([...s].map((c) => ({ c, para, src: -1 })));
  }

  /** Append `chars` to `parent`, split into text nodes, some runs wrapped in inline elements. */
  runs(parent: Element, chars: Ch[], style: Style, inlineHidden: () => Node | null): void {
    const r = this.r;
    let i = 0;
    while (i < chars.length) {
      let j = i + 1;
      while (j < chars.length && !r.chance(style.split)) j++;
      // Long runs are broken anyway sometimes, so wrappers get something to wrap.
      if (j - i > 40 && style.wrap > 0 && r.chance(0.5)) j = i + r.int(1, 40);
      const run = chars.slice(i, j);
      let target: Element = parent;
      if (r.chance(style.wrap)) {
        const w = this.el(r.pick(['em', 'a', 'span', 'b', 'strong', 'i']));
        if (w.localName === 'a') w.setAttribute('href', '/topic');
        parent.append(w);
        target = w;
        if (r.chance(0.2)) {
          const inner = this.el(r.pick(['span', 'em', 'b']));
          w.append(inner);
          target = inner;
        }
      }
      if (r.chance(0.02)) target.append(this.text([])); // empty text node
      target.append(this.text(run));
      const h = inlineHidden();
      if (h) parent.append(h);
      i = j;
    }
  }
}

export interface GenerateOptions {
  /** Force a style (for reproductions); random by default. */
  style?: Partial<Style>;
}

/** Build a random page in `doc.body` from `pack`'s article. */
export function generatePage(
  doc: Document,
  pack: Pack,
  seed: number,
  options: GenerateOptions = {},
): GeneratedPage {
  const r = new Rng(seed);
  const style = { ...randomStyle(r), ...options.style };
  const b = new Builder(doc, r);
  const paras = pack.article.text.paragraphs;
  const starts = paragraphStarts(pack.article);
  const sentences = paras.flatMap((p) => sentencesOf(p.text));
  const deleted = new Set<number>();
  const insertedBefore = new Set<number>();

  // Which paragraphs are on the page (never none).
  const kept = paras.map(() => !r.chance(style.drop));
  if (!kept.some(Boolean)) kept[r.int(0, paras.length - 1)] = true;

  // A sentence of the article, as a teaser/comment/related headline would repeat it.
  const nearDuplicate = (): string => {
    let s = r.pick(sentences);
    const v = r.int(0, 5);
    if (v === 1) s = s.replace(/\bMr /g, '').replace(/“|”/g, '"');
    else if (v === 2) s = s.split(' ').slice(0, r.int(3, 12)).join(' ');
    else if (v === 3) s = `“${s.replace(/[.”]+$/, '')}”, says our correspondent`;
    else if (v === 4) s = s.replace(/soya beans/g, 'soybeans').replace(/ – /g, ' - ');
    else if (v === 5) {
      const w = s.split(' ');
      const k = r.int(0, w.length - 1);
      w[k] = r.pick(['officials', 'Monday', 'talks', 'China', 'Mr Trump']);
      s = w.join(' ');
    }
    return s;
  };
  const noiseText = (s: string) => b.plain(s, NOISE);
  const hiddenText = (s: string) => b.plain(s, HIDDEN);

  const noiseBlock = (): HTMLElement => {
    const kind = r.int(0, 7);
    if (kind === 0) {
      const nav = b.el('nav');
      for (const s of ['Home', 'World', 'Asia', 'Business', 'Opinion']) {
        const a = b.el('a', { href: `/${s.toLowerCase()}` });
        a.append(noiseText(s));
        nav.append(a, noiseText(' '));
      }
      return nav;
    }
    if (kind === 1) {
      const aside = b.el('aside', { class: 'related' });
      const h = b.el('h3');
      h.append(noiseText('Related stories'));
      const ul = b.el('ul');
      for (let k = r.int(1, 4); k > 0; k--) {
        const li = b.el('li');
        const a = b.el('a', { href: '/related' });
        a.append(
          noiseText(
            r.chance(0.5)
              ? nearDuplicate()
              : r.pick([
                  pack.article.headline,
                  'Japan and China spar over Taiwan remarks',
                  'Trump says deal with Xi on soya beans is close',
                  'Rare earths: what the truce means for markets',
                ]),
          ),
        );
        li.append(a);
        ul.append(li);
      }
      aside.append(h, ul);
      return aside;
    }
    if (kind === 2) {
      const ad = b.el('div', { class: 'ad' });
      ad.append(noiseText(r.pick(['Advertisement', 'Sponsored content', 'AD'])));
      return ad;
    }
    if (kind === 3) {
      const sec = b.el('section', { class: 'comments' });
      const h = b.el('h3');
      h.append(noiseText('Comments'));
      sec.append(h);
      for (let k = r.int(1, 3); k > 0; k--) {
        const c = b.el('div', { class: 'comment' });
        const p = b.el('p');
        p.append(
          noiseText(
            r.pick([
              `So “${nearDuplicate()}” — really?`,
              `${nearDuplicate()} Nothing new here.`,
              'Great article, thanks.',
              `Quote: ${nearDuplicate()}`,
            ]),
          ),
        );
        c.append(p);
        sec.append(c);
      }
      return sec;
    }
    if (kind === 4) {
      const aside = b.el('aside', { class: 'teaser' });
      const p = b.el('p');
      p.append(
        noiseText(
          r.pick([
            'Mr Trump said the telephone call was “very good”',
            'US President Donald Trump described his phone call with Chinese President Xi Jinping as “very good”',
            nearDuplicate(),
          ]),
        ),
      );
      aside.append(p);
      return aside;
    }
    if (kind === 5) {
      const fig = b.el('figure');
      const cap = b.el('figcaption');
      cap.append(
        noiseText(
          r.pick([
            'Chinese President Xi Jinping and US President Donald Trump at their October meeting in South Korea. PHOTO: REUTERS',
            'Mr Xi and Mr Trump in Busan. PHOTO: AFP',
            nearDuplicate(),
          ]),
        ),
      );
      fig.append(cap);
      return fig;
    }
    if (kind === 6) {
      const bq = b.el('blockquote', { class: 'pullquote' });
      bq.append(noiseText(r.chance(0.5) ? r.pick(sentences) : nearDuplicate()));
      return bq;
    }
    const p = b.el('p', { class: 'read-more' });
    const a = b.el('a', { href: '/more' });
    a.append(noiseText(`READ MORE: ${nearDuplicate()}`));
    p.append(a);
    return p;
  };

  const hiddenBlock = (): HTMLElement => {
    const s = r.chance(0.7) ? r.pick(sentences) : r.pick(paras).text;
    const kind = r.int(0, 6);
    if (kind === 0) {
      const d = b.el('div', { hidden: '' });
      d.append(hiddenText(s));
      return d;
    }
    if (kind === 1) {
      const sc = b.el('script', { type: 'application/ld+json' });
      sc.append(hiddenText(JSON.stringify({ '@type': 'NewsArticle', articleBody: s })));
      return sc;
    }
    if (kind === 2) {
      const st = b.el('style');
      st.append(hiddenText(`/* ${s} */ .x { color: red }`));
      return st;
    }
    if (kind === 3) {
      const t = b.el('template');
      t.append(hiddenText(s)); // a child of the element itself, not of .content
      return t;
    }
    if (kind === 4) {
      const ns = b.el('noscript');
      ns.append(hiddenText(s));
      return ns;
    }
    if (kind === 5) {
      const d = b.el('div', { style: 'display: none' });
      const p = b.el('p');
      p.append(hiddenText(s));
      d.append(p);
      return d;
    }
    const d = b.el('div', { style: 'visibility:hidden' });
    d.append(hiddenText(s));
    return d;
  };

  const inlineHidden = (): Node | null => {
    if (!r.chance(style.inlineHidden * 0.05)) return null;
    const kind = r.int(0, 2);
    const el = b.el(kind === 0 ? 'span' : kind === 1 ? 'script' : 'noscript');
    if (kind === 0) el.setAttribute('hidden', '');
    el.append(hiddenText(r.pick([' (hidden) ', 'var ad = 1;', ' Mr Trump said ', ' Taiwan '])));
    return el;
  };

  // Page skeleton: header outside the article root, the article root, footer outside.
  doc.body.replaceChildren();
  const header = b.el('header');
  header.append(noiseText('The Daily Example'));
  const root = b.el('article');
  const h1 = b.el('h1');
  h1.append(noiseText(pack.article.headline));
  root.append(h1);
  const footer = b.el('footer');
  footer.append(noiseText('Copyright 2025. Mr Trump said the telephone call was “very good”.'));
  doc.body.append(header, root, footer);

  const between = (parent: Element) => {
    if (r.chance(style.noise)) parent.append(noiseBlock());
    if (r.chance(style.hidden)) parent.append(hiddenBlock());
  };

  let brBox: HTMLElement | null = null;
  paras.forEach((para, pi) => {
    const hasNoise = r.chance(style.noise) || r.chance(style.hidden);
    if (hasNoise) {
      brBox = null;
      between(root);
    }
    if (!kept[pi]) return;
    const chars = paragraphChars(
      para.text,
      pi,
      starts[pi] as number,
      style,
      r,
      deleted,
      insertedBefore,
    );
    const markup = style.markup === 'mixed' ? r.pick(['p', 'div', 'br'] as const) : style.markup;
    if (para.role === 'subheading' && r.chance(0.7)) {
      brBox = null;
      const h = b.el('h2');
      b.runs(h, chars, style, inlineHidden);
      root.append(h);
    } else if (markup === 'br') {
      if (brBox === null) {
        brBox = b.el('div', { class: 'body' });
        root.append(brBox);
      } else {
        brBox.append(b.el('br'));
        if (r.chance(0.7)) brBox.append(b.el('br'));
        if (r.chance(0.3)) brBox.append(b.plain('\n', NOISE));
      }
      b.runs(brBox, chars, style, inlineHidden);
    } else {
      brBox = null;
      const block = b.el(markup);
      b.runs(block, chars, style, inlineHidden);
      root.append(block);
    }
  });
  if (r.chance(style.noise * 2)) root.append(noiseBlock());
  return { seed, style, root, truth: b.truth, kept, deleted, insertedBefore };
}

/** The canonical text of the pack (sourceLength for anchor()). */
export function sourceLengthOf(pack: Pack): number {
  return canonicalText(pack.article).length;
}
