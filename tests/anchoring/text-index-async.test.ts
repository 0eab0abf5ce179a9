/**
 * The sliced update (TextIndex.updateSteps) and the incremental fold (refoldSteps) give exactly
 * what the synchronous update() and a fresh fold give, on the real fixture pages
 * (tests/fixtures/pages) with the edits a news page makes to itself: a paragraph's text replaced,
 * paragraphs inserted and removed, words wrapped, text nodes split or appended to.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Folded, fold, type TextChange, TextIndex } from '../../src/anchoring';
import {
  foldedToRenderedEnd,
  foldedToRenderedStart,
  foldSteps,
  renderedToFolded,
} from '../../src/anchoring/fold';
import { refoldSteps } from '../../src/anchoring/refold';
import { FIXTURE_PAGES } from '../../tools/browsers/fixtures';
import { fixtureDocument } from '../helpers/fixture-dom';

/** The article root of a fixture page (its manifest's selector, else the body), parsed. */
function articleOf(situation: string): Element {
  const page = FIXTURE_PAGES.find((p) => p.situation === situation);
  const { doc } = fixtureDocument(situation);
  const root = page?.articleSelector ? doc.querySelector(page.articleSelector) : doc.body;
  if (!root) throw new Error(`no article root in ${situation}`);
  return root;
}

/**
 * The huge-article fixture's <article> with `count` paragraphs of its generated commentary (the
 * page makes 100 000 with this generator when its script runs; happy-dom does not run it).
 */
function hugeArticle(count: number): Element {
  const { doc } = fixtureDocument('huge-article');
  let seed = 20251124;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words = ['market', 'readers', 'update', 'harbour', 'budget', 'council', 'ferry', 'museum'];
  const section = doc.querySelector('.live-commentary') as Element;
  for (let i = 0; i < count; i++) {
    const p = doc.createElement('p');
    let s = `Comment ${i + 1}:`;
    const n = 6 + Math.floor(rand() * 10);
    for (let w = 0; w < n; w++) s += ` ${words[Math.floor(rand() * words.length)]}`;
    p.textContent = `${s}.`;
    section.appendChild(p);
  }
  return doc.querySelector('article') as Element;
}

const SITUATIONS = ['canonical', 'syndicated-layout', 'edited-copy', 'long-page', 'live-blog'];

/** Runs a generator to the end; every yield check says "yield". Returns the value and count. */
function drain<T>(g: Generator<void, T, void>): { value: T; yields: number } {
  let yields = 0;
  let r = g.next();
  while (!r.done) {
    yields++;
    r = g.next();
  }
  return { value: r.value, yields };
}

/** Text, node list and every offset map of an index, for comparing two indexes. */
function snapshot(idx: TextIndex) {
  const starts: Array<[Text, number]> = [];
  const ends: Array<[Text, number]> = [];
  for (let i = 0; i < idx.length; i++) {
    const s = idx.startPoint(i);
    const e = idx.endPoint(i + 1);
    starts.push([s.node, s.offset]);
    ends.push([e.node, e.offset]);
  }
  return { text: idx.text, nodes: idx.nodes, starts, ends, breaks: [...idx.breakOffsets()] };
}

/** Two folds are the same: text, and every map entry through the accessors the engine uses. */
function expectSameFold(a: Folded, b: Folded, renderedLength: number) {
  expect(a.text).toBe(b.text);
  for (let f = 0; f <= a.text.length; f++) {
    if (foldedToRenderedStart(a, f) !== foldedToRenderedStart(b, f))
      expect([f, foldedToRenderedStart(a, f)]).toEqual([f, foldedToRenderedStart(b, f)]);
    if (f < a.text.length && foldedToRenderedEnd(a, f) !== foldedToRenderedEnd(b, f))
      expect([f, foldedToRenderedEnd(a, f)]).toEqual([f, foldedToRenderedEnd(b, f)]);
  }
  for (let i = 0; i <= renderedLength; i++) {
    if (renderedToFolded(a, i) !== renderedToFolded(b, i))
      expect([i, renderedToFolded(a, i)]).toEqual([i, renderedToFolded(b, i)]);
  }
  // When both have maps, they are the same arrays (not only the same through the accessors).
  if (a.renderedStarts && b.renderedStarts)
    expect([...a.renderedStarts]).toEqual([...b.renderedStarts]);
  if (a.renderedEnds && b.renderedEnds) expect([...a.renderedEnds]).toEqual([...b.renderedEnds]);
  if (a.foldedOffsets && b.foldedOffsets)
    expect([...a.foldedOffsets]).toEqual([...b.foldedOffsets]);
}

