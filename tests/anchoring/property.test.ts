/**
 * Property: on a randomly built and perturbed copy of the article, every selector is either
 * anchored at exactly its ground-truth place, or is an orphan. Never a wrong place.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchorInIndex, type QuoteSelector, TextIndex } from '../../src/anchoring';
import { ARTICLE_ST, selectorAt } from './helpers';

/** Paragraphs of the source with their offsets in ARTICLE_ST. */
const SOURCE_PARAS: Array<{ start: number; text: string }> = [];
{
  const re = /[^\n]+/g;
  let m = re.exec(ARTICLE_ST);
  while (m !== null) {
    SOURCE_PARAS.push({ start: m.index, text: m[0] });
    m = re.exec(ARTICLE_ST);
  }
}
const NOISE = [
  'Read more: markets rally as investors weigh the outlook.',
  'Sign up for our newsletter to get the latest news.',
  'Photo: a file picture taken in Beijing.',
  'Advertisement',
  'Related stories from our correspondents in the region.',
];

interface Out {
  ch: string;
  src: number; // index in ARTICLE_ST, -1 for inserted characters
}

interface Plan {
  paraOrder: number[];
  ws: number; // seed for whitespace perturbation
  quotes: boolean;
  insertWord: number[]; // per paragraph: 0 none, k: insert "reportedly " before word k - 1
  noiseBefore: number[]; // per paragraph: 0 none, 1..5 noise paragraph, 6 duplicated sentence
  cuts: number[]; // random numbers for text-node splits
  wraps: number[]; // random numbers for inline wrappers
  selectors: Array<{ para: number; word: number; words: number }>;
}

const rnd = (seed: number) => {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
};

function perturbParagraph(
  pi: number,
  plan: Plan,
  r: () => number,
  protectedSpans: ReadonlyArray<[number, number]>,
): Out[] {
  const { start, text } = SOURCE_PARAS[pi] as { start: number; text: string };
  const out: Out[] = [];
  let word = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const src = start + i;
    const atWordStart = i === 0 || text[i - 1] === ' ';
    if (atWordStart && ch !== ' ') {
      // Word insertions stay out of every quote and its 32-char context: inside them the true
      // place may stop being the best one (an edited quote next to a near-duplicate passage,
      // which this article has: the standfirst repeats body sentences). Quote edits are covered
      // by the unit tests of the fuzzy tier.
      const guarded = protectedSpans.some(([a, b]) => src >= a - 40 && src <= b + 40);
      if (plan.insertWord[pi] === word + 1 && !guarded)
        for (const c of 'reportedly ') out.push({ ch: c, src: -1 });
      word++;
    }
    if (ch === ' ') {
      const x = r();
      const ws = x < 0.1 ? '\n   ' : x < 0.15 ? '\u00a0' : x < 0.2 ? '  ' : ' ';
      out.push({ ch: ws[0] as string, src });
      for (const c of ws.slice(1)) out.push({ ch: c, src: -1 });
    } else if (plan.quotes && '“”'.includes(ch)) out.push({ ch: '"', src });
    else if (plan.quotes && '’‘'.includes(ch)) out.push({ ch: "'", src });
    else out.push({ ch, src });
    if (r() < 0.01) out.push({ ch: '\u00ad', src: -1 }); // soft hyphen somewhere
  }
  return out;
}

interface Built {
  root: HTMLElement;
  /** source index -> [text node, offset] */
  where: Map<number, [Text, number]>;
}

function build(plan: Plan, protectedSpans: ReadonlyArray<[number, number]>): Built {
  const r = rnd(plan.ws);
  const where = new Map<number, [Text, number]>();
  document.body.innerHTML = '<nav>Home | World | Asia</nav>';
  const article = document.createElement('article');
  document.body.appendChild(article);
  let cutI = 0;
  let wrapI = 0;
  for (const pi of plan.paraOrder) {
    const noise = plan.noiseBefore[pi] ?? 0;
    if (noise > 0) {
      const np = document.createElement('p');
      // A duplicate: the first sentence of another paragraph, with different surroundings. It is
      // taken only from an unperturbed paragraph: if the true place had damaged context on both
      // sides, a verbatim copy with one intact side would legitimately win on context (README,
      // "Limits"), which is not what this property is about.
      const q = (pi + 3) % SOURCE_PARAS.length;
      const clean = !plan.insertWord[q] && !plan.noiseBefore[q];
      const sentence = (SOURCE_PARAS[q] as { text: string }).text.split(/(?<=[.!?”])\s+/)[0];
      np.textContent =
        noise <= NOISE.length || !clean
          ? (NOISE[(noise - 1) % NOISE.length] as string)
          : `Earlier this year: ${sentence} Analysts disagreed.`;
      article.appendChild(np);
    }
    const out = perturbParagraph(pi, plan, r, protectedSpans);
    const block = document.createElement(['p', 'div', 'section', 'blockquote'][pi % 4] as string);
    article.appendChild(block);
    // Split into runs at random cut points; wrap some runs in inline elements.
    let i = 0;
    while (i < out.length) {
      const len = 1 + Math.floor(((plan.cuts[cutI++ % plan.cuts.length] ?? 7) % 60) * r());
      const run = out.slice(i, i + len);
      const t = document.createTextNode(run.map((o) => o.ch).join(''));
      run.forEach((o, k) => {
        if (o.src >= 0) where.set(o.src, [t, k]);
      });
      const w = (plan.wraps[wrapI++ % plan.wraps.length] ?? 0) % 5;
      if (w === 0 || w === 1) block.appendChild(t);
      else {
        const el = document.createElement(['b', 'span', 'a'][w - 2] as string);
        el.appendChild(t);
        block.appendChild(el);
      }
      i += len;
    }
  }
  return { root: document.body, where };
}

