/**
 * The evidence for a place is weighed as a whole (src/anchoring/evidence.ts), with the pack's own
 * selectors:
 *  - on pages of the same site that are not the article, nothing is placed;
 *  - with the standfirst cut, its selectors do not take the body's occurrences;
 *  - a clause-length quote, verbatim and unique, between the article's anchored neighbours, is
 *    placed even when the words around it were edited;
 *  - two selectors of one call never hold the same place, unless asked (`sharedPlaces`).
 * Each rule fails on the engine before it (see tests/fuzz/FINDINGS.md, F12-F14).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  type AnchorResult,
  anchor,
  anchorInIndex,
  type QuoteSelector,
  reanchor,
  TextIndex,
} from '../../src/anchoring';
import type { Pack } from '../../src/annotations/model';
import { packById } from '../../src/annotations/packs';
import { canonicalText } from '../../src/annotations/text';
import { planHighlights, selectorOf } from '../../src/highlights/plan';
import { fixtureDocument } from '../helpers/fixture-dom';
import { LOOKALIKE_PAGES, lookalikeHtml } from './lookalike-pages';

const ROOT = resolve(import.meta.dirname, '../..');
const found = packById('2025-11-24-trump-xi-call');
if (!found) throw new Error('the bundled pack is missing');
const pack: Pack = found;
const planned = planHighlights(pack);
const selectors: QuoteSelector[] = planned.map(selectorOf);
const sourceLength = canonicalText(pack.article).length;
const canonicalHtml = readFileSync(
  resolve(
    ROOT,
    'tests/fixtures/pages/www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports.html',
  ),
  'utf8',
);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const anchorPack = (root: Node, extra = {}) =>
  anchor(root, selectors, { sourceLength, createRanges: false, ...extra });
/** Selector indices of one source paragraph. */
const ofParagraph = (n: number) =>
  planned.flatMap((p, i) => (p.paragraph === n ? [i] : ([] as number[])));
const placed = (results: AnchorResult[]) =>
  results.flatMap((r, i) => (r.start === null ? [] : [`${i}: ${selectors[i]?.exact}`]));

describe('a page of the same site that is not the article', () => {
  for (const page of LOOKALIKE_PAGES) {
    test(`${page.name}: nothing of the pack is placed`, () => {
      expect(placed(anchorPack(parse(lookalikeHtml(page)).body))).toEqual([]);
    });
  }

  test('the site\u2019s other article, and its section front whose teaser is the headline and standfirst', () => {
    for (const situation of ['other-article', 'section-front']) {
      expect(placed(anchorPack(fixtureDocument(situation).doc.body))).toEqual([]);
    }
  });

  test('the article itself still has every selector placed', () => {
    const results = anchorPack(parse(canonicalHtml).body);
    expect(results.filter((r) => r.start === null)).toEqual([]);
  });
});

describe('with the standfirst cut', () => {
  const html = canonicalHtml.replace(/<p class="st-standfirst">[^<]*<\/p>/, '');
  const results = anchorPack(parse(html).body);
  const whole = anchorPack(parse(canonicalHtml).body);

  test('its selectors ("US", "Trump", "illegal fentanyl", "fentanyl"...) take no place', () => {
    const standfirst = ofParagraph(0);
    expect(standfirst.length).toBeGreaterThan(5);
    expect(standfirst.filter((i) => results[i]?.start !== null)).toEqual([]);
  });

  test('the body keeps every selector, at the same words as on the whole page', () => {
    const body = planned.flatMap((p, i) => (p.paragraph > 0 ? [i] : []));
    const shift = (whole[body[0] as number]?.start ?? 0) - (results[body[0] as number]?.start ?? 0);
    for (const i of body) {
      expect([i, results[i]?.start]).toEqual([i, (whole[i]?.start as number) - shift]);
    }
  });

  test('no two selectors hold the same place', () => {
    const places = results.filter((r) => r.start !== null).map((r) => `${r.start}:${r.end}`);
    expect(new Set(places).size).toBe(places.length);
  });
});

describe('a copy cut after two paragraphs, without its standfirst', () => {
  // A syndicated copy drops the standfirst and stops behind a paywall after p2: p1's first quotes
  // lost their prefix (the standfirst's end), p2's last one its suffix, so neither is a confident
  // neighbour. The end of p1 is vouched for by p2's anchors right after the paragraph break.
  const start = canonicalHtml.indexOf('<p>The US leader added');
  const cut =
    canonicalHtml.slice(0, start).replace(/<p class="st-standfirst">[^<]*<\/p>/, '') +
    '<section class="st-paywall"><h2>Subscribe to continue reading</h2></section>' +
    canonicalHtml.slice(canonicalHtml.indexOf('</article>'));
  const present = planned.flatMap((p, i) => (p.paragraph === 1 || p.paragraph === 2 ? [i] : []));

  test('every quote of the two paragraphs is placed, at the same words as on the whole page', () => {
    const doc = parse(cut);
    const results = anchor(
      doc.body,
      present.map((i) => selectors[i] as QuoteSelector),
      { sourceLength, createRanges: false },
    );
    const text = TextIndex.build(doc.body).text;
    const missing = present.filter((_, k) => results[k]?.start === null);
    expect(missing.map((i) => selectors[i]?.exact)).toEqual([]);
    present.forEach((i, k) => {
      const r = results[k] as AnchorResult;
      expect(text.slice(r.start as number, r.end as number)).toBe(selectors[i]?.exact);
    });
  });
});