type Edit = (root: Element, r: number) => void;
const paragraphs = (root: Element) =>
  [...root.querySelectorAll('p, li, h2, h3, figcaption, .paragraph, .text-block')].filter((p) =>
    p.textContent?.trim(),
  );
const pick = <T>(xs: readonly T[], r: number): T | undefined => xs[r % Math.max(1, xs.length)];

/** What a page's own scripts do to an article. */
const EDITS: Record<string, Edit> = {
  'replace a paragraph text': (root, r) => {
    const p = pick(paragraphs(root), r);
    if (p) p.textContent = `${p.textContent?.replace(/\bsaid\b/, 'told reporters')} (Updated)`;
  },
  'retitle with an honorific and a variant': (root, r) => {
    const p = pick(paragraphs(root), r);
    if (p) p.textContent = `Mr Xi said the soya bean programme was centred on ${p.textContent}`;
  },
  'insert a paragraph': (root, r) => {
    const p = pick(paragraphs(root), r);
    const q = root.ownerDocument.createElement('p');
    q.textContent = 'Dr Lee said: “It is a grey area” – the defence ministry declined to comment.';
    p?.parentNode?.insertBefore(q, p);
  },
  'remove a paragraph': (root, r) => {
    pick(paragraphs(root), r)?.remove();
  },
  'wrap a word (a highlighter)': (root, r) => {
    const p = pick(paragraphs(root), r);
    const t = p?.firstChild;
    if (t?.nodeType !== 3 || (t as Text).length < 8) return;
    const rest = (t as Text).splitText(3);
    rest.splitText(4);
    const b = root.ownerDocument.createElement('b');
    rest.replaceWith(b);
    b.appendChild(rest);
  },
  'append to a text node': (root, r) => {
    const p = pick(paragraphs(root), r);
    const t = p?.lastChild;
    if (t?.nodeType === 3) (t as Text).appendData(' Mr');
  },
  'split a text node': (root, r) => {
    const t = pick(paragraphs(root), r)?.firstChild;
    if (t?.nodeType === 3 && (t as Text).length > 2) (t as Text).splitText(1);
  },
  'add whitespace only': (root, r) => {
    const p = pick(paragraphs(root), r);
    p?.append(root.ownerDocument.createTextNode('  \n '));
  },
};