function selectorOf(s: { para: number; word: number; words: number }): {
  sel: QuoteSelector;
  start: number;
  end: number;
} {
  const p = SOURCE_PARAS[s.para % SOURCE_PARAS.length] as { start: number; text: string };
  const words = [...p.text.matchAll(/\S+/g)];
  const w0 = s.word % words.length;
  let w1 = Math.min(words.length - 1, w0 + s.words - 1);
  // Annotations are entities and claims, not function words: a quote of a bare "of" or "or" is
  // pure context, and with that context edited any other "of" is as good (README, "Limits").
  const at = (k: number) => (words[k] as RegExpMatchArray).index as number;
  const endOf = (k: number) => at(k) + (words[k] as RegExpMatchArray)[0].length;
  while (w1 < words.length - 1 && endOf(w1) - at(w0) < 5) w1++;
  const a = words[w0] as RegExpMatchArray;
  const b = words[w1] as RegExpMatchArray;
  const start = p.start + (a.index as number);
  const end = p.start + (b.index as number) + b[0].length;
  return { sel: selectorAt(ARTICLE_ST, start, end), start, end };
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  paraOrder: fc.constant(SOURCE_PARAS.map((_, i) => i)),
  ws: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  quotes: fc.boolean(),
  insertWord: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })), {
    minLength: SOURCE_PARAS.length,
    maxLength: SOURCE_PARAS.length,
  }),
  noiseBefore: fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 6 })), {
    minLength: SOURCE_PARAS.length,
    maxLength: SOURCE_PARAS.length,
  }),
  cuts: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
  wraps: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
  selectors: fc.array(
    fc.record({
      para: fc.nat(),
      word: fc.nat(),
      words: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 30 })),
    }),
    { minLength: 5, maxLength: 40 },
  ),
});

describe('property: anchored at the ground-truth place, or orphan — never elsewhere', () => {
  test('random node splits, wrappers, whitespace/quote changes, noise and duplicate sentences', () => {
    let anchored = 0;
    let total = 0;
    fc.assert(
      fc.property(planArb, (plan) => {
        const cases = plan.selectors.map(selectorOf);
        const { root, where } = build(
          plan,
          cases.map((c) => [c.start, c.end]),
        );
        const idx = TextIndex.build(root);
        const res = anchorInIndex(
          idx,
          cases.map((c) => c.sel),
          // Offsets are what is checked; happy-dom's Range creation is slow on big trees.
          { sourceLength: ARTICLE_ST.length, createRanges: false },
        );
        res.forEach((r, i) => {
          const c = cases[i] as { sel: QuoteSelector; start: number; end: number };
          total++;
          if (r.start === null) return;
          anchored++;
          const [sn, so] = where.get(c.start) as [Text, number];
          const [en, eo] = where.get(c.end - 1) as [Text, number];
          const wantStart = idx.offsetAt(sn, so) as number;
          const wantEnd = (idx.offsetAt(en, eo) as number) + 1;
          const editedInside = wantEnd - wantStart >= c.end - c.start + 11; // "reportedly " inserted
          if (!editedInside) {
            expect([r.start, r.end], `${c.sel.exact} (${r.method})`).toEqual([wantStart, wantEnd]);
          } else {
            // An insertion inside the quote makes the extent a matter of alignment (a cheaper
            // alignment may trade the inserted word for a few quote characters): the match must
            // be at that place: inside the true span (+- the inserted word) and covering most of it.
            const s0 = r.start as number;
            const e0 = r.end as number;
            expect(s0).toBeGreaterThanOrEqual(wantStart - 11);
            expect(e0).toBeLessThanOrEqual(wantEnd + 11);
            const overlap = Math.min(e0, wantEnd) - Math.max(s0, wantStart);
            expect(overlap).toBeGreaterThanOrEqual(0.5 * (c.end - c.start));
          }
        });
      }),
      { numRuns: 100 },
    );
    // The property is only meaningful if most selectors do anchor.
    expect(anchored / total).toBeGreaterThan(0.9);
  });
});