describe('a clause-length quote whose context was edited', () => {
  // A syndicated copy edited for US readers: the sentence around the clause is reworded, the
  // clause itself is verbatim and unique, its neighbours in the article are there in order.
  const edited = canonicalHtml.replace(
    'The US leader added that he agreed to visit Beijing in April and had invited Mr Xi for a state visit in 2026.',
    'The US president said that, as part of the deal, he agreed to visit Beijing in April, and invited Xi for a state visit next year.',
  );
  const clause = selectors.findIndex((s) => s.exact === 'he agreed to visit Beijing in April');

  test('is placed on its words', () => {
    const doc = parse(edited);
    const r = anchorPack(doc.body)[clause] as AnchorResult;
    const text = TextIndex.build(doc.body).text;
    expect(r.start).not.toBeNull();
    expect(text.slice(r.start as number, r.end as number)).toBe(
      'he agreed to visit Beijing in April',
    );
  });

  test('but not when the article is not around it', () => {
    const alone = parse(
      '<article><p>Officials said he agreed to visit Beijing in April, though no date was set.</p></article>',
    );
    expect(anchorPack(alone.body)[clause]?.start).toBeNull();
  });
});

describe('one place, one selector', () => {
  const cut = canonicalHtml.replace(/<p class="st-standfirst">[^<]*<\/p>/, '');
  const standfirstFentanyl = selectors.findIndex(
    (s, i) => planned[i]?.paragraph === 0 && s.exact === 'fentanyl',
  );
  const bodyFentanyl = selectors.findIndex(
    (s, i) => planned[i]?.paragraph === 2 && s.exact === 'fentanyl',
  );

  test('the place goes to the selector whose context continues next to it the furthest', () => {
    const results = anchorPack(parse(cut).body);
    expect(results[bodyFentanyl]?.start).not.toBeNull();
    expect(results[standfirstFentanyl]?.start).toBeNull();
  });

  test('sharedPlaces lets two selectors of one call share a place (a note on an annotation\u2019s words)', () => {
    // A second selector for the body's "fentanyl", written with less context: another target.
    const body = selectors[bodyFentanyl] as QuoteSelector;
    const note = { ...body, prefix: (body.prefix ?? '').slice(-12) };
    const both = [...selectors, note];
    const options = { sourceLength, createRanges: false };
    const exclusive = anchor(parse(canonicalHtml).body, both, options);
    expect(exclusive[bodyFentanyl]?.start).not.toBeNull();
    expect(exclusive[both.length - 1]?.start).toBeNull();
    const shared = anchor(parse(canonicalHtml).body, both, { ...options, sharedPlaces: true });
    expect(shared[both.length - 1]?.start).toBe(shared[bodyFentanyl]?.start);
  });

  test('selectors for the same target share their place', () => {
    const twice = [...selectors, { ...(selectors[bodyFentanyl] as QuoteSelector) }];
    const results = anchor(parse(canonicalHtml).body, twice, {
      sourceLength,
      createRanges: false,
    });
    expect(results[bodyFentanyl]?.start).not.toBeNull();
    expect(results[twice.length - 1]?.start).toBe(results[bodyFentanyl]?.start);
  });
});

describe('re-anchoring after the page changed a paragraph', () => {
  // The batch anchored again holds the changed paragraph's selectors (and the weak results): the
  // results kept from before are the article around them, and keep their places.
  test('the paragraph’s quotes come back, where a full anchoring puts them', () => {
    const doc = parse(canonicalHtml);
    const index = TextIndex.build(doc.body);
    const options = { sourceLength, createRanges: false };
    const before = anchorInIndex(index, selectors, options);
    const p = [...doc.querySelectorAll('p')].find((x) =>
      x.textContent?.startsWith('Mr Trump said the telephone call'),
    ) as HTMLElement;
    p.textContent = (p.textContent as string).replace('Mr Trump said', 'Mr Trump said on Monday');
    const change = index.update();
    expect(change).not.toBeNull();
    const after = reanchor(index, before, selectors, change, options);
    const fresh = anchorInIndex(TextIndex.build(doc.body), selectors, options);
    const placeOf = (r: AnchorResult | undefined) => [r?.start, r?.end];
    expect(after.map(placeOf)).toEqual(fresh.map(placeOf));
    expect(after.filter((r) => r.start === null)).toEqual([]);
  });
});