describe('updateSteps (sliced) = update() (sync) = a fresh build, on real pages', () => {
  test.each(SITUATIONS)(
    '%s: every kind of edit, folded text and breaks kept up to date',
    (situation) => {
      const root = articleOf(situation);
      const sync = TextIndex.build(root);
      const sliced = TextIndex.build(root);
      // Warm the caches the engine has after its first pass, so their upkeep is tested too.
      void sync.folded;
      void sliced.folded;
      sync.breakOffsets();
      sliced.breakOffsets();
      let r = 7;
      let totalYields = 0;
      for (const [name, edit] of Object.entries(EDITS)) {
        for (let round = 0; round < 2; round++) {
          r = (r * 1103515245 + 12345) >>> 8;
          const textBefore = sync.text;
          edit(root, r);
          const changeSync = sync.update();
          const { value: changeSliced, yields } = drain(sliced.updateSteps(() => true));
          const fresh = TextIndex.build(root);
          totalYields += yields;
          expect(changeSliced, name).toEqual(changeSync);
          expect(snapshot(sliced), name).toEqual(snapshot(sync));
          expect(snapshot(sliced), name).toEqual(snapshot(fresh));
          expect(sliced.version).toBe(sync.version);
          if (changeSync) {
            expect(textBefore.slice(0, changeSync.start)).toBe(
              sliced.text.slice(0, changeSync.start),
            );
            expect(textBefore.slice(changeSync.oldEnd)).toBe(sliced.text.slice(changeSync.newEnd));
          } else {
            expect(sliced.text).toBe(textBefore);
          }
          // The folded text was spliced, not rebuilt: it equals the fold of the new text.
          expectSameFold(sliced.folded, fold(sliced.text), sliced.length);
          expectSameFold(sync.folded, fold(sync.text), sync.length);
        }
      }
      expect(totalYields).toBeGreaterThan(0);
    },
  );

  test('the huge article (with 4 000 paragraphs of its commentary): yields, same result', () => {
    const root = hugeArticle(4000);
    const sync = TextIndex.build(root);
    const sliced = TextIndex.build(root);
    void sync.folded;
    void sliced.folded;
    sliced.breakOffsets();
    const body = paragraphs(root).filter((p) =>
      p.textContent?.startsWith('Mr Trump said the telephone'),
    );
    expect(body).toHaveLength(1);
    (body[0] as Element).textContent =
      'Mr Trump said on Monday the telephone call was “very good”.';
    (paragraphs(root).at(-1) as Element).textContent = 'Comment: the harbour is grey today.';
    const changeSync = sync.update();
    const { value: changeSliced, yields } = drain(sliced.updateSteps(() => true));
    expect(yields).toBeGreaterThan(10);
    expect(changeSliced).toEqual(changeSync);
    const fresh = TextIndex.build(root);
    expect(sliced.text).toBe(fresh.text);
    expect(sliced.nodes).toEqual(fresh.nodes);
    expect([...sliced.breakOffsets()]).toEqual([...fresh.breakOffsets()]);
    for (let i = 0; i < fresh.length; i += 97) {
      expect(sliced.startPoint(i)).toEqual(fresh.startPoint(i));
      expect(sliced.endPoint(i + 1)).toEqual(fresh.endPoint(i + 1));
    }
    expectSameFold(sliced.folded, fold(fresh.text), fresh.length);
  });

  test('random sequences of edits on the canonical page (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(EDITS)), fc.nat()), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.boolean(),
        (ops, warm) => {
          const root = articleOf('canonical');
          const sync = TextIndex.build(root);
          const sliced = TextIndex.build(root);
          if (warm) {
            void sliced.folded;
            sliced.breakOffsets();
          }
          for (const [name, at] of ops) {
            (EDITS[name] as Edit)(root, at);
            const changeSync = sync.update();
            const changeSliced = drain(sliced.updateSteps(() => true)).value;
            expect(changeSliced).toEqual(changeSync);
            expect(sliced.text).toBe(sync.text);
            expect(sliced.nodes).toEqual(sync.nodes);
          }
          const fresh = TextIndex.build(root);
          expect(snapshot(sliced)).toEqual(snapshot(fresh));
          expectSameFold(sliced.folded, fold(fresh.text), fresh.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('the index is untouched until the last step; an abandoned update changes nothing', () => {
    const root = hugeArticle(3000);
    const idx = TextIndex.build(root);
    const folded = idx.folded;
    const before = snapshot(idx);
    const p = paragraphs(root)[5] as Element;
    p.textContent = 'A paragraph rewritten by the page.';
    const g = idx.updateSteps(() => true);
    let r = g.next();
    for (let i = 0; i < 3 && !r.done; i++) r = g.next();
    expect(r.done).toBe(false);
    expect(snapshot(idx)).toEqual(before);
    expect(idx.folded).toBe(folded);
    expect(idx.version).toBe(0);
    // Abandon it: a fresh update (sync or sliced) still sees the whole change.
    const change = idx.update() as TextChange;
    expect(change).not.toBeNull();
    expect(idx.text.slice(change.start, change.newEnd)).toContain('rewritten by the page');
    expect(snapshot(idx)).toEqual(snapshot(TextIndex.build(root)));
  });

  test('an update made meanwhile by someone else makes the sliced one start again', () => {
    const root = hugeArticle(3000);
    const idx = TextIndex.build(root);
    (paragraphs(root)[2] as Element).textContent = 'First rewrite of this paragraph.';
    const g = idx.updateSteps(() => true);
    g.next();
    idx.update(); // a sync update lands while the sliced one is suspended
    const reference = TextIndex.build(root);
    (paragraphs(root)[4] as Element).textContent = 'Second rewrite, elsewhere.';
    const change = drain(g).value;
    // Relative to the text the sync update left, as a fresh update from there reports it.
    expect(change).toEqual(reference.update());
    expect(snapshot(idx)).toEqual(snapshot(TextIndex.build(root)));
  });

  test('the DOM changing between slices (blocks removed mid-walk): update() again catches up', () => {
    const root = hugeArticle(3000);
    const idx = TextIndex.build(root);
    void idx.folded;
    const ps = paragraphs(root);
    (ps[1] as Element).textContent = 'Edited before the walk.';
    const g = idx.updateSteps(() => true);
    let r = g.next();
    // While the walk is suspended, the page removes a block (possibly the one being walked).
    let removed = 0;
    while (!r.done) {
      if (removed < 3) {
        ps[1000 + removed * 700]?.remove();
        removed++;
      }
      r = g.next();
    }
    expect(removed).toBeGreaterThan(0);
    idx.update();
    expect(snapshot(idx)).toEqual(snapshot(TextIndex.build(root)));
    expectSameFold(idx.folded, fold(idx.text), idx.length);
  });
});

describe('refoldSteps: folding only the changed window = folding the whole new text', () => {
  const page = TextIndex.build(articleOf('canonical')).text;
  // Edits that move fold decisions: honorifics, variants (also across a space: "soya bean"),
  // quotes and dashes, capitals, case-sensitive letters, spaces.
  const pieces = [
    'Mr ',
    'Mr. ',
    'mr ',
    'Dr Lee ',
    'Prof ',
    'soya',
    'soya bean',
    ' bean',
    'Soya Beans ',
    'grey',
    'centred ',
    'colour',
    'programme',
    '“',
    '’',
    '—',
    ' ',
    'X',
    'ΣΑΣ ',
    'Σ',
    '\u0130',
    'é',
    '𐐀',
    'trade',
    'Trump',
  ];
  const edit = fc.record({
    at: fc.nat(),
    del: fc.nat({ max: 40 }),
    ins: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((xs) => xs.join('')),
  });

  function changeBetween(a: string, b: string): TextChange | null {
    let s = 0;
    while (s < a.length && s < b.length && a[s] === b[s]) s++;
    let ea = a.length;
    let eb = b.length;
    while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) {
      ea--;
      eb--;
    }
    if (s === ea && s === eb) return null;
    return { start: s, oldEnd: ea, newEnd: eb, delta: eb - ea };
  }

  test('random edits of the canonical page text (property)', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = page;
        let folded = fold(text);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          const next = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
          const change = changeBetween(text, next);
          if (change === null) continue;
          let checks = 0;
          const { value, yields } = drain(
            refoldSteps(folded, text, next, change, () => {
              checks++;
              return true;
            }),
          );
          expectSameFold(value, fold(next), next.length);
          // Asked to yield at every checkpoint, it does, and it has at least one.
          expect(yields).toBeGreaterThan(0);
          expect(yields).toBe(checks);
          text = next;
          folded = value;
        }
      }),
      { numRuns: 150 },
    );
  });

  test('edits at the very start and end, and an emptied text', () => {
    const cases: Array<[string, string]> = [
      [page, `Mr Trump ${page}`],
      [page, `${page} Mr`],
      [page, page.slice(40)],
      [page, page.slice(0, -40)],
      ['Mr Xi', ''],
      ['', 'Mr Xi and the soya bean'],
      ['grey', 'gray'],
    ];
    for (const [a, b] of cases) {
      const change = changeBetween(a, b) as TextChange;
      expectSameFold(drain(refoldSteps(fold(a), a, b, change)).value, fold(b), b.length);
    }
  });

  test('a page larger than a fold chunk: spliced maps equal the sliced full fold', () => {
    const big = Array.from({ length: 12 }, () => page).join(' ');
    const at = Math.floor(big.length / 2);
    const next = `${big.slice(0, at)} Mr Xi ate soya beans in the centre ${big.slice(at)}`;
    const change = changeBetween(big, next) as TextChange;
    const old = drain(foldSteps(big, () => true)).value;
    const { value, yields } = drain(refoldSteps(old, big, next, change, () => true));
    expect(yields).toBeGreaterThan(0);
    expectSameFold(value, fold(next), next.length);
  });
});

describe('TextIndex.composeChanges', () => {
  test('two successive changes compose into one that explains the whole difference', () => {
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 12 }),
      ins: fc.string({ maxLength: 8 }),
    });
    const apply = (t: string, e: { at: number; del: number; ins: string }) => {
      const at = e.at % (t.length + 1);
      const end = Math.min(t.length, at + e.del);
      const next = t.slice(0, at) + e.ins + t.slice(end);
      const change: TextChange = { start: at, oldEnd: end, newEnd: at + e.ins.length, delta: 0 };
      change.delta = change.newEnd - change.oldEnd;
      return { next, change };
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), edit, edit, (t0, e1, e2) => {
        const { next: t1, change: a } = apply(t0, e1);
        const { next: t2, change: b } = apply(t1, e2);
        const c = TextIndex.composeChanges(a, b) as TextChange;
        expect(c.delta).toBe(t2.length - t0.length);
        expect(t0.slice(0, c.start)).toBe(t2.slice(0, c.start));
        expect(t0.slice(c.oldEnd)).toBe(t2.slice(c.newEnd));
        expect(c.oldEnd).toBeGreaterThanOrEqual(c.start);
        expect(c.newEnd).toBeGreaterThanOrEqual(c.start);
      }),
      { numRuns: 500 },
    );
    const x: TextChange = { start: 1, oldEnd: 2, newEnd: 3, delta: 1 };
    expect(TextIndex.composeChanges(null, x)).toBe(x);
    expect(TextIndex.composeChanges(x, null)).toBe(x);
    expect(TextIndex.composeChanges(null, null)).toBeNull();
  });
});
